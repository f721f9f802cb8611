import { linkId } from '../../sync/link-id';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { SignInPerson, SignInRoster, WalkInResult } from '../../../src-shared/api/meetings';
import type {
  AttendanceStatus,
  Attendee,
  markAttendanceInput,
  satisfactionInput,
  walkInInput,
} from '../../../src-shared/domain/meetings';
import { ApiError } from '../../../src-shared/errors';
import type { Writer } from '../../changes/writer';
import { writing, type AppContext, type CallContext } from '../context';
import { activitySummary, attendeesOf } from './activities';
import { refreshLastActivity } from './last-activity';
import { londonDate, londonLongDate } from './mapping';
import { currentOn } from './rule-data';
import { createWalkInCustomer, walkInDetails, walkInMatches } from './walk-in';

export async function activityRow(ctx: AppContext, id: string) {
  const a = await ctx.db
    .selectFrom('activities')
    .selectAll()
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!a) throw ApiError.notFound('The activity');
  return a;
}

async function memberIds(
  ctx: AppContext,
  groupId: string | null,
  on: string,
): Promise<Set<string>> {
  if (!groupId) return new Set();
  const rows = await ctx.db
    .selectFrom('group_memberships')
    .select(['customer_id', 'joined_on', 'left_on'])
    .where('group_id', '=', groupId)
    .where('deleted_at', 'is', null)
    .execute();
  return new Set(rows.filter((m) => currentOn(m, on)).map((m) => m.customer_id));
}

/**
 * Everyone the sign-in screen lists: the group's members on the day, then
 * anyone else already marked, each with their mark so far.
 */
export async function roster(ctx: AppContext, activityId: string): Promise<SignInRoster> {
  const activity = await activitySummary(ctx, activityId);
  const on = londonDate(new Date(activity.startsAt));
  const members = await memberIds(ctx, activity.groupId, on);
  const marks = await ctx.db
    .selectFrom('attendance')
    .select(['id', 'customer_id', 'status'])
    .where('activity_id', '=', activityId)
    .where('customer_id', 'is not', null)
    .where('deleted_at', 'is', null)
    .execute();
  const ids = [...new Set([...members, ...marks.map((m) => m.customer_id!)])];
  const customers = ids.length
    ? await ctx.db
        .selectFrom('customers')
        .select(['id', 'first_name', 'last_name', 'postcode'])
        .where('id', 'in', ids)
        .execute()
    : [];
  const byCustomer = new Map(marks.map((m) => [m.customer_id!, m]));
  const people = customers
    .map((c): SignInPerson => ({
      customerId: c.id,
      name: `${c.first_name} ${c.last_name}`,
      postcode: c.postcode,
      isMember: members.has(c.id),
      status: (byCustomer.get(c.id)?.status as AttendanceStatus | null | undefined) ?? null,
      attendanceId: byCustomer.get(c.id)?.id ?? null,
    }))
    .sort(
      (a, b) =>
        Number(b.isMember) - Number(a.isMember) ||
        lastName(a.name).localeCompare(lastName(b.name)) ||
        a.name.localeCompare(b.name),
    );
  return { activity, people };
}

function lastName(name: string): string {
  return name.slice(name.lastIndexOf(' ') + 1);
}

