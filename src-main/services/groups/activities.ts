import type { z } from 'zod';
import type {
  Activity,
  ActivityKind,
  ActivityStatus,
  ActivitySummary,
  AttendanceStatus,
  Attendee,
  VenueKind,
  actionInput,
  activityInput,
  activityListInput,
} from '../../../src-shared/domain/meetings';
import { ApiError } from '../../../src-shared/errors';
import type { Writer } from '../../changes/writer';
import type { ActivityRow } from '../../db/schema/groups';
import { writing, type AppContext, type CallContext } from '../context';
import { refreshLastActivity } from './last-activity';
import { londonDate, londonLongDate } from './mapping';
import { londonRange, normaliseInstant } from './period';

type ListInput = z.output<typeof activityListInput>;

function summaryQuery(ctx: AppContext) {
  return ctx.db
    .selectFrom('activities as a')
    .leftJoin('groups as g', 'g.id', 'a.group_id')
    .leftJoin('training_courses as c', 'c.id', 'a.course_id')
    .selectAll('a')
    .select(['g.name as group_name', 'c.name as course_name'])
    .select((eb) =>
      eb
        .selectFrom('attendance as t')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('t.activity_id', '=', 'a.id')
        .where('t.status', '=', 'present')
        .where('t.customer_id', 'is not', null)
        .where('t.deleted_at', 'is', null)
        .as('present'),
    )
    .where('a.deleted_at', 'is', null);
}

type SummaryRow = ActivityRow & {
  group_name: string | null;
  course_name: string | null;
  present: number | null;
};

function toSummary(r: SummaryRow): ActivitySummary {
  return {
    id: r.id,
    kind: r.kind as ActivityKind,
    title: r.title,
    status: r.status as ActivityStatus,
    groupId: r.group_id,
    groupName: r.group_name,
    courseId: r.course_id,
    courseName: r.course_name,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    venueKind: r.venue_kind as VenueKind,
    venueName: r.venue_name,
    present: Number(r.present ?? 0),
  };
}

export async function listActivities(
  ctx: AppContext,
  input: ListInput,
): Promise<ActivitySummary[]> {
  const [start, end] = londonRange(input.from, input.to);
  let q = summaryQuery(ctx).where('a.starts_at', '>=', start).where('a.starts_at', '<', end);
  if (input.groupId) q = q.where('a.group_id', '=', input.groupId);
  if (input.kind) q = q.where('a.kind', '=', input.kind);
  if (input.status) q = q.where('a.status', '=', input.status);
  const rows = await q.orderBy('a.starts_at').limit(5000).execute();
  return rows.map(toSummary);
}

export async function activitySummary(ctx: AppContext, id: string): Promise<ActivitySummary> {
  const row = await summaryQuery(ctx).where('a.id', '=', id).executeTakeFirst();
  if (!row) throw ApiError.notFound('The activity');
  return toSummary(row);
}

export async function getActivity(ctx: AppContext, id: string): Promise<Activity> {
  const row = await summaryQuery(ctx).where('a.id', '=', id).executeTakeFirst();
  if (!row) throw ApiError.notFound('The activity');
  const [actions, attendees] = await Promise.all([
    ctx.db
      .selectFrom('activity_actions')
      .selectAll()
      .where('activity_id', '=', id)
      .where('deleted_at', 'is', null)
      .orderBy('created_at')
      .execute(),
    attendeesOf(ctx, id),
  ]);
  return {
    ...toSummary(row),
    venueAddress: row.venue_address,
    agenda: row.agenda,
    notes: row.notes,
    updatedAt: row.updated_at,
    actions: actions.map((a) => ({
      id: a.id,
      description: a.description,
      owner: a.owner,
      dueOn: a.due_on,
      doneOn: a.done_on,
      updatedAt: a.updated_at,
    })),
    attendees,
  };
}

export async function attendeesOf(
  ctx: AppContext,
  activityId: string,
  attendanceId?: string,
): Promise<Attendee[]> {
  let q = ctx.db
    .selectFrom('attendance as t')
    .leftJoin('customers as c', 'c.id', 't.customer_id')
    .leftJoin('staff as s', 's.id', 't.staff_id')
    .selectAll('t')
    .select(['c.first_name', 'c.last_name', 's.name as staff_name'])
    .where('t.activity_id', '=', activityId)
    .where('t.deleted_at', 'is', null);
  if (attendanceId) q = q.where('t.id', '=', attendanceId);
  const rows = await q.orderBy('s.name').orderBy('c.last_name').orderBy('c.first_name').execute();
  return rows.map((t) => ({
    id: t.id,
    customerId: t.customer_id,
    staffId: t.staff_id,
    name: t.staff_id
      ? (t.staff_name ?? 'Staff')
      : `${t.first_name ?? ''} ${t.last_name ?? ''}`.trim(),
    isMember: t.is_member === 1,
    isStaff: t.staff_id !== null,
    status: t.status as AttendanceStatus | null,
    minutesGiven: t.minutes_given,
    satisfactionOpportunity: t.satisfaction_opportunity,
    satisfactionInvolvement: t.satisfaction_involvement,
    satisfactionComment: t.satisfaction_comment,
    updatedAt: t.updated_at,
  }));
}

