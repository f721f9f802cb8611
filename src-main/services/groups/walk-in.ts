import type { z } from 'zod';
import type { WalkInMatch } from '../../../src-shared/api/meetings';
import type { ConsentRecord } from '../../../src-shared/domain/customer';
import type { walkInInput } from '../../../src-shared/domain/meetings';
import { ApiError, type FieldIssue } from '../../../src-shared/errors';
import { duplicateKeys } from '../../../src-shared/rules/customer-duplicates';
import { maskedContact } from '../../../src-shared/rules/masked-contact';
import {
  normaliseEmail,
  normalisePhone,
  normalisePostcode,
} from '../../../src-shared/rules/uk-formats';
import type { Writer } from '../../changes/writer';
import type { CallContext } from '../context';
import { findDuplicates } from '../customers/duplicates';

/** What the officer typed at the door, in the register's stored forms. */
export interface WalkInDetails {
  firstName: string;
  lastName: string;
  postcode: string | null;
  phone: string | null;
  email: string | null;
}

export function walkInDetails(input: z.output<typeof walkInInput>): WalkInDetails {
  const issues: FieldIssue[] = [];
  const postcode = input.postcode ? normalisePostcode(input.postcode) : null;
  if (input.postcode && !postcode)
    issues.push({
      path: 'postcode',
      message: 'Enter a UK postcode like TS1 2AB, or leave it empty.',
    });
  const phone = input.phone ? normalisePhone(input.phone) : null;
  if (input.phone && !phone)
    issues.push({ path: 'phone', message: 'Enter a UK phone number, or leave it empty.' });
  const email = input.email ? normaliseEmail(input.email) : null;
  if (input.email && !email)
    issues.push({
      path: 'email',
      message: 'Enter an email address like name@example.org, or leave it empty.',
    });
  if (issues.length)
    throw ApiError.invalid('Some details need correcting before we add this person.', issues);
  return { firstName: input.firstName, lastName: input.lastName, postcode, phone, email };
}

/**
 * People already on the register who look like the person at the door, by the
 * same rule as the New customer form, so someone who is simply not a member of
 * this group is signed in rather than added twice.
 */
export async function walkInMatches(
  ctx: CallContext,
  details: WalkInDetails,
): Promise<WalkInMatch[]> {
  const found = await findDuplicates(ctx, details);
  const probe = duplicateKeys(details);
  return found.map((m) => ({
    customerId: m.id,
    name: `${m.firstName} ${m.lastName}`,
    postcode: m.postcode,
    maskedContact: maskedContact(m, probe),
    reasons: m.reasons,
  }));
}

/**
 * A new person at the door becomes a register entry straight away, with the
 * consent they gave in person, so nothing has to be typed up twice; the rest
 * of their record is completed on the register later.
 */
export async function createWalkInCustomer(
  w: Writer,
  details: WalkInDetails,
  today: string,
): Promise<string> {
  const consents: ConsentRecord[] = [
    {
      purpose: 'register',
      givenOn: today,
      method: 'in_person',
      withdrawnOn: null,
      note: 'Signed in at an activity',
    },
  ];
  return w.create('customers', {
    first_name: details.firstName,
    last_name: details.lastName,
    postcode: details.postcode,
    phone: details.phone,
    email: details.email,
    status: 'interested',
    is_board_member: 0,
    recruitment_source: null,
    consents: JSON.stringify(consents),
    contact_methods: '[]',
    support_needs: '[]',
    availability: '[]',
    interests: '[]',
    skills: '[]',
    notes: 'Added at the door of an activity: complete their record.',
  });
}
