import { z } from 'zod';
import { idSchema, isoDateSchema, optionalText, requiredText, type Id } from './common';
import { serviceAreas, type ServiceArea } from './customer';
import {
  caseStatuses,
  decisionOutcomes,
  type CaseStatus,
  type DecisionOutcome,
} from '../rules/case-lifecycle';
import type { BankHolidayListNotice } from '../rules/bank-holidays';
import type { CodeCheck } from '../rules/complaint-code';
import type { OmbudsmanContact, OmbudsmanWindow } from '../rules/ombudsman';
import type { StageDeadline } from '../rules/panel-standards';
import type { SubmissionNotice } from './self-assessment';
import type { Conflict } from '../rules/conflict-of-interest';

/*
 * Complaint panel cases (the Designated Complaints Panel). The panel reviews
 * a complaint after the landlord's two internal stages; it is never a third
 * stage and never delays the resident's route to the Housing Ombudsman.
 */

export const referrers = ['complainant', 'councillor', 'mp', 'landlord'] as const;
export type Referrer = (typeof referrers)[number];
export const referrerLabels: Record<Referrer, string> = {
  complainant: 'The complainant',
  councillor: 'A councillor',
  mp: 'An MP',
  landlord: 'The landlord',
};

export const stageOutcomes = ['upheld', 'partly_upheld', 'not_upheld'] as const;
export type StageOutcome = (typeof stageOutcomes)[number];
export const stageOutcomeLabels: Record<StageOutcome, string> = {
  upheld: 'Upheld',
  partly_upheld: 'Partly upheld',
  not_upheld: 'Not upheld',
};

const optionalDate = isoDateSchema
  .nullable()
  .optional()
  .transform((v) => v ?? null);
const extension = (max: number) =>
  z
    .number({ error: 'Enter the extension in working days.' })
    .int({ error: 'Extensions are whole working days.' })
    .min(0, { error: 'An extension cannot be negative.' })
    .max(60, {
      error: `An extension of more than 60 working days is not plausible (the Code allows ${max}).`,
    })
    .default(0);

const stageDates = (max: number) =>
  z.object({
    received: optionalDate,
    acknowledged: optionalDate,
    responded: optionalDate,
    extensionDays: extension(max),
    outcome: z
      .enum(stageOutcomes, { error: 'Choose the outcome.' })
      .nullable()
      .optional()
      .transform((v) => v ?? null),
  });

export const referralInput = z.object({
  referredOn: isoDateSchema,
  referredBy: z.enum(referrers, { error: 'Say who referred the case.' }),
  referrerName: optionalText(200),
  complainantCustomerId: idSchema
    .nullable()
    .optional()
    .transform((v) => v ?? null),
  complainantName: requiredText('The complainant’s name'),
  complainantAddressLine1: optionalText(200),
  complainantAddressLine2: optionalText(200),
  complainantTown: optionalText(100),
  complainantPostcode: optionalText(10),
  complainantContact: optionalText(200),
  landlordId: idSchema
    .nullable()
    .optional()
    .transform((v) => v ?? null),
  areaId: idSchema
    .nullable()
    .optional()
    .transform((v) => v ?? null),
  serviceArea: z.enum(serviceAreas.codes, { error: 'Choose the service area.' }),
  subject: requiredText('What the complaint is about', 4000),
  outcomeSought: optionalText(4000),
  stage1: stageDates(10),
  stage2: stageDates(20),
  stage2DifferentHandler: z
    .boolean()
    .nullable()
    .optional()
    .transform((v) => v ?? null),
});
export type ReferralInput = z.input<typeof referralInput>;

/** A correction of what was entered at referral; the reason goes into the case's history. */
export const caseUpdateInput = referralInput.extend({
  id: idSchema,
  expectedUpdatedAt: z.string(),
  correctionReason: optionalText(500),
});

export const transitionInput = z.object({
  id: idSchema,
  expectedUpdatedAt: z.string(),
  to: z.enum(caseStatuses),
  date: isoDateSchema,
  reason: optionalText(2000),
  eligible: z
    .boolean()
    .nullable()
    .optional()
    .transform((v) => v ?? null),
  hearingDate: optionalDate,
  decisionOutcome: z
    .enum(decisionOutcomes)
    .nullable()
    .optional()
    .transform((v) => v ?? null),
  findings: optionalText(8000),
  ombudsmanResult: optionalText(2000),
});
export type TransitionRequest = z.input<typeof transitionInput>;

export const ombudsmanResultInput = z.object({
  id: idSchema,
  /** Empty clears a result entered by mistake. */
  result: optionalText(2000),
});

export const caseSortKeys = [
  'reference',
  'status',
  'referred',
  'complainant',
  'service',
  'due',
] as const;
export type CaseSortKey = (typeof caseSortKeys)[number];

export const caseListInput = z.object({
  status: z.enum(caseStatuses).nullable().optional(),
  search: z.string().trim().max(100).optional(),
  /** Newest referral first when not given. */
  sort: z.enum(caseSortKeys).optional(),
  direction: z.enum(['asc', 'desc']).optional(),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
});

export const assignMemberInput = z.object({
  caseId: idSchema,
  customerId: idSchema,
  /**
   * Why the member may sit despite a warning (such as living on the same
   * street). Without it a warning refuses the assignment, so it is never
   * accepted by accident; hard conflicts are refused whatever the reason.
   */
  acceptWarningReason: optionalText(500),
});
export const declarationInput = z.object({
  caseId: idSchema,
  customerId: idSchema,
  relation: optionalText(500),
  priorInvolvement: optionalText(500),
});
export const availabilityInput = z.object({
  assignmentId: idSchema,
  availability: z.enum(['unknown', 'available', 'unavailable']),
  note: optionalText(500),
});
export const removeAssignmentInput = z.object({
  assignmentId: idSchema,
  reason: requiredText('The reason', 500),
});

