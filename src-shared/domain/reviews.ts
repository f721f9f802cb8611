import { z } from 'zod';
import { idSchema, isoDateSchema, optionalText, requiredText, type Id } from './common';
import { serviceAreas, type ServiceArea } from './customer';
import type { Stage } from '../rules/review-stages';
import type { ExpectedLength, WeekCount } from '../rules/review-weeks';
import type { ExceptionReason } from '../rules/review-exceptions';
import type { ManagementResponse, RecommendationStatus } from '../rules/recommendations';
import type { PolicyConsultationState } from '../rules/policy-consultation';

/*
 * Scrutiny reviews, investigations, audits, reality checks, mystery shops and
 * policy consultations: commissioned work done by a team of involved
 * customers with a lead officer, through stages kept as data.
 */

export const reviewKinds = [
  'scrutiny_panel_review',
  'csi_project',
  'neighbourhood_audit',
  'reality_check',
  'mystery_shop',
  'policy_consultation',
] as const;
export type ReviewKind = (typeof reviewKinds)[number];
/** The kinds' standing names (a template may title its own reviews differently). */
export const reviewKindLabels: Record<ReviewKind, string> = {
  scrutiny_panel_review: 'Scrutiny Panel service review',
  csi_project: 'Customer Service Investigators project',
  neighbourhood_audit: 'Neighbourhood audit',
  reality_check: 'Reality check',
  mystery_shop: 'Mystery shop',
  policy_consultation: 'Policy consultation',
};

export const commissioners = ['board', 'council', 'business_manager', 'panel'] as const;
export type Commissioner = (typeof commissioners)[number];
export const commissionerLabels: Record<Commissioner, string> = {
  board: 'The Board',
  council: 'The Customer Council',
  business_manager: 'A business manager',
  panel: 'The panel itself',
};

export const evidenceKinds = [
  'interview',
  'data_request',
  'site_visit',
  'document',
  'observation',
] as const;
export type EvidenceKind = (typeof evidenceKinds)[number];
export const evidenceKindLabels: Record<EvidenceKind, string> = {
  interview: 'Interview',
  data_request: 'Data request',
  site_visit: 'Site visit',
  document: 'Document',
  observation: 'Observation',
};

export const teamRoles = ['member', 'customer_lead'] as const;
export type TeamRole = (typeof teamRoles)[number];

const optionalDate = isoDateSchema
  .nullable()
  .optional()
  .transform((v) => v ?? null);

export const fileInput = z.object({
  fileName: requiredText('The file name', 255),
  mimeType: z.string().trim().min(1).max(200),
  contentBase64: z.string().min(1, { error: 'Choose a file.' }),
});

export const commissionInput = z
  .object({
    kind: z.enum(reviewKinds, { error: 'Choose the kind of review.' }),
    title: requiredText('The title', 200),
    commissionedBy: z.enum(commissioners, { error: 'Choose who commissioned it.' }),
    commissionerName: optionalText(200),
    commissionerService: optionalText(200),
    commissionedOn: isoDateSchema,
    question: requiredText('The question to answer', 4000),
    serviceArea: z.enum(serviceAreas.codes, { error: 'Choose the service in scope.' }),
    landlordIds: z.array(idSchema).max(50).default([]),
    deadline: isoDateSchema,
    startedOn: isoDateSchema,
    leadOfficerId: idSchema,
  })
  .superRefine((c, ctx) => {
    if (c.commissionedBy === 'business_manager') {
      if (!c.commissionerName)
        ctx.addIssue({
          code: 'custom',
          path: ['commissionerName'],
          message: 'Name the business manager.',
        });
      if (!c.commissionerService)
        ctx.addIssue({
          code: 'custom',
          path: ['commissionerService'],
          message: 'Give the manager’s service.',
        });
    }
    if (c.deadline < c.commissionedOn)
      ctx.addIssue({
        code: 'custom',
        path: ['deadline'],
        message: 'The deadline cannot be before the commission.',
      });
    if (c.startedOn < c.commissionedOn)
      ctx.addIssue({
        code: 'custom',
        path: ['startedOn'],
        message: 'The review cannot start before it was commissioned.',
      });
  });
