import type { Permission } from './permissions';

/**
 * Recommendations from complaint cases and scrutiny reviews share one
 * tracker. "Overdue" is never stored: it is worked out from the due date and
 * today, so it cannot go stale.
 */
export const recommendationSources = ['complaint_case', 'scrutiny_review'] as const;
export type RecommendationSource = (typeof recommendationSources)[number];
export const recommendationSourceLabels: Record<RecommendationSource, string> = {
  complaint_case: 'Complaint case',
  scrutiny_review: 'Scrutiny review',
};

/**
 * A recommendation, its steps and its history are as open as its source:
 * those from complaint cases only to those who may open the case, those from
 * other sources to everyone who may see the tracker.
 */
export const recommendationReadPermission = {
  complaint_case: 'cases.read',
  scrutiny_review: 'recommendations.read',
} as const satisfies Record<RecommendationSource, Permission>;

export const recommendationStatuses = ['open', 'in_progress', 'implemented', 'verified'] as const;
export type RecommendationStatus = (typeof recommendationStatuses)[number];
export const recommendationStatusLabels: Record<RecommendationStatus | 'overdue', string> = {
  open: 'Open',
  in_progress: 'In progress',
  implemented: 'Implemented',
  verified: 'Verified',
  overdue: 'Overdue',
};

export const managementResponses = ['accepted', 'partly_accepted', 'rejected'] as const;
export type ManagementResponse = (typeof managementResponses)[number];
export const managementResponseLabels: Record<ManagementResponse, string> = {
  accepted: 'Accepted',
  partly_accepted: 'Partly accepted',
  rejected: 'Rejected',
};

/** Rejected recommendations are not worked on, so they are never overdue or open. */
export function isDone(status: RecommendationStatus, response: ManagementResponse | null): boolean {
  return response === 'rejected' || status === 'implemented' || status === 'verified';
}

export function isOverdue(
  status: RecommendationStatus,
  response: ManagementResponse | null,
  dueDate: string | null,
  today: string,
): boolean {
  return !isDone(status, response) && dueDate !== null && dueDate < today;
}

export interface StatusChangeCheck {
  ok: boolean;
  message?: string;
}

/** Verified needs evidence of completion; a rejected recommendation cannot be worked on. */
export function checkStatusChange(
  next: RecommendationStatus,
  response: ManagementResponse | null,
  evidence: string | null,
): StatusChangeCheck {
  if (response === 'rejected' && next !== 'open') {
    return {
      ok: false,
      message: 'Management rejected this recommendation, so it cannot be marked as worked on.',
    };
  }
  if ((next === 'implemented' || next === 'verified') && !evidence?.trim()) {
    return { ok: false, message: `Record the evidence of completion before marking it ${next}.` };
  }
  return { ok: true };
}
