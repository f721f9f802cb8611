/**
 * Meetings held against a group's target cadence ("at least 10 meetings a
 * year"). For a period shorter or longer than a year the target is pro-rated
 * by days and rounded to the nearest whole meeting, so a full year expects
 * exactly the target and January to March of a 12-a-year group expects 3.
 * A group is only expected to meet while it runs: from its start (or the
 * period's, if later) to its end (or the period's, if sooner), so a group
 * set up today is not behind.
 */

export type CadenceRag = 'green' | 'amber' | 'red' | 'none';

export interface CadenceResult {
  held: number;
  /**
   * The first day counted when the group started during the period (the
   * period's own start otherwise is left as null), for "since 3 December".
   */
  since: string | null;
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
  // A period that ends before it starts (a group not running in it) expects nothing.
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

export interface GroupDates {
  /** The start recorded on the group, if any. */
  startsOn: string | null;
  endsOn: string | null;
  /** The London date the group was set up in the app. */
  createdOn: string;
  /** The London date of its earliest meeting on record, if any. */
  firstMeetingOn: string | null;
}

/**
 * When a group began meeting: its recorded start, or else the earlier of the
 * day it was set up and its first meeting on record (a group entered today
 * with last spring's meetings has been running since last spring).
 */
export function groupStartOn(g: GroupDates): string {
  if (g.startsOn) return g.startsOn;
  return g.firstMeetingOn && g.firstMeetingOn < g.createdOn ? g.firstMeetingOn : g.createdOn;
}

/** The part of `from`..`to` the group was running, or null if it did not run then. */
export function runningPeriod(
  g: GroupDates,
  from: string,
  to: string,
): { from: string; to: string } | null {
  const start = groupStartOn(g);
  const a = start > from ? start : from;
  const b = g.endsOn && g.endsOn < to ? g.endsOn : to;
  return a <= b ? { from: a, to: b } : null;
}

export function cadenceFor(
  held: number,
  targetPerYear: number | null,
  from: string,
  to: string,
  since: string | null = null,
): CadenceResult {
  const expected = expectedMeetings(targetPerYear, from, to);
  const meetings = (n: number) => (n === 1 ? 'meeting' : 'meetings');
  const summary =
    expected === null
      ? `${held} ${meetings(held)} held (no target set)`
      : expected === 0
        ? `${held} ${meetings(held)} held (none due yet)`
        : `${held} of ${expected} ${meetings(expected)} held`;
  return { held, since, expected, rag: cadenceRag(held, expected), summary };
}

/** Cadence over the part of the period the group was running. */
export function groupCadence(
  held: number,
  targetPerYear: number | null,
  g: GroupDates,
  from: string,
  to: string,
): CadenceResult {
  const running = runningPeriod(g, from, to);
  if (!running) {
    // Not running at all in the period (it starts later or had ended): nothing is due.
    const start = groupStartOn(g);
    return cadenceFor(held, targetPerYear, to, from, start > to ? start : null);
  }
  return cadenceFor(
    held,
    targetPerYear,
    running.from,
    running.to,
    running.from > from ? running.from : null,
  );
}