export type CommissionInput = z.input<typeof commissionInput>;

export const reviewListInput = z.object({
  kind: z.enum(reviewKinds).nullable().optional(),
  state: z.enum(['open', 'complete', 'all']).default('open'),
});

export const stageMoveInput = z.object({
  reviewId: idSchema,
  next: z.string().trim().min(1, { error: 'Choose the stage.' }),
  onDate: isoDateSchema,
  reason: optionalText(1000),
});

export const teamMemberInput = z.object({
  reviewId: idSchema,
  customerId: idSchema,
  role: z.enum(teamRoles).default('member'),
  joinedOn: isoDateSchema,
});
export const teamRemoveInput = z.object({ id: idSchema });
export const officerInput = z.object({ reviewId: idSchema, staffId: idSchema });

export const evidenceInput = z
  .object({
    reviewId: idSchema,
    kind: z.enum(evidenceKinds, { error: 'Choose the kind of evidence.' }),
    title: requiredText('The title', 300),
    onDate: isoDateSchema,
    notes: optionalText(8000),
    askedOn: optionalDate,
    dueOn: optionalDate,
    answeredOn: optionalDate,
    file: fileInput.nullable().optional(),
  })
  .superRefine((e, ctx) => {
    if (e.kind === 'data_request' && !e.askedOn)
      ctx.addIssue({
        code: 'custom',
        path: ['askedOn'],
        message: 'Give the date the data was asked for.',
      });
    if (e.askedOn && e.dueOn && e.dueOn < e.askedOn)
      ctx.addIssue({
        code: 'custom',
        path: ['dueOn'],
        message: 'The answer cannot be due before it was asked for.',
      });
    if (e.askedOn && e.answeredOn && e.answeredOn < e.askedOn)
      ctx.addIssue({
        code: 'custom',
        path: ['answeredOn'],
        message: 'The answer cannot come before the question.',
      });
    if (e.kind === 'document' && !e.file)
      ctx.addIssue({ code: 'custom', path: ['file'], message: 'Attach the document.' });
  });
export type EvidenceInput = z.input<typeof evidenceInput>;

export const evidenceAnswerInput = z.object({ id: idSchema, answeredOn: isoDateSchema });

export const findingInput = z.object({
  reviewId: idSchema,
  heading: requiredText('The heading', 300),
  text: requiredText('The finding', 8000),
});
export const findingRemoveInput = z.object({ id: idSchema });

export const reportTemplateInput = z.object({
  reviewId: idSchema,
  intro: requiredText('The introduction', 8000),
  closing: optionalText(8000),
});

export const consultationInput = z
  .object({
    reviewId: idSchema,
    policyName: requiredText('The policy', 300),
    boardDate: optionalDate,
    commentOpens: optionalDate,
    commentCloses: optionalDate,
    feedbackSentOn: optionalDate,
    /** The task & finish group giving the three days; left out, it stays as it is. */
    taskGroupId: idSchema.nullable().optional(),
    /** The policy on the register it is for; left out, it stays as it is. */
    policyId: idSchema.nullable().optional(),
  })
  .superRefine((c, ctx) => {
    if ((c.commentOpens === null) !== (c.commentCloses === null))
      ctx.addIssue({
        code: 'custom',
        path: [c.commentOpens ? 'commentCloses' : 'commentOpens'],
        message: 'Give both the opening and the closing date of the comment window.',
      });
    if (c.commentOpens && c.commentCloses && c.commentCloses < c.commentOpens)
      ctx.addIssue({
        code: 'custom',
        path: ['commentCloses'],
        message: 'The comment window cannot close before it opens.',
      });
  });

/** What became of a point participants made: the feedback to them says which, and why. */
export const consultationOutcomes = ['changed', 'partly', 'not_changed'] as const;
export type ConsultationOutcome = (typeof consultationOutcomes)[number];
export const consultationOutcomeLabels: Record<ConsultationOutcome, string> = {
  changed: 'Changed',
  partly: 'Partly changed',
  not_changed: 'Not changed',
};

export const outcomeInput = z.object({
  reviewId: idSchema,
  said: requiredText('What participants said', 2000),
  outcome: z.enum(consultationOutcomes, { message: 'Choose what became of it.' }),
  explanation: requiredText('Why', 2000),
});
export const outcomeRemoveInput = z.object({ id: idSchema });

