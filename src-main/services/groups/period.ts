import { addDays, formatISO, parseISO } from 'date-fns';

/**
 * The UTC instant at which a London calendar day begins: 00:00Z in winter,
 * 23:00Z the day before in summer. Activities store UTC instants; periods are
 * London dates.
 */
export function londonStartOfDay(date: string): string {
  const utcMidnight = new Date(`${date}T00:00:00.000Z`);
  const londonHour = Number(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/London',
      hour: '2-digit',
      hourCycle: 'h23',
    }).format(utcMidnight),
  );
  return new Date(utcMidnight.getTime() - londonHour * 3_600_000).toISOString();
}

/** `[fromInstant, toInstantExclusive)` covering London dates `from`..`to` inclusive. */
export function londonRange(from: string, to: string): [string, string] {
  const next = formatISO(addDays(parseISO(to), 1), { representation: 'date' });
  return [londonStartOfDay(from), londonStartOfDay(next)];
}

/** Stored instants are always `toISOString()` form, so they compare as strings. */
export function normaliseInstant(iso: string): string {
  return new Date(iso).toISOString();
}
