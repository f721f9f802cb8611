/**
 * UK postcodes, phone numbers and email addresses: what counts as valid and
 * the one stored form of each, so that duplicates compare equal however the
 * value was typed.
 */

// Outward code: A9, A99, AA9, AA99, A9A, AA9A; inward code: 9AA without C, I, K, M, O, V.
const postcodePattern = /^([A-Z]{1,2}[0-9][0-9A-Z]?) ?([0-9][ABD-HJLNP-UW-Z]{2})$/;
const outwardPattern = /^[A-Z]{1,2}[0-9][0-9A-Z]?$/;

function squash(value: string): string {
  return value.toUpperCase().replace(/[\s.-]+/g, '');
}

/** `ts1 2ab`, `TS12AB`, ` Ts1  2Ab ` all become `TS1 2AB`; anything else gives null. */
export function normalisePostcode(value: string): string | null {
  const compact = squash(value);
  if (compact === 'GIR0AA') return 'GIR 0AA';
  if (compact.length < 5 || compact.length > 7) return null;
  const match = postcodePattern.exec(compact.slice(0, -3) + ' ' + compact.slice(-3));
  if (!match) return null;
  return `${match[1]} ${match[2]}`;
}

export function isUkPostcode(value: string): boolean {
  return normalisePostcode(value) !== null;
}

/** The part before the space (`TS1` of `TS1 2AB`), for grouping by district. */
export function postcodeOutward(postcode: string): string | null {
  const normal = normalisePostcode(postcode);
  return normal ? normal.split(' ')[0]! : null;
}

/** True for a bare outward code (`TS1`, `TS17`), which a search may use. */
export function isPostcodeOutward(value: string): boolean {
  return outwardPattern.test(squash(value));
}

const nineDigitPrefixes = /^(0800|016977|013873|015242|01539[456]|01697[34]|01768[347]|019467)/;

/** Digits of a UK number in national form (leading 0), or null if it is not one. */
export function phoneDigits(value: string): string | null {
  const trimmed = value.trim();
  if (trimmed === '' || /[^0-9+()\s.-]/.test(trimmed)) return null;
  let digits = trimmed.replace(/[^0-9+]/g, '');
  if (digits.indexOf('+', 1) !== -1) return null;
  if (digits.startsWith('+44')) digits = '0' + digits.slice(3);
  else if (digits.startsWith('0044')) digits = '0' + digits.slice(4);
  else if (digits.startsWith('+')) return null;
  // "+44 (0)1642 ..." leaves a doubled zero.
  if (digits.startsWith('00')) digits = digits.slice(1);
  if (!/^0[1-9]\d+$/.test(digits)) return null;
  // Geographic (01, 02), non-geographic (03, 08) and mobile (07) numbers have
  // ten digits after the 0; a few small 01 areas, and some 0800 numbers, have nine.
  if (digits.length === 11) return /^0[123578]/.test(digits) ? digits : null;
  if (digits.length === 10) return nineDigitPrefixes.test(digits) ? digits : null;
  return null;
}

/**
 * The stored form: grouped the way the number is read aloud.
 * `07700900123` → `07700 900123`, `02079460000` → `020 7946 0000`,
 * `01642123456` → `01642 123456`, `01132496000` → `0113 249 6000`,
 * `0169773456` → `016977 3456`.
 */
export function normalisePhone(value: string): string | null {
  const d = phoneDigits(value);
  if (!d) return null;
  if (d.length === 10) {
    return d.startsWith('0800')
      ? `0800 ${d.slice(4, 7)} ${d.slice(7)}`
      : `${d.slice(0, 6)} ${d.slice(6)}`;
  }
  if (/^02/.test(d)) return `${d.slice(0, 3)} ${d.slice(3, 7)} ${d.slice(7)}`;
  if (/^01\d1/.test(d) || /^011/.test(d)) return `${d.slice(0, 4)} ${d.slice(4, 7)} ${d.slice(7)}`;
  if (/^0[38]/.test(d)) return `${d.slice(0, 4)} ${d.slice(4, 7)} ${d.slice(7)}`;
  return `${d.slice(0, 5)} ${d.slice(5)}`;
}

export function isUkPhone(value: string): boolean {
  return phoneDigits(value) !== null;
}

export function isMobile(value: string): boolean {
  return /^07/.test(phoneDigits(value) ?? '');
}

// Deliberately plain: one @, a dot in the domain, no spaces. Whether the
// mailbox exists is for the email to find out.
const emailPattern =
  /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;

/** Trimmed and lower-cased, or null if it is not an email address. */
export function normaliseEmail(value: string): string | null {
  const trimmed = value.trim().toLowerCase();
  if (trimmed.length > 254 || !emailPattern.test(trimmed)) return null;
  const [local, domain] = trimmed.split('@') as [string, string];
  if (local.length > 64 || local.startsWith('.') || local.endsWith('.') || local.includes('..'))
    return null;
  if (!/\.[a-z]{2,}$/.test(domain)) return null;
  return trimmed;
}

export function isEmail(value: string): boolean {
  return normaliseEmail(value) !== null;
}

/**
 * The examples the customer form gives in its hints. Made-up data (the demo)
 * never uses them, so an example is never mistaken for someone's number.
 */
export const formExamples = {
  email: 'name@example.org',
  mobile: '07700 900123',
  phone: '01642 123456',
  postcode: 'TS1 2AB',
} as const;
