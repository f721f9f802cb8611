import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../support/temp-db';
import { csiCommission, csiProject, customer, join as joinGroup, setUp, refusal } from './helpers';

let app: TestApp;
let org: Awaited<ReturnType<typeof setUp>>;

beforeEach(async () => {
  app = await openTestApp({ clock: '2026-11-23T10:00:00.000Z' });
  org = await setUp(app);
});
afterEach(() => app.close());

describe('commissioning a review', () => {
  it('records the commission, starts at the first stage and draws its team group from the template', async () => {
    const r = await csiProject(app, org.adminId);
    expect(r).toMatchObject({
      reference: 'CSI-2026-001',
      kind: 'csi_project',
      stage: 'scoping',
      stageLabel: 'Scoping',
      startedOn: '2026-10-05',
      teamGroup: { name: 'Customer Service Investigators' },
      commission: {
        commissionedBy: 'business_manager',
        commissionerName: 'Pat Manager',
        commissionerService: 'Voids and lettings',
        question: 'Are empty homes repaired and re-let within the 20 days we promise?',
      },
      nextStage: { code: 'evidence' },
      // 5 October to 23 November: day 49, so week 8 of 5–8, warned.
      weeks: { week: 8, state: 'warning' },
    });
    expect(r.moves).toHaveLength(1);
    const second = await csiProject(app, org.adminId);
    expect(second.reference).toBe('CSI-2026-002');
  });

  it('refuses a business manager commission without the manager, and dates out of order, naming the field', async () => {
    const noName = await refusal(
      app.call('reviews.commission', csiCommission(org.adminId, { commissionerName: null })),
    );
    expect(noName.fields).toEqual([
      { path: 'commissionerName', message: 'Name the business manager.' },
    ]);
    const early = await refusal(
      app.call(
        'reviews.commission',
        csiCommission(org.adminId, { deadline: '2026-09-01', startedOn: '2026-09-01' }),
      ),
    );
    expect(early.fields.map((f) => f.path).sort()).toEqual(['deadline', 'startedOn']);
    expect(await app.call('reviews.list', { state: 'all' })).toHaveLength(0);
  });

  it('flags a CSI project overrunning after week 8', async () => {
    await csiProject(app, org.adminId);
    app.clock.set('2026-11-30T10:00:00.000Z');
    const [r] = await app.call('reviews.list', {});
    expect(r!.weeks).toEqual({
      week: 9,
      state: 'overrunning',
      message: 'Overrunning: week 9, expected 5–8 weeks.',
    });
  });
});

describe('stages', () => {
  it('moves one stage at a time, in date order, and completes at the final stage', async () => {
    const r = await csiProject(app, org.adminId);
    const skip = await refusal(
      app.call('reviews.moveStage', { reviewId: r.id, next: 'findings', onDate: '2026-10-20' }),
    );
    expect(skip.fields[0]!.path).toBe('next');
    const early = await refusal(
      app.call('reviews.moveStage', { reviewId: r.id, next: 'evidence', onDate: '2026-10-01' }),
    );
    expect(early.fields[0]).toEqual({
      path: 'onDate',
      message: 'The move cannot be dated before the review started (2026-10-05).',
    });
    await app.call('reviews.moveStage', { reviewId: r.id, next: 'evidence', onDate: '2026-10-12' });
    const backwards = await refusal(
      app.call('reviews.moveStage', { reviewId: r.id, next: 'findings', onDate: '2026-10-10' }),
    );
    expect(backwards.fields[0]!.path).toBe('onDate');
    for (const [next, onDate] of [
      ['findings', '2026-11-02'],
      ['report', '2026-11-09'],
      ['complete', '2026-11-16'],
    ] as const)
      await app.call('reviews.moveStage', { reviewId: r.id, next, onDate });
    const done = await app.call('reviews.get', { id: r.id });
    expect(done).toMatchObject({ stage: 'complete', completedOn: '2026-11-16', nextStage: null });
    expect(done.weeks.week).toBe(7);
    expect(done.moves.map((m) => m.toStage)).toEqual([
      'scoping',
      'evidence',
      'findings',
      'report',
      'complete',
    ]);
  });
});

