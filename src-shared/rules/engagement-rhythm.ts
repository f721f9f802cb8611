import { addCalendarDays } from './working-days';

/**
 * The Framework's rhythm of keeping in touch, as data: each item happens so
 * many times a financial year (April to March), spread evenly, and is due by
 * the last day of its part of the year.
 */
export interface RhythmItem {
  key: string;
  name: string;
  /** 1, 2, 3, 4, 6 or 12: parts of the year that divide it into whole months. */
  timesPerYear: number;
  note: string | null;
}

export const allowedTimesPerYear = [1, 2, 3, 4, 6, 12] as const;

/** Thirteen's Framework: an Open Day twice a year, the update video and the newsletter quarterly. */
export const defaultRhythm: RhythmItem[] = [
  {
    key: 'open_day',
    name: 'Involvement Open Day',
    timesPerYear: 2,
    note: 'Customers set the agenda; the customer lead of each group presents its work.',
  },
  {
    key: 'update_video',
    name: 'Update video on customer involvement',
    timesPerYear: 4,
    note: 'Shared with the Board and put on the website.',
  },
  {
    key: 'newsletter',
    name: 'Newsletter to involved customers',
    timesPerYear: 4,
    note: 'Distributed to all involved customers.',
  },
];

export type RhythmState = 'done' | 'due' | 'overdue' | 'upcoming';

export interface RhythmPeriod {
  from: string;
  to: string;
  /** The last day of the part of the year. */
  dueOn: string;
  deliveredOn: string | null;
  state: RhythmState;
}

/** The first day of the month `months` after the ISO date's month. */
function monthStart(year: number, month0: number): string {
  const y = year + Math.floor(month0 / 12);
  const m = ((month0 % 12) + 12) % 12;
  return `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

/** The financial year (its starting calendar year) a date falls in. */
function financialYearStart(iso: string): number {
  const year = Number(iso.slice(0, 4));
  return Number(iso.slice(5, 7)) >= 4 ? year : year - 1;
}

/** The parts of financial year `startYear` for an item done `timesPerYear` times. */
export function rhythmParts(
  startYear: number,
  timesPerYear: number,
): { from: string; to: string }[] {
  if (!(allowedTimesPerYear as readonly number[]).includes(timesPerYear))
    throw new Error(`Not a whole number of months: ${timesPerYear} times a year.`);
  const months = 12 / timesPerYear;
  return Array.from({ length: timesPerYear }, (_, i) => {
    const from = monthStart(startYear, 3 + i * months);
    const next = monthStart(startYear, 3 + (i + 1) * months);
    return { from, to: addCalendarDays(next, -1) };
  });
}

/**
 * The plan for one item: every part of the previous and current financial
 * year, each done (something delivered within it), overdue (ended with
 * nothing), due (under way, nothing yet) or upcoming. A delivery counts for
 * the part it falls in, once.
 */
export function rhythmPlan(
  item: Pick<RhythmItem, 'timesPerYear'>,
  deliveredOn: readonly string[],
  today: string,
): RhythmPeriod[] {
  const fy = financialYearStart(today);
  const parts = [...rhythmParts(fy - 1, item.timesPerYear), ...rhythmParts(fy, item.timesPerYear)];
  return parts.map(({ from, to }) => {
    const delivered = deliveredOn.filter((d) => d >= from && d <= to).sort()[0] ?? null;
    const state: RhythmState = delivered
      ? 'done'
      : to < today
        ? 'overdue'
        : from <= today
          ? 'due'
          : 'upcoming';
    return { from, to, dueOn: to, deliveredOn: delivered, state };
  });
}

/** What Home shows: parts under way with nothing delivered, and those missed in the last 12 months. */
export function rhythmAttention(periods: readonly RhythmPeriod[], today: string): RhythmPeriod[] {
  const yearAgo = `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`;
  return periods.filter((p) => p.state === 'due' || (p.state === 'overdue' && p.to >= yearAgo));
}
