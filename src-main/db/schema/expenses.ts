import type { EditableColumns } from './common';

export interface ExpensePolicyRow extends EditableColumns {
  starts_on: string;
  name: string;
  car_first_pence: number;
  car_after_pence: number;
  car_band_miles: number;
  motorcycle_pence: number;
  bicycle_pence: number;
  passenger_pence: number;
  receipt_threshold_pence: number;
  time_limit_days: number;
  payment_target_days: number;
  max_miles_per_line: number;
  budget_warning_percent: number;
  /** JSON: category → `{ capPence, needsPriorApproval }`. */
  categories: string;
}

export interface ExpenseBatchRow extends EditableColumns {
  reference: string;
  status: string;
  paid_on: string | null;
  exported_at: string | null;
}

export interface ExpenseClaimRow extends EditableColumns {
  reference: string;
  customer_id: string;
  status: string;
  entry_mode: string;
  entered_by: string;
  group_id: string | null;
  cost_code: string | null;
  notes: string | null;
  declared_on: string | null;
  declaration_method: string | null;
  /** The lines' allowed amounts, as last worked out. */
  total_pence: number;
  /** JSON of the checks as last worked out, so the queue shows them without working them out again. */
  checks: string;
  stop_count: number;
  ask_count: number;
  first_line_on: string | null;
  submitted_at: string | null;
  decided_at: string | null;
  batch_id: string | null;
  paid_on: string | null;
}

export interface ExpenseLineRow extends EditableColumns {
  claim_id: string;
  /** The claim's status, kept in step with it for the spend reports. */
  claim_status: string;
  position: number;
  on_date: string;
  category: string;
  description: string;
  activity_id: string | null;
  miles_tenths: number | null;
  vehicle: string | null;
  passengers: number;
  amount_pence: number | null;
  prior_approval: number;
  claimed_pence: number;
  allowed_pence: number;
  explanation: string;
}

export interface ExpenseReceiptRow extends EditableColumns {
  claim_id: string;
  line_id: string;
  file_name: string;
  mime_type: string;
  content_hash: string;
  size_bytes: number;
}

export interface ExpenseClaimEventRow extends EditableColumns {
  claim_id: string;
  kind: string;
  note: string | null;
}

export interface ExpenseDeclaredMilesRow extends EditableColumns {
  customer_id: string;
  /** The tax year's first calendar year (6 April). */
  tax_year: number;
  miles_tenths: number;
}

export interface CustomerPaymentDetailsRow extends EditableColumns {
  customer_id: string;
  method: string;
  account_name: string | null;
  sort_code: string | null;
  account_number: string | null;
}

export interface ExpenseBudgetRow extends EditableColumns {
  /** The financial year's first calendar year (1 April). */
  year: number;
  group_id: string | null;
  cost_code: string | null;
  limit_pence: number;
}

export interface ExpenseTables {
  expense_policies: ExpensePolicyRow;
  expense_batches: ExpenseBatchRow;
  expense_claims: ExpenseClaimRow;
  expense_lines: ExpenseLineRow;
  expense_receipts: ExpenseReceiptRow;
  expense_claim_events: ExpenseClaimEventRow;
  expense_declared_miles: ExpenseDeclaredMilesRow;
  customer_payment_details: CustomerPaymentDetailsRow;
  expense_budgets: ExpenseBudgetRow;
}