/** Refuses an activity whose group or course has gone, or that is held before its day. */
export async function checkActivity(
  ctx: CallContext,
  input: z.output<typeof activityInput>,
): Promise<void> {
  if (input.groupId) {
    const g = await ctx.db
      .selectFrom('groups')
      .select('id')
      .where('id', '=', input.groupId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (!g)
      throw ApiError.invalid('That group no longer exists.', [
        { path: 'groupId', message: 'Choose another group.' },
      ]);
  }
  if (input.courseId) {
    const c = await ctx.db
      .selectFrom('training_courses')
      .select('id')
      .where('id', '=', input.courseId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (!c)
      throw ApiError.invalid('That course no longer exists.', [
        { path: 'courseId', message: 'Choose another course.' },
      ]);
  }
  const startsAt = new Date(input.startsAt);
  // A held activity counts towards the cadence the Boards see, so it cannot be held ahead of its day.
  if (input.status === 'held' && londonDate(startsAt) > londonDate(ctx.clock.now()))
    throw ApiError.invalid('An activity cannot be held before its day.', [
      {
        path: 'status',
        message: `This activity is on ${londonLongDate(startsAt)}: keep it scheduled until then.`,
      },
    ]);
}

/** The columns of an activity as entered. */
export function activityValues(input: z.output<typeof activityInput>) {
  return {
    kind: input.kind,
    title: input.title,
    status: input.status,
    group_id: input.groupId,
    course_id: input.kind === 'training_session' ? input.courseId : null,
    starts_at: normaliseInstant(input.startsAt),
    ends_at: normaliseInstant(input.endsAt),
    venue_kind: input.venueKind,
    venue_name: input.venueName,
    venue_address: input.venueAddress,
    agenda: input.agenda,
    notes: input.notes,
  };
}

export async function saveActivity(
  ctx: CallContext,
  input: z.output<typeof activityInput>,
): Promise<Activity> {
  await checkActivity(ctx, input);
  const values = activityValues(input);
  const id = await writing(ctx, async (w) => {
    if (!input.id) return w.create('activities', values);
    const changed = await w.update('activities', input.id, values, {
      expectedUpdatedAt: input.expectedUpdatedAt,
    });
    if (changed.includes('status') || changed.includes('starts_at')) {
      await refreshLastActivity(w, await presentCustomers(w, input.id));
    }
    return input.id;
  });
  return getActivity(ctx, id);
}

export async function saveAction(
  ctx: CallContext,
  input: z.output<typeof actionInput>,
): Promise<Activity> {
  await activitySummary(ctx, input.activityId);
  const today = londonDate(ctx.clock.now());
  await writing(ctx, async (w) => {
    if (!input.id) {
      await w.create('activity_actions', {
        activity_id: input.activityId,
        description: input.description,
        owner: input.owner,
        due_on: input.dueOn,
        done_on: input.done ? today : null,
      });
      return;
    }
    const before = await w.trx
      .selectFrom('activity_actions')
      .select('done_on')
      .where('id', '=', input.id)
      .executeTakeFirst();
    if (!before) throw ApiError.notFound('The action');
    await w.update('activity_actions', input.id, {
      description: input.description,
      owner: input.owner,
      due_on: input.dueOn,
      done_on: input.done ? (before.done_on ?? today) : null,
    });
  });
  return getActivity(ctx, input.activityId);
}

/** Customers marked present at an activity, whose last activity may hang on it. */
export async function presentCustomers(w: Writer, activityId: string): Promise<string[]> {
  const rows = await w.trx
    .selectFrom('attendance')
    .select('customer_id')
    .where('activity_id', '=', activityId)
    .where('status', '=', 'present')
    .where('customer_id', 'is not', null)
    .where('deleted_at', 'is', null)
    .execute();
  return rows.map((r) => r.customer_id!);
}

export async function listActivitiesForCourse(
  ctx: AppContext,
  courseId: string,
): Promise<ActivitySummary[]> {
  const rows = await summaryQuery(ctx)
    .where('a.course_id', '=', courseId)
    .orderBy('a.starts_at', 'desc')
    .execute();
  return rows.map(toSummary);
}
