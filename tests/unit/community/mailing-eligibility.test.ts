import { describe, expect, it } from 'vitest';
import {
  decideMailing,
  type MailingCandidate,
  type MailingOptions,
} from '../../../src-shared/rules/mailing-eligibility';

const today = '2026-11-23';
const consent = { purpose: 'contact' as const, givenOn: '2025-01-10', withdrawnOn: null };
const someone = (over: Partial<MailingCandidate> = {}): MailingCandidate => ({
  status: 'active',
  contactMethods: ['email', 'post'],
  consents: [consent],
  hasEmail: true,
  hasMobile: true,
  hasAddress: true,
  ...over,
});
const both: MailingOptions = { channels: ['email', 'post'], includePaused: false, today };
const postOnly: MailingOptions = { channels: ['post'], includePaused: false, today };

describe('who a mailing reaches, and why the rest are left out', () => {
  it('reaches a consenting customer by the first of the mailing’s ways they asked for', () => {
    expect(decideMailing(someone(), both)).toEqual({ included: true, channel: 'email' });
    expect(decideMailing(someone({ contactMethods: ['post'] }), both)).toEqual({
      included: true,
      channel: 'post',
    });
  });

  it('leaves out a customer who opted out of post from a letters-only mailing, saying what they prefer', () => {
    const d = decideMailing(someone({ contactMethods: ['email', 'phone'] }), postOnly);
    expect(d).toEqual({
      included: false,
      reason: 'channel_not_wanted',
      detail: 'Does not want letters: prefers email or phone call',
    });
  });

  it('leaves out those who left, and the paused unless the mailing includes them', () => {
    expect(decideMailing(someone({ status: 'left' }), both)).toMatchObject({ reason: 'left' });
    expect(decideMailing(someone({ status: 'paused' }), both)).toMatchObject({ reason: 'paused' });
    expect(decideMailing(someone({ status: 'paused' }), { ...both, includePaused: true })).toEqual({
      included: true,
      channel: 'email',
    });
  });

  it('needs consent to contact standing on the day: never given, withdrawn, or given later', () => {
    expect(decideMailing(someone({ consents: [] }), both)).toMatchObject({ reason: 'no_consent' });
    expect(
      decideMailing(
        someone({ consents: [{ purpose: 'register', givenOn: '2025-01-01', withdrawnOn: null }] }),
        both,
      ),
    ).toMatchObject({ reason: 'no_consent' });
    expect(
      decideMailing(someone({ consents: [{ ...consent, withdrawnOn: '2026-03-02' }] }), both),
    ).toEqual({
      included: false,
      reason: 'consent_withdrawn',
      detail: 'Withdrew consent to be contacted on 2 Mar 2026',
    });
    // Withdrawn from tomorrow still stands today; given tomorrow does not yet.
    expect(
      decideMailing(someone({ consents: [{ ...consent, withdrawnOn: '2026-11-24' }] }), both),
    ).toMatchObject({ included: true });
    expect(
      decideMailing(someone({ consents: [{ ...consent, givenOn: '2026-11-24' }] }), both),
    ).toMatchObject({ reason: 'no_consent' });
    // Withdrawn on the day itself no longer stands.
    expect(
      decideMailing(someone({ consents: [{ ...consent, withdrawnOn: today }] }), both),
    ).toMatchObject({ reason: 'consent_withdrawn' });
  });

  it('says when no preference is recorded, or the register lacks the details', () => {
    expect(decideMailing(someone({ contactMethods: [] }), both)).toMatchObject({
      reason: 'no_preference',
    });
    expect(
      decideMailing(someone({ contactMethods: ['post'], hasAddress: false }), postOnly),
    ).toEqual({
      included: false,
      reason: 'missing_details',
      detail:
        'Wants letters but has no full postal address (first line and postcode) on the register',
    });
    // No email address, but letters wanted too and an address known: a letter it is.
    expect(decideMailing(someone({ hasEmail: false }), both)).toEqual({
      included: true,
      channel: 'post',
    });
  });

  it('sends texts only to a mobile number', () => {
    const texts: MailingOptions = { channels: ['text'], includePaused: false, today };
    expect(decideMailing(someone({ contactMethods: ['text'] }), texts)).toEqual({
      included: true,
      channel: 'text',
    });
    expect(
      decideMailing(someone({ contactMethods: ['text'], hasMobile: false }), texts),
    ).toMatchObject({ reason: 'missing_details' });
  });
});
