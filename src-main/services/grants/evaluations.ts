import type { z } from 'zod';
import type {
  evaluationInput,
  GrantApplication,
  GrantsHome,
} from '../../../src-shared/domain/grants';
import { ApiError } from '../../../src-shared/errors';
import { EVALUATION_REMINDER_DAYS } from '../../../src-shared/rules/grant-evaluation';
import { addCalendarDays, londonDate } from '../../../src-shared/rules/working-days';
import { writing, type AppContext, type CallContext } from '../context';
import { applicationRow, getApplication } from './applications';

export async function saveEvaluation(
  ctx: CallContext,
  input: z.output<typeof evaluationInput>,
): Promise<GrantApplication> {
  const a = await applicationRow(ctx.db, input.applicationId);
  if (a.decision !== 'awarded')
    throw ApiError.invalid('Only an awarded project has a post-project evaluation.');
  if (a.decided_on && input.receivedOn < a.decided_on)
    throw ApiError.invalid('The evaluation cannot arrive before the award was made.', [
      { path: 'receivedOn', message: 'Before the award.' },
    ]);
  const values = {
    received_on: input.receivedOn,
    delivered: input.delivered,
    people_reached: input.peopleReached,
    spent_pence: input.spentPence,
    learning: input.learning,
  };
  await writing(ctx, async (w) => {
    const existing = await w.trx
      .selectFrom('grant_evaluations')
      .select('id')
      .where('application_id', '=', a.id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (existing) await w.update('grant_evaluations', existing.id, values);
    else await w.create('grant_evaluations', { ...values, application_id: a.id });
    await w.update('grant_applications', a.id, { evaluated_on: input.receivedOn });
  });
  return getApplication(ctx, a.id);
}

/** That the applicant was reminded the evaluation is due, so the next reminder knows. */
export async function recordReminder(
  ctx: CallContext,
  id: string,
  sentOn: string,
): Promise<GrantApplication> {
  const a = await applicationRow(ctx.db, id);
  if (a.decision !== 'awarded' || !a.evaluation_due_on)
    throw ApiError.invalid('Only an award with an evaluation due has reminders.');
  await writing(ctx, (w) => w.update('grant_applications', id, { reminder_sent_on: sentOn }));
  return getApplication(ctx, id);
}

/** Home's fund card: open rounds, decisions waiting, evaluations due soon and overdue. */
export async function grantsHome(ctx: AppContext): Promise<GrantsHome> {
  const today = londonDate(ctx.clock.now());
  const soon = addCalendarDays(today, EVALUATION_REMINDER_DAYS);
  const base = ctx.db
    .selectFrom('grant_applications as a')
    .where('a.deleted_at', 'is', null)
    .where('a.decision', '=', 'awarded')
    .where('a.evaluated_on', 'is', null)
    .where('a.evaluation_due_on', 'is not', null);
  const [open, dueSoon, overdue, overdueCount, waiting] = await Promise.all([
    ctx.db
      .selectFrom('grant_rounds')
      .select(['id', 'name', 'closes_on'])
      .where('deleted_at', 'is', null)
      .where('opens_on', '<=', today)
      .where('closes_on', '>=', today)
      .orderBy('closes_on')
      .execute(),
    base
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('a.evaluation_due_on', '>=', today)
      .where('a.evaluation_due_on', '<=', soon)
      .executeTakeFirstOrThrow(),
    base
      .select(['a.id', 'a.reference', 'a.project_title', 'a.evaluation_due_on'])
      .where('a.evaluation_due_on', '<', today)
      .orderBy('a.evaluation_due_on')
      .limit(10)
      .execute(),
    base
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('a.evaluation_due_on', '<', today)
      .executeTakeFirstOrThrow(),
    ctx.db
      .selectFrom('grant_applications as a')
      .innerJoin('grant_rounds as r', 'r.id', 'a.round_id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('a.deleted_at', 'is', null)
      .where('a.status', '=', 'eligible')
      .where('r.closes_on', '<', today)
      .executeTakeFirstOrThrow(),
  ]);
  return {
    openRounds: open.map((r) => ({ id: r.id, name: r.name, closesOn: r.closes_on })),
    evaluationsDueSoon: Number(dueSoon.n),
    evaluationsOverdue: Number(overdueCount.n),
    overdue: overdue.map((o) => ({
      id: o.id,
      reference: o.reference,
      projectTitle: o.project_title,
      dueOn: o.evaluation_due_on!,
    })),
    waitingForDecision: Number(waiting.n),
  };
}
