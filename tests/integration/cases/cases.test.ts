import { execFileSync } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../support/temp-db';
import { customer, referral, signInAs, threeMembers } from './helpers';

let app: TestApp;
beforeEach(async () => {
  app = await openTestApp({ role: 'coordinator' });
});
afterEach(async () => {
  await app.close();
});

describe('complaint panel cases', () => {
  it('refers a case, numbers it and checks the internal stages against the Code', async () => {
    const c = await app.call('cases.refer', referral());
    expect(c.reference).toBe('DCP-2026-0001');
    expect(c.status).toBe('referred');
    // Received Mon 3 Aug 2026: acknowledgement due Mon 10 Aug, sent 12 Aug (2 working days late).
    expect(c.codeCheck.milestones[0]).toMatchObject({
      due: '2026-08-10',
      status: 'missed',
      workingDaysLate: 2,
    });
    // Summer bank holiday Mon 31 Aug: stage 1 answer due 10 working days after 12 Aug = 26 Aug, met.
    expect(c.codeCheck.milestones[1]).toMatchObject({ due: '2026-08-26', status: 'met' });
    expect(c.codeCheck.findings.map((f) => f.kind)).toEqual(['late', 'same_handler']);
    expect(c.codeCheck.internalProcessEnded).toBe('2026-10-01');
    expect(c.ombudsman).toMatchObject({ windowEnds: '2027-10-01', level: 'ok' });
    expect(c.ombudsman.message).toBe(
      'The Ombudsman normally expects complaints within 12 months of the final response, so by 1 Oct 2027.',
    );
    expect(c.ombudsmanContact.telephone).toBe('0300 111 3000');
    // Referred Mon 2 Nov: accept or decline within 5 working days, by Mon 9 Nov; today is 23 Nov.
    expect(c.deadlines[0]).toMatchObject({
      stage: 'eligibility',
      due: '2026-11-09',
      state: 'overdue',
    });
    expect(c.moves).toEqual(['eligibility_checked', 'referred_to_ombudsman', 'withdrawn']);
    const second = await app.call('cases.refer', referral({ complainantName: 'Zed' }));
    expect(second.reference).toBe('DCP-2026-0002');
  });

  it('refuses a referral dated in the future', async () => {
    await expect(
      app.call('cases.refer', referral({ referredOn: '2026-12-01' })),
    ).rejects.toMatchObject({
      code: 'invalid',
      fields: [{ path: 'referredOn', message: 'The referral date cannot be in the future.' }],
    });
  });

  it('numbers a referral after the demo cases without clashing with their references', async () => {
    await app.call('demo.load', { customers: 20 });
    const first = await app.call('cases.refer', referral());
    const second = await app.call('cases.refer', referral({ complainantName: 'Zed' }));
    expect([first.reference, second.reference]).toEqual(['DCP-2026-0001', 'DCP-2026-0002']);
  });

  it('refuses internal stage dates out of order or in the future, naming each field', async () => {
    await expect(
      app.call(
        'cases.refer',
        referral({
          stage1: { received: '2026-08-12', acknowledged: '2026-08-03', responded: '2026-08-01' },
          stage2: { received: '2026-09-01', acknowledged: '2026-09-03', responded: '2026-11-30' },
        }),
      ),
    ).rejects.toMatchObject({
      code: 'invalid',
      fields: [
        {
          path: 'stage1.acknowledged',
          message: 'The acknowledgement cannot come before the complaint was received.',
        },
        {
          path: 'stage1.responded',
          message: 'The answer cannot come before the acknowledgement.',
        },
        { path: 'stage2.responded', message: 'This date cannot be in the future.' },
      ],
    });
  });

  it('lets officers see that a case exists but not its content or history', async () => {
    const c = await app.call('cases.refer', referral());
    await signInAs(app, 'officer');
    const list = await app.call('cases.list', {});
    expect(list.rows).toHaveLength(1);
    expect(list.rows[0]).toMatchObject({
      reference: c.reference,
      complainantName: null,
      serviceArea: null,
      landlordName: null,
    });
    expect(JSON.stringify(list)).not.toMatch(/Ann Complainant|Damp/);
    const dash = await app.call('cases.dashboard', {});
    expect(JSON.stringify(dash)).not.toMatch(/Ann Complainant/);
    await expect(app.call('cases.get', { id: c.id })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      app.call('history.forRecord', { entity: 'complaint_cases', id: c.id }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      app.call('cases.document', { caseId: c.id, kind: 'hearing_pack' }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      app.call('cases.addNote', { caseId: c.id, kind: 'note', onDate: '2026-11-20', body: 'x' }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    const recs = await app.call('recommendations.list', {});
    expect(recs.rows).toEqual([]);
    await signInAs(app, 'team_leader');
    expect((await app.call('cases.get', { id: c.id })).complainantName).toBe('Ann Complainant');
    expect(
      (await app.call('history.forRecord', { entity: 'complaint_cases', id: c.id })).length,
    ).toBeGreaterThan(0);
  });

  it('runs the whole lifecycle, recording every move, and refuses illegal ones', async () => {
    let c = await app.call('cases.refer', referral());
    const move = async (to: string, extra: Record<string, unknown> = {}) => {
      c = await app.call('cases.transition', {
        id: c.id,
        expectedUpdatedAt: c.updatedAt,
        to: to as never,
        date: '2026-11-23',
        ...extra,
      });
      return c;
    };
    await expect(move('accepted')).rejects.toMatchObject({
      code: 'invalid',
      message:
        'A case that is referred cannot move to "accepted". From here it can move to: eligibility checked, referred to the housing ombudsman, withdrawn.',
    });
    await expect(move('eligibility_checked')).rejects.toMatchObject({
      fields: [{ path: 'eligible' }],
    });
    await move('eligibility_checked', { eligible: true });
    await move('accepted');
    await expect(move('panel_convened')).rejects.toMatchObject({
      message: 'The panel needs at least 3 members to be convened; 0 are assigned.',
    });
    for (const id of await threeMembers(app))
      await app.call('cases.assignMember', { caseId: c.id, customerId: id });
    c = await app.call('cases.get', { id: c.id });
    expect(c.moves).toContain('panel_convened');
    await move('panel_convened');
    await move('hearing_scheduled', { hearingDate: '2026-11-23' });
    expect(c.hearingDate).toBe('2026-11-23');
    await move('heard');
    await expect(move('decision_issued', { decisionOutcome: 'upheld' })).rejects.toMatchObject({
      fields: [{ path: 'findings' }],
    });
    await move('decision_issued', {
      decisionOutcome: 'upheld',
      findings: 'Three visits without a fix.',
    });
    await app.call('recommendations.add', {
      sourceType: 'complaint_case',
      sourceId: c.id,
      text: 'Survey every damp case',
      serviceArea: 'repairs',
      dueDate: '2027-01-31',
    });
    c = await app.call('cases.get', { id: c.id });
    await expect(move('closed')).rejects.toMatchObject({
      message: expect.stringMatching(/^1 recommendation is still open/),
    });
    await move('monitoring');
    expect(c.transitions.map((t) => t.toStatus)).toEqual([
      'referred',
      'eligibility_checked',
      'accepted',
      'panel_convened',
      'hearing_scheduled',
      'heard',
      'decision_issued',
      'monitoring',
    ]);
    expect(c.transitions[0]!.fromStatus).toBeNull();
    expect(c.transitions[1]).toMatchObject({ fromStatus: 'referred', byName: 'Test coordinator' });
    await expect(move('withdrawn')).rejects.toMatchObject({ fields: [{ path: 'reason' }] });
    await move('withdrawn', { reason: 'Resident asked to stop' });
    await expect(move('closed')).rejects.toMatchObject({
      message: 'This case is withdrawn: nothing more can happen to it.',
    });
    const history = await app.call('history.forRecord', { entity: 'complaint_cases', id: c.id });
    expect(JSON.stringify(history)).toMatch(/Resident asked to stop/);
  });

  it('refuses a stale save', async () => {
    const c = await app.call('cases.refer', referral());
    app.clock.set('2026-11-23T10:05:00Z');
    await app.call('cases.transition', {
      id: c.id,
      expectedUpdatedAt: c.updatedAt,
      to: 'eligibility_checked',
      date: '2026-11-23',
      eligible: true,
    });
    await expect(
      app.call('cases.transition', {
        id: c.id,
        expectedUpdatedAt: c.updatedAt,
        to: 'accepted',
        date: '2026-11-23',
      }),
    ).rejects.toMatchObject({
      code: 'conflict',
    });
  });

  it('refuses a step dated before the referral or the step before it', async () => {
    let c = await app.call('cases.refer', referral());
    await expect(
      app.call('cases.transition', {
        id: c.id,
        expectedUpdatedAt: c.updatedAt,
        to: 'withdrawn',
        date: '2026-01-20',
        reason: 'Resident asked to stop',
      }),
    ).rejects.toMatchObject({
      code: 'invalid',
      fields: [
        {
          path: 'date',
          message: 'The date of this step cannot be before the last step, on 2 Nov 2026.',
        },
      ],
    });
    c = await app.call('cases.transition', {
      id: c.id,
      expectedUpdatedAt: c.updatedAt,
      to: 'eligibility_checked',
      date: '2026-11-10',
      eligible: true,
    });
    await expect(
      app.call('cases.transition', {
        id: c.id,
        expectedUpdatedAt: c.updatedAt,
        to: 'accepted',
        date: '2026-11-09',
      }),
    ).rejects.toThrow('The date of this step cannot be before the last step, on 10 Nov 2026.');
    c = await app.call('cases.transition', {
      id: c.id,
      expectedUpdatedAt: c.updatedAt,
      to: 'accepted',
      date: '2026-11-10',
    });
    expect(c.status).toBe('accepted');
  });

  it('refers on to the Ombudsman with its date and result', async () => {
    let c = await app.call('cases.refer', referral());
    c = await app.call('cases.transition', {
      id: c.id,
      expectedUpdatedAt: c.updatedAt,
      to: 'referred_to_ombudsman',
      date: '2026-11-20',
    });
    expect(c.ombudsmanReferredOn).toBe('2026-11-20');
    expect(c.deadlines).toEqual([]);
    c = await app.call('cases.recordOmbudsmanResult', {
      id: c.id,
      result: 'Maladministration found',
    });
    expect(c.ombudsmanResult).toBe('Maladministration found');
    c = await app.call('cases.recordOmbudsmanResult', { id: c.id, result: '' });
    expect(c.ombudsmanResult).toBeNull();
  });

  it('refuses a conflicted panel member with the reason', async () => {
    const complainantId = await customer(app, 'Ann', 'Complainant', '12 Acklam Road', 'TS5 7AB');
    const c = await app.call('cases.refer', referral({ complainantCustomerId: complainantId }));
    const neighbour = await customer(app, 'Nina', 'Neighbour', '40 Acklam Road', 'TS5 7AD');
    const cousin = await customer(app, 'Colin', 'Cousin', '1 Far Lane', 'TS9 9ZZ');
    await expect(
      app.call('cases.assignMember', { caseId: c.id, customerId: complainantId }),
    ).rejects.toMatchObject({
      message:
        'This member cannot sit on the case. Ann Complainant is the complainant and cannot hear their own complaint.',
    });
    await expect(
      app.call('cases.assignMember', { caseId: c.id, customerId: neighbour }),
    ).rejects.toMatchObject({
      message:
        'Nina Neighbour lives on the same street as the complainant (40 Acklam Road, TS5 7AD). Give a reason to seat them anyway, or choose another member.',
      fields: [{ path: 'acceptWarningReason' }],
    });
    await app.call('cases.assignMember', { caseId: c.id, customerId: cousin });
    const panel = await app.call('cases.declareInterest', {
      caseId: c.id,
      customerId: cousin,
      relation: 'cousin of the complainant',
    });
    expect(panel).toEqual([]);
    await expect(
      app.call('cases.assignMember', { caseId: c.id, customerId: cousin }),
    ).rejects.toMatchObject({
      message: expect.stringMatching(
        /declared a relation to the complainant: cousin of the complainant/,
      ),
    });
    const candidates = await app.call('cases.panelCandidates', { caseId: c.id });
    expect(candidates.fromGroup).toBe(false);
    expect(
      candidates.candidates.find((m) => m.customerId === neighbour)!.conflicts.map((x) => x.kind),
    ).toEqual(['same_street']);
  });

  it('records availability and notes, and stores evidence by content hash', async () => {
    const c = await app.call('cases.refer', referral());
    const [m] = await threeMembers(app);
    const [a] = await app.call('cases.assignMember', { caseId: c.id, customerId: m! });
    const panel = await app.call('cases.setAvailability', {
      assignmentId: a!.id,
      availability: 'unavailable',
      note: 'On holiday',
    });
    expect(panel[0]).toMatchObject({ availability: 'unavailable', availabilityNote: 'On holiday' });
    await expect(
      app.call('cases.addNote', {
        caseId: c.id,
        kind: 'correspondence',
        onDate: '2026-11-20',
        body: 'Letter',
      }),
    ).rejects.toMatchObject({ fields: [{ path: 'direction' }] });
    const notes = await app.call('cases.addNote', {
      caseId: c.id,
      kind: 'correspondence',
      onDate: '2026-11-20',
      direction: 'in',
      correspondent: 'Cllr Smith',
      body: 'Asks for an update',
    });
    expect(notes[0]).toMatchObject({ correspondent: 'Cllr Smith', authorName: 'Test coordinator' });
    const content = Buffer.from('photo of the damp').toString('base64');
    await app.call('cases.attach', {
      caseId: c.id,
      fileName: 'damp.jpg',
      mimeType: 'image/jpeg',
      contentBase64: content,
    });
    const files = await app.call('cases.attach', {
      caseId: c.id,
      fileName: 'same-again.jpg',
      mimeType: 'image/jpeg',
      contentBase64: content,
    });
    expect(files).toHaveLength(2);
    expect(files[0]!.contentHash).toBe(files[1]!.contentHash);
    expect(files[0]!.contentHash).toMatch(/^[0-9a-f]{64}$/);
    const back = await app.call('cases.readAttachment', { id: files[0]!.id });
    expect(Buffer.from(back.contentBase64, 'base64').toString()).toBe('photo of the damp');
  });

  it('shows due and overdue cases on the dashboard as the clock moves', async () => {
    app.clock.set('2026-11-02T09:00:00Z');
    const c = await app.call('cases.refer', referral());
    let dash = await app.call('cases.dashboard', {});
    expect(dash.weekEnds).toBe('2026-11-08');
    expect(dash.overdue).toEqual([]);
    expect(dash.dueThisWeek).toEqual([]);
    app.clock.set('2026-11-09T09:00:00Z');
    dash = await app.call('cases.dashboard', {});
    expect(dash.dueThisWeek.map((x) => x.reference)).toEqual([c.reference]);
    expect(dash.dueThisWeek[0]).toMatchObject({
      nextDue: '2026-11-09',
      nextDueLabel: 'Accept or decline',
      overdue: false,
    });
    app.clock.set('2026-11-10T09:00:00Z');
    dash = await app.call('cases.dashboard', {});
    expect(dash.overdue.map((x) => x.reference)).toEqual([c.reference]);
  });

  it('marks deadlines past the bank holiday list and says when the list runs out', async () => {
    let dash = await app.call('cases.dashboard', {});
    expect(dash.bankHolidayList).toBeNull();
    app.clock.set('2028-12-27T10:00:00Z');
    const c = await app.call('cases.refer', referral({ referredOn: '2028-12-27' }));
    // Thu 28, Fri 29 Dec, then Tue 2 to Thu 4 Jan 2029: New Year's Day is expected on Mon 1.
    expect(c.deadlines[0]).toMatchObject({ due: '2029-01-04', expectedHolidays: true });
    expect(c.codeCheck.milestones.every((m) => !m.expectedHolidays)).toBe(true);
    dash = await app.call('cases.dashboard', {});
    expect(dash.bankHolidayList).toMatchObject({ level: 'soon', coversTo: '2028-12-31' });
    app.clock.set('2029-01-02T10:00:00Z');
    dash = await app.call('cases.dashboard', {});
    expect(dash.bankHolidayList).toMatchObject({ level: 'ended' });
    expect(dash.dueThisWeek).toEqual([
      expect.objectContaining({ id: c.id, nextDue: '2029-01-04', nextDueExpectedHolidays: true }),
    ]);
    const settings = await app.call('cases.settings', {});
    expect(settings.bankHolidays.notice!.message).toMatch(/ran out on 31 Dec 2028/);
  });

  it('says in the hearing pack which Code deadlines rest on expected bank holidays', async () => {
    app.clock.set('2029-01-15T10:00:00Z');
    const none = { received: null, acknowledged: null, responded: null, extensionDays: 0 };
    const c = await app.call(
      'cases.refer',
      referral({
        referredOn: '2029-01-15',
        stage1: { received: '2028-12-18', acknowledged: '2028-12-20', responded: '2029-01-09' },
        stage2: none,
      }),
    );
    expect(c.codeCheck.milestones[1]).toMatchObject({
      due: '2029-01-08',
      status: 'missed',
      expectedHolidays: true,
    });
    const pack = execFileSync('pdftotext', ['-', '-'], {
      input: Buffer.from(
        (await app.call('cases.document', { caseId: c.id, kind: 'hearing_pack' })).contentBase64,
        'base64',
      ),
      encoding: 'utf8',
    }).replace(/\s+/g, ' ');
    expect(pack).toContain(
      'Stage 1 response (due 8 January 2029, based on expected bank holidays)',
    );
    expect(pack).toContain(
      'Stage 1 response was 1 working day late (due 8 Jan 2029, sent 9 Jan 2029, based on expected bank holidays).',
    );
    expect(pack).toContain('Stage 1 acknowledgement (due 27 December 2028)');
  });

  it('moves open deadlines when the service standards change', async () => {
    const c = await app.call('cases.refer', referral());
    await signInAs(app, 'team_leader');
    await app.call('cases.saveStandards', {
      eligibilityDays: 20,
      hearingDays: 20,
      decisionDays: 10,
      quorum: 3,
      ombudsmanWarnDays: 90,
      ombudsmanUrgentDays: 30,
    });
    const list = await app.call('cases.list', {});
    expect(list.rows.find((r) => r.id === c.id)!.nextDue).toBe('2026-11-30');
  });
});
