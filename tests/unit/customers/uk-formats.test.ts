import { describe, expect, it } from 'vitest';
import {
  isEmail,
  isMobile,
  isPostcodeOutward,
  isUkPhone,
  isUkPostcode,
  normaliseEmail,
  normalisePhone,
  normalisePostcode,
  postcodeOutward,
} from '../../../src-shared/rules/uk-formats';

describe('UK postcodes', () => {
  it.each([
    ['TS1 2AB', 'TS1 2AB'],
    ['ts12ab', 'TS1 2AB'],
    ['  Ts1   2aB ', 'TS1 2AB'],
    ['TS17 6AA', 'TS17 6AA'],
    ['ts176aa', 'TS17 6AA'],
    ['M1 1AE', 'M1 1AE'],
    ['B33 8TH', 'B33 8TH'],
    ['CR2 6XH', 'CR2 6XH'],
    ['DN55 1PT', 'DN55 1PT'],
    ['W1A 0AX', 'W1A 0AX'],
    ['EC1A 1BB', 'EC1A 1BB'],
    ['ec1a1bb', 'EC1A 1BB'],
    ['gir 0aa', 'GIR 0AA'],
    ['TS1-2AB', 'TS1 2AB'],
  ])('normalises %s to %s', (typed, stored) => {
    expect(normalisePostcode(typed)).toBe(stored);
    expect(isUkPostcode(typed)).toBe(true);
  });

  it.each([
    '',
    'TS1',
    'TS1 2',
    'TS1 2A',
    'TS1 22B',
    '1S1 2AB',
    'TS1 2AC', // C is never used in the inward code
    'TS1 2IB',
    'TS12 3ABC',
    'TSS12 3AB',
    'TS123 4AB',
    'SW1A 1AA!',
    'not a postcode',
  ])('refuses %j', (typed) => {
    expect(normalisePostcode(typed)).toBeNull();
    expect(isUkPostcode(typed)).toBe(false);
  });

  it('gives the outward code', () => {
    expect(postcodeOutward('ts176aa')).toBe('TS17');
    expect(postcodeOutward('nonsense')).toBeNull();
    expect(isPostcodeOutward('ts17')).toBe(true);
    expect(isPostcodeOutward('TS')).toBe(false);
  });
});

describe('UK phone numbers', () => {
  it.each([
    ['01642 123456', '01642 123456'],
    ['01642123456', '01642 123456'],
    ['(01642) 123-456', '01642 123456'],
    ['+44 1642 123456', '01642 123456'],
    ['+44 (0)1642 123456', '01642 123456'],
    ['0044 1642 123456', '01642 123456'],
    ['07700 900123', '07700 900123'],
    ['07700900123', '07700 900123'],
    ['+447700900123', '07700 900123'],
    ['020 7946 0000', '020 7946 0000'],
    ['02079460000', '020 7946 0000'],
    ['0113 249 6000', '0113 249 6000'],
    ['0191 498 0000', '0191 498 0000'],
    ['0300 123 1234', '0300 123 1234'],
    ['0800 123 456', '0800 123 456'],
    ['0169773456', '016977 3456'],
  ])('normalises %s to %s', (typed, stored) => {
    expect(normalisePhone(typed)).toBe(stored);
    expect(isUkPhone(typed)).toBe(true);
  });

  it.each([
    '',
    '123456',
    '0164212345', // a digit short for this area
    '016421234567', // a digit too many
    '+33 1 23 45 67 89', // not a UK number
    '00 33 123 456 789',
    '07700 9001x3',
    '0044+7700900123',
    '09999',
    '06123 456789', // 06 is not allocated
  ])('refuses %j', (typed) => {
    expect(normalisePhone(typed)).toBeNull();
  });

  it('knows a mobile', () => {
    expect(isMobile('07700 900123')).toBe(true);
    expect(isMobile('01642 123456')).toBe(false);
  });
});

describe('email addresses', () => {
  it('trims and lower-cases', () => {
    expect(normaliseEmail('  Jo.Bloggs@Example.ORG ')).toBe('jo.bloggs@example.org');
    expect(isEmail('a+tag@sub.example.co.uk')).toBe(true);
  });

  it.each([
    '',
    'jo',
    'jo@',
    '@example.org',
    'jo@example',
    'jo bloggs@example.org',
    'jo@@example.org',
    '.jo@example.org',
    'jo..b@example.org',
    'jo@example.c',
  ])('refuses %j', (typed) => {
    expect(normaliseEmail(typed)).toBeNull();
  });
});
