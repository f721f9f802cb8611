import type { z } from 'zod';
import type { Attendee, staffAttendanceInput } from '../../../src-shared/domain/meetings';
import { ApiError } from '../../../src-shared/errors';
import { writing, type CallContext } from '../context';
import { attendeesOf } from './activities';
import { activityRow, markIn } from './attendance';

/**
 * Staff at an activity, with the hours they gave. Their rows sit in the same
 * attendance table as customers' but every customer figure (attendance,
 * involvement hours, active customers, satisfaction) leaves them out.
 */
export async function addStaffAttending(
  ctx: CallContext,
  input: z.output<typeof staffAttendanceInput>,
): Promise<Attendee> {
  const activity = await activityRow(ctx, input.activityId);
  if (activity.status === 'cancelled') {
    throw ApiError.invalid(
      'This activity was cancelled, so nobody can be recorded as attending it.',
    );
  }
  const staff = await ctx.db
    .selectFrom('staff')
    .select(['id', 'active'])
    .where('id', '=', input.staffId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!staff || staff.active !== 1) {
    throw ApiError.invalid('Choose a current member of staff.', [
      { path: 'staffId', message: 'Choose a current member of staff.' },
    ]);
  }
  const id = await writing(ctx, (w) =>
    markIn(
      w,
      activity,
      { staffId: input.staffId, status: 'present', minutesGiven: Math.round(input.hours * 60) },
      new Set(),
    ),
  );
  const [attendee] = await attendeesOf(ctx, input.activityId, id);
  return attendee!;
}

export async function removeStaffAttending(
  ctx: CallContext,
  attendanceId: string,
): Promise<{ activityId: string }> {
  const row = await ctx.db
    .selectFrom('attendance')
    .select(['activity_id', 'staff_id'])
    .where('id', '=', attendanceId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw ApiError.notFound('The attendance record');
  if (!row.staff_id) {
    throw ApiError.invalid(
      "This is a customer's attendance: change it on the sign-in screen instead.",
    );
  }
  await writing(ctx, (w) =>
    w.remove('attendance', attendanceId, { reason: 'Removed from staff attending' }),
  );
  return { activityId: row.activity_id };
}
