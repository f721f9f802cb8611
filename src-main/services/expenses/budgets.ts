import { sql } from 'kysely';
import type { z } from 'zod';
import type { Budget, budgetInput } from '../../../src-shared/domain/expenses';
import { ApiError } from '../../../src-shared/errors';
import { formatPounds } from '../../../src-shared/rules/expense-money';
import {
  financialYearLabel,
  financialYearOf,
  financialYearRange,
} from '../../../src-shared/rules/report-period';
import { londonDate } from '../../../src-shared/rules/working-days';
import type { ExpenseClaimRow } from '../../db/schema/expenses';
import { demand, writing, type CallContext } from '../context';
import { loadPolicies, policyBook } from './policy';

type Db = CallContext['db'];

/**
 * Spent (paid) and committed (approved, not yet paid) against a budget, by
 * the lines dated in its financial year on claims for its group or cost code.
 */
async function usage(
  db: Db,
  year: number,
  match: { groupId: string | null; costCode: string | null },
): Promise<{ spent: number; committed: number }> {
  const { from, to } = financialYearRange(year);
  const row = await db
    .selectFrom('expense_lines as l')
    .innerJoin('expense_claims as c', 'c.id', 'l.claim_id')
    .where('l.deleted_at', 'is', null)
    .where('c.deleted_at', 'is', null)
    .where('l.on_date', '>=', from)
    .where('l.on_date', '<=', to)
    .where('l.claim_status', 'in', ['approved', 'paid'])
    .where((eb) =>
      match.groupId !== null
        ? eb('c.group_id', '=', match.groupId)
        : eb('c.cost_code', '=', match.costCode ?? ''),
    )
    .select([
      sql<number>`coalesce(sum(CASE WHEN l.claim_status = 'paid' THEN l.allowed_pence END), 0)`.as(
        'spent',
      ),
      sql<number>`coalesce(sum(CASE WHEN l.claim_status = 'approved' THEN l.allowed_pence END), 0)`.as(
        'committed',
      ),
    ])
    .executeTakeFirstOrThrow();
  return { spent: Number(row.spent), committed: Number(row.committed) };
}

export async function listBudgets(ctx: CallContext, year: number): Promise<Budget[]> {
  const rows = await ctx.db
    .selectFrom('expense_budgets as b')
    .leftJoin('groups as g', 'g.id', 'b.group_id')
    .selectAll('b')
    .select('g.name as group_name')
    .where('b.year', '=', year)
    .where('b.deleted_at', 'is', null)
    .orderBy('g.name')
    .orderBy('b.cost_code')
    .execute();
  const out: Budget[] = [];
  for (const b of rows) {
    const u = await usage(ctx.db, b.year, { groupId: b.group_id, costCode: b.cost_code });
    out.push({
      id: b.id,
      year: b.year,
      groupId: b.group_id,
      groupName: b.group_name,
      costCode: b.cost_code,
      limitPence: b.limit_pence,
      spentPence: u.spent,
      committedPence: u.committed,
      remainingPence: b.limit_pence - u.spent - u.committed,
    });
  }
  return out;
}

export async function saveBudget(
  ctx: CallContext,
  input: z.output<typeof budgetInput>,
): Promise<Budget[]> {
  demand(ctx, 'expenses.budgets');
  await writing(ctx, async (w) => {
    const values = {
      year: input.year,
      group_id: input.groupId,
      cost_code: input.groupId ? null : input.costCode,
      limit_pence: input.limitPence,
    };
    const clash = await w.trx
      .selectFrom('expense_budgets')
      .select('id')
      .where('year', '=', input.year)
      .where('deleted_at', 'is', null)
      .where((eb) =>
        input.groupId
          ? eb('group_id', '=', input.groupId)
          : eb('cost_code', '=', input.costCode ?? ''),
      )
      .executeTakeFirst();
    if (clash && clash.id !== input.id)
      throw ApiError.invalid(
        `There is already a ${financialYearLabel(input.year)} budget for this ${input.groupId ? 'group' : 'cost code'}: change that one.`,
      );
    if (input.id) await w.update('expense_budgets', input.id, values);
    else await w.create('expense_budgets', values);
  });
  return listBudgets(ctx, input.year);
}

/**
 * Said when approving: the claim's budget near or over its limit once this
 * claim is counted. Null when it has no budget or is well within it.
 */
export async function budgetWarningFor(
  ctx: CallContext,
  claim: Pick<
    ExpenseClaimRow,
    'group_id' | 'cost_code' | 'first_line_on' | 'status' | 'total_pence'
  >,
): Promise<string | null> {
  if (!claim.group_id && !claim.cost_code) return null;
  const today = londonDate(ctx.clock.now());
  const year = financialYearOf(claim.first_line_on ?? today);
  const budget = await ctx.db
    .selectFrom('expense_budgets as b')
    .leftJoin('groups as g', 'g.id', 'b.group_id')
    .selectAll('b')
    .select('g.name as group_name')
    .where('b.year', '=', year)
    .where('b.deleted_at', 'is', null)
    .where((eb) =>
      eb.or([
        ...(claim.group_id ? [eb('b.group_id', '=', claim.group_id)] : []),
        ...(claim.cost_code ? [eb('b.cost_code', '=', claim.cost_code)] : []),
      ]),
    )
    .executeTakeFirst();
  if (!budget) return null;
  const u = await usage(ctx.db, year, { groupId: budget.group_id, costCode: budget.cost_code });
  const used = u.spent + u.committed + (claim.status === 'approved' ? 0 : claim.total_pence);
  const policy = policyBook(await loadPolicies(ctx.db)).current(today);
  const name = `The ${budget.group_name ?? `cost code ${budget.cost_code}`} budget for ${financialYearLabel(year)}`;
  if (used > budget.limit_pence)
    return `${name} is over its limit: ${formatPounds(used)} spent or committed with this claim, against ${formatPounds(budget.limit_pence)}.`;
  if (used * 100 >= budget.limit_pence * policy.budgetWarningPercent)
    return `${name} is nearly used: ${formatPounds(used)} of ${formatPounds(budget.limit_pence)} spent or committed with this claim, ${formatPounds(budget.limit_pence - used)} left.`;
  return null;
}
