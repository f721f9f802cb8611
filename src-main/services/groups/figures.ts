import { sql } from 'kysely';
import { groupCadence, type CadenceResult } from '../../../src-shared/rules/cadence';
import type { AppContext } from '../context';
import { groupDates } from './group-dates';
import { heldCounts } from './groups';
import { londonRange } from './period';

/**
 * The activity figures for board packs. Every figure counts held activities
 * (not scheduled or cancelled ones) whose start falls in the period, taken as
 * London dates `from`..`to` inclusive; attendance counts customers, not staff.
 */

export interface Period {
  from: string;
  to: string;
}

export interface GroupCadence extends CadenceResult {
  groupId: string;
  groupName: string;
  targetPerYear: number | null;
}

export async function cadenceByGroup(ctx: AppContext, period: Period): Promise<GroupCadence[]> {
  const [groups, held] = await Promise.all([
    ctx.db
      .selectFrom('groups')
      .select(['id', 'name', 'target_meetings_per_year', 'starts_on', 'ends_on', 'created_at'])
      .where('deleted_at', 'is', null)
      .orderBy('name')
      .execute(),
    heldCounts(ctx, period.from, period.to),
  ]);
  const dates = await groupDates(ctx, groups);
  return groups.map((g) => ({
    groupId: g.id,
    groupName: g.name,
    targetPerYear: g.target_meetings_per_year,
    ...groupCadence(
      held.get(g.id) ?? 0,
      g.target_meetings_per_year,
      dates.get(g.id)!,
      period.from,
      period.to,
    ),
  }));
}

function heldAttendance(ctx: AppContext, period: Period) {
  const [start, end] = londonRange(period.from, period.to);
  return ctx.db
    .selectFrom('attendance as t')
    .innerJoin('activities as a', 'a.id', 't.activity_id')
    .where('a.status', '=', 'held')
    .where('a.deleted_at', 'is', null)
    .where('t.deleted_at', 'is', null)
    .where('t.customer_id', 'is not', null)
    .where('a.starts_at', '>=', start)
    .where('a.starts_at', '<', end);
}

export interface AttendanceRate {
  present: number;
  apologies: number;
  absent: number;
  /** Present ÷ everyone marked, 0..1; null when nobody was marked. */
  rate: number | null;
}

export interface AttendanceFigures {
  rate: AttendanceRate;
  /** Hours given by involved customers who were present. */
  hours: number;
  /** Customers present at least once. */
  activeCustomers: number;
  satisfaction: SatisfactionAverages;
}

/**
 * Every attendance figure of the period in one pass over its held
 * activities' attendance: at ten years that is tens of thousands of rows,
 * read once rather than once for each figure.
 */
export async function attendanceFigures(
  ctx: AppContext,
  period: Period,
  groupId?: string,
): Promise<AttendanceFigures> {
  let q = heldAttendance(ctx, period).select([
    sql<number>`sum(t.status = 'present')`.as('present'),
    sql<number>`sum(t.status = 'apologies')`.as('apologies'),
    sql<number>`sum(t.status = 'absent')`.as('absent'),
    sql<number>`coalesce(sum(case when t.status = 'present' then t.minutes_given end), 0)`.as(
      'minutes',
    ),
    sql<number>`count(distinct case when t.status = 'present' then t.customer_id end)`.as('active'),
    sql<number | null>`avg(t.satisfaction_opportunity)`.as('opp'),
    sql<number>`count(t.satisfaction_opportunity)`.as('opp_n'),
    sql<number | null>`avg(t.satisfaction_involvement)`.as('inv'),
    sql<number>`count(t.satisfaction_involvement)`.as('inv_n'),
  ]);
  if (groupId) q = q.where('a.group_id', '=', groupId);
  const r = await q.executeTakeFirstOrThrow();
  const present = Number(r.present ?? 0);
  const apologies = Number(r.apologies ?? 0);
  const absent = Number(r.absent ?? 0);
  const marked = present + apologies + absent;
  return {
    rate: { present, apologies, absent, rate: marked === 0 ? null : present / marked },
    hours: Number(r.minutes) / 60,
    activeCustomers: Number(r.active),
    satisfaction: {
      opportunity: r.opp === null ? null : Number(r.opp),
      opportunityResponses: Number(r.opp_n),
      involvement: r.inv === null ? null : Number(r.inv),
      involvementResponses: Number(r.inv_n),
    },
  };
}

export async function attendanceRate(
  ctx: AppContext,
  period: Period,
  groupId?: string,
): Promise<AttendanceRate> {
  return (await attendanceFigures(ctx, period, groupId)).rate;
}

/** Hours given by involved customers who were present. */
export async function involvementHours(ctx: AppContext, period: Period): Promise<number> {
  return (await attendanceFigures(ctx, period)).hours;
}

export async function activeCustomers(ctx: AppContext, period: Period): Promise<number> {
  return (await attendanceFigures(ctx, period)).activeCustomers;
}

export interface MonthTraining {
  /** `YYYY-MM`, London. */
  month: string;
  /** Distinct courses with at least one session held in the month (the KPI: at least 1). */
  courses: number;
  sessions: number;
}

/** Every month of the period, including those with no training. */
export async function coursesPerMonth(ctx: AppContext, period: Period): Promise<MonthTraining[]> {
  const [start, end] = londonRange(period.from, period.to);
  const rows = await ctx.db
    .selectFrom('activities')
    .select(['course_id', 'starts_at'])
    .where('kind', '=', 'training_session')
    .where('status', '=', 'held')
    .where('deleted_at', 'is', null)
    .where('starts_at', '>=', start)
    .where('starts_at', '<', end)
    .execute();
  const months = new Map<string, { courses: Set<string>; sessions: number }>();
  for (let m = period.from.slice(0, 7); m <= period.to.slice(0, 7); m = nextMonth(m)) {
    months.set(m, { courses: new Set(), sessions: 0 });
  }
  for (const r of rows) {
    const entry = months.get(londonMonth(r.starts_at));
    if (!entry) continue;
    entry.sessions += 1;
    if (r.course_id) entry.courses.add(r.course_id);
  }
  return [...months].map(([month, e]) => ({
    month,
    courses: e.courses.size,
    sessions: e.sessions,
  }));
}

function nextMonth(m: string): string {
  const y = Number(m.slice(0, 4));
  const mo = Number(m.slice(5, 7));
  return mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, '0')}`;
}

function londonMonth(instant: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: '2-digit',
  })
    .format(new Date(instant))
    .slice(0, 7);
}

export interface SatisfactionAverages {
  /** Satisfaction with the opportunity, 1–5; null when no scores. */
  opportunity: number | null;
  opportunityResponses: number;
  /** Satisfaction with the way they were involved, 1–5. */
  involvement: number | null;
  involvementResponses: number;
}

export async function satisfactionAverages(
  ctx: AppContext,
  period: Period,
): Promise<SatisfactionAverages> {
  return (await attendanceFigures(ctx, period)).satisfaction;
}