export const noteKinds = ['note', 'correspondence'] as const;
export const noteInput = z.object({
  caseId: idSchema,
  kind: z.enum(noteKinds),
  onDate: isoDateSchema,
  direction: z
    .enum(['in', 'out'])
    .nullable()
    .optional()
    .transform((v) => v ?? null),
  correspondent: optionalText(200),
  body: requiredText('The note', 8000),
});

export const attachInput = z.object({
  caseId: idSchema,
  fileName: requiredText('The file name', 255),
  mimeType: z.string().max(200).default('application/octet-stream'),
  description: optionalText(500),
  /** The file's bytes, base64. */
  contentBase64: z.string().min(1, { error: 'The file is empty.' }),
});

export const caseDocumentInput = z.object({
  caseId: idSchema,
  kind: z.enum(['hearing_pack', 'decision_letter']),
});

export interface CaseSummary {
  id: Id;
  reference: string;
  status: CaseStatus;
  referredOn: string;
  /** Null when the viewer may only see that the case exists. */
  complainantName: string | null;
  serviceArea: ServiceArea | null;
  landlordName: string | null;
  nextDue: string | null;
  nextDueLabel: string | null;
  /** The next deadline was counted through years the official bank holiday list does not cover. */
  nextDueExpectedHolidays: boolean;
  overdue: boolean;
}

export interface PanelAssignment {
  id: Id;
  customerId: Id;
  name: string;
  availability: 'unknown' | 'available' | 'unavailable';
  availabilityNote: string | null;
  assignedOn: string;
  /** The warnings accepted when the member was seated, and why. */
  acceptedWarning: string | null;
}

export interface CaseNote {
  id: Id;
  kind: (typeof noteKinds)[number];
  onDate: string;
  direction: 'in' | 'out' | null;
  correspondent: string | null;
  body: string;
  authorName: string | null;
  createdAt: string;
}

export interface CaseAttachment {
  id: Id;
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  contentHash: string;
  description: string | null;
  createdAt: string;
}

export interface CaseTransition {
  id: Id;
  fromStatus: CaseStatus | null;
  toStatus: CaseStatus;
  onDate: string;
  reason: string | null;
  byName: string | null;
}

export interface StageDetails {
  received: string | null;
  acknowledged: string | null;
  responded: string | null;
  extensionDays: number;
  outcome: StageOutcome | null;
}

export interface CaseDetail {
  id: Id;
  reference: string;
  updatedAt: string;
  status: CaseStatus;
  referredOn: string;
  referredBy: Referrer;
  referrerName: string | null;
  complainantCustomerId: Id | null;
  complainantName: string;
  complainantAddressLine1: string | null;
  complainantAddressLine2: string | null;
  complainantTown: string | null;
  complainantPostcode: string | null;
  complainantContact: string | null;
  landlordId: Id | null;
  landlordName: string | null;
  areaId: Id | null;
  areaName: string | null;
  serviceArea: ServiceArea;
  subject: string;
  outcomeSought: string | null;
  stage1: StageDetails;
  stage2: StageDetails;
  stage2DifferentHandler: boolean | null;
  eligible: boolean | null;
  acceptedOn: string | null;
  declinedOn: string | null;
  hearingDate: string | null;
  /** Set when the hearing falls on a weekend or bank holiday. */
  hearingDayNotice?: string | null;
  heardOn: string | null;
  decisionOn: string | null;
  decisionOutcome: DecisionOutcome | null;
  findings: string | null;
  ombudsmanReferredOn: string | null;
  ombudsmanResult: string | null;
  withdrawnOn: string | null;
  closedOn: string | null;
  codeCheck: CodeCheck;
  ombudsman: OmbudsmanWindow;
  ombudsmanContact: OmbudsmanContact;
  deadlines: StageDeadline[];
  /** Moves the screen may offer now. */
  moves: CaseStatus[];
  /** Today in London by the app's clock, for the forms' default dates. */
  today: string;
  quorum: number;
  panel: PanelAssignment[];
  transitions: CaseTransition[];
  notes: CaseNote[];
  attachments: CaseAttachment[];
}

/** A panel hearing as the Calendar shows it: the case's reference, never whose it is. */
export interface HearingEntry {
  caseId: Id;
  reference: string;
  /** The day it was held, or the day it is scheduled for. */
  date: string;
  held: boolean;
}

export interface MemberCandidate {
  customerId: Id;
  name: string;
  /** Empty when the member may sit on the case. */
  conflicts: Conflict[];
  assigned: boolean;
}

export interface CaseDashboard {
  today: string;
  weekEnds: string;
  overdue: CaseSummary[];
  dueThisWeek: CaseSummary[];
  /** The Code self-assessment reminder, when one is due or overdue. */
  selfAssessment: SubmissionNotice | null;
  /** Set from some months before the bank holiday list runs out. */
  bankHolidayList: BankHolidayListNotice | null;
  /** Not yet with the Ombudsman, and the 12 months after the final response end soon. */
  ombudsmanNearing: {
    case: CaseSummary;
    windowEnds: string;
    daysLeft: number;
    level: 'warning' | 'urgent';
  }[];
}
