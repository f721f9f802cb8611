import { z } from 'zod';
import { idSchema, isoDateSchema, isoDateTimeSchema, pageInput, type Id } from './common';
import { normaliseEmail, normalisePhone, normalisePostcode } from '../rules/uk-formats';

/*
 * The Customer Voice register: every involved customer (a volunteer who is a
 * tenant, leaseholder, shared owner or care and support client).
 *
 * Each set of choices is a `const` list of codes plus labels, so that the
 * database stores stable codes, the forms and filters show words, and import
 * and export can map between the two.
 */

function labelled<const T extends readonly string[]>(codes: T, labels: Record<T[number], string>) {
  return {
    codes,
    labels,
    options: codes.map((code) => ({ value: code, label: labels[code as T[number]] })),
  };
}

export const tenures = labelled(
  ['tenant', 'leaseholder', 'shared_owner', 'care_support_client'] as const,
  {
    tenant: 'Tenant',
    leaseholder: 'Leaseholder',
    shared_owner: 'Shared owner',
    care_support_client: 'Care & support client',
  },
);
export type Tenure = (typeof tenures.codes)[number];

export const customerStatuses = labelled(['interested', 'active', 'paused', 'left'] as const, {
  interested: 'Interested',
  active: 'Active',
  paused: 'Paused',
  left: 'Left',
});
export type CustomerStatus = (typeof customerStatuses.codes)[number];

export const availabilityOptions = labelled(
  ['daytime', 'evening', 'weekend', 'online', 'in_person'] as const,
  {
    daytime: 'Daytime',
    evening: 'Evenings',
    weekend: 'Weekends',
    online: 'Online',
    in_person: 'In person',
  },
);
export type Availability = (typeof availabilityOptions.codes)[number];

/** Service areas a customer wants to influence; groups and reviews are matched on these. */
export const serviceAreas = labelled(
  [
    'repairs',
    'building_safety',
    'estates_neighbourhoods',
    'anti_social_behaviour',
    'complaints',
    'rents_income',
    'tenancy_lettings',
    'home_ownership',
    'care_support',
    'new_homes',
    'customer_service',
    'digital_services',
    'communications',
    'community_investment',
    'value_for_money',
    'policy',
    'equality_diversity',
    'young_people',
  ] as const,
  {
    repairs: 'Repairs and maintenance',
    building_safety: 'Building safety',
    estates_neighbourhoods: 'Estates and neighbourhoods',
    anti_social_behaviour: 'Anti-social behaviour',
    complaints: 'Complaints',
    rents_income: 'Rents and income',
    tenancy_lettings: 'Tenancy and lettings',
    home_ownership: 'Leasehold and home ownership',
    care_support: 'Care and support',
    new_homes: 'New homes and regeneration',
    customer_service: 'Customer service',
    digital_services: 'Digital services',
    communications: 'Newsletters and communications',
    community_investment: 'Community investment',
    value_for_money: 'Value for money',
    policy: 'Policies',
    equality_diversity: 'Equality and diversity',
    young_people: 'Young people',
  },
);
export type ServiceArea = (typeof serviceAreas.codes)[number];

/** What a skills audit records (Talent School). */
export const skillOptions = labelled(
  [
    'chairing',
    'minute_taking',
    'public_speaking',
    'report_writing',
    'data_analysis',
    'finance',
    'it_digital',
    'interviewing',
    'inspection',
    'mystery_shopping',
    'policy_review',
    'community_organising',
    'training_others',
    'social_media',
    'languages',
  ] as const,
  {
    chairing: 'Chairing meetings',
    minute_taking: 'Taking minutes',
    public_speaking: 'Public speaking',
    report_writing: 'Report writing',
    data_analysis: 'Reading performance data',
    finance: 'Budgets and finance',
    it_digital: 'Computers and online meetings',
    interviewing: 'Interviewing',
    inspection: 'Estate inspection',
    mystery_shopping: 'Mystery shopping',
    policy_review: 'Reviewing policies',
    community_organising: 'Community organising',
    training_others: 'Training others',
    social_media: 'Social media',
    languages: 'Other languages',
  },
);
export type Skill = (typeof skillOptions.codes)[number];

