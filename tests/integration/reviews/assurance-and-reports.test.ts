import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../support/temp-db';
import { csiCommission, csiProject, setUp, refusal } from './helpers';

let app: TestApp;
let org: Awaited<ReturnType<typeof setUp>>;

beforeEach(async () => {
  app = await openTestApp({ clock: '2026-11-23T10:00:00.000Z' });
  org = await setUp(app);
});
afterEach(() => app.close());

async function recommend(reviewId: string, text: string, extra: Record<string, unknown> = {}) {
  return app.call('recommendations.add', {
    sourceType: 'scrutiny_review',
    sourceId: reviewId,
    text,
    serviceArea: 'repairs',
    owner: 'Head of Voids',
    dueDate: '2026-12-01',
    ...extra,
  });
}

async function complete(reviewId: string, stages: [string, string][]) {
  for (const [next, onDate] of stages)
    await app.call('reviews.moveStage', { reviewId, next, onDate });
}

describe('recommendations from a review', () => {
  it('go into the tracker under the review, with management responses from coordinators up only', async () => {
    const r = await csiProject(app, org.adminId);
    const rec = await recommend(r.id, 'Set a 20-day target for every void', {
      managementResponse: 'accepted',
    });
    expect(rec).toMatchObject({
      reference: 'CSI-2026-001/R1',
      sourceLabel: 'CSI-2026-001',
      sourceType: 'scrutiny_review',
    });
    await app.signInAs('officer', 'Olu Officer');
    const refused = await refusal(
      app.call('recommendations.update', {
        id: rec.id,
        expectedUpdatedAt: rec.updatedAt,
        text: rec.text,
        serviceArea: 'repairs',
        managementResponse: 'rejected',
        responseReason: 'No budget',
        status: 'open',
      }),
    );
    expect(refused.code).toBe('forbidden');
    // Officers still see review recommendations in the tracker.
    const page = await app.call('recommendations.list', { sourceId: r.id });
    expect(page.rows.map((x) => x.reference)).toEqual(['CSI-2026-001/R1']);
  });

  it('show in the exception report when overdue, rejected or partly accepted, and Scrutiny Panel ones until verified', async () => {
    const csi = await csiProject(app, org.adminId);
    const sp = await app.call(
      'reviews.commission',
      csiCommission(org.adminId, {
        kind: 'scrutiny_panel_review',
        title: 'Repairs review',
        commissionedBy: 'board',
        commissionerName: null,
        commissionerService: null,
      }),
    );
    const onTime = await recommend(csi.id, 'Publish void times monthly', {
      managementResponse: 'accepted',
    });
    await recommend(csi.id, 'Hire two more void surveyors', {
      managementResponse: 'rejected',
      responseReason: 'Recruitment freeze',
    });
    await recommend(csi.id, 'Text tenants before each void visit', {
      managementResponse: 'partly_accepted',
      responseReason: 'Email only for now',
      dueDate: '2026-11-10',
    });
    await recommend(sp.id, 'Review the repairs contract', {
      managementResponse: 'accepted',
      dueDate: '2027-03-01',
    });

    let report = await app.call('reviews.exceptionReport', {});
    expect(report.rows.map((r) => [r.reference, r.reasons, r.daysOverdue])).toEqual([
      ['CSI-2026-001/R3', ['overdue', 'partly_accepted'], 13],
      ['CSI-2026-001/R2', ['rejected'], 0],
      ['SPR-2026-001/R1', ['not_verified'], 0],
    ]);
    expect(report.rows[0]).toMatchObject({
      owner: 'Head of Voids',
      dueDate: '2026-11-10',
      reviewReference: 'CSI-2026-001',
    });

    // The clock passes the on-time recommendation's due date.
    app.clock.set('2026-12-05T10:00:00.000Z');
    report = await app.call('reviews.exceptionReport', {});
    expect(report.rows.find((r) => r.recommendationId === onTime.id)).toMatchObject({
      reasons: ['overdue'],
      daysOverdue: 4,
    });
    expect(report.counts).toEqual({ overdue: 2, rejected: 1, partly_accepted: 1, not_verified: 1 });
    const xlsx = await app.call('reviews.exceptionReportXlsx', {});
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(xlsx.contentBase64, 'base64') as never);
    const sheet = book.getWorksheet('Exception report')!;
    expect(sheet.rowCount).toBe(5);
    expect(sheet.getRow(1).getCell(8).value).toBe('Days overdue');
    expect(sheet.getRow(2).getCell(1).value).toBe('CSI-2026-001/R3');
    expect(sheet.getRow(2).getCell(8).value).toBe(25);
  });
});

