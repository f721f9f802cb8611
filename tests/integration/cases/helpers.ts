import type { TestApp } from '../../support/temp-db';
import type { CaseDetail, ReferralInput } from '../../../src-shared/domain/cases';

export async function customer(
  app: TestApp,
  firstName: string,
  lastName: string,
  addressLine1: string,
  postcode: string,
): Promise<string> {
  const r = await app.call('customers.create', {
    firstName,
    lastName,
    addressLine1,
    postcode,
    status: 'active',
    confirmDuplicate: true,
  });
  if (!r.created) throw new Error('customer not created');
  return r.customer.id;
}

export function referral(overrides: Partial<ReferralInput> = {}): ReferralInput {
  return {
    referredOn: '2026-11-02',
    referredBy: 'complainant',
    complainantName: 'Ann Complainant',
    complainantAddressLine1: '12 Acklam Road',
    complainantPostcode: 'TS5 7AB',
    serviceArea: 'repairs',
    subject: 'Damp in the bedroom not fixed after three visits',
    outcomeSought: 'Fix the damp and compensation',
    stage1: {
      received: '2026-08-03',
      acknowledged: '2026-08-12',
      responded: '2026-08-26',
      extensionDays: 0,
      outcome: 'not_upheld',
    },
    stage2: {
      received: '2026-09-01',
      acknowledged: '2026-09-03',
      responded: '2026-10-01',
      extensionDays: 0,
      outcome: 'partly_upheld',
    },
    stage2DifferentHandler: false,
    ...overrides,
  };
}

/** Three unconnected panel members living elsewhere. */
export async function threeMembers(app: TestApp): Promise<string[]> {
  return [
    await customer(app, 'Bob', 'Brown', '3 Linthorpe Road', 'TS1 3AA'),
    await customer(app, 'Cath', 'Clark', '9 Marton Road', 'TS4 2BB'),
    await customer(app, 'Dev', 'Dhillon', '22 Stokesley Road', 'TS7 0DD'),
  ];
}

/** Switches profile; only an administrator may create the new one. */
export async function signInAs(
  app: TestApp,
  role: 'officer' | 'coordinator' | 'team_leader',
): Promise<void> {
  await app.signInAs('administrator', 'Test administrator');
  await app.signInAs(role);
}

/** Names who signs decision letters: a letter cannot be written without them. */
export async function nameSignatory(app: TestApp): Promise<void> {
  await app.call('cases.saveLetterSignatory', {
    name: 'Sam Patel',
    jobTitle: 'Involvement Coordinator',
    telephone: '01642 000 111',
    email: 'panel@example.org.uk',
  });
}

/**
 * A case taken from referral to the panel's decision (partly upheld) on 23
 * November 2026, with a signatory named so its letter can be written.
 */
export async function decideCase(app: TestApp): Promise<CaseDetail> {
  await nameSignatory(app);
  let c = await app.call('cases.refer', referral());
  for (const id of await threeMembers(app))
    await app.call('cases.assignMember', { caseId: c.id, customerId: id });
  const steps: [string, Record<string, unknown>][] = [
    ['eligibility_checked', { eligible: true, date: '2026-11-16' }],
    ['accepted', { date: '2026-11-16' }],
    ['panel_convened', { date: '2026-11-16' }],
    ['hearing_scheduled', { hearingDate: '2026-11-20', date: '2026-11-16' }],
    ['heard', { date: '2026-11-20' }],
    [
      'decision_issued',
      { decisionOutcome: 'partly_upheld', findings: 'The landlord missed two appointments.' },
    ],
  ];
  for (const [to, extra] of steps) {
    c = await app.call('cases.transition', {
      id: c.id,
      expectedUpdatedAt: c.updatedAt,
      to: to as never,
      date: '2026-11-23',
      ...extra,
    });
  }
  return c;
}

/** Referred on 1 Sep 2026 while stage 2 was still open: for tests whose clock is in September. */
export const referredBeforeStage2Answer: Partial<ReferralInput> = {
  referredOn: '2026-09-01',
  stage2: {
    received: '2026-09-01',
    acknowledged: '2026-09-03',
    responded: null,
    extensionDays: 0,
    outcome: null,
  },
};
