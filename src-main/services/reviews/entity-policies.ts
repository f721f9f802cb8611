import type { EntityPolicy } from '../../changes/entities';

/** Reviews are open to every role, and so is their history. */
export const reviewEntityPolicies: Record<string, EntityPolicy> = {
  review_commissions: { readPermission: 'reviews.read' },
  reviews: { readPermission: 'reviews.read' },
  review_stage_moves: { readPermission: 'reviews.read' },
  review_team: { readPermission: 'reviews.read' },
  review_officers: { readPermission: 'reviews.read' },
  review_evidence: { readPermission: 'reviews.read' },
  review_findings: { readPermission: 'reviews.read' },
  assurance_tags: { readPermission: 'assurance.read' },
};