export interface ConsultationPoint {
  id: Id;
  said: string;
  outcome: ConsultationOutcome;
  explanation: string;
}

/** One of the task & finish group's days, as the consultation shows it. */
export interface ConsultationDay {
  activityId: Id;
  title: string;
  on: string;
  status: string;
}

export const tagEntityTypes = [
  'review',
  'review_evidence',
  'activity',
  'recommendation',
  'you_said_we_did',
] as const;
export type TagEntityType = (typeof tagEntityTypes)[number];
export const tagEntityLabels: Record<TagEntityType, string> = {
  review: 'Review',
  review_evidence: 'Review evidence',
  activity: 'Activity',
  recommendation: 'Recommendation',
  you_said_we_did: 'You said, we did',
};

export const tagInput = z.object({
  entityType: z.enum(tagEntityTypes),
  entityId: idSchema,
  /** The whole set of requirement codes this record gives assurance on. */
  codes: z.array(z.string().trim().min(1).max(16)).max(60),
});

export const periodInput = z
  .object({ from: isoDateSchema, to: isoDateSchema })
  .refine((p) => p.from <= p.to, {
    error: 'The period must end on or after its start.',
    path: ['to'],
  });

export const exceptionReportInput = z.object({
  /** Rejected and partly accepted recommendations made since this date are listed; default a year back. */
  since: optionalDate,
});

export const targetsInput = z.object({
  year: z.number().int().min(2000).max(2100),
  targets: z.partialRecord(z.enum(reviewKinds), z.number().int().min(0).max(1000).nullable()),
});

export const figuresInput = z.object({ year: z.number().int().min(2000).max(2100) });

// ---- results ----

export interface KindTemplate {
  label: string;
  prefix: string;
  teamGroup: string;
  targetPerYear: number | null;
  expected: ExpectedLength;
  stages: Stage[];
  checklist: string[];
  report: { intro: string; closing: string };
}
export type ReviewTemplates = Record<ReviewKind, KindTemplate>;

export interface ReviewSummary {
  id: Id;
  reference: string;
  kind: ReviewKind;
  kindLabel: string;
  title: string;
  serviceArea: ServiceArea;
  stage: string;
  stageLabel: string;
  startedOn: string;
  deadline: string;
  completedOn: string | null;
  leadOfficerName: string | null;
  weeks: WeekCount;
}

export interface TeamMember {
  id: Id;
  customerId: Id;
  name: string;
  role: TeamRole;
  joinedOn: string;
}

export interface EvidenceItem {
  id: Id;
  kind: EvidenceKind;
  title: string;
  onDate: string;
  notes: string | null;
  askedOn: string | null;
  dueOn: string | null;
  answeredOn: string | null;
  /** Working days the answer came (or is) past its due date; null without a due date. */
  daysLate: number | null;
  fileName: string | null;
  sizeBytes: number | null;
  authorName: string | null;
  tags: string[];
}

export interface Finding {
  id: Id;
  position: number;
  heading: string;
  text: string;
}

export interface StageMoveRecord {
  id: Id;
  fromStage: string | null;
  toStage: string;
  toLabel: string;
  onDate: string;
  reason: string | null;
}

export interface ReviewDetail extends ReviewSummary {
  updatedAt: string;
  commission: {
    id: Id;
    commissionedBy: Commissioner;
    commissionerName: string | null;
    commissionerService: string | null;
    commissionedOn: string;
    question: string;
    landlordNames: string[];
  };
  stages: Stage[];
  moves: StageMoveRecord[];
  nextStage: Stage | null;
  previousStage: Stage | null;
  leadOfficerId: Id;
  officers: { id: Id; staffId: Id; name: string }[];
  teamGroup: { id: Id; name: string } | null;
  team: TeamMember[];
  evidence: EvidenceItem[];
  findings: Finding[];
  reportTemplate: { intro: string; closing: string | null };
  consultation: {
    policyName: string | null;
    policy: { id: Id; name: string; boardDate: string | null } | null;
    boardDate: string | null;
    commentOpens: string | null;
    commentCloses: string | null;
    feedbackSentOn: string | null;
    taskGroup: { id: Id; name: string; startsOn: string | null; endsOn: string | null } | null;
    /** The group's activities between its dates: its three days once planned. */
    days: ConsultationDay[];
    /** The comment window the group's dates give (between day 1 and day 2), when they give one. */
    plannedWindow: { opens: string; closes: string } | null;
    outcomes: ConsultationPoint[];
  };
  tags: string[];
  /** Whether the signed-in person may record evidence here (on the review, or coordinator and above). */
  canRecordEvidence: boolean;
}

