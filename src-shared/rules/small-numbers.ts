/**
 * Small-number suppression for equality and other figures about people.
 * Equality data is special category data: a pack shows aggregates only, and
 * any count from 1 to 4 is shown as "fewer than 5". So that no suppressed
 * count can be worked out from the total and the others, when only one count
 * in a breakdown is suppressed the next smallest is suppressed with it.
 */
export const SUPPRESSED = 'fewer than 5';
export const SMALL_NUMBER_LIMIT = 5;

export type Suppressed = typeof SUPPRESSED;

export function isSmall(n: number): boolean {
  return n > 0 && n < SMALL_NUMBER_LIMIT;
}

/** Which counts of one breakdown (whose total is shown) must be hidden. */
export function suppressedIndexes(counts: readonly number[]): Set<number> {
  const hidden = new Set<number>();
  counts.forEach((n, i) => {
    if (isSmall(n)) hidden.add(i);
  });
  if (hidden.size === 1) {
    // One hidden count is the total minus the rest: hide the next smallest shown count too.
    let next = -1;
    counts.forEach((n, i) => {
      if (!hidden.has(i) && n > 0 && (next === -1 || n < counts[next]!)) next = i;
    });
    if (next !== -1) hidden.add(next);
  }
  return hidden;
}

/** A total shown beside its breakdown: suppressed too when it is itself small. */
export function suppressTotal(total: number): number | Suppressed {
  return isSmall(total) ? SUPPRESSED : total;
}