describe('assurance tags and the matrix', () => {
  it('counts tagged evidence per requirement in a period, with latest date and links, and lists those with none', async () => {
    const r = await csiProject(app, org.adminId);
    const withEvidence = await app.call('reviews.addEvidence', {
      reviewId: r.id,
      kind: 'site_visit',
      title: 'Visit to three empty homes',
      onDate: '2026-10-21',
    });
    const visit = withEvidence.evidence[0]!;
    const period = { from: '2026-04-01', to: '2027-03-31' };
    let m = await app.call('assurance.matrix', period);
    expect(m.coverage).toEqual({ covered: 0, total: 41, percent: 0 });
    expect(m.uncovered).toHaveLength(41);

    await app.call('assurance.setTags', {
      entityType: 'review_evidence',
      entityId: visit.id,
      codes: ['SQ-4', 'TP02'],
    });
    await app.call('assurance.setTags', {
      entityType: 'review',
      entityId: r.id,
      codes: ['SQ-4', 'TIA-3'],
    });
    m = await app.call('assurance.matrix', period);
    const sq4 = m.rows.find((x) => x.code === 'SQ-4')!;
    expect(sq4).toMatchObject({ count: 2, latest: '2026-10-21' });
    expect(sq4.links.map((l) => [l.entityType, l.label])).toEqual([
      ['review_evidence', 'CSI-2026-001: Visit to three empty homes'],
      ['review', 'CSI-2026-001 How quickly are void repairs finished?'],
    ]);
    expect(m.coverage).toEqual({ covered: 3, total: 41, percent: 7 });
    expect(m.uncovered.map((u) => u.code)).not.toContain('TP02');
    // Outside the period, nothing.
    expect(
      (await app.call('assurance.matrix', { from: '2025-04-01', to: '2026-03-31' })).coverage
        .covered,
    ).toBe(0);

    // Untagging one changes the matrix.
    await app.call('assurance.setTags', { entityType: 'review', entityId: r.id, codes: ['TIA-3'] });
    m = await app.call('assurance.matrix', period);
    expect(m.rows.find((x) => x.code === 'SQ-4')!.count).toBe(1);

    // A recommendation from the review can be tagged too, and is counted from the day it was made.
    const rec = await recommend(r.id, 'Publish void times monthly');
    await app.call('assurance.setTags', {
      entityType: 'recommendation',
      entityId: rec.id,
      codes: ['TIA-5'],
    });
    expect(
      await app.call('assurance.tagsFor', { entityType: 'recommendation', entityIds: [rec.id] }),
    ).toEqual({
      [rec.id]: ['TIA-5'],
    });
    m = await app.call('assurance.matrix', period);
    expect(m.rows.find((x) => x.code === 'TIA-5')).toMatchObject({
      count: 1,
      latest: '2026-11-23',
    });

    const unknown = await refusal(
      app.call('assurance.setTags', { entityType: 'review', entityId: r.id, codes: ['ZZ-9'] }),
    );
    expect(unknown.fields[0]!.path).toBe('codes');
  });

  it('counts an activity on the day it was held', async () => {
    const activity = await app.call('activities.save', {
      kind: 'meeting',
      title: 'Customer Council: the annual report',
      status: 'held',
      groupId: org.groups['Customer Council']!,
      startsAt: '2026-10-14T17:00:00.000Z',
      endsAt: '2026-10-14T19:00:00.000Z',
    });
    await app.call('assurance.setTags', {
      entityType: 'activity',
      entityId: activity.id,
      codes: ['TIA-5'],
    });
    const m = await app.call('assurance.matrix', { from: '2026-04-01', to: '2027-03-31' });
    expect(m.rows.find((x) => x.code === 'TIA-5')).toMatchObject({
      count: 1,
      latest: '2026-10-14',
      links: [
        { entityType: 'activity', label: 'Customer Council: the annual report', reviewId: null },
      ],
    });
  });

  it('keeps evidence tagged against an older version when a new version is loaded', async () => {
    const r = await csiProject(app, org.adminId);
    await app.call('assurance.setTags', {
      entityType: 'review',
      entityId: r.id,
      codes: ['TEN-4', 'TIA-3'],
    });
    const bundled = (await import('../../../resources/consumer-standards.json')).default;
    const next = {
      ...bundled,
      version: '2026-rev',
      effectiveFrom: '2026-10-01',
      requirements: bundled.requirements.filter((q) => q.code !== 'TEN-4'),
    };
    await app.signInAs('team_leader', 'Tia Leader');
    const versions = await app.call('assurance.addFramework', { content: JSON.stringify(next) });
    expect(versions.map((v) => v.version)).toEqual(['2024', '2026-rev']);
    const clash = await refusal(
      app.call('assurance.addFramework', {
        content: JSON.stringify({ ...next, requirements: next.requirements.slice(1) }),
      }),
    );
    expect(clash.message).toMatch(/already loaded/);
    const m = await app.call('assurance.matrix', { from: '2026-04-01', to: '2027-03-31' });
    expect(m.framework.version).toBe('2026-rev');
    expect(m.coverage.total).toBe(40);
    expect(m.rows.find((x) => x.code === 'TIA-3')!.count).toBe(1);
    expect(m.retired).toEqual([
      { code: 'TEN-4', version: '2024', title: 'Mutual exchange', count: 1 },
    ]);
    // The older period still reads against the version then in force.
    expect(
      (await app.call('assurance.matrix', { from: '2025-04-01', to: '2026-03-31' })).framework
        .version,
    ).toBe('2024');
  });
});

