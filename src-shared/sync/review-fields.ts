/**
 * Fields where two installs' concurrent edits are not settled silently by
 * the latest clock but opened as a conflict for a person: decisions and
 * money, where "the last save wins" could quietly undo someone's decision.
 * A delete that races an edit is always opened too (see the merge).
 */
export const REVIEW_FIELDS: Readonly<Record<string, readonly string[]>> = {
  complaint_cases: [
    'status',
    'stage1_outcome',
    'stage2_outcome',
    'eligible',
    'accepted_on',
    'declined_on',
    'decision_on',
    'decision_outcome',
    'findings',
    'ombudsman_result',
  ],
  expense_claims: ['status', 'total_pence', 'decided_at', 'paid_on'],
  expense_lines: ['amount_pence', 'claimed_pence', 'allowed_pence', 'miles_tenths'],
  recommendations: ['management_response', 'response_reason', 'status'],
  customers: [
    'consents',
    'equality_age_band',
    'equality_gender',
    'equality_ethnicity',
    'equality_disability',
    'equality_sexual_orientation',
    'equality_religion',
  ],
};

export function isReviewField(entity: string, field: string): boolean {
  return REVIEW_FIELDS[entity]?.includes(field) ?? false;
}

/**
 * Columns each install keeps for itself, worked out from synced data (or
 * its own bookkeeping): never merged, recomputed after applying.
 */
export const LOCAL_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  customers: ['last_activity_at', 'search_rowid'],
};
