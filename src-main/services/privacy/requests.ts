import type { z } from 'zod';
import type {
  PrivacyRequest,
  PrivacyRequestKind,
  privacyRequestInput,
} from '../../../src-shared/domain/privacy';
import { ApiError } from '../../../src-shared/errors';
import { requestState, subjectAccessDueOn } from '../../../src-shared/rules/retention';
import { londonDate } from '../../../src-shared/rules/working-days';
import { allowed, demand, writing, type AppContext, type CallContext } from '../context';

/** Subject access and erasure requests, open first by deadline, then the last year's answered ones. */
export async function listRequests(ctx: AppContext, today: string): Promise<PrivacyRequest[]> {
  const rows = await ctx.db
    .selectFrom('privacy_requests as r')
    .innerJoin('customers as c', 'c.id', 'r.customer_id')
    .select([
      'r.id',
      'r.kind',
      'r.customer_id',
      'c.first_name',
      'c.last_name',
      'r.received_on',
      'r.due_on',
      'r.completed_on',
      'r.note',
    ])
    .where('r.deleted_at', 'is', null)
    .orderBy('r.completed_on', 'asc')
    .orderBy('r.due_on', 'asc')
    .limit(500)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as PrivacyRequestKind,
    customerId: r.customer_id,
    customerName: `${r.first_name} ${r.last_name}`,
    receivedOn: r.received_on,
    dueOn: r.due_on,
    completedOn: r.completed_on,
    note: r.note,
    ...requestState(r.due_on, r.completed_on, today),
  }));
}

export async function privacyRequests(ctx: CallContext): Promise<PrivacyRequest[]> {
  demand(ctx, 'privacy.read');
  return listRequests(ctx, londonDate(ctx.clock.now()));
}

export async function recordRequest(
  ctx: CallContext,
  input: z.output<typeof privacyRequestInput>,
): Promise<PrivacyRequest[]> {
  demand(ctx, 'privacy.manage');
  const today = londonDate(ctx.clock.now());
  if (input.receivedOn > today)
    throw ApiError.invalid('The request cannot have been received after today.', [
      { path: 'receivedOn', message: 'The request cannot have been received after today.' },
    ]);
  await writing(ctx, async (w) => {
    const customer = await w.trx
      .selectFrom('customers')
      .select('id')
      .where('id', '=', input.customerId)
      .executeTakeFirst();
    if (!customer)
      throw ApiError.invalid('Choose the customer the request is from.', [
        { path: 'customerId', message: 'Choose the customer the request is from.' },
      ]);
    await w.create('privacy_requests', {
      kind: input.kind,
      customer_id: input.customerId,
      received_on: input.receivedOn,
      // Erasure has the same one month to answer as subject access (UK GDPR Art. 12(3)).
      due_on: subjectAccessDueOn(input.receivedOn),
      completed_on: null,
      note: input.note,
    });
  });
  return listRequests(ctx, today);
}

export async function completeRequest(
  ctx: CallContext,
  input: { id: string; completedOn: string },
): Promise<PrivacyRequest[]> {
  demand(ctx, 'privacy.manage');
  const today = londonDate(ctx.clock.now());
  if (input.completedOn > today)
    throw ApiError.invalid('A request cannot be answered after today.', [
      { path: 'completedOn', message: 'A request cannot be answered after today.' },
    ]);
  await writing(ctx, (w) =>
    w.update('privacy_requests', input.id, { completed_on: input.completedOn }),
  );
  return listRequests(ctx, today);
}

/** Open requests due within a week or overdue, for Home's attention list. */
export async function requestsNeedingAttention(ctx: CallContext): Promise<PrivacyRequest[]> {
  if (!allowed(ctx, 'privacy.read')) return [];
  const today = londonDate(ctx.clock.now());
  const open = (await listRequests(ctx, today)).filter((r) => !r.completedOn);
  return open.filter((r) => r.state === 'overdue' || r.state === 'due_soon');
}