describe('the final report', () => {
  it('is a PDF from the review’s editable wording, with findings, recommendations and responses', async () => {
    const r = await csiProject(app, org.adminId);
    await app.call('reviews.addFinding', {
      reviewId: r.id,
      heading: 'Voids take 31 days',
      text: 'Against a promise of 20.',
    });
    await recommend(r.id, 'Set a 20-day target for every void', { managementResponse: 'accepted' });
    await app.call('reviews.addEvidence', {
      reviewId: r.id,
      kind: 'data_request',
      title: 'Void times by landlord',
      onDate: '2026-10-06',
      askedOn: '2026-10-06',
      dueOn: '2026-10-13',
      answeredOn: '2026-10-16',
    });
    await app.call('reviews.saveReportTemplate', {
      reviewId: r.id,
      intro: 'Our investigators looked at {{service}} for {{commissionedBy}}.',
      closing: 'With thanks to the voids team.',
    });
    await app.call('assurance.setTags', { entityType: 'review', entityId: r.id, codes: ['SQ-4'] });
    const said = await app.call('reviews.addComment', {
      reviewId: r.id,
      channel: 'phone',
      receivedOn: '2026-11-02',
      text: 'Nobody told me when the joiner was coming',
      themes: ['Communication'],
    });
    await app.call('reviews.updateComment', {
      id: said.comments[0]!.id,
      themes: ['Communication'],
      quote: true,
    });
    const f = await app.call('reviews.report', { reviewId: r.id });
    expect(f.fileName).toBe('CSI-2026-001 final report.pdf');
    const path = join(app.dir, 'report.pdf');
    writeFileSync(path, Buffer.from(f.contentBase64, 'base64'));
    const text = execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain(
      'Our investigators looked at Repairs and maintenance for Pat Manager (Voids and lettings).',
    );
    expect(text).toContain('1. Voids take 31 days');
    expect(text).toContain('Set a 20-day target for every void');
    expect(text).toContain('Accepted');
    expect(text).toContain('answered 16 October 2026, 3 working days late');
    expect(text).toContain('Repairs, maintenance and planned improvements');
    expect(text).toContain('With thanks to the voids team.');
    expect(text).toContain('What customers told us 1 comment was received: Communication 1.');
    expect(text).toContain('“Nobody told me when the joiner was coming”');
  });
});

