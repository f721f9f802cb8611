import type { EditableColumns } from './common';

export interface ReviewCommissionsTable extends EditableColumns {
  kind: string;
  commissioned_by: string;
  commissioner_name: string | null;
  commissioner_service: string | null;
  commissioned_on: string;
  question: string;
  service_area: string;
  /** JSON array of landlord ids. */
  landlord_ids: string;
  deadline: string;
}

export interface ReviewsTable extends EditableColumns {
  reference: string;
  commission_id: string;
  kind: string;
  title: string;
  service_area: string;
  /** JSON array of { code, label }. */
  stages: string;
  stage: string;
  started_on: string;
  deadline: string;
  completed_on: string | null;
  lead_officer_id: string;
  team_group_id: string | null;
  report_intro: string;
  report_closing: string | null;
  policy_name: string | null;
  board_date: string | null;
  comment_opens: string | null;
  comment_closes: string | null;
  feedback_sent_on: string | null;
  /** A policy consultation's task & finish group, whose three days it runs on. */
  task_group_id: string | null;
  /** The policy on the register a consultation is for. */
  policy_id: string | null;
}

export interface PoliciesTable extends EditableColumns {
  name: string;
  service_area: string | null;
  owner_name: string | null;
  customer_facing: number;
  /** When it next goes to the Board for approval. */
  board_date: string | null;
  last_approved_on: string | null;
  notes: string | null;
}

export interface ConsultationOutcomesTable extends EditableColumns {
  review_id: string;
  position: number;
  said: string;
  outcome: string;
  explanation: string;
}

export interface ReviewStageMovesTable extends EditableColumns {
  review_id: string;
  from_stage: string | null;
  to_stage: string;
  on_date: string;
  reason: string | null;
}

export interface ReviewTeamTable extends EditableColumns {
  review_id: string;
  customer_id: string;
  role: string;
  joined_on: string;
}

export interface ReviewOfficersTable extends EditableColumns {
  review_id: string;
  staff_id: string;
}

export interface ReviewEvidenceTable extends EditableColumns {
  review_id: string;
  kind: string;
  title: string;
  on_date: string;
  notes: string | null;
  asked_on: string | null;
  due_on: string | null;
  answered_on: string | null;
  file_name: string | null;
  mime_type: string | null;
  size_bytes: number | null;
  content_hash: string | null;
}

export interface ReviewFindingsTable extends EditableColumns {
  review_id: string;
  position: number;
  heading: string;
  text: string;
}

export interface AssuranceTagsTable extends EditableColumns {
  entity_type: string;
  entity_id: string;
  framework_version: string;
  requirement_code: string;
  evidence_date: string;
  label: string;
}

export interface ReviewAuditItemsTable extends EditableColumns {
  review_id: string;
  area: string;
  item: string;
  score: number | null;
  max_score: number;
  comment: string | null;
  photo_name: string | null;
  photo_mime: string | null;
  photo_hash: string | null;
}

export interface ReviewContactsTable extends EditableColumns {
  review_id: string;
  scenario: string;
  channel: string;
  contacted_on: string;
  standard: string | null;
  met_standard: number | null;
  note: string | null;
}

export interface ReviewCommentsTable extends EditableColumns {
  review_id: string;
  channel: string;
  received_on: string;
  text: string;
  /** JSON array of theme names. */
  themes: string;
  quote: number;
}

export interface YouSaidWeDidTable extends EditableColumns {
  source_type: string;
  source_id: string;
  you_said: string;
  we_did: string;
  effective_on: string;
  how_told: string;
}

export interface EngagementPlansTable extends EditableColumns {
  year: number;
  manager_name: string;
  service: string;
  planned_needs: string;
}

export interface EngagementCheckinsTable extends EditableColumns {
  plan_id: string;
  met_on: string;
  notes: string | null;
}

export interface ReviewTables {
  review_commissions: ReviewCommissionsTable;
  reviews: ReviewsTable;
  review_stage_moves: ReviewStageMovesTable;
  review_team: ReviewTeamTable;
  review_officers: ReviewOfficersTable;
  review_evidence: ReviewEvidenceTable;
  review_findings: ReviewFindingsTable;
  assurance_tags: AssuranceTagsTable;
  review_audit_items: ReviewAuditItemsTable;
  review_contacts: ReviewContactsTable;
  review_comments: ReviewCommentsTable;
  you_said_we_did: YouSaidWeDidTable;
  engagement_plans: EngagementPlansTable;
  engagement_checkins: EngagementCheckinsTable;
  consultation_outcomes: ConsultationOutcomesTable;
  policies: PoliciesTable;
}
