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
  consultation_outcomes: { readPermission: 'reviews.read' },
  assurance_tags: { readPermission: 'assurance.read' },
  review_audit_items: { readPermission: 'reviews.read' },
  review_contacts: { readPermission: 'reviews.read' },
  review_comments: { readPermission: 'reviews.read' },
  you_said_we_did: { readPermission: 'reviews.read' },
  engagement_plans: { readPermission: 'reviews.read' },
  engagement_checkins: { readPermission: 'reviews.read' },
  policies: { readPermission: 'reviews.read' },
};
