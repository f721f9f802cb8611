import type { Kysely } from 'kysely';
import type { Permission } from '../../src-shared/rules/permissions';
import type { DB } from '../db/schema';
import { equalityColumns } from '../db/schema/customers';
import { expenseEntityPolicies } from '../services/expenses/entity-policies';
import { grantEntityPolicies } from '../services/grants/entity-policies';
import { reviewEntityPolicies } from '../services/reviews/entity-policies';
import { communityEntityPolicies } from '../services/community/entity-policies';
import {
  recommendationChildPermission,
  recommendationPermission,
} from '../services/recommendations/source-access';

/**
 * Who may read each entity's history, and which fields only some roles may
 * see. The history view is an audit trail, so it must not show what the
 * record view itself would hide.
 */
export interface EntityPolicy {
  readPermission: Permission;
  /** A further check for records whose openness depends on the record itself. */
  recordPermission?: (db: Kysely<DB>, id: string) => Promise<Permission>;
  restrictedFields?: { fields: readonly string[]; permission: Permission };
}

export const entityPolicies: Record<string, EntityPolicy> = {
  staff: { readPermission: 'history.read' },
  settings: { readPermission: 'history.read' },
  landlords: { readPermission: 'organisation.read' },
  areas: { readPermission: 'organisation.read' },
  neighbourhoods: { readPermission: 'organisation.read' },
  customers: {
    readPermission: 'customers.read',
    restrictedFields: {
      fields: Object.values(equalityColumns),
      permission: 'customers.equality.read',
    },
  },
  groups: { readPermission: 'groups.read' },
  group_memberships: { readPermission: 'groups.read' },
  activities: { readPermission: 'meetings.read' },
  activity_actions: { readPermission: 'meetings.read' },
  attendance: { readPermission: 'meetings.read' },
  training_courses: { readPermission: 'training.read' },
  skills_audits: { readPermission: 'training.read' },
  // Complaint cases hold sensitive data: their history is as closed as the cases.
  complaint_cases: { readPermission: 'cases.read' },
  case_transitions: { readPermission: 'cases.read' },
  case_panel_members: { readPermission: 'cases.read' },
  case_declarations: { readPermission: 'cases.read' },
  case_notes: { readPermission: 'cases.read' },
  case_attachments: { readPermission: 'cases.read' },
  // A recommendation's history follows its source: closed for cases, open for other sources.
  recommendations: {
    readPermission: 'recommendations.read',
    recordPermission: recommendationPermission,
  },
  recommendation_steps: {
    readPermission: 'recommendations.read',
    recordPermission: (db, id) => recommendationChildPermission(db, 'recommendation_steps', id),
  },
  recommendation_updates: {
    readPermission: 'recommendations.read',
    recordPermission: (db, id) => recommendationChildPermission(db, 'recommendation_updates', id),
  },
  code_self_assessments: { readPermission: 'cases.read' },
  complaint_period_figures: { readPermission: 'cases.read' },
  board_packs: { readPermission: 'boardPacks.read' },
  kpi_targets: { readPermission: 'boardPacks.read' },
  self_assessment_documents: { readPermission: 'cases.read' },
  self_assessment_figures: { readPermission: 'cases.read' },
  ...reviewEntityPolicies,
  ...expenseEntityPolicies,
  privacy_requests: { readPermission: 'privacy.read' },
  person_redirects: { readPermission: 'customers.read' },
  ...grantEntityPolicies,
  ...communityEntityPolicies,
};
