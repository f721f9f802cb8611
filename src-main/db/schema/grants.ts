import type { EditableColumns } from './common';

export interface GrantPriorityRow extends EditableColumns {
  name: string;
  description: string | null;
  agreed_on: string | null;
  retired_on: string | null;
}

export interface GrantRoundRow extends EditableColumns {
  fund: string;
  name: string;
  opens_on: string;
  closes_on: string;
  decision_by: string | null;
  budget_pence: number;
  min_award_pence: number;
  max_award_pence: number;
  /** JSON list of applicant kinds the round accepts. */
  applicant_kinds: string;
  /** JSON list of area ids; empty for every area. */
  area_ids: string;
  decision_method: string;
  panel_group_id: string | null;
  evaluation_weeks: number;
  carry_over: number;
  decided_on: string | null;
}

export interface GrantCriterionRow extends EditableColumns {
  round_id: string;
  position: number;
  name: string;
  guidance: string | null;
  priority_id: string | null;
  max_score: number;
}

export interface GrantApplicationRow extends EditableColumns {
  round_id: string;
  reference: string;
  received_on: string;
  applicant_kind: string;
  applicant_name: string;
  contact_customer_id: string | null;
  contact_name: string;
  contact_phone: string | null;
  contact_email: string | null;
  contact_address_line1: string | null;
  contact_postcode: string | null;
  project_title: string;
  project_summary: string;
  outcomes: string;
  area_id: string | null;
  priority_id: string | null;
  amount_pence: number;
  people_expected: number | null;
  starts_on: string | null;
  ends_on: string | null;
  status: string;
  /** JSON of the eligibility check as last made. */
  eligibility: string | null;
  checked_on: string | null;
  decision: string | null;
  decided_on: string | null;
  award_pence: number | null;
  conditions: string | null;
  decision_reason: string | null;
  evaluation_due_on: string | null;
  reminder_sent_on: string | null;
  /** The payments against the award, kept in step with them. */
  paid_pence: number;
  /** The day the evaluation came in, kept in step with it. */
  evaluated_on: string | null;
}

export interface GrantDocumentRow extends EditableColumns {
  application_id: string;
  kind: string;
  description: string | null;
  file_name: string;
  mime_type: string;
  content_hash: string;
  size_bytes: number;
}

export interface GrantDeclarationRow extends EditableColumns {
  application_id: string;
  customer_id: string;
  relation: string | null;
  prior_involvement: string | null;
  accepted_warning: string | null;
}

export interface GrantScoreRow extends EditableColumns {
  application_id: string;
  criterion_id: string;
  customer_id: string;
  score: number;
  comment: string | null;
}

export interface GrantVoteTallyRow extends EditableColumns {
  application_id: string;
  place: string;
  votes: number;
}

export interface GrantPaymentRow extends EditableColumns {
  application_id: string;
  paid_on: string;
  amount_pence: number;
  method: string;
  reference: string | null;
  note: string | null;
}

export interface GrantEvaluationRow extends EditableColumns {
  application_id: string;
  received_on: string;
  delivered: string;
  people_reached: number;
  spent_pence: number;
  learning: string | null;
}

export interface GrantTables {
  grant_priorities: GrantPriorityRow;
  grant_rounds: GrantRoundRow;
  grant_criteria: GrantCriterionRow;
  grant_applications: GrantApplicationRow;
  grant_documents: GrantDocumentRow;
  grant_declarations: GrantDeclarationRow;
  grant_scores: GrantScoreRow;
  grant_vote_tallies: GrantVoteTallyRow;
  grant_payments: GrantPaymentRow;
  grant_evaluations: GrantEvaluationRow;
}
