import type { ConsultationOutcome, ReviewDetail } from '../../../src-shared/domain/reviews';
import { planThreeDays } from '../../../src-shared/rules/task-and-finish';
import type { ReviewsTable } from '../../db/schema/reviews';
import type { AppContext } from '../context';
import { listActivities } from '../groups/activities';
import { bankHolidays } from '../reference/bank-holidays';

type Consultation = ReviewDetail['consultation'];

/** A consultation as its review page shows it: the policy, the group's days, the points and outcomes. */
export async function consultationOf(
  ctx: AppContext,
  r: ReviewsTable & { id: string },
): Promise<Consultation> {
  const [group, outcomes, policy] = await Promise.all([
    r.task_group_id
      ? ctx.db
          .selectFrom('groups')
          .select(['id', 'name', 'starts_on', 'ends_on'])
          .where('id', '=', r.task_group_id)
          .executeTakeFirst()
      : Promise.resolve(undefined),
    ctx.db
      .selectFrom('consultation_outcomes')
      .select(['id', 'said', 'outcome', 'explanation'])
      .where('review_id', '=', r.id)
      .where('deleted_at', 'is', null)
      .orderBy('position')
      .execute(),
    r.policy_id
      ? ctx.db
          .selectFrom('policies')
          .select(['id', 'name', 'board_date'])
          .where('id', '=', r.policy_id)
          .executeTakeFirst()
      : Promise.resolve(undefined),
  ]);
  let days: Consultation['days'] = [];
  let plannedWindow: Consultation['plannedWindow'] = null;
  if (group?.starts_on && group.ends_on) {
    const activities = await listActivities(ctx, {
      from: group.starts_on,
      to: group.ends_on,
      groupId: group.id,
    });
    days = activities
      .filter((a) => a.status !== 'cancelled')
      .map((a) => ({ activityId: a.id, title: a.title, on: a.startsAt, status: a.status }));
    const plan = planThreeDays(group.starts_on, group.ends_on, bankHolidays(ctx));
    if (plan.ok) plannedWindow = { opens: plan.plan.commentsOpen, closes: plan.plan.commentsClose };
  }
  return {
    policyName: r.policy_name,
    policy: policy ? { id: policy.id, name: policy.name, boardDate: policy.board_date } : null,
    boardDate: r.board_date,
    commentOpens: r.comment_opens,
    commentCloses: r.comment_closes,
    feedbackSentOn: r.feedback_sent_on,
    taskGroup: group
      ? { id: group.id, name: group.name, startsOn: group.starts_on, endsOn: group.ends_on }
      : null,
    days,
    plannedWindow,
    outcomes: outcomes.map((o) => ({
      id: o.id,
      said: o.said,
      outcome: o.outcome as ConsultationOutcome,
      explanation: o.explanation,
    })),
  };
}
