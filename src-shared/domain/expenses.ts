import { z } from 'zod';
import { idSchema, isoDateSchema, optionalText, requiredText, type Id } from './common';

export const expenseCategories = [
  'mileage',
  'public_transport',
  'taxi',
  'parking',
  'childcare',
  'carer',
  'meals',
  'phone_data',
  'other',
] as const;
export type ExpenseCategory = (typeof expenseCategories)[number];
export const expenseCategoryLabels: Record<ExpenseCategory, string> = {
  mileage: 'Mileage',
  public_transport: 'Public transport',
  taxi: 'Taxi (agreed beforehand)',
  parking: 'Parking',
  childcare: 'Childcare',
  carer: 'Carer costs',
  meals: 'Meals and subsistence',
  phone_data: 'Phone or data for online meetings',
  other: 'Other actual costs',
};

export const vehicles = ['car', 'motorcycle', 'bicycle'] as const;
export type Vehicle = (typeof vehicles)[number];
export const vehicleLabels: Record<Vehicle, string> = {
  car: 'Car or van',
  motorcycle: 'Motorcycle',
  bicycle: 'Bicycle',
};

export const claimStatuses = [
  'draft',
  'submitted',
  'queried',
  'approved',
  'rejected',
  'paid',
] as const;
export type ClaimStatus = (typeof claimStatuses)[number];
export const claimStatusLabels: Record<ClaimStatus, string> = {
  draft: 'Draft',
  submitted: 'Waiting for approval',
  queried: 'Queried',
  approved: 'Approved',
  rejected: 'Rejected',
  paid: 'Paid',
};

export const entryModes = ['with_officer', 'by_officer'] as const;
export type EntryMode = (typeof entryModes)[number];
export const entryModeLabels: Record<EntryMode, string> = {
  with_officer: 'The customer, with help from an officer',
  by_officer: 'An officer, for the customer',
};

export const declarationMethods = ['paper_form', 'in_person', 'phone'] as const;
export type DeclarationMethod = (typeof declarationMethods)[number];
export const declarationMethodLabels: Record<DeclarationMethod, string> = {
  paper_form: 'Signed paper form (scanned)',
  in_person: 'In person',
  phone: 'By phone',
};

export const paymentMethods = ['bank_transfer', 'cheque', 'cash'] as const;
export type PaymentMethod = (typeof paymentMethods)[number];
export const paymentMethodLabels: Record<PaymentMethod, string> = {
  bank_transfer: 'Bank transfer',
  cheque: 'Cheque',
  cash: 'Cash',
};

export const batchStatuses = ['open', 'paid'] as const;
export type BatchStatus = (typeof batchStatuses)[number];

/** What a category allows: a cap per line (null: actual cost), and whether it is agreed first. */
export interface CategoryRule {
  capPence: number | null;
  needsPriorApproval: boolean;
}

/**
 * One version of the expenses policy: it applies to every claim line dated
 * on or after `startsOn` until the next version starts.
 */
export interface ExpensePolicy {
  id: Id | null;
  startsOn: string;
  name: string;
  /** HMRC approved mileage rates, pence a mile. */
  carFirstPence: number;
  carAfterPence: number;
  /** Miles in a tax year at the first car rate. */
  carBandMiles: number;
  motorcyclePence: number;
  bicyclePence: number;
  passengerPence: number;
  /** A receipt is needed for a line above this. */
  receiptThresholdPence: number;
  /** A line dated more than this many days before the claim is submitted is too old. */
  timeLimitDays: number;
  /** A customer waiting longer than this from submission to payment is shown on Home. */
  paymentTargetDays: number;
  /** Miles above this on one line are asked about. */
  maxMilesPerLine: number;
  /** An approval that takes a budget to this share of its limit (percent) warns. */
  budgetWarningPercent: number;
  categories: Record<ExpenseCategory, CategoryRule>;
}

const pence = (label: string) =>
  z
    .number({ error: `${label}: enter an amount.` })
    .int({ error: `${label}: whole pence.` })
    .min(0, { error: `${label} cannot be negative.` })
    .max(100_000_00, { error: `${label} is too large.` });

export const categoryRuleInput = z.object({
  capPence: pence('The cap').nullable(),
  needsPriorApproval: z.boolean(),
});

