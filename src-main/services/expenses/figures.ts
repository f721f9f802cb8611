import { sql } from 'kysely';
import { expenseCategoryLabels, type ExpenseCategory } from '../../../src-shared/domain/expenses';
import { daysBetween, medianDays, percentileDays } from '../../../src-shared/rules/expense-figures';
import { financialYearOf } from '../../../src-shared/rules/report-period';
import { londonDate } from '../../../src-shared/rules/working-days';
import type { CallContext } from '../context';

import type { ExpenseFigures, SpendRow } from '../../../src-shared/domain/expense-figures';

type Db = CallContext['db'];

function linesIn(db: Db, from: string, to: string) {
  return (
    db
      .selectFrom('expense_lines as l')
      .innerJoin('expense_claims as c', 'c.id', 'l.claim_id')
      .where('l.deleted_at', 'is', null)
      .where('c.deleted_at', 'is', null)
      .where('l.on_date', '>=', from)
      .where('l.on_date', '<=', to)
      // The lines' copy of the status, so the lines' date index leads and each claim is one lookup.
      .where('l.claim_status', 'in', ['approved', 'paid'])
  );
}

const spent = sql<number>`coalesce(sum(CASE WHEN l.claim_status = 'paid' THEN l.allowed_pence END), 0)`;
const committed = sql<number>`coalesce(sum(CASE WHEN l.claim_status = 'approved' THEN l.allowed_pence END), 0)`;

const lineSpent = sql<number>`coalesce(sum(CASE WHEN claim_status = 'paid' THEN allowed_pence END), 0)`;
const lineCommitted = sql<number>`coalesce(sum(CASE WHEN claim_status = 'approved' THEN allowed_pence END), 0)`;

/**
 * Spend by the date each cost was incurred, by cost: from the lines alone,
 * through their copy of the claim's status (the report the bench times).
 */
export async function spendByCategory(
  ctx: CallContext,
  from: string,
  to: string,
): Promise<SpendRow[]> {
  const rows = await ctx.db
    .selectFrom('expense_lines')
    .where('deleted_at', 'is', null)
    .where('on_date', '>=', from)
    .where('on_date', '<=', to)
    .where('claim_status', 'in', ['approved', 'paid'])
    .groupBy('category')
    .select(['category as key', lineSpent.as('spent'), lineCommitted.as('committed')])
    .execute();
  const byKey = new Map(rows.map((r) => [r.key, r]));
  return (Object.keys(expenseCategoryLabels) as ExpenseCategory[])
    .filter((k) => byKey.has(k))
    .map((k) => ({
      key: k,
      label: expenseCategoryLabels[k],
      spentPence: Number(byKey.get(k)!.spent),
      committedPence: Number(byKey.get(k)!.committed),
      budgetPence: null,
    }));
}

/**
 * The expenses figures the board packs report for a period: spend against
 * budget by category, group, landlord and month; claims and customers
 * reimbursed; days from submission to payment; claims queried and rejected,
 * with the reasons given.
 */
