import { describe, expect, it } from 'vitest';
import {
  changedFields,
  emptyForm,
  toInput,
  validate,
} from '../../../src-renderer/src/features/customers/form-model';

describe('the customer form', () => {
  it('checks with the shared schema and the age rule', () => {
    const form = { ...emptyForm(), lastName: 'Hall', email: 'sue@', dateOfBirth: '2020-05-01' };
    expect(validate(form, false, '2026-11-23')).toEqual({
      firstName: 'First name is required.',
      email: 'Enter an email address, like name@example.org.',
      dateOfBirth: 'That makes them 6: involved customers are 10 or older.',
    });
    expect(
      validate(
        { ...form, firstName: 'Sue', email: '', dateOfBirth: '1960-05-01' },
        false,
        '2026-11-23',
      ),
    ).toEqual({});
  });

  it('sends only what changed, and equality only when allowed', () => {
    const before = { ...emptyForm(), firstName: 'Sue', lastName: 'Hall', interests: ['repairs'] };
    const after = {
      ...before,
      town: 'Redcar',
      interests: ['repairs', 'policy'],
      equality: { ...before.equality, gender: 'woman' },
    };
    expect(changedFields(before, after, false)).toEqual({
      town: 'Redcar',
      interests: ['repairs', 'policy'],
    });
    expect(changedFields(before, after, true)).toMatchObject({ equality: { gender: 'woman' } });
  });

  it('asks a new customer for their consent to be on the register, and records it as given today', () => {
    const form = { ...emptyForm(), firstName: 'Sue', lastName: 'Hall' };
    expect(validate(form, false, '2026-11-23', true)).toEqual({
      registerConsent:
        'Ask whether they agree to us keeping their details: without it they cannot be added.',
    });
    const agreed = { ...form, registerConsent: true };
    expect(validate(agreed, false, '2026-11-23', true)).toEqual({
      registerConsentMethod: 'Choose how they agreed.',
    });
    const how = { ...agreed, registerConsentMethod: 'in_person' as const };
    expect(validate(how, false, '2026-11-23', true)).toEqual({});
    expect(toInput(how, false, '2026-11-23').consents).toEqual([
      {
        purpose: 'register',
        givenOn: '2026-11-23',
        method: 'in_person',
        withdrawnOn: '',
        note: '',
      },
    ]);
    // An edit is not asked again.
    expect(validate(form, false, '2026-11-23')).toEqual({});
  });
});
