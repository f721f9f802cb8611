import {
  addMonths,
  addYears,
  differenceInCalendarDays,
  format,
  parseISO,
  subYears,
} from 'date-fns';
import type { PrivacyRequest, RetentionType } from '../domain/privacy';

const iso = (d: Date) => format(d, 'yyyy-MM-dd');

/** The day a record falls due: `years` after the date its period runs from (29 February → 28th). */
export function retentionDueOn(from: string, years: number): string {
  return iso(addYears(parseISO(from.slice(0, 10)), years));
}

/** Records whose period ran from this date or before are due today. */
export function retentionCutoff(today: string, years: number): string {
  return iso(subYears(parseISO(today), years));
}

export function isRetentionDue(from: string, years: number, today: string): boolean {
  return retentionDueOn(from, years) <= today;
}

const periodWords: Record<RetentionType, string> = {
  customer: 'after their last activity',
  complaint_case: 'after the case closed',
  expense_claim: 'after the claim was paid or decided',
};

const fromWords: Record<RetentionType, string> = {
  customer: 'Last activity',
  complaint_case: 'Closed',
  expense_claim: 'Paid or decided',
};

export function retentionReason(type: RetentionType, from: string, years: number): string {
  return `${fromWords[type]} ${readable(from)}; kept ${years} year${years === 1 ? '' : 's'} ${periodWords[type]}.`;
}

function readable(date: string): string {
  return format(parseISO(date.slice(0, 10)), 'd MMMM yyyy');
}

/**
 * A subject access request is answered within one calendar month of the
 * day it was received: the same date next month, or that month's last day
 * when it has no such date (31 January → 28 or 29 February), as the ICO
 * counts it.
 */
export function subjectAccessDueOn(receivedOn: string): string {
  return iso(addMonths(parseISO(receivedOn), 1));
}

/** How a request stands today: due soon within a week, overdue after its day. */
export function requestState(
  dueOn: string,
  completedOn: string | null,
  today: string,
): { state: PrivacyRequest['state']; daysLeft: number | null } {
  if (completedOn) return { state: 'done', daysLeft: null };
  const daysLeft = differenceInCalendarDays(parseISO(dueOn), parseISO(today));
  if (daysLeft < 0) return { state: 'overdue', daysLeft };
  return { state: daysLeft <= 7 ? 'due_soon' : 'open', daysLeft };
}
