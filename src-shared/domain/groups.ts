import { z } from 'zod';
import { idSchema, isoDateSchema, optionalText, requiredText, type Id } from './common';

/** The three families of the Strategy's Appendix A, plus anything else. */
export const groupFamilies = [
  'scrutiny',
  'service_development',
  'neighbourhoods',
  'other',
] as const;
export type GroupFamily = (typeof groupFamilies)[number];
export const groupFamilyLabels: Record<GroupFamily, string> = {
  scrutiny: 'Scrutiny & accountability',
  service_development: 'Service development',
  neighbourhoods: 'Neighbourhoods',
  other: 'Other',
};

/** "corporate" groups are the standing groups: a customer may sit on only one of them. */
export const groupKinds = [
  'corporate',
  'task_and_finish',
  'panel',
  'committee',
  'virtual_pool',
] as const;
export type GroupKind = (typeof groupKinds)[number];
export const groupKindLabels: Record<GroupKind, string> = {
  corporate: 'Standing (corporate) group',
  task_and_finish: 'Task & finish group',
  panel: 'Panel',
  committee: 'Committee',
  virtual_pool: 'Virtual pool',
};

export const memberRoles = ['member', 'chair', 'vice_chair', 'customer_lead'] as const;
export type MemberRole = (typeof memberRoles)[number];
export const memberRoleLabels: Record<MemberRole, string> = {
  member: 'Member',
  chair: 'Chair',
  vice_chair: 'Vice-chair',
  customer_lead: 'Customer lead',
};

export const selectionMethods = [
  'skills_review',
  'interview',
  'expression_of_interest',
  'other',
] as const;
export type SelectionMethod = (typeof selectionMethods)[number];
export const selectionMethodLabels: Record<SelectionMethod, string> = {
  skills_review: 'Skills review',
  interview: 'Interview',
  expression_of_interest: 'Expression of interest',
  other: 'Other',
};

/**
 * A group is data: its membership rules are switched on by these settings, so
 * another landlord can set up its own structure without code changes.
 */
export interface GroupRuleSettings {
  /** Standing scrutiny groups need this many tenants from each partner landlord (null: no rule). */
  minTenantsPerPartner: number | null;
  /** Board members who are customers may not sit on the scrutiny groups. */
  excludeBoardMembers: boolean;
  /** Age limits in whole years, inclusive (Young Voices: 10 to 24). */
  minAge: number | null;
  maxAge: number | null;
}

export interface Group extends GroupRuleSettings {
  id: Id;
  name: string;
  family: GroupFamily;
  kind: GroupKind;
  /** Null: the whole organisation. */
  landlordId: Id | null;
  areaId: Id | null;
  /** At least this many meetings a year (the KPI), or null where none is set. */
  targetMeetingsPerYear: number | null;
  /** How often it meets, in words ("monthly", "3–4 days a month"). */
  cadenceNote: string | null;
  /** The commitment described to volunteers. */
  commitment: string | null;
  description: string | null;
  startsOn: string | null;
  endsOn: string | null;
  updatedAt: string;
}

export interface Membership {
  id: Id;
  groupId: Id;
  customerId: Id;
  customerName: string;
  /** The customer's landlord and tenure, which the partner-landlord rule counts. */
  landlordName: string | null;
  tenure: string | null;
  role: MemberRole;
  joinedOn: string;
  leftOn: string | null;
  selectionMethod: SelectionMethod | null;
  selectionNotes: string | null;
  roleDescriptionAgreedOn: string | null;
  codeOfConductSignedOn: string | null;
  /** Why a rule was overridden when this member was added. */
  overrideReason: string | null;
  updatedAt: string;
}

const wholeOrNull = (label: string, max: number) =>
  z
    .number({ error: `${label} must be a number.` })
    .int({ error: `${label} must be a whole number.` })
    .min(0, { error: `${label} cannot be negative.` })
    .max(max, { error: `${label} must be at most ${max}.` })
    .nullable()
    .optional()
    .transform((n) => n ?? null);

const optionalDate = isoDateSchema
  .nullable()
  .optional()
  .or(z.literal('').transform(() => null))
  .transform((d) => d ?? null);

export const groupInput = z
  .object({
    id: idSchema.optional(),
    expectedUpdatedAt: z.string().optional(),
    name: requiredText('Group name', 120),
    family: z.enum(groupFamilies, { error: 'Choose a family.' }),
    kind: z.enum(groupKinds, { error: 'Choose a kind of group.' }),
    landlordId: idSchema
      .nullable()
      .optional()
      .transform((s) => s ?? null),
    areaId: idSchema
      .nullable()
      .optional()
      .transform((s) => s ?? null),
    targetMeetingsPerYear: wholeOrNull('Target meetings a year', 366),
    cadenceNote: optionalText(200),
    commitment: optionalText(1000),
    description: optionalText(2000),
    startsOn: optionalDate,
    endsOn: optionalDate,
    minTenantsPerPartner: wholeOrNull('Tenants from each partner landlord', 50),
    excludeBoardMembers: z.boolean().default(false),
    minAge: wholeOrNull('Youngest age', 120),
    maxAge: wholeOrNull('Oldest age', 120),
  })
  .superRefine((g, ctx) => {
    if (g.kind === 'task_and_finish' && !g.startsOn) {
      ctx.addIssue({
        code: 'custom',
        path: ['startsOn'],
        message: 'A task & finish group needs a start date: the day of its first session.',
      });
    }
    if (g.kind === 'task_and_finish' && !g.endsOn) {
      ctx.addIssue({
        code: 'custom',
        path: ['endsOn'],
        message:
          'A task & finish group needs an end date: the day the manager shows the revised policy.',
      });
    }
    if (g.startsOn && g.endsOn && g.endsOn < g.startsOn) {
      ctx.addIssue({
        code: 'custom',
        path: ['endsOn'],
        message: 'The end date is before the start date.',
      });
    }
    if (g.minAge !== null && g.maxAge !== null && g.maxAge < g.minAge) {
      ctx.addIssue({
        code: 'custom',
        path: ['maxAge'],
        message: 'The oldest age is below the youngest age.',
      });
    }
  });
export type GroupInput = z.input<typeof groupInput>;

export const membershipInput = z
  .object({
    groupId: idSchema,
    customerId: idSchema,
    role: z.enum(memberRoles, { error: 'Choose a role.' }).default('member'),
    joinedOn: isoDateSchema,
    selectionMethod: z
      .enum(selectionMethods, { error: 'Choose how they were selected.' })
      .nullable()
      .optional()
      .transform((s) => s ?? null),
    selectionNotes: optionalText(2000),
    roleDescriptionAgreedOn: optionalDate,
    codeOfConductSignedOn: optionalDate,
    /** Needed when adding the member breaks a rule. */
    overrideReason: optionalText(1000),
  })
  .strict();
export type MembershipInput = z.input<typeof membershipInput>;

export const membershipUpdateInput = z
  .object({
    id: idSchema,
    expectedUpdatedAt: z.string().optional(),
    role: z.enum(memberRoles, { error: 'Choose a role.' }).optional(),
    leftOn: optionalDate,
    selectionMethod: z.enum(selectionMethods).nullable().optional(),
    selectionNotes: optionalText(2000),
    roleDescriptionAgreedOn: optionalDate,
    codeOfConductSignedOn: optionalDate,
  })
  .strict();
