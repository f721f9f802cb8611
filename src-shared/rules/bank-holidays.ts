import { z } from 'zod';

/**
 * The government publishes UK bank holidays as JSON (gov.uk/bank-holidays.json)
 * for a limited window of years. We ship a copy and let the user load a newer
 * one, so the file is checked here with messages that say what is wrong.
 */
const isoDate = /^\d{4}-\d{2}-\d{2}$/;

const eventSchema = z.object({
  title: z
    .string({ error: 'Each bank holiday needs a title.' })
    .min(1, { error: 'Each bank holiday needs a title.' }),
  date: z
    .string({ error: 'Each bank holiday needs a date.' })
    .regex(isoDate, { error: 'Dates must be written as YYYY-MM-DD.' })
    .refine((d) => isRealDate(d), { error: 'This date does not exist in the calendar.' }),
  notes: z.string().optional().default(''),
  bunting: z.boolean().optional().default(false),
});

const divisionSchema = z.object({
  division: z.string(),
  events: z.array(eventSchema, { error: 'The division must list its events.' }),
});

export const bankHolidayFileSchema = z.object(
  {
    'england-and-wales': divisionSchema.refine((d) => d.events.length > 0, {
      error: 'The file lists no bank holidays for England and Wales.',
    }),
    scotland: divisionSchema.optional(),
    'northern-ireland': divisionSchema.optional(),
  },
  { error: 'This is not a bank holiday file: it should be the JSON the government publishes.' },
);

export type BankHolidayFile = z.output<typeof bankHolidayFileSchema>;
export type BankHolidayEvent = z.output<typeof eventSchema>;

/** England and Wales bank holidays as a lookup, with the years the file covers. */
export interface BankHolidayCalendar {
  readonly dates: ReadonlySet<string>;
  readonly events: readonly BankHolidayEvent[];
  readonly firstYear: number;
  readonly lastYear: number;
}

export type ParseResult =
  { ok: true; calendar: BankHolidayCalendar } | { ok: false; errors: string[] };

function isRealDate(iso: string): boolean {
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso;
}

function describePath(path: readonly PropertyKey[], data: unknown): string {
  if (path[0] === 'england-and-wales' && path[1] === 'events' && typeof path[2] === 'number') {
    const events = (data as { 'england-and-wales'?: { events?: unknown[] } })['england-and-wales']
      ?.events;
    const event = events?.[path[2]] as { date?: unknown; title?: unknown } | undefined;
    const label =
      typeof event?.date === 'string'
        ? event.date
        : typeof event?.title === 'string'
          ? event.title
          : '';
    return `England and Wales, event ${path[2] + 1}${label ? ` (${label})` : ''}`;
  }
  return path.length ? path.join('.') : 'The file';
}

/** Reads the published JSON; returns every problem found rather than the first. */
export function parseBankHolidays(data: unknown): ParseResult {
  const parsed = bankHolidayFileSchema.safeParse(data);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((i) => `${describePath(i.path, data)}: ${i.message}`),
    };
  }
  const events = [...parsed.data['england-and-wales'].events].sort((a, b) =>
    a.date.localeCompare(b.date),
  );
  const seen = new Set<string>();
  const errors: string[] = [];
  for (const e of events) {
    if (seen.has(e.date)) errors.push(`England and Wales: ${e.date} is listed twice.`);
    seen.add(e.date);
  }
  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    calendar: {
      dates: seen,
      events,
      firstYear: Number(events[0]!.date.slice(0, 4)),
      lastYear: Number(events[events.length - 1]!.date.slice(0, 4)),
    },
  };
}

/*
 * Beyond the years the file covers, the regular holidays are worked out by
 * the rules the official list follows. One-off holidays (a coronation, a
 * jubilee, a state funeral, an early May holiday moved for VE day) cannot be
 * foreseen, so a date worked out this way is "based on expected bank
 * holidays" until a newer file is loaded.
 */

const DAY_MS = 86_400_000;

function utcDate(year: number, month: number, day: number): Date {
  return new Date(Date.UTC(year, month - 1, day));
}