export async function expenseFigures(
  ctx: CallContext,
  from: string,
  to: string,
): Promise<ExpenseFigures> {
  const years: number[] = [];
  for (let y = financialYearOf(from); y <= financialYearOf(to); y += 1) years.push(y);
  const budgets = await ctx.db
    .selectFrom('expense_budgets')
    .select(['group_id', 'cost_code', 'limit_pence'])
    .where('year', 'in', years)
    .where('deleted_at', 'is', null)
    .execute();
  const groupBudget = new Map<string, number>();
  for (const b of budgets)
    if (b.group_id) groupBudget.set(b.group_id, (groupBudget.get(b.group_id) ?? 0) + b.limit_pence);

  const byCategory = await spendByCategory(ctx, from, to);
  const groupRows = await linesIn(ctx.db, from, to)
    .leftJoin('groups as g', 'g.id', 'c.group_id')
    .groupBy('c.group_id')
    .select(['c.group_id as key', 'g.name', spent.as('spent'), committed.as('committed')])
    .orderBy('g.name')
    .execute();
  const landlordRows = await linesIn(ctx.db, from, to)
    .innerJoin('customers as p', 'p.id', 'c.customer_id')
    .leftJoin('landlords as ll', 'll.id', 'p.landlord_id')
    .groupBy('p.landlord_id')
    .select(['p.landlord_id as key', 'll.name', spent.as('spent'), committed.as('committed')])
    .orderBy('ll.name')
    .execute();
  const monthRows = await ctx.db
    .selectFrom('expense_lines')
    .where('deleted_at', 'is', null)
    .where('on_date', '>=', from)
    .where('on_date', '<=', to)
    .where('claim_status', 'in', ['approved', 'paid'])
    .groupBy(sql`substr(on_date, 1, 7)`)
    .select([
      sql<string>`substr(on_date, 1, 7)`.as('key'),
      lineSpent.as('spent'),
      lineCommitted.as('committed'),
    ])
    .orderBy('key')
    .execute();

  const paid = await ctx.db
    .selectFrom('expense_claims')
    .select(['customer_id', 'submitted_at', 'paid_on'])
    .where('status', '=', 'paid')
    .where('deleted_at', 'is', null)
    .where('paid_on', '>=', from)
    .where('paid_on', '<=', to)
    .execute();
  const waits = paid
    .filter((p) => p.submitted_at && p.paid_on)
    .map((p) => daysBetween(londonDate(new Date(p.submitted_at!)), p.paid_on!));

  const [fromAt, toAt] = [`${from}T00:00:00.000Z`, `${to}T23:59:59.999Z`];
  const queried = await ctx.db
    .selectFrom('expense_claim_events')
    .select((eb) => eb.fn.count<number>('claim_id').distinct().as('n'))
    .where('kind', '=', 'queried')
    .where('deleted_at', 'is', null)
    .where('created_at', '>=', fromAt)
    .where('created_at', '<=', toAt)
    .executeTakeFirstOrThrow();
  const rejected = await ctx.db
    .selectFrom('expense_claim_events as e')
    .innerJoin('expense_claims as c', 'c.id', 'e.claim_id')
    .select(['c.reference', 'e.note'])
    .where('e.kind', '=', 'rejected')
    .where('e.deleted_at', 'is', null)
    .where('e.created_at', '>=', fromAt)
    .where('e.created_at', '<=', toAt)
    .orderBy('e.created_at')
    .execute();

  const toRow = (
    r: {
      key: string | null;
      name?: string | null;
      spent: number;
      committed: number;
    },
    label: string,
    budget: number | null,
  ): SpendRow => ({
    key: r.key ?? '',
    label,
    spentPence: Number(r.spent),
    committedPence: Number(r.committed),
    budgetPence: budget,
  });
  const sum = (rows: SpendRow[], k: 'spentPence' | 'committedPence') =>
    rows.reduce((s, r) => s + r[k], 0);
  return {
    from,
    to,
    totalSpentPence: sum(byCategory, 'spentPence'),
    totalCommittedPence: sum(byCategory, 'committedPence'),
    totalBudgetPence: budgets.reduce((s, b) => s + b.limit_pence, 0),
    byCategory,
    byGroup: groupRows.map((r) =>
      toRow(r, r.name ?? 'No group', r.key ? (groupBudget.get(r.key) ?? null) : null),
    ),
    byLandlord: landlordRows.map((r) => toRow(r, r.name ?? 'No landlord recorded', null)),
    byMonth: monthRows.map((r) => toRow(r, r.key ?? '', null)),
    claimsReimbursed: paid.length,
    customersReimbursed: new Set(paid.map((p) => p.customer_id)).size,
    daysToPay: { claims: waits.length, median: medianDays(waits), p95: percentileDays(waits, 95) },
    queried: Number(queried.n),
    rejected: {
      count: rejected.length,
      reasons: rejected.map((r) => ({ reference: r.reference, reason: r.note ?? '' })),
    },
  };
}