export const policyInput = z.object({
  startsOn: isoDateSchema,
  name: requiredText('Name', 120),
  carFirstPence: pence('Car rate'),
  carAfterPence: pence('Car rate after the band'),
  carBandMiles: z.number().int().min(0).max(1_000_000),
  motorcyclePence: pence('Motorcycle rate'),
  bicyclePence: pence('Bicycle rate'),
  passengerPence: pence('Passenger rate'),
  receiptThresholdPence: pence('Receipt threshold'),
  timeLimitDays: z.number().int().min(1, { error: 'The time limit is at least a day.' }).max(3650),
  paymentTargetDays: z.number().int().min(1).max(365),
  maxMilesPerLine: z.number().int().min(1).max(5000),
  budgetWarningPercent: z.number().int().min(1).max(100),
  categories: z.object(
    Object.fromEntries(expenseCategories.map((c) => [c, categoryRuleInput])) as Record<
      ExpenseCategory,
      typeof categoryRuleInput
    >,
  ),
});

/** One line of a claim as typed in. */
export const claimLineInput = z
  .object({
    id: idSchema.optional(),
    on: isoDateSchema,
    category: z.enum(expenseCategories, { error: 'Choose what the cost was for.' }),
    description: requiredText('Description', 300),
    activityId: idSchema.nullable().default(null),
    /** Mileage lines: miles (to a tenth), the vehicle and passengers carried. */
    miles: z
      .number({ error: 'Enter the miles.' })
      .min(0.1, { error: 'Enter the miles travelled.' })
      .max(10_000, { error: 'That is more miles than one journey can be.' })
      .nullable()
      .default(null),
    vehicle: z.enum(vehicles).nullable().default(null),
    passengers: z.number().int().min(0).max(8).default(0),
    /** Every other line: the amount paid, in pence. */
    amountPence: pence('The amount').nullable().default(null),
    priorApproval: z.boolean().default(false),
  })
  .superRefine((line, ctx) => {
    if (line.category === 'mileage') {
      if (line.miles === null)
        ctx.addIssue({ code: 'custom', path: ['miles'], message: 'Enter the miles travelled.' });
      if (line.vehicle === null)
        ctx.addIssue({ code: 'custom', path: ['vehicle'], message: 'Choose the vehicle.' });
      if (line.passengers > 0 && line.vehicle !== 'car')
        ctx.addIssue({
          code: 'custom',
          path: ['passengers'],
          message: 'Passengers are paid for in a car or van only.',
        });
    } else if (line.amountPence === null || line.amountPence === 0) {
      ctx.addIssue({ code: 'custom', path: ['amountPence'], message: 'Enter the amount paid.' });
    }
  });
export type ClaimLineInput = z.output<typeof claimLineInput>;

export const declarationInput = z.object({
  declaredOn: isoDateSchema,
  method: z.enum(declarationMethods, { error: 'Choose how the declaration was given.' }),
});

export const claimSaveInput = z.object({
  id: idSchema.optional(),
  expectedUpdatedAt: z.string().optional(),
  customerId: idSchema,
  entryMode: z.enum(entryModes, { error: 'Say who entered the claim.' }),
  groupId: idSchema.nullable().default(null),
  costCode: optionalText(40),
  /** Miles the customer says they have claimed from other organisations this tax year. */
  otherMiles: z.number().min(0).max(100_000).default(0),
  notes: optionalText(2000),
  declaration: declarationInput.nullable().default(null),
  lines: z.array(claimLineInput).max(60, { error: 'Split claims of more than 60 lines.' }),
});

export const receiptInput = z.object({
  lineId: idSchema,
  fileName: requiredText('File name', 200),
  mimeType: z.string().max(100),
  contentBase64: z.string().min(1, { error: 'The file is empty.' }),
});

export const claimMoveInput = z.discriminatedUnion('action', [
  z.object({ action: z.literal('submit'), id: idSchema }),
  z.object({
    action: z.literal('query'),
    id: idSchema,
    note: requiredText('The question', 2000),
  }),
  z.object({
    action: z.literal('resubmit'),
    id: idSchema,
    note: requiredText('The answer', 2000),
  }),
  z.object({ action: z.literal('approve'), id: idSchema, note: optionalText(2000) }),
  z.object({
    action: z.literal('reject'),
    id: idSchema,
    note: requiredText('The reason', 2000),
  }),
]);
export type ClaimMove = z.output<typeof claimMoveInput>;
export type ClaimAction = ClaimMove['action'];

