import type { BankHolidayCalendar } from './bank-holidays';
import { addCalendarDays, isWorkingDay } from './working-days';

/**
 * A task & finish policy group gives three volunteer days: day 1 training on
 * the policy's context, then an online comment window, day 2 revising the
 * policy with the comments, and day 3 the manager showing the revised policy.
 */
export interface ThreeDayPlan {
  day1: string;
  /** The comment window runs from the day after day 1 to the day before day 2. */
  commentsOpen: string;
  commentsClose: string;
  day2: string;
  day3: string;
}

export type ThreeDayPlanResult = { ok: true; plan: ThreeDayPlan } | { ok: false; message: string };

/**
 * Day 1 on the first working day of the group's dates, day 3 on the last, and
 * day 2 on the working day halfway between, so the comment window and the
 * manager's revision get about the same time.
 */
export function planThreeDays(
  startsOn: string,
  endsOn: string,
  calendar: BankHolidayCalendar,
): ThreeDayPlanResult {
  if (endsOn < startsOn) return { ok: false, message: 'The end date is before the start date.' };
  const days: string[] = [];
  for (let d = startsOn; d <= endsOn; d = addCalendarDays(d, 1)) {
    if (isWorkingDay(d, calendar)) days.push(d);
  }
  if (days.length < 4) {
    return {
      ok: false,
      message:
        'The three days need at least four working days between the start and end dates, so there is room for the online comment window. Move the end date later.',
    };
  }
  const day1 = days[0]!;
  const day2 = days[Math.ceil((days.length - 1) / 2)]!;
  const day3 = days[days.length - 1]!;
  return {
    ok: true,
    plan: {
      day1,
      commentsOpen: addCalendarDays(day1, 1),
      commentsClose: addCalendarDays(day2, -1),
      day2,
      day3,
    },
  };
}