export const recruitmentSources = labelled(
  [
    'roadshow',
    'door_knocking',
    'open_day',
    'website',
    'social_media',
    'newsletter',
    'staff_referral',
    'tenancy_signup',
    'survey',
    'tara',
    'word_of_mouth',
    'complaint',
    'other',
  ] as const,
  {
    roadshow: 'Roadshow or community event',
    door_knocking: 'Door knocking',
    open_day: 'Involvement Open Day',
    website: 'Website',
    social_media: 'Social media',
    newsletter: 'Newsletter',
    staff_referral: 'Referred by staff',
    tenancy_signup: 'At tenancy sign-up',
    survey: 'Customer survey',
    tara: 'Tenant & resident association',
    word_of_mouth: 'Word of mouth',
    complaint: 'After a complaint',
    other: 'Other',
  },
);
export type RecruitmentSource = (typeof recruitmentSources.codes)[number];

export const contactMethods = labelled(['email', 'phone', 'text', 'post', 'in_person'] as const, {
  email: 'Email',
  phone: 'Phone call',
  text: 'Text message',
  post: 'Letter',
  in_person: 'In person',
});
export type ContactMethod = (typeof contactMethods.codes)[number];

export const digitalAccessLevels = labelled(['confident', 'with_support', 'none'] as const, {
  confident: 'Online and confident',
  with_support: 'Online with support',
  none: 'No internet access',
});
export type DigitalAccess = (typeof digitalAccessLevels.codes)[number];

export const supportNeeds = labelled(
  [
    'step_free_access',
    'hearing_loop',
    'large_print',
    'easy_read',
    'bsl_interpreter',
    'language_interpreter',
    'transport',
    'carer_attends',
    'childcare',
    'quiet_space',
    'digital_support',
  ] as const,
  {
    step_free_access: 'Step-free access',
    hearing_loop: 'Hearing loop',
    large_print: 'Large print',
    easy_read: 'Easy read',
    bsl_interpreter: 'BSL interpreter',
    language_interpreter: 'Language interpreter',
    transport: 'Help with transport',
    carer_attends: 'Carer attends',
    childcare: 'Childcare',
    quiet_space: 'Quiet space',
    digital_support: 'Help getting online',
  },
);
export type SupportNeed = (typeof supportNeeds.codes)[number];

/** What the customer agreed to (UK GDPR: consent is recorded: what, when, how). */
export const consentPurposes = labelled(
  ['register', 'contact', 'equality_monitoring', 'photographs', 'share_with_partners'] as const,
  {
    register: 'Keep my details on the Customer Voice register',
    contact: 'Contact me about involvement opportunities',
    equality_monitoring: 'Use my equality information for monitoring',
    photographs: 'Photographs and film at events',
    share_with_partners: 'Share my details with partner landlords',
  },
);
export type ConsentPurpose = (typeof consentPurposes.codes)[number];

export const consentMethods = labelled(
  ['paper_form', 'online_form', 'email', 'phone', 'in_person'] as const,
  {
    paper_form: 'Signed paper form',
    online_form: 'Online form',
    email: 'By email',
    phone: 'By phone (verbal)',
    in_person: 'In person (verbal)',
  },
);
export type ConsentMethod = (typeof consentMethods.codes)[number];

/*
 * Equality data is special category data (UK GDPR): optional, always with
 * "prefer not to say", and only shown to roles that report on it.
 */
export const ageBands = labelled(
  ['10_15', '16_24', '25_34', '35_44', '45_54', '55_64', '65_74', '75_plus', 'prefer_not'] as const,
  {
    '10_15': '10–15',
    '16_24': '16–24',
    '25_34': '25–34',
    '35_44': '35–44',
    '45_54': '45–54',
    '55_64': '55–64',
    '65_74': '65–74',
    '75_plus': '75 and over',
    prefer_not: 'Prefer not to say',
  },
);
export type AgeBand = (typeof ageBands.codes)[number];

export const genders = labelled(
  ['woman', 'man', 'non_binary', 'self_described', 'prefer_not'] as const,
  {
    woman: 'Woman',
    man: 'Man',
    non_binary: 'Non-binary',
    self_described: 'Prefer to self-describe',
    prefer_not: 'Prefer not to say',
  },
);
export type Gender = (typeof genders.codes)[number];

/** The 2021 census's high-level groups for England and Wales. */
export const ethnicities = labelled(
  [
    'white_british',
    'white_other',
    'mixed',
    'asian',
    'black',
    'arab',
    'other',
    'prefer_not',
  ] as const,
  {
    white_british: 'White: English, Welsh, Scottish, Northern Irish or British',
    white_other: 'White: other (including Irish, Gypsy or Irish Traveller, Roma)',
    mixed: 'Mixed or multiple ethnic groups',
    asian: 'Asian or Asian British',
    black: 'Black, Black British, Caribbean or African',
    arab: 'Arab',
    other: 'Other ethnic group',
    prefer_not: 'Prefer not to say',
  },
);
export type Ethnicity = (typeof ethnicities.codes)[number];

