import { z } from 'zod';
import { idSchema, isoDateSchema, optionalText, penceSchema, requiredText } from './common';
import type { Conflict } from '../rules/conflict-of-interest';
import type { EligibilityCheck } from '../rules/grant-eligibility';
import type { RankedApplication } from '../rules/grant-ranking';
import type { RoundMoney } from '../rules/grant-round-money';

export const grantFunds = ['community_fund', 'participatory_budget'] as const;
export type GrantFund = (typeof grantFunds)[number];
export const grantFundLabels: Record<GrantFund, string> = {
  community_fund: 'Community Fund',
  participatory_budget: 'Participatory budget',
};

export const decisionMethods = ['panel', 'public_vote'] as const;
export type DecisionMethod = (typeof decisionMethods)[number];
export const decisionMethodLabels: Record<DecisionMethod, string> = {
  panel: 'The panel’s scores',
  public_vote: 'Public vote',
};

export const applicantKinds = [
  'community_group',
  'resident_association',
  'neighbourhood_committee',
  'individual',
] as const;
export type ApplicantKind = (typeof applicantKinds)[number];
export const applicantKindLabels: Record<ApplicantKind, string> = {
  community_group: 'Community group',
  resident_association: 'Tenant and resident association',
  neighbourhood_committee: 'Neighbourhood committee',
  individual: 'Individual',
};

/** Where an application is: received, checked, decided, then (if awarded) paid and evaluated. */
export const applicationStatuses = [
  'received',
  'eligible',
  'ineligible',
  'awarded',
  'declined',
  'withdrawn',
] as const;
export type ApplicationStatus = (typeof applicationStatuses)[number];
export const applicationStatusLabels: Record<ApplicationStatus, string> = {
  received: 'Received, not checked',
  eligible: 'Eligible, waiting for a decision',
  ineligible: 'Not eligible',
  awarded: 'Awarded',
  declined: 'Not funded',
  withdrawn: 'Withdrawn',
};

export const documentKinds = ['supporting', 'photo', 'spend_evidence'] as const;
export type GrantDocumentKind = (typeof documentKinds)[number];
export const documentKindLabels: Record<GrantDocumentKind, string> = {
  supporting: 'Supporting document',
  photo: 'Photo of the project',
  spend_evidence: 'Evidence of spend',
};

export const grantPaymentMethods = ['bank_transfer', 'cheque', 'purchase_order'] as const;
export type GrantPaymentMethod = (typeof grantPaymentMethods)[number];
export const grantPaymentMethodLabels: Record<GrantPaymentMethod, string> = {
  bank_transfer: 'Bank transfer',
  cheque: 'Cheque',
  purchase_order: 'Paid to a supplier (purchase order)',
};

const count = (label: string) =>
  z
    .number({ error: `${label} must be a whole number.` })
    .int({ error: `${label} must be a whole number.` })
    .min(0, { error: `${label} cannot be below 0.` });

export const priorityInput = z.object({
  id: idSchema.nullable().default(null),
  name: requiredText('The priority'),
  description: optionalText(1000),
  agreedOn: isoDateSchema.nullable().default(null),
  retiredOn: isoDateSchema.nullable().default(null),
});

export const criterionInput = z.object({
  id: idSchema.nullable().default(null),
  name: requiredText('The criterion'),
  guidance: optionalText(1000),
  priorityId: idSchema.nullable().default(null),
  maxScore: z
    .number()
    .int()
    .min(1, { error: 'A criterion is scored out of at least 1.' })
    .max(10, { error: 'Score out of 10 at most.' })
    .default(5),
});

export const roundInput = z.object({
  id: idSchema.nullable().default(null),
  fund: z.enum(grantFunds, { error: 'Choose the fund.' }),
  name: requiredText('The round’s name'),
  opensOn: isoDateSchema,
  closesOn: isoDateSchema,
  decisionBy: isoDateSchema.nullable().default(null),
  budgetPence: penceSchema.min(1, { error: 'Give the round a budget.' }),
  minAwardPence: penceSchema.min(0).default(0),
  maxAwardPence: penceSchema.min(1, { error: 'Give the largest award.' }),
  applicantKinds: z
    .array(z.enum(applicantKinds))
    .min(1, { error: 'Choose who may apply.' })
    .default([...applicantKinds]),
  areaIds: z.array(idSchema).default([]),
  decisionMethod: z.enum(decisionMethods),
  panelGroupId: idSchema.nullable().default(null),
  evaluationWeeks: z.number().int().min(1).max(104).default(8),
  carryOver: z.boolean().default(true),
  criteria: z.array(criterionInput).default([]),
});