export interface TeamCandidate {
  customerId: Id;
  name: string;
}

export interface ExceptionRow {
  recommendationId: Id;
  reference: string;
  reviewId: Id;
  reviewReference: string;
  reviewKind: ReviewKind;
  text: string;
  managementResponse: ManagementResponse | null;
  status: RecommendationStatus;
  owner: string | null;
  dueDate: string | null;
  daysOverdue: number;
  reasons: ExceptionReason[];
}

export interface ExceptionReport {
  today: string;
  since: string;
  rows: ExceptionRow[];
  counts: Record<ExceptionReason, number>;
}

export interface MatrixLink {
  entityType: TagEntityType;
  entityId: Id;
  /** For review evidence, the review it belongs to, so the link can open it. */
  reviewId: Id | null;
  label: string;
  date: string;
}

export interface MatrixRow {
  code: string;
  standard: string;
  title: string;
  count: number;
  latest: string | null;
  links: MatrixLink[];
}

export interface AssuranceMatrix {
  from: string;
  to: string;
  framework: { title: string; version: string; effectiveFrom: string };
  rows: MatrixRow[];
  uncovered: { code: string; title: string; standard: string }[];
  coverage: { covered: number; total: number; percent: number };
  /** Evidence tagged with codes the version in force no longer has. */
  retired: { code: string; version: string; title: string; count: number }[];
}

export interface FrameworkVersion {
  title: string;
  version: string;
  effectiveFrom: string;
  count: number;
  bundled: boolean;
}

export interface RequirementOption {
  code: string;
  standard: string;
  title: string;
}

export interface ReviewFigures {
  year: number;
  completed: { kind: ReviewKind; label: string; completed: number; target: number | null }[];
  durations: {
    reviewId: Id;
    reference: string;
    kind: ReviewKind;
    weeks: number;
    expectedMaxWeeks: number;
    withinExpected: boolean;
  }[];
  recommendations: {
    reviewId: Id;
    reference: string;
    made: number;
    accepted: number;
    implemented: number;
    verified: number;
    overdue: number;
  }[];
  coverage: { covered: number; total: number; percent: number };
  consultations: { completed: number; beforeBoard: number; afterBoardOrNoDate: number };
}

/** A customer-facing policy due to the Board whose consultation is not finished. */
export interface PoliciesDue {
  /** The policy on the register; null for a consultation that names no policy. */
  policyId: Id | null;
  policyName: string;
  boardDate: string;
  /** Its running consultation, or null when none has been started. */
  consultation: { reviewId: Id; reference: string; stageLabel: string } | null;
}

export const policyInput = z
  .object({
    id: idSchema.optional(),
    name: requiredText('The policy', 300),
    serviceArea: z.enum(serviceAreas.codes).nullable(),
    ownerName: optionalText(200),
    customerFacing: z.boolean(),
    boardDate: optionalDate,
    lastApprovedOn: optionalDate,
    notes: optionalText(4000),
    expectedUpdatedAt: z.string().optional(),
  })
  .strict()
  .superRefine((p, ctx) => {
    if (p.boardDate && p.lastApprovedOn && p.boardDate < p.lastApprovedOn)
      ctx.addIssue({
        code: 'custom',
        path: ['boardDate'],
        message: 'The next Board date cannot come before the last approval.',
      });
  });

export interface PolicyEntry {
  id: Id;
  name: string;
  serviceArea: ServiceArea | null;
  ownerName: string | null;
  customerFacing: boolean;
  boardDate: string | null;
  lastApprovedOn: string | null;
  notes: string | null;
  updatedAt: string;
  state: PolicyConsultationState;
  consultation: { reviewId: Id; reference: string; stageLabel: string } | null;
  /** Customer-facing, due to the Board, and not yet consulted on. */
  dueWithoutConsultation: boolean;
}