export const disabilityAnswers = labelled(['yes', 'no', 'prefer_not'] as const, {
  yes: 'Yes',
  no: 'No',
  prefer_not: 'Prefer not to say',
});
export type DisabilityAnswer = (typeof disabilityAnswers.codes)[number];

export const sexualOrientations = labelled(
  ['heterosexual', 'gay_lesbian', 'bisexual', 'other', 'prefer_not'] as const,
  {
    heterosexual: 'Heterosexual or straight',
    gay_lesbian: 'Gay or lesbian',
    bisexual: 'Bisexual',
    other: 'Other',
    prefer_not: 'Prefer not to say',
  },
);
export type SexualOrientation = (typeof sexualOrientations.codes)[number];

export const religions = labelled(
  [
    'none',
    'christian',
    'muslim',
    'hindu',
    'sikh',
    'jewish',
    'buddhist',
    'other',
    'prefer_not',
  ] as const,
  {
    none: 'No religion',
    christian: 'Christian',
    muslim: 'Muslim',
    hindu: 'Hindu',
    sikh: 'Sikh',
    jewish: 'Jewish',
    buddhist: 'Buddhist',
    other: 'Other religion',
    prefer_not: 'Prefer not to say',
  },
);
export type Religion = (typeof religions.codes)[number];

export interface EqualityData {
  ageBand: AgeBand | null;
  gender: Gender | null;
  ethnicity: Ethnicity | null;
  disability: DisabilityAnswer | null;
  sexualOrientation: SexualOrientation | null;
  religion: Religion | null;
}

/** The equality fields by name, for redaction and permission checks. */
export const equalityFields = [
  'ageBand',
  'gender',
  'ethnicity',
  'disability',
  'sexualOrientation',
  'religion',
] as const;

export interface ConsentRecord {
  purpose: ConsentPurpose;
  /** When the customer gave it. */
  givenOn: string;
  method: ConsentMethod;
  /** Null while consent stands. */
  withdrawnOn: string | null;
  note: string | null;
}

/** What the register shows in its list: enough to find and recognise someone. */
export interface CustomerSummary {
  id: Id;
  firstName: string;
  lastName: string;
  preferredName: string | null;
  postcode: string | null;
  email: string | null;
  phone: string | null;
  landlordId: Id | null;
  landlordName: string | null;
  areaId: Id | null;
  areaName: string | null;
  tenure: Tenure | null;
  status: CustomerStatus;
  isBoardMember: boolean;
  /** Derived from the date of birth, when known. */
  age: number | null;
  lastActivityAt: string | null;
  updatedAt: string;
}

/** A customer deleted from the register (a tombstone), as the restore list shows it. */
export interface DeletedCustomer {
  id: Id;
  firstName: string;
  lastName: string;
  postcode: string | null;
  deletedAt: string;
  deletedBy: string | null;
  reason: string | null;
}

/** A whole record, as the record view and the edit form see it. */
export interface Customer {
  id: Id;
  createdAt: string;
  updatedAt: string;
  updatedBy: Id;
  externalRef: string | null;
  firstName: string;
  lastName: string;
  preferredName: string | null;
  email: string | null;
  phone: string | null;
  mobile: string | null;
  addressLine1: string | null;
  addressLine2: string | null;
  town: string | null;
  postcode: string | null;
  landlordId: Id | null;
  areaId: Id | null;
  neighbourhoodId: Id | null;
  tenure: Tenure | null;
  dateOfBirth: string | null;
  age: number | null;
  contactMethods: ContactMethod[];
  digitalAccess: DigitalAccess | null;
  supportNeeds: SupportNeed[];
  supportNotes: string | null;
  availability: Availability[];
  interests: ServiceArea[];
  skills: Skill[];
  recruitmentSource: RecruitmentSource | null;
  status: CustomerStatus;
  isBoardMember: boolean;
  codeOfConductSignedOn: string | null;
  consents: ConsentRecord[];
  notes: string | null;
  lastActivityAt: string | null;
  /** Null when the signed-in role may not see equality data (see `equalityVisible`). */
  equality: EqualityData | null;
  equalityVisible: boolean;
}

