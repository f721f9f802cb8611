import type { z } from 'zod';
import type { ExpensePolicy, policyInput } from '../../../src-shared/domain/expenses';
import { ApiError } from '../../../src-shared/errors';
import { defaultPolicy, policyFor } from '../../../src-shared/rules/expense-policy';
import type { Writer } from '../../changes/writer';
import type { ExpensePolicyRow } from '../../db/schema/expenses';
import { demand, writing, type CallContext } from '../context';

type Db = CallContext['db'] | Writer['trx'];

function toPolicy(row: ExpensePolicyRow): ExpensePolicy {
  return {
    id: row.id,
    startsOn: row.starts_on,
    name: row.name,
    carFirstPence: row.car_first_pence,
    carAfterPence: row.car_after_pence,
    carBandMiles: row.car_band_miles,
    motorcyclePence: row.motorcycle_pence,
    bicyclePence: row.bicycle_pence,
    passengerPence: row.passenger_pence,
    receiptThresholdPence: row.receipt_threshold_pence,
    timeLimitDays: row.time_limit_days,
    paymentTargetDays: row.payment_target_days,
    maxMilesPerLine: row.max_miles_per_line,
    budgetWarningPercent: row.budget_warning_percent,
    categories: { ...defaultPolicy.categories, ...JSON.parse(row.categories) },
  };
}

function toRow(p: Omit<ExpensePolicy, 'id'>) {
  return {
    starts_on: p.startsOn,
    name: p.name,
    car_first_pence: p.carFirstPence,
    car_after_pence: p.carAfterPence,
    car_band_miles: p.carBandMiles,
    motorcycle_pence: p.motorcyclePence,
    bicycle_pence: p.bicyclePence,
    passenger_pence: p.passengerPence,
    receipt_threshold_pence: p.receiptThresholdPence,
    time_limit_days: p.timeLimitDays,
    payment_target_days: p.paymentTargetDays,
    max_miles_per_line: p.maxMilesPerLine,
    budget_warning_percent: p.budgetWarningPercent,
    categories: JSON.stringify(p.categories),
  };
}

/**
 * Every version, oldest first. A database set up before expenses existed
 * has none saved: the default policy (HMRC rates) applies until an
 * administrator saves one.
 */
export async function loadPolicies(db: Db): Promise<ExpensePolicy[]> {
  const rows = await db
    .selectFrom('expense_policies')
    .selectAll()
    .where('deleted_at', 'is', null)
    .orderBy('starts_on')
    .execute();
  return rows.length ? rows.map(toPolicy) : [defaultPolicy];
}

export interface PolicyBook {
  all: ExpensePolicy[];
  on(isoDate: string): ExpensePolicy | null;
  /** The version for today's settings (targets, thresholds for Home). */
  current(today: string): ExpensePolicy;
}

export function policyBook(all: ExpensePolicy[]): PolicyBook {
  return {
    all,
    on: (d) => policyFor(all, d),
    current: (today) => policyFor(all, today) ?? all[all.length - 1] ?? defaultPolicy,
  };
}

export async function listPolicies(ctx: CallContext): Promise<ExpensePolicy[]> {
  return loadPolicies(ctx.db);
}

/** Saves a version; one starting on the same day as an existing version replaces its terms. */
export async function savePolicy(
  ctx: CallContext,
  input: z.output<typeof policyInput>,
): Promise<ExpensePolicy[]> {
  demand(ctx, 'expenses.policy');
  if (input.carAfterPence > input.carFirstPence)
    throw ApiError.invalid('The rate after the band should not be more than the first rate.', [
      { path: 'carAfterPence', message: 'More than the first rate.' },
    ]);
  await writing(ctx, async (w) => {
    const same = await w.trx
      .selectFrom('expense_policies')
      .select('id')
      .where('starts_on', '=', input.startsOn)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (same) await w.update('expense_policies', same.id, toRow(input));
    else await w.create('expense_policies', toRow(input));
  });
  return loadPolicies(ctx.db);
}

/** The default template's policy: HMRC approved mileage rates and modest caps. */
export async function seedDefaultPolicy(w: Writer): Promise<void> {
  const existing = await w.trx
    .selectFrom('expense_policies')
    .select('id')
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!existing) await w.create('expense_policies', toRow(defaultPolicy));
}
