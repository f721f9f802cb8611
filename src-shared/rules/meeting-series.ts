import type { BankHolidayCalendar } from './bank-holidays';
import { addCalendarDays, coversDate, isWeekend, isWorkingDay } from './working-days';

/**
 * The dates of a recurring series of meetings ("monthly for a year"). Each
 * meeting becomes its own record; this only works out when they fall.
 *
 * A series that starts on a working day keeps to working days: a meeting
 * that would fall on a weekend or a bank holiday moves to the next working
 * day. A series that starts on a weekend (a Saturday group) is left on its
 * days, except that one falling on a bank holiday moves to the next day
 * that is not one.
 */

export const seriesFrequencies = [
  'weekly',
  'fortnightly',
  'monthly_weekday',
  'monthly_date',
] as const;
export type SeriesFrequency = (typeof seriesFrequencies)[number];

export const MAX_SERIES_MEETINGS = 52;

const weekdays = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const ordinals = ['first', 'second', 'third', 'fourth'];

function parts(iso: string): [number, number, number] {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return [y, m, d];
}

function iso(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function weekdayOf(date: string): number {
  const [y, m, d] = parts(date);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

/** Which of its weekday in the month a date is: 1 to 4, or null for a fifth (taken as the last). */
function weekOfMonth(date: string): number | null {
  const n = Math.ceil(parts(date)[2] / 7);
  return n <= 4 ? n : null;
}

function ordinalDay(d: number): string {
  const teen = d % 100 >= 11 && d % 100 <= 13;
  const suffix = teen
    ? 'th'
    : (({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[d % 10] ?? 'th');
  return `${d}${suffix}`;
}

/** In words, short enough for a choice list: "Monthly, second Tuesday". */
export function seriesFrequencyLabel(frequency: SeriesFrequency, firstOn: string | null): string {
  const day = firstOn ? weekdays[weekdayOf(firstOn)]! : null;
  switch (frequency) {
    case 'weekly':
      return day ? `Weekly, ${day}s` : 'Weekly';
    case 'fortnightly':
      return day ? `Fortnightly, ${day}s` : 'Fortnightly';
    case 'monthly_weekday': {
      if (!firstOn || !day) return 'Monthly, same weekday';
      const n = weekOfMonth(firstOn);
      return `Monthly, ${n === null ? 'last' : ordinals[n - 1]} ${day}`;
    }
    case 'monthly_date':
      return firstOn ? `Monthly, on the ${ordinalDay(parts(firstOn)[2])}` : 'Monthly, same date';
  }
}

/** The `i`th date of the series before any move (`i = 0` is the first meeting). */
function nominalDate(firstOn: string, frequency: SeriesFrequency, i: number): string {
  if (frequency === 'weekly') return addCalendarDays(firstOn, 7 * i);
  if (frequency === 'fortnightly') return addCalendarDays(firstOn, 14 * i);
  const [fy, fm, fd] = parts(firstOn);
  const months = fm - 1 + i;
  const y = fy + Math.floor(months / 12);
  const m = (months % 12) + 1;
  const last = daysInMonth(y, m);
  if (frequency === 'monthly_date') return iso(y, m, Math.min(fd, last));
  // The same weekday in the same week of the month, or the last one for a fifth.
  const weekday = weekdayOf(firstOn);
  const n = weekOfMonth(firstOn);
  if (n === null) {
    const lastDay = iso(y, m, last);
    return addCalendarDays(lastDay, -((weekdayOf(lastDay) - weekday + 7) % 7));
  }
  const firstOfMonth = iso(y, m, 1);
  const firstWeekday = addCalendarDays(firstOfMonth, (weekday - weekdayOf(firstOfMonth) + 7) % 7);
  return addCalendarDays(firstWeekday, 7 * (n - 1));
}

export interface SeriesDate {
  on: string;
  /** The date it would have fallen on, when it was moved; otherwise null. */
  movedFrom: string | null;
  /** Why it moved: the bank holiday's name, or "Saturday" / "Sunday". */
  movedBecause: string | null;
}

export interface SeriesPlan {
  dates: SeriesDate[];
  /** Years the bank holiday list does not cover, so a holiday then may be missed. */
  uncoveredYears: number[];
}

export function seriesDates(
  firstOn: string,
  frequency: SeriesFrequency,
  count: number,
  calendar: BankHolidayCalendar,
): SeriesPlan {
  if (!Number.isInteger(count) || count < 1 || count > MAX_SERIES_MEETINGS) {
    throw new Error(`A series has 1 to ${MAX_SERIES_MEETINGS} meetings.`);
  }
  const keepToWorkingDays = isWorkingDay(firstOn, calendar);
  const free = (d: string) =>
    keepToWorkingDays ? isWorkingDay(d, calendar) : !calendar.dates.has(d);
  const holidayName = (d: string) => calendar.events.find((e) => e.date === d)?.title;
  const dates: SeriesDate[] = [];
  const uncovered = new Set<number>();
  for (let i = 0; i < count; i++) {
    const nominal = nominalDate(firstOn, frequency, i);
    let on = nominal;
    while (!free(on)) on = addCalendarDays(on, 1);
    for (const d of [nominal, on])
      if (!coversDate(d, calendar)) uncovered.add(Number(d.slice(0, 4)));
    dates.push({
      on,
      movedFrom: on === nominal ? null : nominal,
      movedBecause:
        on === nominal
          ? null
          : (holidayName(nominal) ?? (isWeekend(nominal) ? weekdays[weekdayOf(nominal)]! : null)),
    });
  }
  return { dates, uncoveredYears: [...uncovered].sort((a, b) => a - b) };
}
