/*
 * Yearly contact rules shared by the neighbourhood work: a TARA's annual
 * support visit, a dispersed community's yearly visit or roadshow, and a
 * higher-risk building's resident engagement.
 */

/** The same calendar day a year on (29 February falls to 28 February). */
export function oneYearAfter(iso: string): string {
  const year = Number(iso.slice(0, 4)) + 1;
  const rest = iso.slice(4, 10);
  if (rest === '-02-29') return `${year}-02-28`;
  return `${year}${rest}`;
}

/** The day twelve months before `today`: contact on or after it counts as within the last 12 months. */
export function twelveMonthsBefore(today: string): string {
  const year = Number(today.slice(0, 4)) - 1;
  const rest = today.slice(4, 10);
  return rest === '-02-29' ? `${year}-02-28` : `${year}${rest}`;
}

/** Whether nothing happened on or after twelve months before today (nothing at all counts as none). */
export function noneInLastTwelveMonths(lastOn: string | null, today: string): boolean {
  return lastOn === null || lastOn < twelveMonthsBefore(today);
}

export interface VisitDue {
  dueOn: string;
  overdue: boolean;
  /** Days past due (0 when not overdue). */
  daysOverdue: number;
}

const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

/**
 * A TARA's next annual support visit: a year after the last one held, or,
 * before any, a year after it was recognised (or registered). A visit
 * scheduled does not stop it being overdue: only one held does.
 */
export function supportVisitDue(lastHeldOn: string | null, since: string, today: string): VisitDue {
  const dueOn = oneYearAfter(lastHeldOn ?? since);
  const overdue = dueOn < today;
  return { dueOn, overdue, daysOverdue: overdue ? dayNumber(today) - dayNumber(dueOn) : 0 };
}

/** Progress toward self-sufficiency: the recognition criteria met, of those set. */
export function criteriaProgress(
  met: number,
  total: number,
): {
  met: number;
  total: number;
  percent: number;
  selfSufficient: boolean;
} {
  const percent = total === 0 ? 0 : Math.round((met / total) * 100);
  return { met, total, percent, selfSufficient: total > 0 && met >= total };
}
