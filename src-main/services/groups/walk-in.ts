import type { z } from 'zod';
import type { ConsentRecord } from '../../../src-shared/domain/customer';
import type { walkInInput } from '../../../src-shared/domain/meetings';
import { ApiError, type FieldIssue } from '../../../src-shared/errors';
import {
  normaliseEmail,
  normalisePhone,
  normalisePostcode,
} from '../../../src-shared/rules/uk-formats';
import type { Writer } from '../../changes/writer';

/**
 * A new person at the door becomes a register entry straight away, with the
 * consent they gave in person, so nothing has to be typed up twice; the rest
 * of their record is completed on the register later.
 */
export async function createWalkInCustomer(
  w: Writer,
  input: z.output<typeof walkInInput>,
  today: string,
): Promise<string> {
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
    first_name: input.firstName,
    last_name: input.lastName,
    postcode,
    phone,
    email,
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
