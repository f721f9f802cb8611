import { sql } from 'kysely';
import type { ExpensesHome } from '../../../src-shared/domain/expenses';
import { addCalendarDays, londonDate } from '../../../src-shared/rules/working-days';
import type { CallContext } from '../context';
import { customerName } from './claim-rows';
import { loadPolicies, policyBook } from './policy';

/**
 * What Home shows: claims waiting for a decision, and customers waiting
 * longer than the policy's target from submitting a claim to being paid.
 */
export async function expensesHome(ctx: CallContext): Promise<ExpensesHome> {
  const today = londonDate(ctx.clock.now());
  const policy = policyBook(await loadPolicies(ctx.db)).current(today);
  const waiting = await ctx.db
    .selectFrom('expense_claims')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.min('submitted_at').as('oldest')])
    .where('status', '=', 'submitted')
    .where('deleted_at', 'is', null)
    .executeTakeFirstOrThrow();
  const cutoff = addCalendarDays(today, -policy.paymentTargetDays);
  const overdue = await ctx.db
    .selectFrom('expense_claims as c')
    .innerJoin('customers as p', 'p.id', 'c.customer_id')
    .where('c.deleted_at', 'is', null)
    .where('c.status', 'in', ['submitted', 'queried', 'approved'])
    .where(sql<string>`substr(c.submitted_at, 1, 10)`, '<', cutoff)
    .groupBy('c.customer_id')
    .select((eb) => [
      'c.customer_id',
      'p.first_name',
      'p.last_name',
      'p.preferred_name',
      eb.fn.min('c.submitted_at').as('since'),
    ])
    .orderBy('since')
    .limit(50)
    .execute();
  return {
    waiting: Number(waiting.n),
    oldestWaitingSince: (waiting.oldest as string | null) ?? null,
    targetDays: policy.paymentTargetDays,
    overdueCustomers: overdue.map((o) => {
      const since = String(o.since);
      const days = Math.round(
        (Date.parse(`${today}T00:00:00Z`) - Date.parse(`${since.slice(0, 10)}T00:00:00Z`)) /
          86_400_000,
      );
      return { customerId: o.customer_id, name: customerName(o), since, days };
    }),
  };
}

/** The activities a customer attended lately, newest first, to link claim lines to. */
export async function customerActivities(
  ctx: CallContext,
  customerId: string,
): Promise<{ id: string; title: string; on: string; groupId: string | null }[]> {
  const rows = await ctx.db
    .selectFrom('attendance as t')
    .innerJoin('activities as a', 'a.id', 't.activity_id')
    .select(['a.id', 'a.title', 'a.starts_at', 'a.group_id'])
    .where('t.customer_id', '=', customerId)
    .where('t.deleted_at', 'is', null)
    .where((eb) => eb.or([eb('t.status', 'is', null), eb('t.status', '=', 'present')]))
    .where('a.deleted_at', 'is', null)
    .orderBy('a.starts_at', 'desc')
    .limit(60)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    on: londonDate(new Date(r.starts_at)),
    groupId: r.group_id,
  }));
}
