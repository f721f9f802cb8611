import { coversYear, isBankHoliday, type BankHolidayCalendar } from './bank-holidays';

/**
 * Working days in England and Wales: Monday to Friday, not a bank holiday
 * (by the official list where it covers the year, else the expected ones).
 * Dates are ISO `YYYY-MM-DD` strings and all arithmetic is done in UTC, so
 * the result never shifts with the machine's time zone or British Summer Time.
 */

const DAY_MS = 86_400_000;

function toUtc(iso: string): number {
  const t = Date.parse(`${iso}T00:00:00Z`);
  if (Number.isNaN(t)) throw new Error(`"${iso}" is not a date (expected YYYY-MM-DD).`);
  return t;
}

function fromUtc(t: number): string {
  return new Date(t).toISOString().slice(0, 10);
}

export function addCalendarDays(iso: string, days: number): string {
  return fromUtc(toUtc(iso) + days * DAY_MS);
}

export function isWeekend(iso: string): boolean {
  const day = new Date(toUtc(iso)).getUTCDay();
  return day === 0 || day === 6;
}

export function isWorkingDay(iso: string, calendar: BankHolidayCalendar): boolean {
  return !isWeekend(iso) && !isBankHoliday(iso, calendar);
}

/**
 * The date `n` working days after `from`; `from` itself never counts, so a
 * complaint received on a Saturday with 5 working days to acknowledge is due
 * on the following Friday. Negative `n` counts backwards. `n = 0` gives `from`.
 */
export function addWorkingDays(from: string, n: number, calendar: BankHolidayCalendar): string {
  if (!Number.isInteger(n)) throw new Error('Working days must be a whole number.');
  let t = toUtc(from);
  const step = n >= 0 ? DAY_MS : -DAY_MS;
  let left = Math.abs(n);
  while (left > 0) {
    t += step;
    if (isWorkingDay(fromUtc(t), calendar)) left -= 1;
  }
  return fromUtc(t);
}

/**
 * Working days elapsed from `from` to `to`: those after `from` up to and
 * including `to`. So `workingDaysBetween(d, addWorkingDays(d, n)) === n`, and
 * it is negative when `to` is before `from`.
 */
export function workingDaysBetween(
  from: string,
  to: string,
  calendar: BankHolidayCalendar,
): number {
  const a = toUtc(from);
  const b = toUtc(to);
  if (a === b) return 0;
  const [lo, hi, sign] = a < b ? [a, b, 1] : [b, a, -1];
  let count = 0;
  for (let t = lo + DAY_MS; t <= hi; t += DAY_MS) {
    if (isWorkingDay(fromUtc(t), calendar)) count += 1;
  }
  return count * sign;
}

/** Whether the official list covers the year of a date: outside it, the holidays are expected ones. */
export function coversDate(iso: string, calendar: BankHolidayCalendar): boolean {
  return coversYear(Number(iso.slice(0, 4)), calendar);
}

/**
 * Whether a count of working days between two dates (either way round) passed
 * through a year the official list does not cover, so the result is "based on
 * expected bank holidays" and may move when a newer list is loaded.
 */
export function usesExpectedHolidays(
  from: string,
  to: string,
  calendar: BankHolidayCalendar,
): boolean {
  const [lo, hi] = from <= to ? [from, to] : [to, from];
  return !coversDate(lo, calendar) || !coversDate(hi, calendar);
}

/** The words shown beside a date worked out with expected bank holidays. */
export const EXPECTED_HOLIDAYS_NOTE = 'based on expected bank holidays';

const londonParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/**
 * London's offset from UTC is always whole hours, changing on the hour, so
 * an instant's London date follows from its UTC date and hour: remembered
 * by those, since a pack dates tens of thousands of rows.
 */
const londonDates = new Map<string, string>();

/** Today's date in Europe/London, for comparing an instant with date-only deadlines. */
export function londonDate(instant: Date): string {
  const hour = instant.toISOString().slice(0, 13);
  const known = londonDates.get(hour);
  if (known) return known;
  const parts = londonParts.formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const date = `${get('year')}-${get('month')}-${get('day')}`;
  if (londonDates.size > 50_000) londonDates.clear();
  londonDates.set(hour, date);
  return date;
}

/** The London date of an instant stored as an ISO string (as every `*_at` column is). */
export function londonDateOf(iso: string): string {
  if (iso.length >= 20 && iso.endsWith('Z') && iso[10] === 'T') {
    const known = londonDates.get(iso.slice(0, 13));
    if (known) return known;
  }
  return londonDate(new Date(iso));
}

const readable = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

/** `2026-08-10` → `10 Aug 2026`, for messages people read. */
export function readableDate(iso: string): string {
  return readable.format(new Date(`${iso}T12:00:00Z`));
}

const long = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** `2026-08-10` → `10 August 2026`, for letters and reports. */
export function longDate(iso: string): string {
  return long.format(new Date(`${iso.slice(0, 10)}T12:00:00Z`));
}