describe('the team', () => {
  it('comes only from current members of the kind’s group', async () => {
    const r = await csiProject(app, org.adminId);
    const inGroup = await customer(app, org.landlords['Erimus Housing']!);
    const outside = await customer(app, org.landlords['Tristar Homes']!);
    await joinGroup(app, org.groups['Customer Service Investigators']!, inGroup);
    const candidates = await app.call('reviews.teamCandidates', { reviewId: r.id });
    expect(candidates.candidates.map((c) => c.customerId)).toEqual([inGroup]);
    const refused = await refusal(
      app.call('reviews.addTeamMember', {
        reviewId: r.id,
        customerId: outside,
        joinedOn: '2026-10-05',
      }),
    );
    expect(refused.fields).toEqual([
      { path: 'customerId', message: 'Not a member of the Customer Service Investigators.' },
    ]);
    const withTeam = await app.call('reviews.addTeamMember', {
      reviewId: r.id,
      customerId: inGroup,
      role: 'customer_lead',
      joinedOn: '2026-10-05',
    });
    expect(withTeam.team).toMatchObject([{ customerId: inGroup, role: 'customer_lead' }]);
  });
});

describe('evidence and findings', () => {
  it('logs data requests with lateness in working days and documents in the file store', async () => {
    const r = await csiProject(app, org.adminId);
    const bad = await refusal(
      app.call('reviews.addEvidence', {
        reviewId: r.id,
        kind: 'data_request',
        title: 'Void times by landlord',
        onDate: '2026-10-06',
        askedOn: '2026-10-06',
        dueOn: '2026-10-13',
        answeredOn: '2026-10-02',
      }),
    );
    expect(bad.fields).toEqual([
      { path: 'answeredOn', message: 'The answer cannot come before the question.' },
    ]);
    let d = await app.call('reviews.addEvidence', {
      reviewId: r.id,
      kind: 'data_request',
      title: 'Void times by landlord',
      onDate: '2026-10-06',
      askedOn: '2026-10-06',
      dueOn: '2026-10-13',
    });
    // Not answered: late by the working days from 13 October to today, 23 November.
    expect(d.evidence[0]).toMatchObject({ answeredOn: null, daysLate: 29 });
    d = await app.call('reviews.recordAnswer', { id: d.evidence[0]!.id, answeredOn: '2026-10-16' });
    expect(d.evidence[0]).toMatchObject({ answeredOn: '2026-10-16', daysLate: 3 });
    const content = Buffer.from('Void report, October 2026').toString('base64');
    d = await app.call('reviews.addEvidence', {
      reviewId: r.id,
      kind: 'document',
      title: 'Void report',
      onDate: '2026-10-20',
      file: { fileName: 'voids.txt', mimeType: 'text/plain', contentBase64: content },
    });
    const doc = d.evidence.find((e) => e.kind === 'document')!;
    expect(doc).toMatchObject({ fileName: 'voids.txt', sizeBytes: 25 });
    const back = await app.call('reviews.readEvidenceFile', { id: doc.id });
    expect(Buffer.from(back.contentBase64, 'base64').toString()).toBe('Void report, October 2026');
    const row = await app.backend.context.db
      .selectFrom('review_evidence')
      .select('content_hash')
      .where('id', '=', doc.id)
      .executeTakeFirstOrThrow();
    expect(existsSync(join(app.dir, 'files', row.content_hash!))).toBe(true);
    const noFile = await refusal(
      app.call('reviews.addEvidence', {
        reviewId: r.id,
        kind: 'document',
        title: 'Missing',
        onDate: '2026-10-20',
      }),
    );
    expect(noFile.fields[0]!.path).toBe('file');
    d = await app.call('reviews.addFinding', {
      reviewId: r.id,
      heading: 'Voids take 31 days on average',
      text: 'Against a promise of 20 days.',
    });
    expect(d.findings).toMatchObject([{ position: 1, heading: 'Voids take 31 days on average' }]);
  });

  it('lets an officer record evidence only on reviews they are on', async () => {
    const r = await csiProject(app, org.adminId);
    const officerId = await app.signInAs('officer', 'Olu Officer');
    const evidence = {
      reviewId: r.id,
      kind: 'interview' as const,
      title: 'Interview with the voids team leader',
      onDate: '2026-10-14',
    };
    const refused = await refusal(app.call('reviews.addEvidence', evidence));
    expect(refused.code).toBe('forbidden');
    const comment = {
      reviewId: r.id,
      channel: 'phone' as const,
      receivedOn: '2026-10-14',
      text: 'Too slow',
    };
    expect((await refusal(app.call('reviews.addComment', comment))).code).toBe('forbidden');
    expect(
      (await refusal(app.call('reviews.addFinding', { reviewId: r.id, heading: 'x', text: 'y' })))
        .code,
    ).toBe('forbidden');
    await app.signInAs('administrator', 'Test administrator');
    await app.call('reviews.addOfficer', { reviewId: r.id, staffId: officerId });
    await app.signInAs('officer', 'Olu Officer');
    const d = await app.call('reviews.addEvidence', evidence);
    expect(d.evidence).toHaveLength(1);
    const said = await app.call('reviews.addComment', {
      reviewId: r.id,
      channel: 'in_person',
      receivedOn: '2026-10-14',
      text: 'The keys took six weeks',
    });
    expect(said.comments).toHaveLength(1);
    expect(d.canRecordEvidence).toBe(true);
    // Moving stages is a coordinator's job.
    expect(
      (
        await refusal(
          app.call('reviews.moveStage', { reviewId: r.id, next: 'evidence', onDate: '2026-10-12' }),
        )
      ).code,
    ).toBe('forbidden');
  });
});

