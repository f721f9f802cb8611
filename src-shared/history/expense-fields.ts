import {
  claimEventLabels,
  claimStatusLabels,
  declarationMethodLabels,
  entryModeLabels,
  expenseCategoryLabels,
  paymentMethodLabels,
  vehicleLabels,
} from '../domain/expenses';
import { formatMiles, formatPounds } from '../rules/expense-money';
import { plain, words, type EntityWords, type FieldWords, type ValueWords } from './words';

const hidden: FieldWords = { hidden: true };
const f = (label: string, value?: ValueWords): FieldWords => (value ? { label, value } : { label });
const date = words.date();
const money: ValueWords = (v) => (typeof v === 'number' ? formatPounds(v) : plain(v));
const miles: ValueWords = (v) => (typeof v === 'number' ? `${formatMiles(v)} miles` : plain(v));
const pencePerMile: ValueWords = (v) => (typeof v === 'number' ? `${v}p a mile` : plain(v));

/** The words for every logged field of the volunteer expenses area. */
export const expenseHistoryFields: Record<string, EntityWords> = {
  expense_policies: {
    starts_on: f('In force from', date),
    name: f('Name'),
    car_first_pence: f('Car or van, first band', pencePerMile),
    car_after_pence: f('Car or van, after the band', pencePerMile),
    car_band_miles: f('Band', words.count('mile')),
    motorcycle_pence: f('Motorcycle', pencePerMile),
    bicycle_pence: f('Bicycle', pencePerMile),
    passenger_pence: f('Each passenger', pencePerMile),
    receipt_threshold_pence: f('Receipt needed above', money),
    time_limit_days: f('Time limit for claiming', words.count('day')),
    payment_target_days: f('Target to pay', words.count('day')),
    max_miles_per_line: f('Miles asked about above', words.count('mile')),
    budget_warning_percent: f('Budget warning at (percent)'),
    categories: f('Caps and prior approval'),
  },
  expense_batches: {
    reference: f('Reference'),
    status: f('Status', words.code({ open: 'Open', paid: 'Paid' })),
    paid_on: f('Paid on', date),
    exported_at: f('Exported', words.dateTime()),
  },
  expense_claims: {
    reference: f('Reference'),
    customer_id: f('Customer', words.ref('customer', 'another customer')),
    status: f('Status', words.code(claimStatusLabels)),
    entry_mode: f('Entered by', words.code(entryModeLabels)),
    entered_by: f('Officer', words.ref('staff', 'another member of staff')),
    group_id: f('Group', words.ref('group', 'another group')),
    cost_code: f('Cost code'),
    notes: f('Notes'),
    declared_on: f('Declaration given on', date),
    declaration_method: f('Declaration given', words.code(declarationMethodLabels)),
    total_pence: f('Total', money),
    first_line_on: hidden,
    checks: hidden,
    stop_count: hidden,
    ask_count: hidden,
    submitted_at: f('Submitted', words.dateTime()),
    decided_at: f('Decided', words.dateTime()),
    batch_id: f('Payment batch', (v) => (v ? 'In a payment batch' : 'Not in a batch')),
    paid_on: f('Paid on', date),
  },
  expense_lines: {
    claim_id: hidden,
    claim_status: hidden,
    position: hidden,
    on_date: f('Date', date),
    category: f('Cost', words.code(expenseCategoryLabels)),
    description: f('Description'),
    activity_id: f('Activity', (v) => (v ? 'An activity' : '(none)')),
    miles_tenths: f('Miles', miles),
    vehicle: f('Vehicle', words.code(vehicleLabels)),
    passengers: f('Passengers', words.count('passenger')),
    amount_pence: f('Amount', money),
    prior_approval: f('Agreed beforehand', words.flag('No')),
    claimed_pence: f('Claimed', money),
    allowed_pence: f('Allowed', money),
    explanation: f('How it was worked out'),
  },
  expense_receipts: {
    claim_id: hidden,
    line_id: hidden,
    file_name: f('File'),
    mime_type: hidden,
    content_hash: hidden,
    size_bytes: f('Size', words.bytes()),
  },
  expense_claim_events: {
    claim_id: hidden,
    kind: f('Step', words.code(claimEventLabels)),
    note: f('Note'),
  },
  expense_declared_miles: {
    customer_id: f('Customer', words.ref('customer', 'another customer')),
    tax_year: f('Tax year'),
    miles_tenths: f('Miles claimed from other organisations', miles),
  },
  customer_payment_details: {
    customer_id: f('Customer', words.ref('customer', 'another customer')),
    method: f('Paid by', words.code(paymentMethodLabels)),
    account_name: f('Account name'),
    sort_code: f('Sort code'),
    account_number: f('Account number'),
  },
  expense_budgets: {
    year: f('Financial year'),
    group_id: f('Group', words.ref('group', 'another group')),
    cost_code: f('Cost code'),
    limit_pence: f('Budget', money),
  },
};