// ---------------------------------------------------------------------------
// Input schemas. Every field accepts what a form holds (strings, '' for
// empty) and gives the stored form. Undefined means "not given", so the same
// field schemas serve create (where missing means empty) and edit (where
// missing means unchanged).

function text(max: number, label: string) {
  return z
    .string({ error: `${label} must be text.` })
    .trim()
    .max(max, { error: `${label} must be ${max} characters or fewer.` })
    .transform((s) => (s === '' ? null : s))
    .nullable()
    .optional();
}

function name(label: string) {
  return z
    .string({ error: `${label} is required.` })
    .trim()
    .min(1, { error: `${label} is required.` })
    .max(80, { error: `${label} must be 80 characters or fewer.` });
}

function formatted(normalise: (value: string) => string | null, message: string) {
  return z
    .string({ error: message })
    .trim()
    .transform((value, ctx) => {
      if (value === '') return null;
      const normal = normalise(value);
      if (normal === null) {
        ctx.issues.push({ code: 'custom', message, input: value });
        return z.NEVER;
      }
      return normal;
    })
    .nullable()
    .optional();
}

function choice<T extends readonly [string, ...string[]]>(codes: T, message: string) {
  return z
    .union([z.enum(codes, { error: message }), z.literal('').transform(() => null)])
    .nullable()
    .optional();
}

function choices<T extends readonly [string, ...string[]]>(codes: T, message: string) {
  return z
    .array(z.enum(codes, { error: message }))
    .transform((list) => codes.filter((code) => list.includes(code)) as unknown as T[number][])
    .optional();
}

const dateField = (label: string) =>
  z
    .union([
      z.iso.date({ error: `${label}: enter a date as YYYY-MM-DD.` }),
      z.literal('').transform(() => null),
    ])
    .refine((d) => d === null || d >= '1900-01-01', { error: `${label} cannot be before 1900.` })
    .nullable()
    .optional();

export const consentRecordInput = z.object({
  purpose: z.enum(consentPurposes.codes, { error: 'Choose what the customer agreed to.' }),
  givenOn: isoDateSchema,
  method: z.enum(consentMethods.codes, { error: 'Choose how the consent was recorded.' }),
  withdrawnOn: dateField('Withdrawn on').transform((d) => d ?? null),
  note: text(500, 'Note').transform((s) => s ?? null),
});

export const equalityInput = z.object({
  ageBand: choice(ageBands.codes, 'Choose an age band.').transform((v) => v ?? null),
  gender: choice(genders.codes, 'Choose a gender.').transform((v) => v ?? null),
  ethnicity: choice(ethnicities.codes, 'Choose an ethnic group.').transform((v) => v ?? null),
  disability: choice(disabilityAnswers.codes, 'Choose an answer.').transform((v) => v ?? null),
  sexualOrientation: choice(sexualOrientations.codes, 'Choose an answer.').transform(
    (v) => v ?? null,
  ),
  religion: choice(religions.codes, 'Choose an answer.').transform((v) => v ?? null),
});

export const postcodeMessage = 'Enter a UK postcode, like TS1 2AB.';
export const phoneMessage = 'Enter a UK phone number, like 01642 123456 or 07700 900123.';
export const emailMessage = 'Enter an email address, like name@example.org.';

/** Every editable field; names are required only on create (see below). */
const customerFields = {
  externalRef: text(60, 'Reference'),
  firstName: name('First name'),
  lastName: name('Last name'),
  preferredName: text(80, 'Preferred name'),
  email: formatted(normaliseEmail, emailMessage),
  phone: formatted(normalisePhone, phoneMessage),
  mobile: formatted(normalisePhone, phoneMessage),
  addressLine1: text(120, 'Address line 1'),
  addressLine2: text(120, 'Address line 2'),
  town: text(80, 'Town'),
  postcode: formatted(normalisePostcode, postcodeMessage),
  landlordId: z
    .union([idSchema, z.literal('').transform(() => null)])
    .nullable()
    .optional(),
  areaId: z
    .union([idSchema, z.literal('').transform(() => null)])
    .nullable()
    .optional(),
  neighbourhoodId: z
    .union([idSchema, z.literal('').transform(() => null)])
    .nullable()
    .optional(),
  tenure: choice(tenures.codes, 'Choose a tenure.'),
  dateOfBirth: dateField('Date of birth'),
  contactMethods: choices(contactMethods.codes, 'Choose how to contact them.'),
  digitalAccess: choice(digitalAccessLevels.codes, 'Choose their digital access.'),
  supportNeeds: choices(supportNeeds.codes, 'Choose from the support needs listed.'),
  supportNotes: text(1000, 'Support notes'),
  availability: choices(availabilityOptions.codes, 'Choose from the times listed.'),
  interests: choices(serviceAreas.codes, 'Choose from the service areas listed.'),
  skills: choices(skillOptions.codes, 'Choose from the skills listed.'),
  recruitmentSource: choice(recruitmentSources.codes, 'Choose how they were recruited.'),
  status: z.enum(customerStatuses.codes, { error: 'Choose a status.' }).optional(),
  isBoardMember: z.boolean().optional(),
  codeOfConductSignedOn: dateField('Code of conduct signed on'),
  consents: z.array(consentRecordInput).max(50).optional(),
  notes: text(4000, 'Notes'),
  /** Only for roles with `customers.equality.write`; refused otherwise. */
  equality: equalityInput.nullable().optional(),
};

