import { z } from 'zod';
import {
  idSchema,
  isoDateSchema,
  isoDateTimeSchema,
  optionalText,
  requiredText,
  type Id,
} from './common';
import { MAX_SERIES_MEETINGS, seriesFrequencies } from '../rules/meeting-series';

export const activityKinds = [
  'meeting',
  'training_session',
  'event',
  'open_day',
  'roadshow',
  'door_knocking',
  'estate_walkabout',
  'online_consultation',
  'site_visit',
] as const;
export type ActivityKind = (typeof activityKinds)[number];
export const activityKindLabels: Record<ActivityKind, string> = {
  meeting: 'Meeting',
  training_session: 'Training course session',
  event: 'Event',
  open_day: 'Open Day',
  roadshow: 'Roadshow',
  door_knocking: 'Door-knocking',
  estate_walkabout: 'Estate walkabout / inspection',
  online_consultation: 'Online consultation',
  site_visit: 'Site visit',
};

export const activityStatuses = ['scheduled', 'held', 'cancelled'] as const;
export type ActivityStatus = (typeof activityStatuses)[number];
export const activityStatusLabels: Record<ActivityStatus, string> = {
  scheduled: 'Scheduled',
  held: 'Held',
  cancelled: 'Cancelled',
};

export const venueKinds = ['community_centre', 'office', 'online', 'other'] as const;
export type VenueKind = (typeof venueKinds)[number];
export const venueKindLabels: Record<VenueKind, string> = {
  community_centre: 'Community centre',
  office: 'Office',
  online: 'Online',
  other: 'Other',
};

export const attendanceStatuses = ['present', 'apologies', 'absent'] as const;
export type AttendanceStatus = (typeof attendanceStatuses)[number];
export const attendanceStatusLabels: Record<AttendanceStatus, string> = {
  present: 'Present',
  apologies: 'Apologies',
  absent: 'Absent',
};

export interface ActivitySummary {
  id: Id;
  kind: ActivityKind;
  title: string;
  status: ActivityStatus;
  groupId: Id | null;
  groupName: string | null;
  courseId: Id | null;
  courseName: string | null;
  startsAt: string;
  endsAt: string;
  venueKind: VenueKind;
  venueName: string | null;
  present: number;
}

export interface ActivityAction {
  id: Id;
  description: string;
  owner: string | null;
  dueOn: string | null;
  doneOn: string | null;
  updatedAt: string;
}

export interface Attendee {
  id: Id;
  customerId: Id | null;
  staffId: Id | null;
  name: string;
  /** A member of the activity's group at the time (false for guests and staff). */
  isMember: boolean;
  isStaff: boolean;
  status: AttendanceStatus | null;
  minutesGiven: number | null;
  satisfactionOpportunity: number | null;
  satisfactionInvolvement: number | null;
  satisfactionComment: string | null;
  updatedAt: string;
}

export interface Activity extends ActivitySummary {
  venueAddress: string | null;
  agenda: string | null;
  notes: string | null;
  actions: ActivityAction[];
  attendees: Attendee[];
  updatedAt: string;
}

const nullableId = idSchema
  .nullable()
  .optional()
  .transform((s) => s ?? null);

export const activityInput = z
  .object({
    id: idSchema.optional(),
    expectedUpdatedAt: z.string().optional(),
    kind: z.enum(activityKinds, { error: 'Choose a kind of activity.' }),
    title: requiredText('Title', 200),
    status: z.enum(activityStatuses, { error: 'Choose a status.' }).default('scheduled'),
    groupId: nullableId,
    courseId: nullableId,
    startsAt: isoDateTimeSchema,
    endsAt: isoDateTimeSchema,
    venueKind: z.enum(venueKinds, { error: 'Choose a venue.' }).default('community_centre'),
    venueName: optionalText(200),
    venueAddress: optionalText(500),
    agenda: optionalText(20_000),
    notes: optionalText(50_000),
  })
  .superRefine((a, ctx) => {
    if (a.endsAt <= a.startsAt) {
      ctx.addIssue({
        code: 'custom',
        path: ['endsAt'],
        message: 'The end is not after the start.',
      });
    }
    if (a.kind === 'training_session' && !a.courseId) {
      ctx.addIssue({
        code: 'custom',
        path: ['courseId'],
        message: 'Choose the course this session belongs to.',
      });
    }
  });
export type ActivityInput = z.input<typeof activityInput>;

