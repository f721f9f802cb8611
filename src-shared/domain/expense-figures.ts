/** The expenses figures the board packs report (see services/expenses/figures.ts). */
export interface SpendRow {
  key: string;
  label: string;
  spentPence: number;
  committedPence: number;
  budgetPence: number | null;
}

export interface ExpenseFigures {
  from: string;
  to: string;
  /** Paid and committed (approved, not yet paid), by the date each cost was incurred. */
  totalSpentPence: number;
  totalCommittedPence: number;
  /** Budgets of the financial years the period touches. */
  totalBudgetPence: number;
  byCategory: SpendRow[];
  byGroup: SpendRow[];
  byLandlord: SpendRow[];
  byMonth: SpendRow[];
  /** Claims paid in the period, and the customers they paid. */
  claimsReimbursed: number;
  customersReimbursed: number;
  daysToPay: { claims: number; median: number | null; p95: number | null };
  queried: number;
  rejected: { count: number; reasons: { reference: string; reason: string }[] };
}
