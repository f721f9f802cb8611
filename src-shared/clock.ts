/** Time is injected so deadlines and "overdue" can be tested at any date. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export function fixedClock(
  iso: string,
): Clock & { set(iso: string): void; advanceDays(n: number): void } {
  let current = new Date(iso);
  return {
    now: () => new Date(current.getTime()),
    set(next: string) {
      current = new Date(next);
    },
    advanceDays(n: number) {
      current = new Date(current.getTime() + n * 86_400_000);
    },
  };
}
