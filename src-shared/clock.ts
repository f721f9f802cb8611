/** Time is injected so deadlines and "overdue" can be tested at any date. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export function fixedClock(
  iso: string,
): Clock & { set(iso: string): void; advanceDays(n: number): void } {
  // An invalid date would only fail later, at the first save that asks the time.
  const valid = (value: string) => {
    const d = new Date(value);
    if (Number.isNaN(d.getTime())) throw new Error(`"${value}" is not a date-time.`);
    return d;
  };
  let current = valid(iso);
  return {
    now: () => new Date(current.getTime()),
    set(next: string) {
      current = valid(next);
    },
    advanceDays(n: number) {
      current = new Date(current.getTime() + n * 86_400_000);
    },
  };
}