export const kindTemplateInput = z.object({
  kind: z.enum(reviewKinds),
  template: z
    .object({
      label: requiredText('The name', 200),
      prefix: z
        .string()
        .trim()
        .regex(/^[A-Z]{2,6}$/, { error: 'Use 2 to 6 capital letters.' }),
      teamGroup: requiredText('The team’s group', 200),
      targetPerYear: z.number().int().min(0).max(1000).nullable(),
      expected: z
        .object({
          minWeeks: z.number().int().min(1).max(104),
          maxWeeks: z.number().int().min(1).max(104),
          warnFromWeek: z.number().int().min(1).max(104),
          workingWeeks: z.boolean(),
        })
        .refine((e) => e.minWeeks <= e.maxWeeks, {
          error: 'The longest expected length cannot be shorter than the shortest.',
          path: ['maxWeeks'],
        })
        .refine((e) => e.warnFromWeek <= e.maxWeeks, {
          error: 'The warning must come by the last expected week.',
          path: ['warnFromWeek'],
        }),
      stages: z
        .array(
          z.object({
            code: z
              .string()
              .trim()
              .regex(/^[a-z][a-z0-9_]{0,30}$/, { error: 'Stage codes are lower case letters.' }),
            label: requiredText('The stage name', 100),
          }),
        )
        .min(2, { error: 'A review needs at least a first and a final stage.' })
        .refine((s) => new Set(s.map((x) => x.code)).size === s.length, {
          error: 'Each stage needs its own code.',
        }),
      checklist: z.array(z.string().trim().min(1).max(300)).max(100),
      report: z.object({
        intro: requiredText('The report introduction', 8000),
        closing: z.string().trim().max(8000),
      }),
    })
    .strict(),
});

export const frameworkFileInput = z.object({ content: z.string().min(2).max(2_000_000) });

export interface ReviewSettings {
  templates: ReviewTemplates;
  frameworks: FrameworkVersion[];
  targets: { year: number; targets: Record<ReviewKind, number | null> };
}

// ---- neighbourhood audits and mystery shops ----

export const auditItemInput = z.object({
  reviewId: idSchema,
  area: requiredText('The area', 200),
  item: requiredText('The checklist item', 300),
  score: z.number().int({ error: 'Scores are whole numbers.' }).nullable(),
  maxScore: z.number().int().min(1, { error: 'The maximum is at least 1.' }).max(100).default(5),
  comment: optionalText(4000),
  photo: fileInput.nullable().optional(),
});
export type AuditItemInput = z.input<typeof auditItemInput>;

export interface AuditItem {
  id: Id;
  area: string;
  item: string;
  score: number | null;
  maxScore: number;
  comment: string | null;
  photoName: string | null;
}

export interface AuditSheet {
  items: AuditItem[];
  totals: { area: string; score: number; max: number; percent: number | null; unscored: number }[];
  previous: { reviewId: Id; reference: string; startedOn: string } | null;
  comparison: {
    area: string;
    percent: number | null;
    previousPercent: number | null;
    change: number | null;
  }[];
  checklist: string[];
}

export const contactChannels = [
  'phone',
  'email',
  'online',
  'in_person',
  'social_media',
  'letter',
] as const;
export type ContactChannel = (typeof contactChannels)[number];
export const contactChannelLabels: Record<ContactChannel, string> = {
  phone: 'Phone',
  email: 'Email',
  online: 'Online form or chat',
  in_person: 'In person',
  social_media: 'Social media',
  letter: 'Letter',
};

export const contactInput = z.object({
  reviewId: idSchema,
  scenario: requiredText('The scenario', 500),
  channel: z.enum(contactChannels, { error: 'Choose the channel.' }),
  contactedOn: isoDateSchema,
  standard: optionalText(1000),
  metStandard: z.boolean().nullable(),
  note: optionalText(4000),
});

export interface ShopContactRow {
  id: Id;
  scenario: string;
  channel: ContactChannel;
  contactedOn: string;
  standard: string | null;
  metStandard: boolean | null;
  note: string | null;
}

