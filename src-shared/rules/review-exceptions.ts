import type { ManagementResponse, RecommendationStatus } from './recommendations';
import { isOverdue } from './recommendations';

/*
 * The Group Audit and Risk Committee's exception report, "like internal
 * audit": overdue, rejected and partly accepted recommendations from reviews
 * and, for the Scrutiny Panel, every recommendation until it is verified.
 * Overdue and Scrutiny Panel ones stay whatever their age; rejected and
 * partly accepted ones are listed for the period the report covers (the
 * service applies the period).
 */

export type ExceptionReason = 'overdue' | 'rejected' | 'partly_accepted' | 'not_verified';

export const exceptionReasonLabels: Record<ExceptionReason, string> = {
  overdue: 'Overdue',
  rejected: 'Rejected by management',
  partly_accepted: 'Partly accepted',
  not_verified: 'Scrutiny Panel: open until verified',
};

export interface ExceptionInput {
  status: RecommendationStatus;
  response: ManagementResponse | null;
  dueDate: string | null;
  fromScrutinyPanel: boolean;
}

export function exceptionReasons(r: ExceptionInput, today: string): ExceptionReason[] {
  const out: ExceptionReason[] = [];
  if (isOverdue(r.status, r.response, r.dueDate, today)) out.push('overdue');
  if (r.response === 'rejected') out.push('rejected');
  if (r.response === 'partly_accepted') out.push('partly_accepted');
  // A rejected recommendation is not worked on, so it cannot be verified.
  if (r.fromScrutinyPanel && r.status !== 'verified' && r.response !== 'rejected' && !out.length)
    out.push('not_verified');
  return out;
}

/** Whole calendar days past the due date; 0 when not overdue. */
export function daysOverdue(dueDate: string | null, today: string, overdue: boolean): number {
  if (!overdue || !dueDate) return 0;
  return Math.round(
    (Date.parse(`${today}T00:00:00Z`) - Date.parse(`${dueDate}T00:00:00Z`)) / 86_400_000,
  );
}
