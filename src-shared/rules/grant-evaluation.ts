import { addCalendarDays } from './working-days';
import type { EvaluationState } from '../domain/grants';

/** Reminders start this many days before an evaluation is due. */
export const EVALUATION_REMINDER_DAYS = 28;

/**
 * The post-project evaluation is due a set number of weeks after the project
 * ends (the round's setting); with no end date, after the decision.
 */
export function defaultEvaluationDue(
  endsOn: string | null,
  decidedOn: string,
  weeks: number,
): string {
  return addCalendarDays(endsOn && endsOn > decidedOn ? endsOn : decidedOn, weeks * 7);
}

export function evaluationState(
  dueOn: string | null,
  received: boolean,
  today: string,
): EvaluationState | null {
  if (received) return 'received';
  if (!dueOn) return null;
  if (dueOn < today) return 'overdue';
  if (dueOn <= addCalendarDays(today, EVALUATION_REMINDER_DAYS)) return 'due_soon';
  return 'not_due';
}

/** A payment may not take what has been paid beyond the award. */
export function paymentProblem(
  awardPence: number | null,
  paidPence: number,
  amountPence: number,
): string | null {
  if (awardPence === null) return 'Only an awarded application can be paid.';
  const left = awardPence - paidPence;
  if (amountPence > left)
    return left <= 0
      ? 'The award has been paid in full.'
      : `This is more than the ${(left / 100).toLocaleString('en-GB', { style: 'currency', currency: 'GBP' })} left to pay of the award.`;
  return null;
}
