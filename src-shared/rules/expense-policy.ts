import type { ExpenseCategory, ExpensePolicy } from '../domain/expenses';

/**
 * Why the app pays actual costs only, said wherever someone looks for a
 * flat-rate or "thank-you" payment.
 */
export const NO_FLAT_RATE_REASON =
  'Involvement Desk pays back actual costs only, never a flat-rate or “thank-you” payment: for a customer on benefits such a payment can count as earnings and put their income at risk. Claim what was actually spent, with a receipt where the policy asks for one.';

const flatRateWords =
  /\b(thank[- ]?you|flat[- ]?rate|honorari(?:um|a)|gift|voucher|allowance|per diem)\b/i;

/** A description that asks for a payment rather than a cost paid back. */
export function looksLikeFlatRate(description: string): boolean {
  return flatRateWords.test(description);
}

const caps: Record<ExpenseCategory, { capPence: number | null; needsPriorApproval: boolean }> = {
  mileage: { capPence: null, needsPriorApproval: false },
  public_transport: { capPence: null, needsPriorApproval: false },
  taxi: { capPence: null, needsPriorApproval: true },
  parking: { capPence: 1500, needsPriorApproval: false },
  childcare: { capPence: 5000, needsPriorApproval: false },
  carer: { capPence: 6000, needsPriorApproval: false },
  meals: { capPence: 1000, needsPriorApproval: false },
  phone_data: { capPence: 500, needsPriorApproval: false },
  other: { capPence: 2500, needsPriorApproval: true },
};

/** The policy a new install starts with: HMRC approved mileage rates and modest caps. */
export const defaultPolicy: ExpensePolicy = {
  id: null,
  startsOn: '2000-04-06',
  name: 'Expenses policy (HMRC approved mileage rates)',
  carFirstPence: 45,
  carAfterPence: 25,
  carBandMiles: 10_000,
  motorcyclePence: 24,
  bicyclePence: 20,
  passengerPence: 5,
  receiptThresholdPence: 1000,
  timeLimitDays: 90,
  paymentTargetDays: 14,
  maxMilesPerLine: 150,
  budgetWarningPercent: 90,
  categories: caps,
};

/** The version in force on a date: the latest to start on or before it; null before the first. */
export function policyFor<P extends Pick<ExpensePolicy, 'startsOn'>>(
  policies: readonly P[],
  isoDate: string,
): P | null {
  let best: P | null = null;
  for (const p of policies) {
    if (p.startsOn <= isoDate && (!best || p.startsOn > best.startsOn)) best = p;
  }
  return best;
}
