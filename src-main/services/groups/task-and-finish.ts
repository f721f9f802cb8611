import type { ActivitySummary } from '../../../src-shared/domain/meetings';
import { ApiError } from '../../../src-shared/errors';
import { planThreeDays, type ThreeDayPlan } from '../../../src-shared/rules/task-and-finish';
import { readableDate } from '../../../src-shared/rules/working-days';
import { bankHolidays } from '../reference/bank-holidays';
import { writing, type CallContext } from '../context';
import { listActivities } from './activities';
import { londonStartOfDay } from './period';

const HOUR = 3_600_000;

/** A volunteer day, 10am to 3pm London time; a weekday never has a clock change. */
function dayTimes(date: string): { startsAt: string; endsAt: string } {
  const midnight = Date.parse(londonStartOfDay(date));
  return {
    startsAt: new Date(midnight + 10 * HOUR).toISOString(),
    endsAt: new Date(midnight + 15 * HOUR).toISOString(),
  };
}

function sessions(plan: ThreeDayPlan) {
  const window = `The online comment window is open from ${readableDate(plan.commentsOpen)} to ${readableDate(plan.commentsClose)}.`;
  return [
    {
      on: plan.day1,
      title: "Day 1: training on the policy's context",
      agenda: `1. Why the policy exists and what it must do\n2. What the law, the regulator and customers expect\n3. How to comment online before day 2\n\n${window}`,
    },
    {
      on: plan.day2,
      title: 'Day 2: revising the policy',
      agenda: `1. The comments from the online window\n2. Revising the policy together\n3. What the manager will bring back on day 3\n\n${window}`,
    },
    {
      on: plan.day3,
      title: 'Day 3: the revised policy',
      agenda:
        "1. The manager shows the revised policy\n2. What changed because of the group's comments, and why anything did not\n3. Next steps and feedback",
    },
  ];
}

/**
 * Schedules a task & finish group's three days inside its dates. Refused
 * when the group already has activities in those dates, so a second click
 * never doubles them up; each day can be edited or moved afterwards.
 */
export async function planTaskAndFinishDays(
  ctx: CallContext,
  groupId: string,
): Promise<ActivitySummary[]> {
  const group = await ctx.db
    .selectFrom('groups')
    .select(['id', 'name', 'kind', 'starts_on', 'ends_on'])
    .where('id', '=', groupId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!group) throw ApiError.notFound('The group');
  if (group.kind !== 'task_and_finish') {
    throw ApiError.invalid('Only a task & finish group has the three volunteer days.');
  }
  if (!group.starts_on || !group.ends_on) {
    throw ApiError.invalid(
      `Give ${group.name} its start and end dates first (Edit group): the three days are planned between them.`,
    );
  }
  const planned = planThreeDays(group.starts_on, group.ends_on, bankHolidays(ctx));
  if (!planned.ok) throw ApiError.invalid(planned.message);
  const range = { from: group.starts_on, to: group.ends_on, groupId };
  const existing = (await listActivities(ctx, range)).filter((a) => a.status !== 'cancelled');
  if (existing.length > 0) {
    throw ApiError.invalid(
      `${group.name} already has ${existing.length === 1 ? 'an activity' : `${existing.length} activities`} between its start and end dates. Edit ${existing.length === 1 ? 'it' : 'them'} instead of planning the three days again.`,
    );
  }
  await writing(ctx, async (w) => {
    for (const s of sessions(planned.plan)) {
      const { startsAt, endsAt } = dayTimes(s.on);
      await w.create('activities', {
        kind: 'meeting',
        title: s.title,
        status: 'scheduled',
        group_id: groupId,
        course_id: null,
        starts_at: startsAt,
        ends_at: endsAt,
        venue_kind: 'community_centre',
        venue_name: null,
        venue_address: null,
        agenda: s.agenda,
        notes: null,
      });
    }
  });
  return listActivities(ctx, range);
}