describe('policy consultations', () => {
  it('refuses a comment window that closes before it opens, and lists policies due to the Board unfinished', async () => {
    const r = await app.call(
      'reviews.commission',
      csiCommission(org.adminId, {
        kind: 'policy_consultation',
        title: 'Rent arrears policy',
        commissionedBy: 'board',
        commissionerName: null,
        commissionerService: null,
        serviceArea: 'rents_income',
      }),
    );
    const bad = await refusal(
      app.call('reviews.saveConsultation', {
        reviewId: r.id,
        policyName: 'Rent arrears',
        commentOpens: '2026-10-20',
        commentCloses: '2026-10-10',
      }),
    );
    expect(bad.fields).toEqual([
      { path: 'commentCloses', message: 'The comment window cannot close before it opens.' },
    ]);
    await app.call('reviews.saveConsultation', {
      reviewId: r.id,
      policyName: 'Rent arrears',
      commentOpens: '2026-10-10',
      commentCloses: '2026-10-24',
      boardDate: '2026-12-10',
    });
    // A consultation that names no policy on the register stands in for its policy.
    expect(await app.call('reviews.policiesDue', {})).toEqual([
      {
        policyId: null,
        policyName: 'Rent arrears',
        boardDate: '2026-12-10',
        consultation: {
          reviewId: r.id,
          reference: 'PC-2026-001',
          stageLabel: 'Day 1: context and training',
        },
      },
    ]);
  });
});

describe('templates kept as data', () => {
  it('are edited by the team leader; reviews under way keep the stages they started with', async () => {
    const before = await csiProject(app, org.adminId);
    const settings = await app.call('reviews.settings', { year: 2026 });
    const csi = settings.templates.csi_project;
    await app.signInAs('coordinator', 'Cam Coordinator');
    const refused = await refusal(
      app.call('reviews.saveTemplate', { kind: 'csi_project', template: csi }),
    );
    expect(refused.code).toBe('forbidden');
    await app.signInAs('administrator', 'Test administrator');
    await app.signInAs('team_leader', 'Tia Leader');
    const bad = await refusal(
      app.call('reviews.saveTemplate', {
        kind: 'csi_project',
        template: { ...csi, expected: { ...csi.expected, warnFromWeek: 9 } },
      }),
    );
    expect(bad.fields[0]!.path).toBe('template.expected.warnFromWeek');
    await app.call('reviews.saveTemplate', {
      kind: 'csi_project',
      template: {
        ...csi,
        stages: [{ code: 'brief', label: 'Brief agreed' }, ...csi.stages],
        expected: { ...csi.expected, workingWeeks: true },
      },
    });
    const after = await csiProject(app, org.adminId);
    expect(after.stages.map((s) => s.code)).toEqual([
      'brief',
      'scoping',
      'evidence',
      'findings',
      'report',
      'complete',
    ]);
    const unchanged = await app.call('reviews.get', { id: before.id });
    expect(unchanged.stages.map((s) => s.code)).toEqual([
      'scoping',
      'evidence',
      'findings',
      'report',
      'complete',
    ]);
    // Working weeks now: 5 October to 23 November is 35 working days, so week 8.
    expect(unchanged.weeks.message).toBe(
      'In working week 8 of 8: plan the finish (expected 5–8 working weeks).',
    );
  });
});