/** Create: names are required; anything missing is stored empty. */
export const customerInput = z.object({
  ...customerFields,
  /** The user saw the duplicate warning and wants a new record anyway. */
  confirmDuplicate: z.boolean().optional(),
});
export type CustomerInput = z.input<typeof customerInput>;
export type CustomerValues = z.output<typeof customerInput>;

/** Edit: only the fields given change; `expectedUpdatedAt` guards against overwriting someone else's save. */
export const customerPatch = z.object({
  id: idSchema,
  expectedUpdatedAt: isoDateTimeSchema,
  patch: z.object(customerFields).partial(),
  reason: text(500, 'Reason'),
});
export type CustomerPatchInput = z.input<typeof customerPatch>;
export type CustomerPatchValues = z.output<typeof customerPatch>['patch'];

export const customerSortFields = [
  'relevance',
  'name',
  'postcode',
  'status',
  'landlord',
  'area',
  'age',
  'lastActivity',
  'updated',
] as const;
export type CustomerSortField = (typeof customerSortFields)[number];

export const customerListInput = pageInput.extend({
  search: z.string().trim().max(200, { error: 'Search for 200 characters or fewer.' }).default(''),
  landlordId: idSchema.optional(),
  areaId: idSchema.optional(),
  status: z.array(z.enum(customerStatuses.codes)).optional(),
  tenure: z.enum(tenures.codes).optional(),
  interest: z.enum(serviceAreas.codes).optional(),
  skill: z.enum(skillOptions.codes).optional(),
  /** Only those with no activity in the last 12 months (rule 6: offer everyone one a year). */
  noRecentActivity: z.boolean().optional(),
  isBoardMember: z.boolean().optional(),
  /**
   * Only those who could join this group today without breaking a rule about
   * themselves (board members, another standing group, the age range), who
   * are not already on it and have not left: the remedy for a group short of members.
   */
  eligibleForGroupId: idSchema.optional(),
  /** `relevance` applies to searches; without a search it falls back to name. */
  sort: z.enum(customerSortFields).default('relevance'),
  direction: z.enum(['asc', 'desc']).default('asc'),
});
export type CustomerListInput = z.input<typeof customerListInput>;
export type CustomerListQuery = z.output<typeof customerListInput>;

export const duplicateCheckInput = z.object({
  firstName: z.string().trim().max(80).optional(),
  lastName: z.string().trim().max(80).optional(),
  postcode: z.string().trim().max(12).optional(),
  email: z.string().trim().max(254).optional(),
  phone: z.string().trim().max(30).optional(),
  mobile: z.string().trim().max(30).optional(),
  /** The record being edited, so it does not match itself. */
  excludeId: idSchema.optional(),
});
export type DuplicateCheckInput = z.input<typeof duplicateCheckInput>;

export type DuplicateReason = 'name_and_postcode' | 'email' | 'phone';

export interface DuplicateMatch {
  id: Id;
  firstName: string;
  lastName: string;
  postcode: string | null;
  email: string | null;
  phone: string | null;
  mobile: string | null;
  status: CustomerStatus;
  reasons: DuplicateReason[];
}

export type CreateCustomerResult =
  | { created: true; customer: Customer }
  /** Not saved: likely duplicates, so the user can open one or confirm. */
  | { created: false; duplicates: DuplicateMatch[] };

export function displayName(c: {
  firstName: string;
  lastName: string;
  preferredName: string | null;
}): string {
  return c.preferredName && c.preferredName !== c.firstName
    ? `${c.firstName} (${c.preferredName}) ${c.lastName}`
    : `${c.firstName} ${c.lastName}`;
}
