import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaseDetail } from '../../../src-shared/domain/cases';
import { openTestApp, type TestApp } from '../../support/temp-db';
import { customer, nameSignatory, referral, threeMembers } from './helpers';

let app: TestApp;
beforeEach(async () => {
  app = await openTestApp({ role: 'coordinator' });
});
afterEach(async () => {
  await app.close();
});

function pdfText(base64: string): string {
  const path = join(app.dir, `doc-${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(path, Buffer.from(base64, 'base64'));
  return execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

async function move(c: CaseDetail, to: string, extra: Record<string, unknown> = {}) {
  return app.call('cases.transition', {
    id: c.id,
    expectedUpdatedAt: c.updatedAt,
    to: to as never,
    date: '2026-11-16',
    ...extra,
  });
}

/** A case with its panel convened on 16 November 2026. */
async function convened(): Promise<CaseDetail> {
  let c = await app.call('cases.refer', referral());
  for (const id of await threeMembers(app))
    await app.call('cases.assignMember', { caseId: c.id, customerId: id });
  c = await move(c, 'eligibility_checked', { eligible: true });
  c = await move(c, 'accepted');
  return move(c, 'panel_convened');
}

describe('correcting a case after referral', () => {
  it('corrects every referral field through the write path, with deadlines and the Code check worked out again', async () => {
    const c = await app.call('cases.refer', referral());
    expect(c.deadlines[0]).toMatchObject({ due: '2026-11-09', state: 'overdue' });
    expect(c.codeCheck.milestones[0]).toMatchObject({ status: 'missed', workingDaysLate: 2 });
    expect(c.ombudsman.windowEnds).toBe('2027-10-01');

    const fixed = await app.call('cases.update', {
      ...referral({
        referredOn: '2026-11-18',
        complainantName: 'Anne Complainant',
        complainantAddressLine2: 'Linthorpe',
        complainantTown: 'Middlesbrough',
        serviceArea: 'customer_service',
        stage1: {
          received: '2026-08-03',
          acknowledged: '2026-08-07',
          responded: '2026-08-20',
          extensionDays: 0,
          outcome: 'upheld',
        },
        stage2: {
          received: '2026-09-01',
          acknowledged: '2026-09-03',
          responded: '2026-10-05',
          extensionDays: 0,
          outcome: 'partly_upheld',
        },
        stage2DifferentHandler: true,
      }),
      id: c.id,
      expectedUpdatedAt: c.updatedAt,
      correctionReason: 'Dates taken from the final response letter',
    });
    expect(fixed).toMatchObject({
      referredOn: '2026-11-18',
      complainantName: 'Anne Complainant',
      complainantTown: 'Middlesbrough',
      serviceArea: 'customer_service',
      stage2DifferentHandler: true,
    });
    // Referred Wed 18 Nov: accept or decline within 5 working days, by Wed 25 Nov, not yet due.
    expect(fixed.deadlines[0]).toMatchObject({ due: '2026-11-25', state: 'due' });
    expect(fixed.codeCheck.milestones[0]).toMatchObject({ status: 'met' });
    expect(fixed.codeCheck.findings.map((f) => f.kind)).not.toContain('same_handler');
    expect(fixed.ombudsman.windowEnds).toBe('2027-10-05');
    // The timeline's referral moves with the corrected date.
    expect(fixed.transitions[0]).toMatchObject({ toStatus: 'referred', onDate: '2026-11-18' });
    const { rows } = await app.call('cases.list', {});
    expect(rows[0]).toMatchObject({ nextDue: '2026-11-25', overdue: false });

    const history = await app.call('history.forRecord', { entity: 'complaint_cases', id: c.id });
    const corrections = history.filter(
      (h) => h.reason === 'Dates taken from the final response letter',
    );
    expect(corrections.map((h) => h.field)).toEqual(
      expect.arrayContaining([
        'referred_on',
        'complainant_name',
        'complainant_town',
        'service_area',
        'stage1_acknowledged',
        'stage2_responded',
        'stage2_different_handler',
      ]),
    );
    expect(corrections.find((h) => h.field === 'complainant_name')).toMatchObject({
      before: 'Ann Complainant',
      after: 'Anne Complainant',
    });
  });

  it('refuses a correction that does not fit the case, naming the field and saving nothing', async () => {
    let c = await app.call('cases.refer', referral());
    c = await move(c, 'eligibility_checked', { eligible: true });
    const attempt = (overrides: Parameters<typeof referral>[0]) =>
      app.call('cases.update', {
        ...referral(overrides),
        id: c.id,
        expectedUpdatedAt: c.updatedAt,
      });
    await expect(attempt({ referredOn: '2026-11-20' })).rejects.toMatchObject({
      message: "The referral cannot come after the case's first step, on 16 Nov 2026.",
      fields: [{ path: 'referredOn' }],
    });
    await expect(
      attempt({
        complainantName: '',
        stage2: { received: '2026-07-01', acknowledged: null, responded: null, extensionDays: 0 },
      }),
    ).rejects.toMatchObject({
      fields: expect.arrayContaining([{ path: 'complainantName', message: expect.any(String) }]),
    });
    const after = await app.call('cases.get', { id: c.id });
    expect(after.complainantName).toBe('Ann Complainant');
    expect(after.updatedAt).toBe(c.updatedAt);
  });
});

describe('the hearing', () => {
  it('refuses Heard before the scheduled hearing; a hearing moved on the record is heard on its day and the letter says so', async () => {
    app.clock.set('2026-12-03T10:00:00Z');
    await nameSignatory(app);
    let c = await convened();
    c = await move(c, 'hearing_scheduled', { hearingDate: '2026-12-25', date: '2026-11-20' });
    expect(c.hearingDayNotice).toBe(
      '25 Dec 2026 is a bank holiday (Christmas Day). Check that this is the day you mean.',
    );
    expect(c.moves).not.toContain('heard');
    await expect(move(c, 'heard', { date: '2026-12-02' })).rejects.toMatchObject({
      message: expect.stringMatching(
        /^The hearing is scheduled for 25 Dec 2026, so it cannot have been held on 2 Dec 2026\./,
      ),
      fields: [{ path: 'date' }],
    });

    // Moved on the record, on 3 December, to the day it was held.
    c = await move(c, 'hearing_scheduled', { hearingDate: '2026-12-02', date: '2026-12-03' });
    expect(c.transitions.map((t) => t.toStatus).slice(-2)).toEqual([
      'hearing_scheduled',
      'hearing_scheduled',
    ]);
    expect(c.hearingDayNotice).toBeNull();
    c = await move(c, 'heard', { date: '2026-12-02' });
    expect(c.heardOn).toBe('2026-12-02');
    c = await move(c, 'decision_issued', {
      date: '2026-12-03',
      decisionOutcome: 'upheld',
      findings: 'The landlord did not fix the cause.',
    });
    const letter = pdfText(
      (await app.call('cases.document', { caseId: c.id, kind: 'decision_letter' })).contentBase64,
    );
    expect(letter).toContain('met on 2 December 2026');
    expect(letter).not.toContain('25 December');
    const pack = pdfText(
      (await app.call('cases.document', { caseId: c.id, kind: 'hearing_pack' })).contentBase64,
    );
    expect(pack).toContain('Held on 2 December 2026');
  });

  it('puts hearings on the calendar and warns of weekends and bank holidays', async () => {
    let c = await convened();
    c = await move(c, 'hearing_scheduled', { hearingDate: '2026-12-05' });
    expect(c.hearingDayNotice).toBe(
      '5 Dec 2026 is a Saturday. Check that this is the day you mean.',
    );
    const hearings = await app.call('cases.hearings', { from: '2026-11-30', to: '2026-12-06' });
    expect(hearings).toEqual([
      { caseId: c.id, reference: 'DCP-2026-0001', date: '2026-12-05', held: false },
    ]);
    expect(await app.call('cases.hearings', { from: '2026-12-07', to: '2026-12-13' })).toEqual([]);
    expect(await app.call('calendar.dayNotice', { date: '2026-12-28' })).toEqual({
      notice: '28 Dec 2026 is a bank holiday (Boxing Day). Check that this is the day you mean.',
    });
    expect(await app.call('calendar.dayNotice', { date: '2026-12-29' })).toEqual({ notice: null });
  });
});

describe('same-street conflicts', () => {
  it('seats a member from another town’s street of the same name, and a neighbour only with a recorded reason', async () => {
    const complainantId = await customer(app, 'Ann', 'Complainant', '12 Acklam Road', 'TS5 7AB');
    const c = await app.call('cases.refer', referral({ complainantCustomerId: complainantId }));
    const elsewhere = await customer(app, 'Eve', 'Elsewhere', '15 Acklam Road', 'TS21 3EE');
    const neighbour = await customer(app, 'Nina', 'Neighbour', '40 Acklam Road', 'TS5 7AD');
    const candidates = await app.call('cases.panelCandidates', { caseId: c.id });
    const kinds = (id: string) =>
      candidates.candidates.find((m) => m.customerId === id)!.conflicts.map((x) => x.severity);
    expect(kinds(elsewhere)).toEqual([]);
    expect(kinds(neighbour)).toEqual(['warning']);
    expect(kinds(complainantId)).toEqual(['refusal']);

    await app.call('cases.assignMember', { caseId: c.id, customerId: elsewhere });
    await expect(
      app.call('cases.assignMember', { caseId: c.id, customerId: neighbour }),
    ).rejects.toMatchObject({ fields: [{ path: 'acceptWarningReason' }] });
    const panel = await app.call('cases.assignMember', {
      caseId: c.id,
      customerId: neighbour,
      acceptWarningReason: 'Lives at the far end of the road and does not know the complainant',
    });
    expect(panel.find((p) => p.customerId === neighbour)!.acceptedWarning).toBe(
      'Nina Neighbour lives on the same street as the complainant (40 Acklam Road, TS5 7AD). Accepted: Lives at the far end of the road and does not know the complainant',
    );
    // The complainant stays a refusal, whatever the reason.
    await expect(
      app.call('cases.assignMember', {
        caseId: c.id,
        customerId: complainantId,
        acceptWarningReason: 'Short of members',
      }),
    ).rejects.toMatchObject({
      message: expect.stringMatching(/^This member cannot sit on the case/),
    });
    const history = await app.call('history.forRecord', {
      entity: 'case_panel_members',
      id: panel.find((p) => p.customerId === neighbour)!.id,
    });
    expect(JSON.stringify(history)).toContain('Lives at the far end of the road');
  });
});

describe('the decision letter', () => {
  it('is signed by a named person, gives the full address and the Ombudsman’s 12-month date, and reads as a sentence', async () => {
    const complainantId = (await app.call('customers.create', {
      firstName: 'Ann',
      lastName: 'Complainant',
      addressLine1: '12 Acklam Road',
      town: 'Middlesbrough',
      postcode: 'TS5 7AB',
      status: 'active',
      confirmDuplicate: true,
    })) as { created: true; customer: { id: string } };
    let c = await app.call(
      'cases.refer',
      referral({
        complainantCustomerId: complainantId.customer.id,
        subject: 'Damp and mould in the bedroom not fixed after three visits.',
      }),
    );
    for (const id of await threeMembers(app))
      await app.call('cases.assignMember', { caseId: c.id, customerId: id });
    for (const [to, extra] of [
      ['eligibility_checked', { eligible: true }],
      ['accepted', {}],
      ['panel_convened', {}],
      ['hearing_scheduled', { hearingDate: '2026-11-19' }],
      ['heard', { date: '2026-11-19' }],
      [
        'decision_issued',
        {
          date: '2026-11-20',
          decisionOutcome: 'partly_upheld',
          findings: 'The landlord did not fix the cause.',
        },
      ],
    ] as const)
      c = await move(c, to, extra);

    await expect(
      app.call('cases.document', { caseId: c.id, kind: 'decision_letter' }),
    ).rejects.toMatchObject({ message: expect.stringMatching(/^Name who signs decision letters/) });
    await nameSignatory(app);
    const letter = pdfText(
      (await app.call('cases.document', { caseId: c.id, kind: 'decision_letter' })).contentBase64,
    );
    expect(letter).toContain('12 Acklam Road Middlesbrough TS5 7AB');
    expect(letter).toContain(
      'met on 19 November 2026 to review your complaint about damp and mould in the bedroom not fixed after three visits.',
    );
    expect(letter).toContain('Our decision: your complaint is partly upheld.');
    expect(letter).not.toMatch(/\.\./);
    expect(letter).toContain('Sam Patel Involvement Coordinator');
    expect(letter).toContain('Telephone 01642 000 111 · Email panel@example.org.uk');
    expect(letter).toContain(
      'The landlord’s final response was sent on 1 October 2026. The Ombudsman normally expects a complaint within 12 months of it, so you can go to the Ombudsman until 1 October 2027, and you can go now.',
    );
  });
});

describe('the Code self-assessment submission', () => {
  it('refuses to mark a year submitted with provisions unassessed until that is confirmed', async () => {
    await expect(
      app.call('selfAssessment.markSubmitted', { year: 2026, submittedOn: '2026-11-20' }),
    ).rejects.toMatchObject({
      message: expect.stringMatching(
        /^44 of 44 provisions are not assessed yet \(.+ and more\)\. Confirm/,
      ),
      fields: [{ path: 'confirmUnassessed' }],
    });
    expect((await app.call('selfAssessment.get', { year: 2026 })).submittedOn).toBeNull();
    const sa = await app.call('selfAssessment.markSubmitted', {
      year: 2026,
      submittedOn: '2026-11-20',
      confirmUnassessed: true,
    });
    expect(sa.submittedOn).toBe('2026-11-20');
  });
});
