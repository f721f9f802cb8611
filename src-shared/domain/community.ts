import { z } from 'zod';
import { idSchema, isoDateSchema, optionalText, requiredText, type Id } from './common';
import { serviceAreas, skillOptions, type Skill } from './customer';
import {
  exclusionReasons,
  mailingChannels,
  type ExclusionReason,
  type MailingChannel,
} from '../rules/mailing-eligibility';
import {
  allowedTimesPerYear,
  type RhythmItem,
  type RhythmPeriod,
} from '../rules/engagement-rhythm';

/*
 * The neighbourhood and keeping-in-touch work: mailing lists from the
 * register, the log of what was sent to whom, the Framework's rhythm, the
 * involvement menu, tenant and resident associations, dispersed
 * communities and higher-risk buildings.
 */

const optionalDate = z
  .union([isoDateSchema, z.literal('').transform(() => null)])
  .nullable()
  .optional()
  .transform((d) => d ?? null);
const optionalId = z
  .union([idSchema, z.literal('').transform(() => null)])
  .nullable()
  .optional()
  .transform((s) => s ?? null);
const count = (label: string) =>
  z
    .number({ error: `${label} must be a number.` })
    .int({ error: `${label} must be a whole number.` })
    .min(0, { error: `${label} cannot be negative.` })
    .max(100_000, { error: `${label} is too large.` })
    .nullable()
    .optional()
    .transform((n) => n ?? null);

// ---------------------------------------------------------------------------
// Mailing lists

export const mailingPurposes = [
  'newsletter',
  'invitation',
  'open_day',
  'consultation',
  'other',
] as const;
export type MailingPurpose = (typeof mailingPurposes)[number];
export const mailingPurposeLabels: Record<MailingPurpose, string> = {
  newsletter: 'Newsletter',
  invitation: 'Invitation',
  open_day: 'Open Day invitation',
  consultation: 'Consultation',
  other: 'Other',
};

export const mailingFiltersInput = z.object({
  groupId: optionalId,
  interest: z
    .union([z.enum(serviceAreas.codes), z.literal('').transform(() => null)])
    .nullable()
    .optional()
    .transform((s) => s ?? null),
  areaId: optionalId,
  landlordId: optionalId,
  channels: z
    .array(z.enum(mailingChannels))
    .min(1, { error: 'Choose at least one way to send it.' })
    .transform((list) => mailingChannels.filter((c) => list.includes(c))),
  includePaused: z.boolean().default(false),
});
export type MailingFilters = z.output<typeof mailingFiltersInput>;
export type MailingFiltersInput = z.input<typeof mailingFiltersInput>;

export const mailingListInput = z.object({
  id: idSchema.optional(),
  expectedUpdatedAt: z.string().optional(),
  name: requiredText('List name', 120),
  purpose: z.enum(mailingPurposes, { error: 'Choose what the list is for.' }),
  filters: mailingFiltersInput,
  notes: optionalText(1000),
});
export type MailingListInput = z.input<typeof mailingListInput>;

export interface MailingList {
  id: Id;
  name: string;
  purpose: MailingPurpose;
  filters: MailingFilters;
  notes: string | null;
  updatedAt: string;
  lastSentOn: string | null;
}

export interface MailingExclusion {
  customerId: Id;
  name: string;
  reason: ExclusionReason;
  detail: string;
}

/** A list built from the register today: who is on it, by which channel, and who is left out and why. */
export interface MailingBuild {
  /** In the scope of the filters, before consent and preferences. */
  inScope: number;
  included: number;
  byChannel: Record<MailingChannel, number>;
  byReason: Record<ExclusionReason, number>;
  /** Everyone left out, up to `shownLimit` (the export's second sheet has them all). */
  excluded: MailingExclusion[];
  excludedTotal: number;
  shownLimit: number;
}