export const applicationInput = z.object({
  id: idSchema.nullable().default(null),
  roundId: idSchema,
  receivedOn: isoDateSchema,
  applicantKind: z.enum(applicantKinds, { error: 'Choose who is applying.' }),
  applicantName: requiredText('The applicant'),
  contactCustomerId: idSchema.nullable().default(null),
  /** Taken from the register when the contact is a customer on it. */
  contactName: optionalText(200),
  contactPhone: optionalText(40),
  contactEmail: optionalText(200),
  contactAddressLine1: optionalText(200),
  contactPostcode: optionalText(12),
  projectTitle: requiredText('The project’s title'),
  projectSummary: requiredText('What the project is', 4000),
  outcomes: requiredText('What it will achieve', 4000),
  areaId: idSchema.nullable().default(null),
  priorityId: idSchema.nullable().default(null),
  amountPence: penceSchema.min(1, { error: 'Give the amount asked for.' }),
  peopleExpected: count('People expected').nullable().default(null),
  startsOn: isoDateSchema.nullable().default(null),
  endsOn: isoDateSchema.nullable().default(null),
});

export const documentInput = z.object({
  applicationId: idSchema,
  kind: z.enum(documentKinds),
  description: optionalText(500),
  fileName: requiredText('The file name', 255),
  mimeType: requiredText('The file type', 120),
  contentBase64: z.string().min(1, { error: 'The file is empty.' }),
});

export const declarationInput = z.object({
  applicationId: idSchema,
  customerId: idSchema,
  relation: optionalText(500),
  priorInvolvement: optionalText(500),
  /** The reason a member with a warning (same street, same estate) may score anyway. */
  acceptWarningReason: optionalText(500),
});

export const scoreSheetInput = z.object({
  roundId: idSchema,
  customerId: idSchema,
  scores: z.array(
    z.object({
      applicationId: idSchema,
      criterionId: idSchema,
      score: z.number().int().nullable(),
      comment: optionalText(1000),
    }),
  ),
});

export const tallyInput = z.object({
  applicationId: idSchema,
  place: requiredText('Where the votes were cast', 120),
  votes: count('Votes'),
});

export const voteImportInput = z.object({
  roundId: idSchema,
  csv: z.string().min(1, { error: 'The file is empty.' }),
  /** Checks and reports without saving. */
  dryRun: z.boolean().default(false),
});

export const decisionInput = z.object({
  applicationId: idSchema,
  decision: z.enum(['awarded', 'declined']),
  decidedOn: isoDateSchema,
  awardPence: penceSchema.nullable().default(null),
  conditions: optionalText(4000),
  reason: optionalText(2000),
  evaluationDueOn: isoDateSchema.nullable().default(null),
});

export const paymentInput = z.object({
  applicationId: idSchema,
  paidOn: isoDateSchema,
  amountPence: penceSchema.min(1, { error: 'A payment is more than £0.' }),
  method: z.enum(grantPaymentMethods),
  reference: optionalText(80),
  note: optionalText(500),
});

export const evaluationInput = z.object({
  applicationId: idSchema,
  receivedOn: isoDateSchema,
  delivered: requiredText('What was delivered', 4000),
  peopleReached: count('People reached'),
  spentPence: penceSchema.min(0),
  learning: optionalText(4000),
});

export interface GrantPriority {
  id: string;
  name: string;
  description: string | null;
  agreedOn: string | null;
  retiredOn: string | null;
}

export interface GrantCriterion {
  id: string;
  position: number;
  name: string;
  guidance: string | null;
  priorityId: string | null;
  priorityName: string | null;
  maxScore: number;
}

export type RoundState = 'upcoming' | 'open' | 'closed' | 'decided';

export interface GrantRoundSummary {
  id: string;
  fund: GrantFund;
  name: string;
  opensOn: string;
  closesOn: string;
  decisionBy: string | null;
  decisionMethod: DecisionMethod;
  state: RoundState;
  applications: number;
  money: RoundMoney;
}

