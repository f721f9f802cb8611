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

/** For a file the app relies on (the bundled copy): a bad one is a programming error. */
export function calendarFrom(data: unknown): BankHolidayCalendar {
  const result = parseBankHolidays(data);
  if (!result.ok) throw new Error(`The bank holiday file is not valid: ${result.errors.join(' ')}`);
  return result.calendar;
}