export const communicationKinds = [...mailingPurposes, 'update_video', 'letter'] as const;
export type CommunicationKind = (typeof communicationKinds)[number];
export const communicationKindLabels: Record<CommunicationKind, string> = {
  ...mailingPurposeLabels,
  update_video: 'Update video',
  letter: 'Letter',
};

export const recordSentInput = z.object({
  listId: idSchema,
  title: requiredText('What was sent', 200),
  sentOn: isoDateSchema,
  /** The rhythm item this mailing delivers (the quarter's newsletter), if any. */
  rhythmKey: z
    .string()
    .trim()
    .max(40)
    .nullable()
    .optional()
    .transform((s) => s || null),
});
export type RecordSentInput = z.input<typeof recordSentInput>;

/** One communication as the customer's record and a subject access pack show it. */
export interface CustomerCommunication {
  id: Id;
  title: string;
  kind: CommunicationKind;
  sentOn: string;
  channel: MailingChannel;
  listName: string | null;
  sentBy: string | null;
}

export interface CommunicationSummary {
  id: Id;
  title: string;
  kind: CommunicationKind;
  sentOn: string;
  listName: string | null;
  recipients: number;
  byChannel: Record<MailingChannel, number>;
}

// ---------------------------------------------------------------------------
// The Framework's rhythm

export const rhythmInput = z.object({
  items: z
    .array(
      z.object({
        key: z
          .string()
          .trim()
          .regex(/^[a-z][a-z0-9_]{1,39}$/, { error: 'Keys are lower-case letters, digits and _.' }),
        name: requiredText('Name', 120),
        timesPerYear: z
          .number()
          .refine((n) => (allowedTimesPerYear as readonly number[]).includes(n), {
            error: 'Choose 1, 2, 3, 4, 6 or 12 times a year.',
          }),
        note: optionalText(500),
      }),
    )
    .max(20),
});

export const deliveryInput = z.object({
  rhythmKey: z.string().trim().min(1).max(40),
  deliveredOn: isoDateSchema,
  note: optionalText(1000),
});

export interface RhythmDelivery {
  id: Id;
  deliveredOn: string;
  note: string | null;
  communicationId: Id | null;
}

export interface RhythmPlanItem extends RhythmItem {
  periods: RhythmPeriod[];
  deliveries: RhythmDelivery[];
  /** Who presents at an Open Day: each group's customer lead. */
  presenters: { group: string; name: string }[] | null;
}

export interface RhythmHome {
  today: string;
  /** Overdue lines carry the latest part missed and how many were missed in the last 12 months. */
  due: { key: string; name: string; dueOn: string; state: 'due' | 'overdue'; missed: number }[];
}

// ---------------------------------------------------------------------------
// The involvement menu

export const menuEntryInput = z.object({
  groupId: idSchema,
  listed: z.boolean().default(true),
  skills: z
    .array(z.enum(skillOptions.codes, { error: 'Choose from the skills listed.' }))
    .max(20)
    .default([]),
  trainingOffered: optionalText(1000),
  howToJoin: optionalText(1000),
});
export type MenuEntryInput = z.input<typeof menuEntryInput>;

export interface MenuOpportunity {
  groupId: Id;
  group: string;
  family: string;
  commitment: string | null;
  description: string | null;
  skills: Skill[];
  trainingOffered: string | null;
  howToJoin: string | null;
  listed: boolean;
}

// ---------------------------------------------------------------------------
// Tenant and resident associations

export const taraOfficerRoles = ['chair', 'secretary', 'treasurer'] as const;
export type TaraOfficerRole = (typeof taraOfficerRoles)[number];

const officer = z.object({
  customerId: optionalId,
  name: optionalText(120),
});

