import type { EditableColumns } from './common';

export interface ComplaintCasesTable extends EditableColumns {
  reference: string;
  status: string;
  referred_on: string;
  referred_by: string;
  referrer_name: string | null;
  complainant_customer_id: string | null;
  complainant_name: string;
  complainant_address_line1: string | null;
  complainant_address_line2: string | null;
  complainant_town: string | null;
  complainant_postcode: string | null;
  complainant_contact: string | null;
  landlord_id: string | null;
  area_id: string | null;
  service_area: string;
  subject: string;
  outcome_sought: string | null;
  stage1_received: string | null;
  stage1_acknowledged: string | null;
  stage1_responded: string | null;
  stage1_extension_days: number;
  stage1_outcome: string | null;
  stage2_received: string | null;
  stage2_acknowledged: string | null;
  stage2_responded: string | null;
  stage2_extension_days: number;
  stage2_outcome: string | null;
  stage2_different_handler: number | null;
  eligible: number | null;
  accepted_on: string | null;
  declined_on: string | null;
  hearing_date: string | null;
  heard_on: string | null;
  decision_on: string | null;
  decision_outcome: string | null;
  findings: string | null;
  ombudsman_referred_on: string | null;
  ombudsman_result: string | null;
  withdrawn_on: string | null;
  closed_on: string | null;
  next_due: string | null;
  next_due_label: string | null;
}

export interface CaseTransitionsTable extends EditableColumns {
  case_id: string;
  from_status: string | null;
  to_status: string;
  on_date: string;
  reason: string | null;
}

export interface CasePanelMembersTable extends EditableColumns {
  case_id: string;
  customer_id: string;
  assigned_on: string;
  availability: string;
  availability_note: string | null;
  /** The warnings a coordinator accepted in seating this member, with their reason. */
  accepted_warning: string | null;
}

export interface CaseDeclarationsTable extends EditableColumns {
  case_id: string;
  customer_id: string;
  relation: string | null;
  prior_involvement: string | null;
}

export interface CaseNotesTable extends EditableColumns {
  case_id: string;
  kind: string;
  on_date: string;
  direction: string | null;
  correspondent: string | null;
  body: string;
}

export interface CaseAttachmentsTable extends EditableColumns {
  case_id: string;
  file_name: string;
  mime_type: string;
  size_bytes: number;
  content_hash: string;
  description: string | null;
}

export interface RecommendationsTable extends EditableColumns {
  reference: string;
  source_type: string;
  source_id: string;
  text: string;
  service_area: string;
  management_response: string | null;
  response_reason: string | null;
  owner: string | null;
  due_date: string | null;
  status: string;
  systemic: number;
  evidence: string | null;
  completed_on: string | null;
}

export interface RecommendationStepsTable extends EditableColumns {
  recommendation_id: string;
  text: string;
  due_date: string | null;
  done_on: string | null;
}

export interface RecommendationUpdatesTable extends EditableColumns {
  recommendation_id: string;
  on_date: string;
  note: string;
}

export interface CodeSelfAssessmentsTable extends EditableColumns {
  year: number;
  provision: string;
  complies: string | null;
  evidence: string | null;
  /** JSON array of case ids. */
  linked_case_ids: string;
  panel_comments: string | null;
}

export interface SelfAssessmentDocumentsTable extends EditableColumns {
  year: number;
  provision: string;
  file_name: string;
  mime_type: string;
  size_bytes: number;
  content_hash: string;
  description: string | null;
}

export interface SelfAssessmentFiguresTable extends EditableColumns {
  year: number;
  provision: string;
  label: string;
  value: string;
  /** As the team writes it, e.g. "2025/26". */
  period: string;
}

export interface ComplaintPeriodFiguresTable extends EditableColumns {
  period_start: string;
  period_end: string;
  exhausted_internal: number;
}

export interface CaseTables {
  complaint_cases: ComplaintCasesTable;
  case_transitions: CaseTransitionsTable;
  case_panel_members: CasePanelMembersTable;
  case_declarations: CaseDeclarationsTable;
  case_notes: CaseNotesTable;
  case_attachments: CaseAttachmentsTable;
  recommendations: RecommendationsTable;
  recommendation_steps: RecommendationStepsTable;
  recommendation_updates: RecommendationUpdatesTable;
  code_self_assessments: CodeSelfAssessmentsTable;
  complaint_period_figures: ComplaintPeriodFiguresTable;
  self_assessment_documents: SelfAssessmentDocumentsTable;
  self_assessment_figures: SelfAssessmentFiguresTable;
}
