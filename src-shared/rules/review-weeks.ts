import type { BankHolidayCalendar } from './bank-holidays';
import { workingDaysBetween } from './working-days';

/*
 * How far into its expected length a review is. The start day is in week 1;
 * calendar weeks count 7 days, working weeks count 5 working days (weekends
 * and England and Wales bank holidays left out), as the template says. A
 * Customer Service Investigators project is expected to take 5 to 8 weeks:
 * it is flagged from week 6 and overrunning once past week 8.
 */

export interface ExpectedLength {
  minWeeks: number;
  maxWeeks: number;
  warnFromWeek: number;
  workingWeeks: boolean;
}

export type WeekState = 'on_track' | 'warning' | 'overrunning';

export interface WeekCount {
  week: number;
  state: WeekState;
  message: string;
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function weekNumber(
  startedOn: string,
  on: string,
  expected: Pick<ExpectedLength, 'workingWeeks'>,
  calendar: BankHolidayCalendar,
): number {
  if (on < startedOn) return 0;
  if (!expected.workingWeeks) return Math.floor(daysBetween(startedOn, on) / 7) + 1;
  return Math.floor(workingDaysBetween(startedOn, on, calendar) / 5) + 1;
}

export function weekCount(
  startedOn: string,
  on: string,
  expected: ExpectedLength,
  calendar: BankHolidayCalendar,
): WeekCount {
  const week = weekNumber(startedOn, on, expected, calendar);
  const unit = expected.workingWeeks ? 'working week' : 'week';
  const range = `expected ${expected.minWeeks}–${expected.maxWeeks} ${unit}s`;
  if (week > expected.maxWeeks)
    return { week, state: 'overrunning', message: `Overrunning: ${unit} ${week}, ${range}.` };
  if (week >= expected.warnFromWeek)
    return {
      week,
      state: 'warning',
      message: `In ${unit} ${week} of ${expected.maxWeeks}: plan the finish (${range}).`,
    };
  return {
    week,
    state: 'on_track',
    message: `${unit[0]!.toUpperCase()}${unit.slice(1)} ${week}, ${range}.`,
  };
}

/** A finished review's length in the same weeks, and whether it kept to the expected maximum. */
export function durationAgainstExpected(
  startedOn: string,
  completedOn: string,
  expected: ExpectedLength,
  calendar: BankHolidayCalendar,
): { weeks: number; withinExpected: boolean } {
  const weeks = weekNumber(startedOn, completedOn, expected, calendar);
  return { weeks, withinExpected: weeks <= expected.maxWeeks };
}