export const taraInput = z.object({
  id: idSchema.optional(),
  expectedUpdatedAt: z.string().optional(),
  name: requiredText('Association name', 160),
  areaId: optionalId,
  neighbourhoodId: optionalId,
  chair: officer,
  secretary: officer,
  treasurer: officer,
  constitutionAdoptedOn: optionalDate,
  agmOn: optionalDate,
  accountsOn: optionalDate,
  insuranceUntil: optionalDate,
  recognisedFrom: optionalDate,
  recognisedTo: optionalDate,
  notes: optionalText(4000),
});
export type TaraInput = z.input<typeof taraInput>;

export interface TaraOfficer {
  customerId: Id | null;
  name: string | null;
}

export interface TaraCriterionState {
  key: string;
  label: string;
  met: boolean;
  note: string | null;
  checkedOn: string | null;
  evidence: { fileName: string; sizeBytes: number } | null;
}

export interface TaraSummary {
  id: Id;
  name: string;
  areaName: string | null;
  recognisedFrom: string | null;
  recognisedTo: string | null;
  lastVisitOn: string | null;
  visitDueOn: string;
  visitOverdue: boolean;
  daysOverdue: number;
  criteriaMet: number;
  criteriaTotal: number;
  percent: number;
  selfSufficient: boolean;
}

export interface TaraVisit {
  id: Id;
  scheduledOn: string | null;
  heldOn: string | null;
  findings: string | null;
  supportAgreed: string | null;
  followUp: string | null;
  followUpDueOn: string | null;
  updatedAt: string;
}

export interface Tara extends Omit<TaraSummary, 'id' | 'name'> {
  id: Id;
  name: string;
  areaId: Id | null;
  neighbourhoodId: Id | null;
  chair: TaraOfficer;
  secretary: TaraOfficer;
  treasurer: TaraOfficer;
  constitutionAdoptedOn: string | null;
  agmOn: string | null;
  accountsOn: string | null;
  insuranceUntil: string | null;
  notes: string | null;
  updatedAt: string;
  criteria: TaraCriterionState[];
  visits: TaraVisit[];
}

export const taraCriterionInput = z.object({
  taraId: idSchema,
  key: z.string().trim().min(1).max(40),
  met: z.boolean(),
  note: optionalText(1000),
  checkedOn: optionalDate,
  /** Evidence to keep in the file store; omitted keeps what is there. */
  evidence: z
    .object({
      fileName: requiredText('File name', 200),
      mimeType: z.string().trim().min(1).max(120),
      contentBase64: z.string().min(1, { error: 'The file is empty.' }),
    })
    .nullable()
    .optional(),
});

export const taraVisitInput = z
  .object({
    id: idSchema.optional(),
    taraId: idSchema,
    scheduledOn: optionalDate,
    heldOn: optionalDate,
    findings: optionalText(4000),
    supportAgreed: optionalText(4000),
    followUp: optionalText(4000),
    followUpDueOn: optionalDate,
  })
  .superRefine((v, ctx) => {
    if (!v.scheduledOn && !v.heldOn)
      ctx.addIssue({
        code: 'custom',
        path: ['scheduledOn'],
        message: 'Give the date the visit is planned for, or the date it was held.',
      });
  });

export interface TaraCriterion {
  key: string;
  label: string;
}

export const taraCriteriaInput = z.object({
  criteria: z
    .array(
      z.object({
        key: z
          .string()
          .trim()
          .regex(/^[a-z][a-z0-9_]{1,39}$/, { error: 'Keys are lower-case.' }),
        label: requiredText('Criterion', 200),
      }),
    )
    .min(1, { error: 'Keep at least one criterion.' })
    .max(30),
});

// ---------------------------------------------------------------------------
// Dispersed communities

export const dispersedFlagInput = z.object({
  placeKind: z.enum(['area', 'neighbourhood']),
  placeId: idSchema,
  dispersed: z.boolean(),
  homes: count('Homes'),
  note: optionalText(500),
});

export interface DispersedCommunity {
  id: Id;
  placeKind: 'area' | 'neighbourhood';
  placeId: Id;
  name: string;
  areaName: string | null;
  homes: number | null;
  note: string | null;
  lastVisitOn: string | null;
  /** No visit or roadshow in the last 12 months. */
  noneInYear: boolean;
}

