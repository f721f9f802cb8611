import type { DuplicateReason } from '../domain/customer';
import { normaliseEmail, normalisePhone, normalisePostcode } from './uk-formats';

/*
 * A likely duplicate: the same name at the same postcode, or the same email,
 * or the same phone number (a customer's mobile may be another's phone).
 * Names compare without case, accents, punctuation or extra spaces, so
 * "O'Neill" and "oneill" match.
 */

export function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

export interface DuplicateProbe {
  firstName?: string | null;
  lastName?: string | null;
  postcode?: string | null;
  email?: string | null;
  phone?: string | null;
  mobile?: string | null;
}

export interface DuplicateKeys {
  firstName: string | null;
  lastName: string | null;
  postcode: string | null;
  email: string | null;
  phones: string[];
}

/** The normalised values a duplicate search looks up; empty or invalid values are left out. */
export function duplicateKeys(probe: DuplicateProbe): DuplicateKeys {
  const phones = [probe.phone, probe.mobile]
    .map((p) => (p ? normalisePhone(p) : null))
    .filter((p): p is string => p !== null);
  const first = probe.firstName ? nameKey(probe.firstName) : '';
  const last = probe.lastName ? nameKey(probe.lastName) : '';
  return {
    firstName: first || null,
    lastName: last || null,
    postcode: probe.postcode ? normalisePostcode(probe.postcode) : null,
    email: probe.email ? normaliseEmail(probe.email) : null,
    phones: [...new Set(phones)],
  };
}

/** Why `existing` looks like the same person as `probe`; empty if it does not. */
export function duplicateReasons(
  probe: DuplicateKeys,
  existing: DuplicateProbe,
): DuplicateReason[] {
  const other = duplicateKeys(existing);
  const reasons: DuplicateReason[] = [];
  if (
    probe.firstName &&
    probe.lastName &&
    probe.postcode &&
    probe.firstName === other.firstName &&
    probe.lastName === other.lastName &&
    probe.postcode === other.postcode
  ) {
    reasons.push('name_and_postcode');
  }
  if (probe.email && probe.email === other.email) reasons.push('email');
  if (probe.phones.some((p) => other.phones.includes(p))) reasons.push('phone');
  return reasons;
}

export const duplicateReasonLabels: Record<DuplicateReason, string> = {
  name_and_postcode: 'same name and postcode',
  email: 'same email',
  phone: 'same phone number',
};
