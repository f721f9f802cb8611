/**
 * Money in the expenses area is whole pence. This is the one place a
 * fraction of a penny is rounded: half a penny or more goes up, as a
 * volunteer would expect ("no customer will be out of pocket").
 */
export function roundPence(numerator: number, denominator = 1): number {
  if (!Number.isInteger(numerator) || !Number.isInteger(denominator) || denominator <= 0)
    throw new Error('Pence are worked out from whole numbers only.');
  const sign = numerator < 0 ? -1 : 1;
  const n = Math.abs(numerator);
  const whole = Math.floor(n / denominator);
  const rest = n - whole * denominator;
  return sign * (rest * 2 >= denominator ? whole + 1 : whole);
}

/** `540` → `£5.40`; `-120` → `-£1.20`; thousands separated. */
export function formatPounds(pence: number): string {
  const sign = pence < 0 ? '-' : '';
  const abs = Math.abs(pence);
  const pounds = Math.floor(abs / 100).toLocaleString('en-GB');
  return `${sign}£${pounds}.${String(abs % 100).padStart(2, '0')}`;
}

/** A rate per mile as people say it: `45p`, or `£1.05` from a pound up. */
export function formatRate(pence: number): string {
  return pence < 100 ? `${pence}p` : formatPounds(pence);
}

/** `£5.40` or `5.40` typed in → 540; null when it is not an amount of money. */
export function parsePounds(text: string): number | null {
  const m = /^\s*£?\s*(\d{1,7})(?:\.(\d{1,2}))?\s*$/.exec(text);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '0').padEnd(2, '0'));
}

/** Miles are kept as whole tenths of a mile, so no sum drifts. */
export function milesToTenths(miles: number): number {
  return Math.round(miles * 10);
}

/** 125 → `12.5`, 120 → `12`, thousands separated. */
export function formatMiles(tenths: number): string {
  const whole = Math.floor(tenths / 10).toLocaleString('en-GB');
  return tenths % 10 === 0 ? whole : `${whole}.${tenths % 10}`;
}
