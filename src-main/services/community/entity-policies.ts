import type { EntityPolicy } from '../../changes/entities';

/** Keeping in touch and the neighbourhood work: open to every role that reads the register. */
export const communityEntityPolicies: Record<string, EntityPolicy> = {
  mailing_lists: { readPermission: 'community.read' },
  communications: { readPermission: 'community.read' },
  communication_recipients: { readPermission: 'customers.read' },
  rhythm_deliveries: { readPermission: 'community.read' },
  menu_entries: { readPermission: 'community.read' },
  taras: { readPermission: 'community.read' },
  tara_criteria: { readPermission: 'community.read' },
  tara_visits: { readPermission: 'community.read' },
  dispersed_communities: { readPermission: 'community.read' },
  community_visits: { readPermission: 'community.read' },
  buildings: { readPermission: 'community.read' },
  building_residents: { readPermission: 'community.read' },
  building_engagements: { readPermission: 'community.read' },
  building_reviews: { readPermission: 'community.read' },
};
