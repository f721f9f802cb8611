import type { ActivityRemoval } from '../../../src-shared/api/meetings';
import type { Activity } from '../../../src-shared/domain/meetings';
import { ApiError } from '../../../src-shared/errors';
import { demand, writing, type CallContext } from '../context';
import { getActivity, presentCustomers } from './activities';
import { activityRow } from './attendance';
import { refreshLastActivity } from './last-activity';

/**
 * Deletes an activity with its attendance and actions, all by tombstone with
 * the user's reason. A held activity is evidence for the Boards' cadence and
 * attendance figures, so only coordinators and above may delete one. The
 * customers who were present get their last activity date worked out again
 * from what remains.
 */
export async function removeActivity(
  ctx: CallContext,
  id: string,
  reason: string,
): Promise<ActivityRemoval> {
  const activity = await activityRow(ctx, id);
  if (activity.status === 'held') demand(ctx, 'meetings.delete_held');
  return writing(ctx, async (w) => {
    const present = await presentCustomers(w, id);
    const [marks, actions] = await Promise.all([
      w.trx
        .selectFrom('attendance')
        .select('id')
        .where('activity_id', '=', id)
        .where('deleted_at', 'is', null)
        .execute(),
      w.trx
        .selectFrom('activity_actions')
        .select('id')
        .where('activity_id', '=', id)
        .where('deleted_at', 'is', null)
        .execute(),
    ]);
    const because = `The activity was deleted: ${reason}`;
    for (const m of marks) await w.remove('attendance', m.id, { reason: because });
    for (const a of actions) await w.remove('activity_actions', a.id, { reason: because });
    await w.remove('activities', id, { reason });
    await refreshLastActivity(w, present);
    return { attendanceRemoved: marks.length, customersRechecked: present.length };
  });
}

export async function removeAction(
  ctx: CallContext,
  id: string,
  reason: string,
): Promise<Activity> {
  const action = await ctx.db
    .selectFrom('activity_actions')
    .select('activity_id')
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!action) throw ApiError.notFound('The action');
  await writing(ctx, (w) => w.remove('activity_actions', id, { reason }));
  return getActivity(ctx, action.activity_id);
}