const repeatSchema = z.object({
  frequency: z.enum(seriesFrequencies, { error: 'Choose how often it repeats.' }),
  count: z
    .number({ error: 'Number of meetings must be a number.' })
    .int({ error: 'Number of meetings must be a whole number.' })
    .min(2, { error: 'A series has at least 2 meetings.' })
    .max(MAX_SERIES_MEETINGS, {
      error: `A series has at most ${MAX_SERIES_MEETINGS} meetings.`,
    }),
});

/** When a series would fall, before it is saved: the first meeting and how it repeats. */
export const seriesPlanInput = z.object({
  startsAt: isoDateTimeSchema,
  endsAt: isoDateTimeSchema,
  repeat: repeatSchema,
});

/**
 * A recurring series: the first meeting as for one activity, repeated. Each
 * meeting becomes its own record (scheduled), all saved together or not at all.
 */
export const seriesInput = z.object({
  activity: activityInput,
  repeat: repeatSchema,
});
export type SeriesInput = z.input<typeof seriesInput>;

export interface SeriesMeeting {
  startsAt: string;
  endsAt: string;
  /** The London date it would have fallen on, when moved off a weekend or bank holiday. */
  movedFrom: string | null;
  movedBecause: string | null;
}

export interface SeriesPlanResult {
  meetings: SeriesMeeting[];
  /** Years the bank holiday list does not cover: a holiday then would not be avoided. */
  uncoveredYears: number[];
}

export const activityListInput = z.object({
  from: isoDateSchema,
  to: isoDateSchema,
  groupId: idSchema.optional(),
  kind: z.enum(activityKinds).optional(),
  status: z.enum(activityStatuses).optional(),
});

export const actionInput = z.object({
  id: idSchema.optional(),
  activityId: idSchema,
  description: requiredText('Action', 1000),
  owner: optionalText(200),
  dueOn: isoDateSchema
    .nullable()
    .optional()
    .or(z.literal('').transform(() => null))
    .transform((d) => d ?? null),
  done: z.boolean().default(false),
});

const score = z
  .number({ error: 'Score 1 to 5.' })
  .int({ error: 'Score 1 to 5.' })
  .min(1, { error: 'Score 1 to 5.' })
  .max(5, { error: 'Score 1 to 5.' })
  .nullable()
  .optional();

/** Marks one person; either a customer or a member of staff. */
export const markAttendanceInput = z
  .object({
    activityId: idSchema,
    customerId: idSchema.optional(),
    staffId: idSchema.optional(),
    status: z
      .enum(attendanceStatuses, { error: 'Choose present, apologies or absent.' })
      .nullable(),
    minutesGiven: z
      .number()
      .int({ error: 'Use whole minutes.' })
      .min(0, { error: 'Cannot be negative.' })
      .max(24 * 60, { error: 'At most 24 hours.' })
      .nullable()
      .optional(),
  })
  .refine((a) => Boolean(a.customerId) !== Boolean(a.staffId), {
    message: 'Mark either a customer or a member of staff.',
  });

export const satisfactionInput = z.object({
  attendanceId: idSchema,
  opportunity: score,
  involvement: score,
  comment: optionalText(2000),
});

/** "New person at the door": the least we need, with consent, completed on the register later. */
export const walkInInput = z.object({
  activityId: idSchema,
  firstName: requiredText('First name', 80),
  lastName: requiredText('Last name', 80),
  postcode: optionalText(10),
  phone: optionalText(40),
  email: optionalText(200),
  consent: z.literal(true, {
    error: 'They must agree to us keeping their details before we add them.',
  }),
  /** The officer has seen the likely matches and this is someone else. */
  confirmNew: z.boolean().optional(),
});

export const icsExportInput = z.union([z.object({ activityId: idSchema }), activityListInput]);

/**
 * A member of staff at an activity and the hours they gave. Staff hours are
 * kept apart from customers' involvement hours in every figure.
 */
export const staffAttendanceInput = z.object({
  activityId: idSchema,
  staffId: z.uuid({ error: 'Choose a member of staff.' }),
  hours: z
    .number({ error: 'Enter the hours as a number, like 2 or 1.5.' })
    .min(0.25, { error: 'Enter at least a quarter of an hour (0.25).' })
    .max(24, { error: 'Enter at most 24 hours.' }),
});

/** Deleting leaves a tombstone and the reason in the history. */
export const removeWithReasonInput = z.object({
  id: idSchema,
  reason: requiredText('A reason', 500),
});
