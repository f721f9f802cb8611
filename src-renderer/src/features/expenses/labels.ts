import {
  claimStatusLabels,
  declarationMethodLabels,
  entryModeLabels,
  expenseCategoryLabels,
  paymentMethodLabels,
  vehicleLabels,
  type ClaimStatus,
} from '../../../../src-shared/domain/expenses';

const options = (labels: Record<string, string>) =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));

export const categoryOptions = options(expenseCategoryLabels);
export const vehicleOptions = options(vehicleLabels);
export const declarationOptions = options(declarationMethodLabels);
export const entryModeOptions = options(entryModeLabels);
export const paymentMethodOptions = options(paymentMethodLabels);
export const statusOptions = options(claimStatusLabels);

export const statusTone: Record<ClaimStatus, string> = {
  draft: 'grey',
  submitted: 'amber',
  queried: 'amber',
  approved: 'green',
  rejected: 'red',
  paid: 'green',
};
