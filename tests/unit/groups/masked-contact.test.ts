import { describe, expect, it } from 'vitest';
import { maskEmail, maskPhone, maskedContact } from '../../../src-shared/rules/masked-contact';

describe('masked contact for a possible match at the door', () => {
  it('keeps the first letter and domain of an email', () => {
    expect(maskEmail('mary.oneill@example.org')).toBe('m•••@example.org');
    expect(maskEmail('@broken')).toBe('email on file');
  });

  it('keeps the last three digits of a phone number', () => {
    expect(maskPhone('07700 900123')).toBe('phone ending 123');
    expect(maskPhone('12')).toBe('phone on file');
  });

  it('shows the phone number that matched, else the email, else any phone', () => {
    const c = { email: 'a@b.org', phone: '01642 123456', mobile: '07700 900123' };
    expect(maskedContact(c, { phones: ['01642 123456'] })).toBe('phone ending 456');
    expect(maskedContact(c, { phones: [] })).toBe('a•••@b.org');
    expect(maskedContact({ ...c, email: null }, { phones: [] })).toBe('phone ending 123');
    expect(maskedContact({ email: null, phone: null, mobile: null }, { phones: [] })).toBeNull();
  });
});