function iso(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function plusDays(d: Date, days: number): Date {
  return new Date(d.getTime() + days * DAY_MS);
}

/** Easter Sunday in the Gregorian calendar (the anonymous, or Meeus/Jones/Butcher, computus). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return iso(utcDate(year, month, day));
}

/** The first Monday of a month on or after a day, or the last Monday on or before it (`step` -1). */
function monday(year: number, month: number, day: number, step: 1 | -1): Date {
  let d = utcDate(year, month, day);
  while (d.getUTCDay() !== 1) d = plusDays(d, step);
  return d;
}

function lastDayOf(year: number, month: number): number {
  return utcDate(year, month + 1, 0).getUTCDate();
}

const SUBSTITUTE = 'Substitute day';

function event(title: string, d: Date, substitute = false, bunting = true): BankHolidayEvent {
  return { title, date: iso(d), notes: substitute ? SUBSTITUTE : '', bunting };
}

/**
 * England and Wales's regular bank holidays for a year, named and noted as
 * the official list names them. A holiday on a weekend moves to the next
 * weekday that is not already a holiday: New Year's Day on a Saturday or
 * Sunday to the Monday; Christmas on a Saturday to Monday 27th with Boxing
 * Day on Tuesday 28th; Christmas on a Sunday to Tuesday 27th, Boxing Day
 * keeping Monday 26th; Boxing Day on a Saturday to Monday 28th.
 */
export function expectedBankHolidays(year: number): BankHolidayEvent[] {
  const events: BankHolidayEvent[] = [];
  const newYear = utcDate(year, 1, 1);
  const newYearDow = newYear.getUTCDay();
  if (newYearDow === 6) events.push(event('New Year’s Day', utcDate(year, 1, 3), true));
  else if (newYearDow === 0) events.push(event('New Year’s Day', utcDate(year, 1, 2), true));
  else events.push(event('New Year’s Day', newYear));

  const easter = new Date(`${easterSunday(year)}T00:00:00Z`);
  events.push(event('Good Friday', plusDays(easter, -2), false, false));
  events.push(event('Easter Monday', plusDays(easter, 1)));
  events.push(event('Early May bank holiday', monday(year, 5, 1, 1)));
  events.push(event('Spring bank holiday', monday(year, 5, lastDayOf(year, 5), -1)));
  events.push(event('Summer bank holiday', monday(year, 8, lastDayOf(year, 8), -1)));

  const christmasDow = utcDate(year, 12, 25).getUTCDay();
  if (christmasDow === 6) {
    events.push(event('Christmas Day', utcDate(year, 12, 27), true));
    events.push(event('Boxing Day', utcDate(year, 12, 28), true));
  } else if (christmasDow === 0) {
    events.push(event('Boxing Day', utcDate(year, 12, 26)));
    events.push(event('Christmas Day', utcDate(year, 12, 27), true));
  } else if (christmasDow === 5) {
    events.push(event('Christmas Day', utcDate(year, 12, 25)));
    events.push(event('Boxing Day', utcDate(year, 12, 28), true));
  } else {
    events.push(event('Christmas Day', utcDate(year, 12, 25)));
    events.push(event('Boxing Day', utcDate(year, 12, 26)));
  }
  return events;
}

const expectedByYear = new Map<number, ReadonlySet<string>>();

function expectedDates(year: number): ReadonlySet<string> {
  let dates = expectedByYear.get(year);
  if (!dates) {
    dates = new Set(expectedBankHolidays(year).map((e) => e.date));
    expectedByYear.set(year, dates);
  }
  return dates;
}

/** Whether the official list covers a year; outside it, holidays are the expected ones. */
export function coversYear(year: number, calendar: BankHolidayCalendar): boolean {
  return year >= calendar.firstYear && year <= calendar.lastYear;
}

/** A bank holiday by the official list in the years it covers, by the rules outside them. */
export function isBankHoliday(isoDate: string, calendar: BankHolidayCalendar): boolean {
  const year = Number(isoDate.slice(0, 4));
  return coversYear(year, calendar)
    ? calendar.dates.has(isoDate)
    : expectedDates(year).has(isoDate);
}

/** How far ahead of the list running out the administrator is told to load a newer one. */
export const LIST_WARNING_MONTHS = 6;

export interface BankHolidayListNotice {
  level: 'soon' | 'ended';
  /** The last day the official list covers: 31 December of its last year. */
  coversTo: string;
  message: string;
  /** What whoever may load reference files should do about it. */
  howToUpdate: string;
}

/**
 * Tells the administrator to load a newer list from some months before the
 * current one runs out, and keeps telling them once it has.
 */
export function bankHolidayListNotice(
  calendar: Pick<BankHolidayCalendar, 'lastYear'>,
  today: string,
): BankHolidayListNotice | null {
  const coversTo = `${calendar.lastYear}-12-31`;
  const warnFrom = iso(utcDate(calendar.lastYear, 12 - LIST_WARNING_MONTHS + 1, 1));
  if (today < warnFrom) return null;
  const ended = today > coversTo;
  const end = `31 Dec ${calendar.lastYear}`;
  return {
    level: ended ? 'ended' : 'soon',
    coversTo,
    message: ended
      ? `The bank holiday list ran out on ${end}. Working-day deadlines after that use the bank holidays expected by the usual rules, which miss any one-off holiday.`
      : `The bank holiday list runs out on ${end}. Working-day deadlines after that will use the bank holidays expected by the usual rules, which miss any one-off holiday.`,
    howToUpdate:
      'Download the newer file from gov.uk/bank-holidays.json and load it under Settings, Complaint panel settings, Reference data.',
  };
}

/** For a file the app relies on (the bundled copy): a bad one is a programming error. */
export function calendarFrom(data: unknown): BankHolidayCalendar {
  const result = parseBankHolidays(data);
  if (!result.ok) throw new Error(`The bank holiday file is not valid: ${result.errors.join(' ')}`);
  return result.calendar;
}
