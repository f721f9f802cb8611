import type { EntityPolicy } from '../../changes/entities';

/** The fund's records are open to the whole team, as the fund's screens are. */
export const grantEntityPolicies: Record<string, EntityPolicy> = {
  grant_priorities: { readPermission: 'grants.read' },
  grant_rounds: { readPermission: 'grants.read' },
  grant_criteria: { readPermission: 'grants.read' },
  grant_applications: { readPermission: 'grants.read' },
  grant_documents: { readPermission: 'grants.read' },
  grant_declarations: { readPermission: 'grants.read' },
  grant_scores: { readPermission: 'grants.read' },
  grant_vote_tallies: { readPermission: 'grants.read' },
  grant_payments: { readPermission: 'grants.read' },
  grant_evaluations: { readPermission: 'grants.read' },
};
