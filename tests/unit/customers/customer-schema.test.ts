import { describe, expect, it } from 'vitest';
import {
  customerInput,
  customerListInput,
  customerPatch,
  displayName,
} from '../../../src-shared/domain/customer';

function fieldErrors(result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) {
  return Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));
}

describe('customer input', () => {
  it('stores the normal form of what was typed and empty as null', () => {
    const parsed = customerInput.parse({
      firstName: ' Jo ',
      lastName: 'Bloggs',
      preferredName: '',
      email: 'JO@EXAMPLE.ORG',
      phone: '01642123456',
      postcode: 'ts12ab',
      tenure: '',
      interests: ['policy', 'repairs', 'repairs'],
      dateOfBirth: '',
    });
    expect(parsed).toMatchObject({
      firstName: 'Jo',
      preferredName: null,
      email: 'jo@example.org',
      phone: '01642 123456',
      postcode: 'TS1 2AB',
      tenure: null,
      interests: ['repairs', 'policy'],
      dateOfBirth: null,
    });
  });

  it('names each field at fault with a message a person can act on', () => {
    const result = customerInput.safeParse({
      firstName: ' ',
      lastName: 'Bloggs',
      email: 'jo@',
      phone: '12345',
      postcode: 'TS1',
      dateOfBirth: '23/11/1970',
      status: 'lost',
    });
    expect(fieldErrors(result)).toEqual({
      firstName: 'First name is required.',
      email: 'Enter an email address, like name@example.org.',
      phone: 'Enter a UK phone number, like 01642 123456 or 07700 900123.',
      postcode: 'Enter a UK postcode, like TS1 2AB.',
      dateOfBirth: 'Date of birth: enter a date as YYYY-MM-DD.',
      status: 'Choose a status.',
    });
  });

  it('refuses dates before 1900', () => {
    expect(
      fieldErrors(
        customerInput.safeParse({ firstName: 'A', lastName: 'B', dateOfBirth: '1899-12-31' }),
      ),
    ).toEqual({
      dateOfBirth: 'Date of birth cannot be before 1900.',
    });
  });

  it('checks consent records', () => {
    const result = customerInput.safeParse({
      firstName: 'A',
      lastName: 'B',
      consents: [{ purpose: 'contact', givenOn: '2026-01-05', method: 'carrier pigeon' }],
    });
    expect(fieldErrors(result)).toEqual({
      'consents.0.method': 'Choose how the consent was recorded.',
    });
  });
});

describe('customer patch', () => {
  it('leaves out what was not given, so it stays unchanged', () => {
    const parsed = customerPatch.parse({
      id: '01936b2e-6d4a-7c2b-9a1e-1234567890ab',
      expectedUpdatedAt: '2026-11-23T10:00:00.000Z',
      patch: { phone: '07700900123' },
    });
    expect(parsed.patch).toEqual({ phone: '07700 900123' });
  });

  it('clears a field given as empty', () => {
    const parsed = customerPatch.parse({
      id: '01936b2e-6d4a-7c2b-9a1e-1234567890ab',
      expectedUpdatedAt: '2026-11-23T10:00:00.000Z',
      patch: { email: '', firstName: 'Jo' },
    });
    expect(parsed.patch).toEqual({ email: null, firstName: 'Jo' });
  });
});

describe('list input', () => {
  it('defaults to the first page sorted by relevance', () => {
    expect(customerListInput.parse({})).toMatchObject({
      search: '',
      offset: 0,
      limit: 100,
      sort: 'relevance',
      direction: 'asc',
    });
  });
});

it('shows a preferred name alongside the legal one', () => {
  expect(displayName({ firstName: 'Margaret', lastName: 'Hall', preferredName: 'Peggy' })).toBe(
    'Margaret (Peggy) Hall',
  );
  expect(displayName({ firstName: 'Jo', lastName: 'Hall', preferredName: null })).toBe('Jo Hall');
});
