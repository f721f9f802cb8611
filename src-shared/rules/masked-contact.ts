import type { DuplicateKeys } from './customer-duplicates';
import { normalisePhone, phoneDigits } from './uk-formats';

/*
 * A sign-in screen is read over the shoulder at a community centre door, so a
 * possible match shows only enough of a contact detail for the person to say
 * "yes, that's mine": the first letter and the domain of an email, the last
 * three digits of a phone number.
 */

export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 1) return 'email on file';
  return `${email[0]}•••${email.slice(at)}`;
}

export function maskPhone(phone: string): string {
  const digits = phoneDigits(phone) ?? phone.replace(/\D/g, '');
  return digits.length < 3 ? 'phone on file' : `phone ending ${digits.slice(-3)}`;
}

/** A phone number that made it a match comes first: it is the one to check with them. */
export function maskedContact(
  existing: { email: string | null; phone: string | null; mobile: string | null },
  probe: Pick<DuplicateKeys, 'phones'>,
): string | null {
  const phones = [existing.mobile, existing.phone].filter((p): p is string => Boolean(p));
  const matched = phones.find((p) => probe.phones.includes(normalisePhone(p) ?? ''));
  if (matched) return maskPhone(matched);
  if (existing.email) return maskEmail(existing.email);
  return phones[0] ? maskPhone(phones[0]) : null;
}