/** People on the register matching a name or postcode, for someone not on the roster. */
export async function findPeople(
  ctx: AppContext,
  activityId: string,
  query: string,
): Promise<SignInPerson[]> {
  const like = `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows = await ctx.db
    .selectFrom('customers as c')
    .leftJoin('attendance as t', (j) =>
      j
        .onRef('t.customer_id', '=', 'c.id')
        .on('t.activity_id', '=', activityId)
        .on('t.deleted_at', 'is', null),
    )
    .select([
      'c.id',
      'c.first_name',
      'c.last_name',
      'c.postcode',
      't.id as attendance_id',
      't.status',
    ])
    .where('c.deleted_at', 'is', null)
    .where((eb) =>
      eb.or([
        eb(sql<string>`c.first_name || ' ' || c.last_name`, 'like', like),
        eb('c.postcode', 'like', like),
      ]),
    )
    .orderBy('c.last_name')
    .orderBy('c.first_name')
    .limit(20)
    .execute();
  return rows.map((c) => ({
    customerId: c.id,
    name: `${c.first_name} ${c.last_name}`,
    postcode: c.postcode,
    isMember: false,
    status: c.status as AttendanceStatus | null,
    attendanceId: c.attendance_id,
  }));
}

/**
 * Present and absent are facts of the day: marked earlier they would count the
 * activity as held and move the customer's last activity into the future.
 * Apologies are often sent ahead, so they may be recorded at any time.
 */
function notBeforeTheDay(ctx: CallContext, activity: { starts_at: string }) {
  const startsAt = new Date(activity.starts_at);
  if (londonDate(startsAt) > londonDate(ctx.clock.now()))
    throw ApiError.invalid(
      `This activity is on ${londonLongDate(startsAt)}: people can be signed in as present or absent from that day. Apologies can be recorded now.`,
    );
}

function durationMinutes(a: { starts_at: string; ends_at: string }): number {
  return Math.max(0, Math.round((Date.parse(a.ends_at) - Date.parse(a.starts_at)) / 60_000));
}

/** Marks one customer or staff member; present marks default their hours to the activity's length. */
export async function markAttendance(
  ctx: CallContext,
  input: z.output<typeof markAttendanceInput>,
): Promise<Attendee> {
  const activity = await activityRow(ctx, input.activityId);
  if (activity.status === 'cancelled') {
    throw ApiError.invalid('This activity was cancelled, so nobody can be marked as attending it.');
  }
  if (input.status === 'present' || input.status === 'absent') notBeforeTheDay(ctx, activity);
  const on = londonDate(new Date(activity.starts_at));
  const members = await memberIds(ctx, activity.group_id, on);
  const id = await writing(ctx, (w) => markIn(w, activity, input, members));
  const [attendee] = await attendeesOf(ctx, input.activityId, id);
  return attendee!;
}

export async function markIn(
  w: Writer,
  activity: { id: string; status: string; starts_at: string; ends_at: string },
  input: {
    customerId?: string;
    staffId?: string;
    status: AttendanceStatus | null;
    minutesGiven?: number | null;
  },
  members: Set<string>,
): Promise<string> {
  let q = w.trx
    .selectFrom('attendance')
    .selectAll()
    .where('activity_id', '=', activity.id)
    .where('deleted_at', 'is', null);
  q = input.customerId
    ? q.where('customer_id', '=', input.customerId)
    : q.where('staff_id', '=', input.staffId!);
  const existing = await q.executeTakeFirst();
  const minutes =
    input.minutesGiven !== undefined
      ? input.minutesGiven
      : input.status === 'present'
        ? (existing?.minutes_given ?? durationMinutes(activity))
        : null;
  let id: string;
  if (existing) {
    await w.update('attendance', existing.id, { status: input.status, minutes_given: minutes });
    id = existing.id;
  } else {
    if (input.customerId) {
      const c = await w.trx
        .selectFrom('customers')
        .select('id')
        .where('id', '=', input.customerId)
        .where('deleted_at', 'is', null)
        .executeTakeFirst();
      if (!c) throw ApiError.notFound('The customer');
    }
    id = await w.create('attendance', {
      id: linkId('attendance', activity.id, input.customerId ?? null, input.staffId ?? null),
      activity_id: activity.id,
      customer_id: input.customerId ?? null,
      staff_id: input.staffId ?? null,
      is_member: input.customerId && members.has(input.customerId) ? 1 : 0,
      status: input.status,
      minutes_given: minutes,
      satisfaction_opportunity: null,
      satisfaction_involvement: null,
      satisfaction_comment: null,
    });
  }
  if (input.customerId) {
    // A customer was there, so it happened: the cadence figures count held
    // activities. Staff are often listed ahead of the day, so they do not.
    if (input.status === 'present' && activity.status === 'scheduled') {
      await w.update('activities', activity.id, { status: 'held' }, { reason: 'Attendance taken' });
      activity.status = 'held';
    }
    await refreshLastActivity(w, [input.customerId]);
  }
  return id;
}

/**
 * "New person at the door": a register entry with their consent, marked
 * present. Unless the officer confirms it is someone new, likely matches on
 * the register come back instead and nothing is written.
 */
export async function walkIn(
  ctx: CallContext,
  input: z.output<typeof walkInInput>,
): Promise<WalkInResult> {
  const activity = await activityRow(ctx, input.activityId);
  if (activity.status === 'cancelled') {
    throw ApiError.invalid('This activity was cancelled, so nobody can be signed in to it.');
  }
  notBeforeTheDay(ctx, activity);
  const details = walkInDetails(input);
  const today = londonDate(ctx.clock.now());
  // The check and the write share one transaction, so a match cannot appear in between.
  return writing(ctx, async (w): Promise<WalkInResult> => {
    if (!input.confirmNew) {
      const matches = await walkInMatches({ ...ctx, db: w.trx }, details);
      if (matches.length > 0) return { added: false, matches };
    }
    const customerId = await createWalkInCustomer(w, details, today);
    const attendanceId = await markIn(w, activity, { customerId, status: 'present' }, new Set());
    return {
      added: true,
      person: {
        customerId,
        name: `${details.firstName} ${details.lastName}`,
        postcode: details.postcode,
        isMember: false,
        status: 'present',
        attendanceId,
      },
    };
  });
}

export async function recordSatisfaction(
  ctx: CallContext,
  input: z.output<typeof satisfactionInput>,
): Promise<Attendee> {
  const row = await ctx.db
    .selectFrom('attendance')
    .select(['activity_id', 'customer_id'])
    .where('id', '=', input.attendanceId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw ApiError.notFound('The attendance record');
  if (!row.customer_id)
    throw ApiError.invalid('Satisfaction is recorded for involved customers, not staff.');
  await writing(ctx, (w) =>
    w.update('attendance', input.attendanceId, {
      satisfaction_opportunity: input.opportunity ?? null,
      satisfaction_involvement: input.involvement ?? null,
      satisfaction_comment: input.comment,
    }),
  );
  const [attendee] = await attendeesOf(ctx, row.activity_id, input.attendanceId);
  return attendee!;
}
