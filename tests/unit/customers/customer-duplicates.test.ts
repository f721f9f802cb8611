import { describe, expect, it } from 'vitest';
import {
  duplicateKeys,
  duplicateReasons,
  nameKey,
} from '../../../src-shared/rules/customer-duplicates';

describe('duplicate customers', () => {
  it('compares names without case, accents or punctuation', () => {
    expect(nameKey("O'Neill")).toBe(nameKey('oneill'));
    expect(nameKey('Zoë')).toBe(nameKey('ZOE'));
    expect(nameKey(' Mary-Jane ')).toBe('maryjane');
  });

  it('matches the same name at the same postcode however typed', () => {
    const probe = duplicateKeys({ firstName: 'Sean', lastName: "O'Neill", postcode: 'ts1 2ab' });
    expect(
      duplicateReasons(probe, { firstName: 'sean', lastName: 'ONeill', postcode: 'TS1 2AB' }),
    ).toEqual(['name_and_postcode']);
    expect(
      duplicateReasons(probe, { firstName: 'Sean', lastName: "O'Neill", postcode: 'TS1 2AD' }),
    ).toEqual([]);
    expect(
      duplicateReasons(probe, { firstName: 'Shaun', lastName: "O'Neill", postcode: 'TS1 2AB' }),
    ).toEqual([]);
  });

  it('needs both names and a postcode for a name match', () => {
    const probe = duplicateKeys({ firstName: 'Sean', lastName: '', postcode: 'TS1 2AB' });
    expect(
      duplicateReasons(probe, { firstName: 'Sean', lastName: '', postcode: 'TS1 2AB' }),
    ).toEqual([]);
  });

  it('matches an email in any case, and a phone against a mobile', () => {
    const probe = duplicateKeys({ email: 'Jo@Example.org', mobile: '+44 7700 900123' });
    expect(duplicateReasons(probe, { email: 'jo@example.org', phone: '07700900123' })).toEqual([
      'email',
      'phone',
    ]);
  });

  it('ignores values that are not valid', () => {
    const keys = duplicateKeys({ email: 'not-an-email', phone: '123', postcode: 'nowhere' });
    expect(keys).toEqual({
      firstName: null,
      lastName: null,
      postcode: null,
      email: null,
      phones: [],
    });
  });
});