export const paymentDetailsInput = z
  .object({
    customerId: idSchema,
    method: z.enum(paymentMethods, { error: 'Choose how the customer is paid.' }),
    accountName: optionalText(70),
    sortCode: optionalText(8),
    accountNumber: optionalText(8),
  })
  .superRefine((p, ctx) => {
    if (p.method !== 'bank_transfer') return;
    if (!p.accountName)
      ctx.addIssue({ code: 'custom', path: ['accountName'], message: 'Enter the account name.' });
    if (!p.sortCode || !/^\d{2}-?\d{2}-?\d{2}$/.test(p.sortCode))
      ctx.addIssue({
        code: 'custom',
        path: ['sortCode'],
        message: 'A sort code is six digits, like 20-00-00.',
      });
    if (!p.accountNumber || !/^\d{8}$/.test(p.accountNumber))
      ctx.addIssue({
        code: 'custom',
        path: ['accountNumber'],
        message: 'An account number is eight digits.',
      });
  });

export const claimListInput = z.object({
  status: z.enum(claimStatuses).nullable().default(null),
  customerId: idSchema.nullable().default(null),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
});

export const budgetInput = z
  .object({
    id: idSchema.optional(),
    year: z.number().int().min(2000).max(2100),
    groupId: idSchema.nullable().default(null),
    costCode: optionalText(40),
    limitPence: pence('The budget'),
  })
  .refine((b) => b.groupId !== null || b.costCode !== null, {
    path: ['groupId'],
    message: 'A budget is for a group or a cost code.',
  });

/** A check on a line: `stop` holds the claim back, `ask` is for the approver to weigh. */
export interface LineCheck {
  lineIndex: number;
  kind:
    | 'duplicate'
    | 'receipt_missing'
    | 'too_old'
    | 'not_attended'
    | 'prior_approval'
    | 'implausible_miles'
    | 'no_policy'
    | 'flat_rate';
  severity: 'stop' | 'ask';
  message: string;
}

export interface ClaimLine {
  id: Id;
  on: string;
  category: ExpenseCategory;
  description: string;
  activityId: Id | null;
  activityTitle: string | null;
  miles: number | null;
  vehicle: Vehicle | null;
  passengers: number;
  amountPence: number | null;
  priorApproval: boolean;
  claimedPence: number;
  allowedPence: number;
  explanation: string;
  receipts: { id: Id; fileName: string; sizeBytes: number }[];
}

export interface PaymentDetails {
  customerId: Id;
  method: PaymentMethod;
  accountName: string | null;
  sortCode: string | null;
  accountNumber: string | null;
  /** False when the caller may not see bank details: the fields above are masked. */
  visible: boolean;
}

export const claimEventLabels: Record<ClaimEvent['kind'], string> = {
  submitted: 'Submitted',
  queried: 'Queried',
  resubmitted: 'Answered and resubmitted',
  approved: 'Approved',
  rejected: 'Rejected',
  paid: 'Marked paid',
};

export interface ClaimEvent {
  at: string;
  kind: 'submitted' | 'queried' | 'resubmitted' | 'approved' | 'rejected' | 'paid';
  byName: string;
  note: string | null;
}

export interface ClaimSummary {
  id: Id;
  reference: string;
  customerId: Id;
  customerName: string;
  status: ClaimStatus;
  totalPence: number;
  lineCount: number;
  firstLineOn: string | null;
  submittedAt: string | null;
  paidOn: string | null;
  stopCount: number;
  askCount: number;
  enteredByName: string;
}

export interface Claim extends ClaimSummary {
  updatedAt: string;
  entryMode: EntryMode;
  enteredBy: Id;
  groupId: Id | null;
  groupName: string | null;
  costCode: string | null;
  otherMiles: number;
  notes: string | null;
  declaration: { declaredOn: string; method: DeclarationMethod } | null;
  lines: ClaimLine[];
  checks: LineCheck[];
  events: ClaimEvent[];
  batchId: Id | null;
  batchReference: string | null;
  paymentDetails: PaymentDetails | null;
  /** What the caller may do next. */
  actions: ClaimAction[];
  /** Why the caller cannot approve, where that is so (their own claim, or their role). */
  approvalBlockedBecause: string | null;
  budgetWarning: string | null;
  editable: boolean;
}

export interface Batch {
  id: Id;
  reference: string;
  status: BatchStatus;
  paidOn: string | null;
  claimCount: number;
  totalPence: number;
  createdAt: string;
  claims: ClaimSummary[];
}

export interface Budget {
  id: Id;
  year: number;
  groupId: Id | null;
  groupName: string | null;
  costCode: string | null;
  limitPence: number;
  spentPence: number;
  committedPence: number;
  remainingPence: number;
}

export interface ExpensesHome {
  waiting: number;
  oldestWaitingSince: string | null;
  /** Customers waiting longer than the policy's target from submission to payment. */
  overdueCustomers: { customerId: Id; name: string; since: string; days: number }[];
  targetDays: number;
}
