import { expenseCategoryLabels, type ExpensePolicy, type LineCheck } from '../domain/expenses';
import { formatMiles, formatPounds } from './expense-money';
import { looksLikeFlatRate, NO_FLAT_RATE_REASON } from './expense-policy';
import { addCalendarDays, readableDate } from './working-days';

export interface CheckedLine {
  on: string;
  category: keyof typeof expenseCategoryLabels;
  description: string;
  activityId: string | null;
  milesTenths: number | null;
  claimedPence: number;
  receiptCount: number;
  priorApproval: boolean;
}

export interface CheckFacts {
  /** The day the claim is (or was) submitted: the time limit counts back from it. */
  submittedOn: string;
  policyOn: (isoDate: string) => ExpensePolicy | null;
  /** Activities the customer is recorded as attending. */
  attended: ReadonlySet<string>;
  /** `date|category|activity` of the customer's lines on their other live claims. */
  otherClaimKeys: ReadonlySet<string>;
}

export function duplicateKey(line: Pick<CheckedLine, 'on' | 'category' | 'activityId'>): string {
  return `${line.on}|${line.category}|${line.activityId ?? ''}`;
}

function lineName(index: number, line: CheckedLine): string {
  return `Line ${index + 1} (${readableDate(line.on)}, ${expenseCategoryLabels[line.category].toLowerCase()})`;
}

/**
 * What to put right or weigh before a claim is paid, each naming the line
 * and what to do. `stop` checks hold the claim back; `ask` checks are for
 * the approver to weigh.
 */
export function checkLines(lines: readonly CheckedLine[], facts: CheckFacts): LineCheck[] {
  const out: LineCheck[] = [];
  const seen = new Map<string, number>();
  lines.forEach((line, i) => {
    const name = lineName(i, line);
    const add = (kind: LineCheck['kind'], severity: LineCheck['severity'], message: string) =>
      out.push({ lineIndex: i, kind, severity, message: `${name}: ${message}` });
    const policy = facts.policyOn(line.on);
    if (!policy) {
      add(
        'no_policy',
        'stop',
        'no expenses policy was in force on this date. Check the date, or ask an administrator to add the policy that applied.',
      );
      return;
    }
    const key = duplicateKey(line);
    const earlier = seen.get(key);
    if (earlier !== undefined)
      add(
        'duplicate',
        'stop',
        `the same date, cost and activity as line ${earlier + 1}. Put both costs on one line, or remove one.`,
      );
    else if (facts.otherClaimKeys.has(key))
      add(
        'duplicate',
        'stop',
        'the customer has already claimed this cost for the same date and activity on another claim. Remove it, or change the date or activity if it was a different cost.',
      );
    seen.set(key, earlier ?? i);
    // Mileage is paid at HMRC's rates on the miles declared: there is no receipt for a journey.
    if (
      line.claimedPence > policy.receiptThresholdPence &&
      line.receiptCount === 0 &&
      line.category !== 'mileage'
    )
      add(
        'receipt_missing',
        'stop',
        `a receipt is needed above ${formatPounds(policy.receiptThresholdPence)}. Attach a photo or scan of the receipt.`,
      );
    const limit = addCalendarDays(facts.submittedOn, -policy.timeLimitDays);
    if (line.on < limit)
      add(
        'too_old',
        'stop',
        `more than ${policy.timeLimitDays} days before the claim was made, the policy's time limit. A team leader can only pay it as an exception outside the app.`,
      );
    if (line.on > facts.submittedOn) add('too_old', 'stop', 'dated in the future. Check the date.');
    if (policy.categories[line.category].needsPriorApproval && !line.priorApproval)
      add(
        'prior_approval',
        'stop',
        `${expenseCategoryLabels[line.category].toLowerCase()} must be agreed beforehand. Record that it was agreed, or remove the line.`,
      );
    if (line.activityId && !facts.attended.has(line.activityId))
      add(
        'not_attended',
        'ask',
        'the customer is not recorded as attending this activity. Record their attendance on the activity, or check the activity chosen.',
      );
    if (
      line.category === 'mileage' &&
      line.milesTenths !== null &&
      line.milesTenths > policy.maxMilesPerLine * 10
    )
      add(
        'implausible_miles',
        'ask',
        `${formatMiles(line.milesTenths)} miles is more than the ${policy.maxMilesPerLine} miles the policy expects for one journey. Check the miles, or say in the description why the journey was that long.`,
      );
    if (looksLikeFlatRate(line.description)) add('flat_rate', 'stop', NO_FLAT_RATE_REASON);
  });
  return out;
}