describe('long reports', () => {
  it('split the recommendations table over pages of their own', async () => {
    const r = await csiProject(app, org.adminId);
    for (let i = 1; i <= 25; i++) await recommend(r.id, `Recommendation number ${i}`);
    const f = await app.call('reviews.report', { reviewId: r.id });
    const path = join(app.dir, 'long.pdf');
    writeFileSync(path, Buffer.from(f.contentBase64, 'base64'));
    const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
    // A first page, three pages of at most 12 recommendations, no evidence pages.
    expect(/Pages:\s+(\d+)/.exec(info)![1]).toBe('4');
    const page4 = execFileSync('pdftotext', ['-f', '4', '-l', '4', path, '-'], {
      encoding: 'utf8',
    });
    expect(page4).toContain('Recommendations and management responses (continued)');
    expect(page4).toContain('Recommendation number 25');
  });
});

describe('board pack figures', () => {
  it('match hand-computed values', async () => {
    const stagesCsi: [string, string][] = [
      ['evidence', '2026-10-12'],
      ['findings', '2026-10-26'],
      ['report', '2026-11-02'],
      ['complete', '2026-11-16'],
    ];
    // Two CSI projects: one 7 weeks long (5 Oct to 16 Nov), one 9 (from 14 Sep).
    const a = await csiProject(app, org.adminId);
    await complete(a.id, stagesCsi);
    const b = await app.call(
      'reviews.commission',
      csiCommission(org.adminId, { commissionedOn: '2026-09-01', startedOn: '2026-09-14' }),
    );
    await complete(b.id, stagesCsi);
    // One policy consultation finished before its Board date, one still open.
    const pc = await app.call(
      'reviews.commission',
      csiCommission(org.adminId, {
        kind: 'policy_consultation',
        title: 'ASB policy',
        commissionedBy: 'board',
        commissionerName: null,
        commissionerService: null,
      }),
    );
    await app.call('reviews.saveConsultation', {
      reviewId: pc.id,
      policyName: 'ASB',
      boardDate: '2026-11-30',
    });
    await complete(pc.id, [
      ['comments', '2026-10-12'],
      ['day2', '2026-10-26'],
      ['day3', '2026-11-02'],
      ['feedback', '2026-11-09'],
      ['complete', '2026-11-16'],
    ]);
    await recommend(a.id, 'One', { managementResponse: 'accepted', dueDate: '2026-11-01' });
    const two = await recommend(a.id, 'Two', {
      managementResponse: 'partly_accepted',
      responseReason: 'Part',
      dueDate: '2027-01-01',
    });
    await recommend(a.id, 'Three', {
      managementResponse: 'rejected',
      responseReason: 'No',
      dueDate: '2026-11-01',
    });
    await app.call('recommendations.update', {
      id: two.id,
      expectedUpdatedAt: two.updatedAt,
      text: 'Two',
      serviceArea: 'repairs',
      managementResponse: 'partly_accepted',
      responseReason: 'Part',
      owner: 'Head of Voids',
      dueDate: '2027-01-01',
      status: 'verified',
      evidence: 'Audit note 4',
    });
    await app.call('assurance.setTags', {
      entityType: 'review',
      entityId: a.id,
      codes: ['SQ-4', 'TIA-3'],
    });
    await app.signInAs('team_leader', 'Tia Leader');
    await app.call('reviews.saveTargets', { year: 2026, targets: { csi_project: 10 } });

    const f = await app.call('reviews.figures', { year: 2026 });
    expect(f.completed.find((k) => k.kind === 'csi_project')).toMatchObject({
      completed: 2,
      target: 10,
    });
    expect(f.completed.find((k) => k.kind === 'scrutiny_panel_review')).toMatchObject({
      completed: 0,
      target: 3,
    });
    expect(f.completed.find((k) => k.kind === 'neighbourhood_audit')).toMatchObject({
      completed: 0,
      target: 4,
    });
    const csiDurations = f.durations
      .filter((d) => d.kind === 'csi_project')
      .map((d) => [d.weeks, d.withinExpected])
      .sort();
    expect(csiDurations).toEqual([
      [10, false],
      [7, true],
    ]);
    expect(f.recommendations).toEqual([
      {
        reviewId: a.id,
        reference: 'CSI-2026-001',
        made: 3,
        accepted: 2,
        implemented: 1,
        verified: 1,
        overdue: 1,
      },
    ]);
    expect(f.coverage).toEqual({ covered: 2, total: 41, percent: 4 });
    expect(f.consultations).toEqual({ completed: 1, beforeBoard: 1, afterBoardOrNoDate: 0 });
  });
});
