import { z } from 'zod';
import { method } from '../contract';
import { idSchema } from '../domain/common';
import type { DuplicateReason } from '../domain/customer';
import type { attendanceStatuses } from '../domain/meetings';
import {
  actionInput,
  activityInput,
  activityListInput,
  icsExportInput,
  markAttendanceInput,
  removeWithReasonInput,
  satisfactionInput,
  seriesInput,
  seriesPlanInput,
  type SeriesPlanResult,
  staffAttendanceInput,
  walkInInput,
  type Activity,
  type ActivitySummary,
  type Attendee,
} from '../domain/meetings';

export interface SignInPerson {
  customerId: string;
  name: string;
  postcode: string | null;
  isMember: boolean;
  status: (typeof attendanceStatuses)[number] | null;
  attendanceId: string | null;
}

/** Someone already on the register who looks like the person at the door. */
export interface WalkInMatch {
  customerId: string;
  name: string;
  postcode: string | null;
  /** Enough of an email or phone number to check with the person, not to read off the screen. */
  maskedContact: string | null;
  reasons: DuplicateReason[];
}

export type WalkInResult =
  | { added: true; person: SignInPerson }
  /** Nothing written: they may already be on the register. */
  | { added: false; matches: WalkInMatch[] };

export interface SignInRoster {
  activity: ActivitySummary;
  people: SignInPerson[];
}

export interface ActivityRemoval {
  /** Attendance marks deleted with the activity (customers and staff). */
  attendanceRemoved: number;
  /** Customers whose last activity date was worked out again. */
  customersRechecked: number;
}

export interface FileResult {
  fileName: string;
  mimeType: string;
  /** Base64. */
  data: string;
}

export const meetingsApi = {
  'activities.list': method(activityListInput, 'meetings.read').returns<ActivitySummary[]>(),
  'activities.get': method(z.object({ id: idSchema }), 'meetings.read').returns<Activity>(),
  'activities.save': method(activityInput, 'meetings.write').returns<Activity>(),
  /** The dates a recurring series would fall on, moved off bank holidays, before saving it. */
  'activities.planSeries': method(seriesPlanInput, 'meetings.read').returns<SeriesPlanResult>(),
  /** Schedules every meeting of a series, each its own record, in one write. */
  'activities.saveSeries': method(seriesInput, 'meetings.write').returns<ActivitySummary[]>(),
  'activities.saveAction': method(actionInput, 'meetings.write').returns<Activity>(),
  /** Deleting a held activity also needs `meetings.delete_held`, checked by the service. */
  'activities.remove': method(removeWithReasonInput, 'meetings.write').returns<ActivityRemoval>(),
  'activities.removeAction': method(removeWithReasonInput, 'meetings.write').returns<Activity>(),
  'activities.roster': method(z.object({ id: idSchema }), 'meetings.read').returns<SignInRoster>(),
  /** Searches the register for someone to sign in who is not on the roster yet. */
  'activities.findPeople': method(
    z.object({ activityId: idSchema, query: z.string().trim().min(2).max(100) }),
    'meetings.read',
  ).returns<SignInPerson[]>(),
  'attendance.mark': method(markAttendanceInput, 'attendance.write').returns<Attendee>(),
  /** Refuses likely duplicates (and returns them) unless `confirmNew` is set. */
  'attendance.walkIn': method(walkInInput, 'attendance.write').returns<WalkInResult>(),
  'attendance.satisfaction': method(satisfactionInput, 'attendance.write').returns<Attendee>(),
  'attendance.addStaff': method(staffAttendanceInput, 'attendance.write').returns<Attendee>(),
  'attendance.removeStaff': method(
    z.object({ attendanceId: idSchema }),
    'attendance.write',
  ).returns<{ activityId: string }>(),
  'activities.signInSheet': method(
    z.object({ id: idSchema }),
    'meetings.read',
  ).returns<FileResult>(),
  'activities.ics': method(icsExportInput, 'meetings.read').returns<FileResult>(),
} as const;
