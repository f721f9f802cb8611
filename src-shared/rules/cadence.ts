/**
 * Meetings held against a group's target cadence ("at least 10 meetings a
 * year"). For a period shorter or longer than a year the target is pro-rated
 * by days and rounded to the nearest whole meeting, so a full year expects
 * exactly the target and January to March of a 12-a-year group expects 3.
 */

export type CadenceRag = 'green' | 'amber' | 'red' | 'none';

export interface CadenceResult {
  held: number;
  /** Null where the group has no target. */
  expected: number | null;
  rag: CadenceRag;
  /** Plain words for the board pack: "9 of 10 meetings held". */
  summary: string;
}

/** Days from `from` to `to` inclusive (`YYYY-MM-DD`). */
export function daysInclusive(from: string, to: string): number {
  const a = Date.UTC(+from.slice(0, 4), +from.slice(5, 7) - 1, +from.slice(8, 10));
  const b = Date.UTC(+to.slice(0, 4), +to.slice(5, 7) - 1, +to.slice(8, 10));
  return Math.round((b - a) / 86_400_000) + 1;
}

export function expectedMeetings(
  targetPerYear: number | null,
  from: string,
  to: string,
): number | null {
  if (targetPerYear === null) return null;
  const days = daysInclusive(from, to);
  if (days <= 0) return 0;
  // 365 and 366-day years both count as one whole year.
  const years = days >= 365 && days <= 366 ? 1 : days / 365.25;
  return Math.round(targetPerYear * years);
}

/** Green: target met; amber: at least three quarters of it; red: below that. */
export function cadenceRag(held: number, expected: number | null): CadenceRag {
  if (expected === null) return 'none';
  if (held >= expected) return 'green';
  if (held >= expected * 0.75) return 'amber';
  return 'red';
}

export function cadenceFor(
  held: number,
  targetPerYear: number | null,
  from: string,
  to: string,
): CadenceResult {
  const expected = expectedMeetings(targetPerYear, from, to);
  const meetings = (n: number) => (n === 1 ? 'meeting' : 'meetings');
  const summary =
    expected === null
      ? `${held} ${meetings(held)} held (no target set)`
      : `${held} of ${expected} ${meetings(expected)} held`;
  return { held, expected, rag: cadenceRag(held, expected), summary };
}