export interface MysteryShop {
  contacts: ShopContactRow[];
  overall: { judged: number; passed: number; percent: number | null };
  byChannel: { channel: string; judged: number; passed: number; percent: number | null }[];
}

// ---- customer comments ----

export const commentChannels = ['online', 'in_person', 'phone', 'social_media', 'survey'] as const;
export type CommentChannel = (typeof commentChannels)[number];
export const commentChannelLabels: Record<CommentChannel, string> = {
  online: 'Online',
  in_person: 'In person',
  phone: 'Phone',
  social_media: 'Social media',
  survey: 'Survey',
};

const themeList = z
  .array(z.string().trim().min(1).max(60))
  .max(20)
  .default([])
  .transform((t) => [...new Set(t.map((x) => x.trim()))]);

export const commentInput = z.object({
  reviewId: idSchema,
  channel: z.enum(commentChannels, { error: 'Choose how the comment came in.' }),
  receivedOn: isoDateSchema,
  text: requiredText('The comment', 8000),
  themes: themeList,
});
export const commentUpdateInput = z.object({
  id: idSchema,
  themes: themeList,
  quote: z.boolean(),
});

export interface CustomerComment {
  id: Id;
  channel: CommentChannel;
  receivedOn: string;
  text: string;
  themes: string[];
  quote: boolean;
}

export interface CommentSummary {
  comments: CustomerComment[];
  byTheme: { theme: string; count: number }[];
  byChannel: { channel: CommentChannel; count: number }[];
  untagged: number;
  quotes: CustomerComment[];
}

export const surveyColumnUses = ['comment', 'date', 'themes'] as const;
export type SurveyColumnUse = (typeof surveyColumnUses)[number];

export const surveyImportInput = z.object({
  reviewId: idSchema,
  fileName: requiredText('The file name', 255),
  contentBase64: z.string().min(1, { error: 'Choose a file.' }),
  /** One entry per column: what it holds, or null to leave it out. Omitted: suggested. */
  mapping: z.array(z.enum(surveyColumnUses).nullable()).max(200).optional(),
});

export interface SurveyPreview {
  fileName: string;
  headers: string[];
  mapping: (SurveyColumnUse | null)[];
  rows: {
    row: number;
    receivedOn: string | null;
    text: string;
    themes: string[];
    problem: string | null;
  }[];
  errors: { row: number | null; column: string | null; message: string }[];
  counts: { rows: number; comments: number; invalid: number; empty: number };
}

// ---- "you said, we did" ----

export const ysSourceTypes = ['review', 'recommendation', 'complaint_case'] as const;
export type YsSourceType = (typeof ysSourceTypes)[number];

export const youSaidWeDidInput = z.object({
  sourceType: z.enum(ysSourceTypes),
  sourceId: idSchema,
  youSaid: requiredText('What customers said', 4000),
  weDid: requiredText('What changed', 4000),
  effectiveOn: isoDateSchema,
  howTold: requiredText('How customers were told', 1000),
});

export interface YouSaidWeDid {
  id: Id;
  sourceType: YsSourceType;
  sourceId: Id;
  sourceLabel: string;
  youSaid: string;
  weDid: string;
  effectiveOn: string;
  howTold: string;
  tags: string[];
}

// ---- the commissioning plan ----

export const planInput = z.object({
  year: z.number().int().min(2000).max(2100),
  managerName: requiredText('The business manager', 200),
  service: requiredText('The service', 200),
  plannedNeeds: requiredText('The planned engagement needs', 4000),
});
export const checkinInput = z.object({
  planId: idSchema,
  metOn: isoDateSchema,
  notes: optionalText(4000),
});

export interface PlanEntry {
  id: Id;
  year: number;
  managerName: string;
  service: string;
  plannedNeeds: string;
  checkins: { id: Id; metOn: string; notes: string | null }[];
  /** The Strategy asks for at least 2 check-ins a year. */
  fewerThanRequired: boolean;
  reviews: { id: Id; reference: string; title: string; kind: ReviewKind }[];
}

export interface CommissioningPlan {
  year: number;
  requiredCheckins: number;
  entries: PlanEntry[];
}
