import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../support/temp-db';
import { applicationInput, roundInput, setUpFund } from './helpers';

let app: TestApp;
let s: Awaited<ReturnType<typeof setUpFund>>;
let spring: string;
const refs: Record<string, string> = {};

beforeAll(async () => {
  app = await openTestApp({ clock: '2026-11-23T10:00:00.000Z' });
  s = await setUpFund(app);
});
afterAll(() => app.close());

const pb = (name: string, opensOn: string, closesOn: string) => ({
  fund: 'participatory_budget' as const,
  name,
  opensOn,
  closesOn,
  decisionBy: null,
  decisionMethod: 'public_vote' as const,
  budgetPence: 100_000,
  maxAwardPence: 100_000,
  criteria: [],
});

describe('a participatory budget decided by a public vote', () => {
  it('imports the tally sheet, naming bad lines and saving nothing until all are good', async () => {
    spring = (
      await app.call(
        'grants.saveRound',
        roundInput(s, pb('Spring vote', '2026-03-01', '2026-04-30')),
      )
    ).id;
    await app.signInAs('officer', 'Olly Officer');
    for (const [title, amount, areaId] of [
      ['Garden', 40_000, s.areas[0]],
      ['Football', 30_000, s.areas[1]],
      ['Lunch club', 30_000, s.areas[0]],
      ['Bus trip', 20_000, s.areas[1]],
    ] as const) {
      const a = await app.call(
        'grants.saveApplication',
        applicationInput(spring, {
          receivedOn: '2026-03-10',
          projectTitle: title,
          amountPence: amount,
          areaId,
          priorityId: s.young,
        }),
      );
      refs[title] = a.reference;
      await app.call('grants.checkEligibility', { id: a.id });
    }
    expect(Object.values(refs)).toEqual([
      'PB-2026-001',
      'PB-2026-002',
      'PB-2026-003',
      'PB-2026-004',
    ]);
    const bad = await app.call('grants.importVotes', {
      roundId: spring,
      csv: 'Reference,Place,Votes\nPB-2026-001,Online,50\nPB-2026-777,Online,3\nPB-2026-002,Roadshow,lots\n',
    });
    expect(bad.saved).toBe(0);
    expect(bad.errors).toEqual([
      { line: 3, message: 'Line 3: PB-2026-777 is not an application in this round.' },
      { line: 4, message: 'Line 4: “lots” is not a whole number of votes.' },
    ]);
    const ranking0 = await app.call('grants.ranking', { roundId: spring });
    expect(ranking0.rows.every((r) => r.result === 0)).toBe(true);

    const csv = [
      '\uFEFFreference,place,votes',
      'PB-2026-001,Online,50',
      'PB-2026-001,Thornaby roadshow,30',
      'PB-2026-002,Online,60',
      'PB-2026-003,Online,45',
      'PB-2026-003,Thornaby roadshow,15',
      'PB-2026-004,Online,10',
    ].join('\r\n');
    const dry = await app.call('grants.importVotes', { roundId: spring, csv, dryRun: true });
    expect([dry.saved, dry.rows.length, dry.errors]).toEqual([0, 6, []]);
    expect((await app.call('grants.importVotes', { roundId: spring, csv })).saved).toBe(6);
    // A recount for one place replaces that place's count.
    await app.call('grants.importVotes', {
      roundId: spring,
      csv: 'reference,place,votes\nPB-2026-001,online,40',
    });
    const ranking = await app.call('grants.ranking', { roundId: spring });
    // Garden 70 (40 + 30), Football 60, Lunch club 60: the tie goes to the smaller ask, then the earlier.
    expect(ranking.rows.map((r) => [r.reference, r.result, r.tiedOnResult, r.fundable])).toEqual([
      ['PB-2026-001', 70, false, true],
      ['PB-2026-002', 60, true, true],
      ['PB-2026-003', 60, true, true],
      ['PB-2026-004', 10, false, false],
    ]);
  });

  it('decides by the vote and carries what is left to the fund’s next round', async () => {
    await app.signInAs('team_leader', 'Tess Leader');
    const ranking = await app.call('grants.ranking', { roundId: spring });
    for (const r of ranking.rows)
      await app.call(
        'grants.decide',
        r.fundable
          ? {
              applicationId: r.applicationId,
              decision: 'awarded',
              decidedOn: '2026-05-10',
              awardPence: r.amountPence - (r.reference === 'PB-2026-003' ? 5_000 : 0),
            }
          : {
              applicationId: r.applicationId,
              decision: 'declined',
              decidedOn: '2026-05-10',
              reason: 'Fewest votes.',
            },
      );
    const awarded = await app.call('grants.applications', { roundId: spring, status: 'awarded' });
    await app.call('grants.recordPayment', {
      applicationId: awarded[0]!.id,
      paidOn: '2026-05-20',
      amountPence: 12_345,
      method: 'bank_transfer',
    });
    await app.signInAs('coordinator', 'Cora Coordinator');
    const autumn = await app.call(
      'grants.saveRound',
      roundInput(s, pb('Autumn vote', '2026-10-01', '2026-12-15')),
    );
    expect(autumn.money.carriedInPence).toBe(0);
    expect(autumn.previousRound?.name).toBe('Spring vote');
    await app.signInAs('team_leader', 'Tess Leader');
    const closed = await app.call('grants.closeDecisions', { id: spring });
    expect(closed.money).toEqual({
      budgetPence: 100_000,
      carriedInPence: 0,
      availablePence: 100_000,
      awardedPence: 95_000,
      paidPence: 12_345,
      owedPence: 82_655,
      unawardedPence: 5_000,
      carriedOutPence: 5_000,
    });
    const next = await app.call('grants.round', { id: autumn.id });
    expect(next.money.carriedInPence).toBe(5_000);
    expect(next.money.availablePence).toBe(105_000);
    await expect(
      app.call('grants.importVotes', {
        roundId: spring,
        csv: 'reference,place,votes\nPB-2026-001,Online,1',
      }),
    ).rejects.toMatchObject({
      message: 'This round’s decisions are closed.',
    });
  });

  it('gives the figures by round, area and priority, as raw SQL over the same tables does', async () => {
    const ctx = await app.ctx();
    const f = await app.call('grants.figures', { from: '2026-01-01', to: '2026-12-31' });
    const raw = ctx.raw
      .prepare(
        `SELECT a.area_id AS key, count(*) AS applications, sum(a.amount_pence) AS asked,
                sum(CASE WHEN a.decision = 'awarded' THEN 1 ELSE 0 END) AS awards,
                coalesce(sum(CASE WHEN a.decision = 'awarded' THEN a.award_pence END), 0) AS awarded,
                coalesce((SELECT sum(p.amount_pence) FROM grant_payments p JOIN grant_applications b ON b.id = p.application_id
                           WHERE b.area_id IS a.area_id AND b.deleted_at IS NULL AND p.deleted_at IS NULL), 0) AS paid
           FROM grant_applications a WHERE a.deleted_at IS NULL GROUP BY a.area_id`,
      )
      .all() as {
      key: string | null;
      applications: number;
      asked: number;
      awards: number;
      awarded: number;
      paid: number;
    }[];
    expect(
      f.byArea
        .map((r) => [r.key, r.applications, r.askedPence, r.awards, r.awardedPence, r.paidPence])
        .sort(),
    ).toEqual(raw.map((r) => [r.key, r.applications, r.asked, r.awards, r.awarded, r.paid]).sort());
    expect(f.byRound.map((r) => [r.label, r.applications, r.awardedPence])).toEqual([
      ['Spring vote', 4, 95_000],
    ]);
    expect(f.byPriority.map((r) => [r.label, r.awards])).toEqual([['Young people', 3]]);
    expect(f.totals).toMatchObject({
      applications: 4,
      awards: 3,
      awardedPence: 95_000,
      paidPence: 12_345,
    });
    // Evaluations are due eight weeks after the decision (no end dates given): all outstanding, all overdue.
    expect([f.evaluationsOutstanding, f.evaluationsOverdue]).toEqual([3, 3]);
    const none = await app.call('grants.figures', { from: '2027-01-01', to: '2027-12-31' });
    expect(none.totals.applications).toBe(0);
  });
});
