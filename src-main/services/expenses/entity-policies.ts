import type { EntityPolicy } from '../../changes/entities';

/** Bank details are withheld from the history as from the screens, for all but leaders. */
export const expenseEntityPolicies: Record<string, EntityPolicy> = {
  expense_policies: { readPermission: 'expenses.read' },
  expense_batches: { readPermission: 'expenses.batches' },
  expense_claims: { readPermission: 'expenses.read' },
  expense_lines: { readPermission: 'expenses.read' },
  expense_receipts: { readPermission: 'expenses.read' },
  expense_claim_events: { readPermission: 'expenses.read' },
  expense_declared_miles: { readPermission: 'expenses.read' },
  customer_payment_details: {
    readPermission: 'expenses.read',
    restrictedFields: {
      fields: ['account_name', 'sort_code', 'account_number'],
      permission: 'expenses.paymentDetails',
    },
  },
  expense_budgets: { readPermission: 'expenses.read' },
};
