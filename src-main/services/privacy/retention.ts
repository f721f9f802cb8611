import { sql } from 'kysely';
import type { z } from 'zod';
import {
  defaultRetention,
  type RetentionDue,
  type RetentionOverview,
  type RetentionSchedule,
  type retentionScheduleInput,
} from '../../../src-shared/domain/privacy';
import {
  retentionCutoff,
  retentionDueOn,
  retentionReason,
} from '../../../src-shared/rules/retention';
import { londonDate, readableDate } from '../../../src-shared/rules/working-days';
import { demand, writing, type AppContext, type CallContext } from '../context';
import { readSetting, saveSetting } from '../settings';

export const RETENTION_SETTING = 'privacy.retention';

/** How many due records the screen lists at once; the rest are counted. */
const LIST_CAP = 200;

export async function retentionSchedule(ctx: AppContext): Promise<RetentionSchedule> {
  return { ...defaultRetention, ...(await readSetting(ctx, RETENTION_SETTING, defaultRetention)) };
}

export async function saveRetentionSchedule(
  ctx: CallContext,
  input: z.output<typeof retentionScheduleInput>,
): Promise<RetentionOverview> {
  demand(ctx, 'privacy.manage');
  await writing(ctx, (w) => saveSetting(w, RETENTION_SETTING, input));
  return retentionOverview(ctx);
}

/** Records already erased, by the audit log (which keeps every erasure). */
function erased(entity: string) {
  return sql<boolean>`NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.action = 'erasure'
    AND a.entity = ${entity} AND a.entity_id = x.id)`;
}

/** What the schedule says is due today, and why, oldest first. */
export async function retentionOverview(ctx: CallContext): Promise<RetentionOverview> {
  demand(ctx, 'privacy.read');
  const schedule = await retentionSchedule(ctx);
  const today = londonDate(ctx.clock.now());
  const due: RetentionDue[] = [];

  // "When they ask": an open erasure request makes the customer due at once.
  const asked = await ctx.db
    .selectFrom('privacy_requests as r')
    .innerJoin('customers as c', 'c.id', 'r.customer_id')
    .select(['c.id', 'c.first_name', 'c.last_name', 'r.received_on'])
    .where('r.kind', '=', 'erasure')
    .where('r.completed_on', 'is', null)
    .where('r.deleted_at', 'is', null)
    .where('c.erased_at', 'is', null)
    .orderBy('r.received_on')
    .execute();
  const askedIds = new Set(asked.map((a) => a.id));
  for (const a of asked)
    due.push({
      type: 'customer',
      id: a.id,
      label: `${a.first_name} ${a.last_name}`,
      from: a.received_on,
      dueOn: a.received_on,
      reason: `Asked to be erased on ${readableDate(a.received_on)}.`,
    });

  const customerCutoff = retentionCutoff(today, schedule.customer);
  const lastSeen = sql<string>`substr(coalesce(x.last_activity_at, x.created_at), 1, 10)`;
  const customers = await ctx.db
    .selectFrom('customers as x')
    .select(['x.id', 'x.first_name', 'x.last_name', lastSeen.as('from')])
    .where('x.erased_at', 'is', null)
    .where(lastSeen, '<=', customerCutoff)
    .orderBy(lastSeen)
    .limit(LIST_CAP + 1)
    .execute();
  for (const c of customers) {
    if (askedIds.has(c.id)) continue;
    due.push({
      type: 'customer',
      id: c.id,
      label: `${c.first_name} ${c.last_name}`,
      from: c.from,
      dueOn: retentionDueOn(c.from, schedule.customer),
      reason: retentionReason('customer', c.from, schedule.customer),
    });
  }

  const cases = await ctx.db
    .selectFrom('complaint_cases as x')
    .select(['x.id', 'x.reference', 'x.closed_on'])
    .where('x.closed_on', 'is not', null)
    .where('x.closed_on', '<=', retentionCutoff(today, schedule.complaint_case))
    .where(erased('complaint_cases'))
    .orderBy('x.closed_on')
    .limit(LIST_CAP + 1)
    .execute();
  for (const c of cases)
    due.push({
      type: 'complaint_case',
      id: c.id,
      label: `Case ${c.reference}`,
      from: c.closed_on!,
      dueOn: retentionDueOn(c.closed_on!, schedule.complaint_case),
      reason: retentionReason('complaint_case', c.closed_on!, schedule.complaint_case),
    });

  const settled = sql<string>`substr(coalesce(x.paid_on, x.decided_at, x.submitted_at, x.created_at), 1, 10)`;
  const claims = await ctx.db
    .selectFrom('expense_claims as x')
    .select(['x.id', 'x.reference', settled.as('from')])
    .where(settled, '<=', retentionCutoff(today, schedule.expense_claim))
    .where(erased('expense_claims'))
    .orderBy(settled)
    .limit(LIST_CAP + 1)
    .execute();
  for (const c of claims)
    due.push({
      type: 'expense_claim',
      id: c.id,
      label: `Claim ${c.reference}`,
      from: c.from,
      dueOn: retentionDueOn(c.from, schedule.expense_claim),
      reason: retentionReason('expense_claim', c.from, schedule.expense_claim),
    });

  const listed = due.slice(0, LIST_CAP);
  return { schedule, today, due: listed, moreDue: due.length - listed.length };
}