export const communityVisitKinds = ['visit', 'roadshow', 'drop_in', 'door_knocking'] as const;
export const communityVisitKindLabels: Record<(typeof communityVisitKinds)[number], string> = {
  visit: 'Visit',
  roadshow: 'Roadshow',
  drop_in: 'Drop-in session',
  door_knocking: 'Door knocking',
};

export const communityVisitInput = z.object({
  communityId: idSchema,
  onDate: isoDateSchema,
  kind: z.enum(communityVisitKinds, { error: 'Choose what kind of visit it was.' }),
  venue: optionalText(200),
  peopleMet: count('People met'),
  customersSaid: requiredText('What customers said', 4000),
  feedbackGiven: optionalText(4000),
});

export interface CommunityVisit {
  id: Id;
  communityId: Id;
  onDate: string;
  kind: (typeof communityVisitKinds)[number];
  venue: string | null;
  peopleMet: number | null;
  customersSaid: string;
  feedbackGiven: string | null;
}

// ---------------------------------------------------------------------------
// Higher-risk buildings

export const buildingInput = z.object({
  id: idSchema.optional(),
  expectedUpdatedAt: z.string().optional(),
  name: requiredText('Building name', 160),
  address: requiredText('Address', 300),
  postcode: optionalText(10),
  landlordId: optionalId,
  areaId: optionalId,
  heightMetres: z
    .number({ error: 'Height must be a number of metres.' })
    .min(0, { error: 'Height cannot be negative.' })
    .max(500, { error: 'Height must be under 500 metres.' })
    .nullable()
    .optional()
    .transform((n) => n ?? null),
  storeys: count('Storeys'),
  notes: optionalText(2000),
});
export type BuildingInput = z.input<typeof buildingInput>;

export const engagementKinds = [
  'residents_meeting',
  'walkabout',
  'consultation',
  'drop_in',
  'survey',
  'other',
] as const;
export const engagementKindLabels: Record<(typeof engagementKinds)[number], string> = {
  residents_meeting: 'Residents’ meeting',
  walkabout: 'Building walkabout',
  consultation: 'Consultation',
  drop_in: 'Drop-in session',
  survey: 'Survey',
  other: 'Other',
};

export const buildingResidentInput = z.object({
  buildingId: idSchema,
  customerId: idSchema,
  sinceOn: isoDateSchema,
});

export const buildingEngagementInput = z.object({
  buildingId: idSchema,
  onDate: isoDateSchema,
  kind: z.enum(engagementKinds, { error: 'Choose what kind of engagement it was.' }),
  summary: requiredText('What happened', 4000),
  residentsTakingPart: count('Residents taking part'),
});

export const buildingReviewInput = z.object({
  buildingId: idSchema,
  recommendationId: idSchema,
  reviewedOn: isoDateSchema,
  comments: optionalText(4000),
});

export interface BuildingSummary {
  id: Id;
  name: string;
  address: string;
  postcode: string | null;
  landlordName: string | null;
  heightMetres: number | null;
  storeys: number | null;
  residentsInvolved: number;
  lastEngagementOn: string | null;
  noneInYear: boolean;
}

export interface Building extends BuildingSummary {
  landlordId: Id | null;
  areaId: Id | null;
  notes: string | null;
  updatedAt: string;
  residents: { id: Id; customerId: Id; name: string; sinceOn: string }[];
  engagements: {
    id: Id;
    onDate: string;
    kind: (typeof engagementKinds)[number];
    summary: string;
    residentsTakingPart: number | null;
  }[];
  reviews: {
    id: Id;
    recommendationId: Id;
    reference: string;
    text: string;
    status: string;
    reviewedOn: string;
    comments: string | null;
  }[];
}

export type { MailingChannel, ExclusionReason, RhythmItem };
export { mailingChannels, exclusionReasons };
