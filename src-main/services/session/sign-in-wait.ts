/**
 * How long a profile waits after wrong passphrases. Four slips cost nothing;
 * the fifth wrong one in a row earns 30 seconds, and each further one doubles
 * the wait, up to a quarter of an hour. Slow enough to stop guessing at the
 * keyboard, short enough that a colleague who mistypes is not locked out for
 * the day.
 */
export const FREE_ATTEMPTS = 4;
const FIRST_WAIT_MS = 30_000;
const LONGEST_WAIT_MS = 15 * 60_000;

/** The wait earned by this many failures in a row, in milliseconds (0: none). */
export function waitAfterFailures(failures: number): number {
  if (failures <= FREE_ATTEMPTS) return 0;
  const doublings = Math.min(failures - FREE_ATTEMPTS - 1, 10);
  return Math.min(FIRST_WAIT_MS * 2 ** doublings, LONGEST_WAIT_MS);
}

/** "30 seconds", "1 minute", "4 minutes": rounded up, so nobody is told to try too soon. */
export function waitWords(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  if (seconds < 60) return seconds === 1 ? '1 second' : `${seconds} seconds`;
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}