export interface GrantRound extends GrantRoundSummary {
  updatedAt: string;
  minAwardPence: number;
  maxAwardPence: number;
  applicantKinds: ApplicantKind[];
  areaIds: string[];
  panelGroupId: string | null;
  panelGroupName: string | null;
  evaluationWeeks: number;
  carryOver: boolean;
  decidedOn: string | null;
  criteria: GrantCriterion[];
  /** The round it carries unspent money from, if any. */
  previousRound: { id: string; name: string } | null;
}

export interface ApplicationSummary {
  id: string;
  reference: string;
  roundId: string;
  roundName: string;
  applicantName: string;
  applicantKind: ApplicantKind;
  projectTitle: string;
  areaName: string | null;
  priorityName: string | null;
  amountPence: number;
  receivedOn: string;
  status: ApplicationStatus;
  awardPence: number | null;
  paidPence: number;
  evaluationDueOn: string | null;
  evaluationReceived: boolean;
}

export interface GrantDocument {
  id: string;
  kind: GrantDocumentKind;
  description: string | null;
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  addedAt: string;
}

export interface GrantPayment {
  id: string;
  paidOn: string;
  amountPence: number;
  method: GrantPaymentMethod;
  reference: string | null;
  note: string | null;
}

export interface GrantEvaluation {
  receivedOn: string;
  delivered: string;
  peopleReached: number;
  spentPence: number;
  learning: string | null;
}

export interface GrantApplication extends ApplicationSummary {
  updatedAt: string;
  contactCustomerId: string | null;
  contactName: string;
  contactPhone: string | null;
  contactEmail: string | null;
  contactAddressLine1: string | null;
  contactPostcode: string | null;
  projectSummary: string;
  outcomes: string;
  areaId: string | null;
  priorityId: string | null;
  peopleExpected: number | null;
  startsOn: string | null;
  endsOn: string | null;
  eligibility: EligibilityCheck | null;
  checkedOn: string | null;
  decision: 'awarded' | 'declined' | null;
  decidedOn: string | null;
  conditions: string | null;
  decisionReason: string | null;
  reminderSentOn: string | null;
  decisionMethod: DecisionMethod;
  fund: GrantFund;
  documents: GrantDocument[];
  payments: GrantPayment[];
  evaluation: GrantEvaluation | null;
  /** The panel's scores (panel rounds) or the vote tallies (public votes). */
  scoreTotal: { total: number; max: number; members: number } | null;
  tallies: { id: string; place: string; votes: number }[];
  evaluationState: EvaluationState | null;
}

export type EvaluationState = 'not_due' | 'due_soon' | 'overdue' | 'received';

/** One panel member's view of the round's applications, for the scoring screen. */
export interface ScoringSheet {
  round: { id: string; name: string; criteria: GrantCriterion[] };
  member: { customerId: string; name: string };
  rows: {
    applicationId: string;
    reference: string;
    projectTitle: string;
    applicantName: string;
    amountPence: number;
    conflicts: Conflict[];
    /** Refused outright, or a warning not (yet) accepted: their scores are refused. */
    refused: string | null;
    warning: string | null;
    acceptedWarning: string | null;
    scores: Record<string, { score: number; comment: string | null }>;
  }[];
}

export interface PanelMember {
  customerId: string;
  name: string;
}

export interface RoundRanking {
  method: DecisionMethod;
  tieRule: string;
  availablePence: number;
  rows: RankedApplication[];
}

export interface VoteImportResult {
  saved: number;
  errors: { line: number; message: string }[];
  rows: { line: number; reference: string; place: string; votes: number }[];
}

export interface GrantsHome {
  openRounds: { id: string; name: string; closesOn: string }[];
  evaluationsDueSoon: number;
  evaluationsOverdue: number;
  overdue: { id: string; reference: string; projectTitle: string; dueOn: string }[];
  waitingForDecision: number;
}

export interface FigureRow {
  key: string | null;
  label: string;
  applications: number;
  askedPence: number;
  awards: number;
  awardedPence: number;
  paidPence: number;
}

export interface GrantFigures {
  from: string;
  to: string;
  byRound: FigureRow[];
  byArea: FigureRow[];
  byPriority: FigureRow[];
  totals: FigureRow;
  evaluationsOutstanding: number;
  evaluationsOverdue: number;
}
