import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../support/temp-db';
import { applicationInput, PNG_BASE64, roundInput, setUpFund } from './helpers';

/*
 * One Community Fund round taken through its stages on a real database, in
 * order: each test leaves the case where the next picks it up.
 */
let app: TestApp;
let s: Awaited<ReturnType<typeof setUpFund>>;
let roundId: string;
let lunch: string;
let club: string;

beforeAll(async () => {
  app = await openTestApp({ clock: '2026-11-23T10:00:00.000Z' });
  s = await setUpFund(app);
});
afterAll(() => app.close());

describe('a Community Fund round decided by the panel', () => {
  it('sets up the round: coordinators only, with its mistakes named', async () => {
    await app.signInAs('officer', 'Olly Officer');
    await expect(app.call('grants.saveRound', roundInput(s))).rejects.toMatchObject({
      code: 'forbidden',
    });
    await app.signInAs('coordinator', 'Cora Coordinator');
    await expect(
      app.call('grants.saveRound', roundInput(s, { closesOn: '2026-09-01', criteria: [] })),
    ).rejects.toMatchObject({
      fields: [
        { path: 'closesOn', message: 'The round closes before it opens.' },
        { path: 'criteria', message: 'A panel scores against criteria: add at least one.' },
      ],
    });
    const round = await app.call('grants.saveRound', roundInput(s));
    roundId = round.id;
    expect(round.state).toBe('closed');
    expect(round.panelGroupName).toBe('Community Fund Panel');
    expect(round.criteria.map((c) => [c.name, c.priorityName])).toEqual([
      ['Reduces loneliness', 'Tackling loneliness'],
      ['Involves young people', 'Young people'],
    ]);
    expect(round.money).toMatchObject({
      budgetPence: 300_000,
      carriedInPence: 0,
      availablePence: 300_000,
    });
  });

  it('takes applications, with the contact from the register, and checks them against the criteria', async () => {
    await app.signInAs('officer', 'Olly Officer');
    const a = await app.call(
      'grants.saveApplication',
      applicationInput(roundId, {
        contactCustomerId: s.contact,
        contactName: '',
        contactPhone: null,
        areaId: s.areas[0]!,
        priorityId: s.lonely,
        amountPence: 80_000,
      }),
    );
    lunch = a.id;
    expect(a.reference).toBe('CF-2026-001');
    expect(a.contactName).toMatch(/^Carol Resident/);
    expect(a.contactPhone).toBe('01642 111222');
    expect(a.contactAddressLine1).toBe('3 Mandale Road');

    let checked = await app.call('grants.checkEligibility', { id: lunch });
    expect(checked.status).toBe('ineligible');
    expect(checked.eligibility!.reasons.filter((r) => !r.passed).map((r) => r.message)).toEqual([
      'Asks for more than £500.00, so needs a supporting document (a quote, budget or constitution).',
    ]);
    await app.call('grants.attachDocument', {
      applicationId: lunch,
      kind: 'supporting',
      fileName: 'quote.png',
      mimeType: 'image/png',
      contentBase64: PNG_BASE64,
    });
    await expect(
      app.call('grants.attachDocument', {
        applicationId: lunch,
        kind: 'photo',
        fileName: 'x.png',
        mimeType: 'image/png',
        contentBase64: PNG_BASE64,
      }),
    ).rejects.toMatchObject({
      message: 'Photos and spend evidence come with the evaluation of an award.',
    });
    checked = await app.call('grants.checkEligibility', { id: lunch });
    expect(checked.status).toBe('eligible');
    const file = await app.call('grants.document', { id: checked.documents[0]!.id });
    expect(file.data).toBe(PNG_BASE64);

    const b = await app.call(
      'grants.saveApplication',
      applicationInput(roundId, {
        applicantName: 'Thornaby Youth Club',
        projectTitle: 'Holiday club',
        priorityId: s.young,
        amountPence: 45_000,
      }),
    );
    club = b.id;
    expect((await app.call('grants.checkEligibility', { id: club })).status).toBe('eligible');
    const late = await app.call(
      'grants.saveApplication',
      applicationInput(roundId, {
        receivedOn: '2026-11-20',
        projectTitle: 'Late',
        priorityId: s.young,
      }),
    );
    const lateCheck = await app.call('grants.checkEligibility', { id: late.id });
    expect(lateCheck.eligibility!.reasons.find((r) => !r.passed)!.message).toBe(
      'Received on 2026-11-20, after the round closed on 2026-11-15.',
    );
  });

  it('refuses a conflicted member’s score, asks a neighbour for a reason, and drops scores on a declaration', async () => {
    const criteria = (await app.call('grants.round', { id: roundId })).criteria;
    const sheet = (customerId: string, applicationId: string, scores: number[]) => ({
      roundId,
      customerId,
      scores: criteria.map((c, i) => ({ applicationId, criterionId: c.id, score: scores[i]! })),
    });
    const own = await app.call('grants.scoringSheet', { roundId, customerId: s.contact });
    expect(own.rows.find((r) => r.applicationId === lunch)!.refused).toMatch(
      /is the applicant’s contact and cannot score their own application\.$/,
    );
    await expect(
      app.call('grants.saveScores', sheet(s.contact, lunch, [5, 5])),
    ).rejects.toMatchObject({
      code: 'invalid',
      message: expect.stringMatching(/^No scores were saved\. .* may not score CF-2026-001\./),
    });
    await expect(
      app.call('grants.saveScores', sheet(s.neighbour, lunch, [4, 2])),
    ).rejects.toMatchObject({
      message: expect.stringMatching(/lives on the same street as the applicant’s contact/),
    });
    await expect(
      app.call('grants.saveScores', sheet(s.other, lunch, [6, 2])),
    ).rejects.toMatchObject({
      message: 'No scores were saved. CF-2026-001, Reduces loneliness: score from 0 to 5.',
    });
    await app.call('grants.declare', {
      applicationId: lunch,
      customerId: s.neighbour,
      acceptWarningReason: 'Different end of a long road; does not know the applicant.',
    });
    await app.call('grants.saveScores', sheet(s.neighbour, lunch, [4, 2]));
    await app.call('grants.saveScores', sheet(s.other, lunch, [5, 1]));
    await app.call('grants.saveScores', sheet(s.contact, club, [2, 5]));
    await app.call('grants.saveScores', sheet(s.other, club, [3, 4]));
    expect((await app.call('grants.application', { id: lunch })).scoreTotal).toEqual({
      total: 6,
      max: 10,
      members: 2,
    });
    // Omar then declares he helped write the youth club's bid: his scores for it go.
    const after = await app.call('grants.declare', {
      applicationId: club,
      customerId: s.other,
      priorInvolvement: 'Helped write the bid',
    });
    expect(after.rows.find((r) => r.applicationId === club)!.refused).toMatch(
      /prior involvement in this application/,
    );
    expect((await app.call('grants.application', { id: club })).scoreTotal).toEqual({
      total: 7,
      max: 10,
      members: 1,
    });
    const ranking = await app.call('grants.ranking', { roundId });
    expect(ranking.rows.map((r) => [r.reference, r.result, r.fundable])).toEqual([
      ['CF-2026-002', 7, true],
      ['CF-2026-001', 6, true],
    ]);
    expect(ranking.tieRule).toMatch(/asking for less money ranks first/);
  });

  it('lets only a team leader decide, within what was asked and what the round has', async () => {
    const award = {
      applicationId: lunch,
      decision: 'awarded' as const,
      decidedOn: '2026-11-20',
      awardPence: 75_000,
      conditions: 'Use a venue with step-free access.\nCredit the fund on the menu cards.',
    };
    await expect(app.call('grants.decide', award)).rejects.toMatchObject({ code: 'forbidden' });
    await app.signInAs('team_leader', 'Tess Leader');
    await expect(app.call('grants.decide', { ...award, awardPence: 80_001 })).rejects.toMatchObject(
      {
        message: 'The award is more than the £800.00 asked for.',
      },
    );
    await expect(
      app.call('grants.decide', { ...award, decision: 'declined', awardPence: null }),
    ).rejects.toMatchObject({ fields: [{ path: 'reason', message: 'Give the reason.' }] });
    const decided = await app.call('grants.decide', award);
    expect(decided.status).toBe('awarded');
    // Eight weeks after the decision, since the application gives no end date.
    expect(decided.evaluationDueOn).toBe('2027-01-15');
    // The budget cut after the first award leaves less than the second asks for.
    await app.signInAs('coordinator', 'Cora Coordinator');
    const criteria = (await app.call('grants.round', { id: roundId })).criteria.map((c) => ({
      id: c.id,
      name: c.name,
      priorityId: c.priorityId,
      maxScore: c.maxScore,
    }));
    await expect(
      app.call('grants.saveRound', roundInput(s, { id: roundId, criteria: [] })),
    ).rejects.toMatchObject({ message: expect.stringMatching(/criteria/) });
    await expect(
      app.call('grants.saveRound', roundInput(s, { id: roundId, criteria: criteria.slice(0, 1) })),
    ).rejects.toMatchObject({
      message:
        'A criterion the panel has already scored against cannot be taken away. Nothing was saved.',
    });
    await app.call(
      'grants.saveRound',
      roundInput(s, { id: roundId, criteria, budgetPence: 70_000, maxAwardPence: 70_000 }),
    );
    await app.signInAs('team_leader', 'Tess Leader');
    await expect(
      app.call('grants.decide', { ...award, applicationId: club, awardPence: 45_000 }),
    ).rejects.toMatchObject({
      message:
        'The round has -£50.00 left to award (its budget and what the last round carried over), less than £450.00.',
    });
    await app.signInAs('coordinator', 'Cora Coordinator');
    await app.call('grants.saveRound', roundInput(s, { id: roundId, criteria }));
    await app.signInAs('team_leader', 'Tess Leader');
    await app.call('grants.decide', {
      applicationId: club,
      decision: 'declined',
      decidedOn: '2026-11-20',
      reason: 'The panel funded the lunch club this round.',
    });
  });

  it('writes the fund agreement as a PDF with the award, the conditions and the evaluation date', async () => {
    const f = await app.call('grants.agreement', { id: lunch });
    expect(f.fileName).toBe('fund-agreement-CF-2026-001.pdf');
    const path = join(app.dir, f.fileName);
    writeFileSync(path, Buffer.from(f.data, 'base64'));
    const text = execFileSync('pdftotext', ['-layout', path, '-']).toString();
    expect(text).toContain('Community Fund agreement');
    expect(text).toContain('Award: £750.00');
    expect(text).toContain('Mandale Friends (community group)');
    expect(text).toContain('Use a venue with step-free access.');
    expect(text).toContain('Credit the fund on the menu cards.');
    expect(text).toMatch(/Send the post-project evaluation by 15 January 2027/);
    await expect(app.call('grants.agreement', { id: club })).rejects.toMatchObject({
      message: 'A fund agreement is for an awarded application: record the award first.',
    });
  });

  it('records payments against the award, never more than awarded, by a team leader', async () => {
    await expect(
      app.call('grants.recordPayment', {
        applicationId: lunch,
        paidOn: '2026-11-18',
        amountPence: 10_000,
        method: 'bank_transfer',
      }),
    ).rejects.toMatchObject({
      message: 'A payment cannot be made before the award on 2026-11-20.',
    });
    await app.call('grants.recordPayment', {
      applicationId: lunch,
      paidOn: '2026-11-21',
      amountPence: 50_000,
      method: 'bank_transfer',
      reference: 'BACS 1',
    });
    await expect(
      app.call('grants.recordPayment', {
        applicationId: lunch,
        paidOn: '2026-11-22',
        amountPence: 25_001,
        method: 'cheque',
      }),
    ).rejects.toMatchObject({ message: 'This is more than the £250.00 left to pay of the award.' });
    const paid = await app.call('grants.recordPayment', {
      applicationId: lunch,
      paidOn: '2026-11-22',
      amountPence: 25_000,
      method: 'cheque',
    });
    expect(paid.paidPence).toBe(75_000);
    await app.signInAs('officer', 'Olly Officer');
    await expect(
      app.call('grants.recordPayment', {
        applicationId: lunch,
        paidOn: '2026-11-22',
        amountPence: 1,
        method: 'cheque',
      }),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('reminds when the evaluation is due, lists it when overdue, and records it with photos and spend', async () => {
    app.clock.set('2026-12-20T10:00:00.000Z');
    let home = await app.call('grants.home', {});
    expect(home.evaluationsDueSoon).toBe(1);
    expect((await app.call('grants.application', { id: lunch })).evaluationState).toBe('due_soon');
    await app.call('grants.recordReminder', { id: lunch, sentOn: '2026-12-20' });
    app.clock.set('2027-01-16T10:00:00.000Z');
    home = await app.call('grants.home', {});
    expect(home.evaluationsOverdue).toBe(1);
    expect(home.overdue.map((o) => [o.reference, o.dueOn])).toEqual([
      ['CF-2026-001', '2027-01-15'],
    ]);
    const overdue = await app.call('grants.applications', { evaluation: 'overdue' });
    expect(overdue.map((a) => a.reference)).toEqual(['CF-2026-001']);
    await app.call('grants.attachDocument', {
      applicationId: lunch,
      kind: 'photo',
      description: 'The first lunch',
      fileName: 'lunch.png',
      mimeType: 'image/png',
      contentBase64: PNG_BASE64,
    });
    await expect(
      app.call('grants.attachDocument', {
        applicationId: lunch,
        kind: 'photo',
        fileName: 'receipts.pdf',
        mimeType: 'application/pdf',
        contentBase64: PNG_BASE64,
      }),
    ).rejects.toMatchObject({ message: 'A photo is an image file (JPEG, PNG, HEIC).' });
    const done = await app.call('grants.saveEvaluation', {
      applicationId: lunch,
      receivedOn: '2027-01-16',
      delivered: 'Eight Friday lunches at the centre.',
      peopleReached: 34,
      spentPence: 74_250,
    });
    expect(done.evaluationState).toBe('received');
    expect(done.documents.map((d) => d.kind)).toEqual(['supporting', 'photo']);
    expect((await app.call('grants.home', {})).evaluationsOverdue).toBe(0);
    expect(await app.call('grants.applications', { evaluation: 'outstanding' })).toEqual([]);
  });

  it('keeps every step in the history, in the screens’ words', async () => {
    const history = await app.call('history.forRecord', {
      entity: 'grant_applications',
      id: lunch,
    });
    const fields = history.map((h) => h.field);
    expect(fields).toContain('award_pence');
    expect(fields).toContain('evaluation_due_on');
  });
});
