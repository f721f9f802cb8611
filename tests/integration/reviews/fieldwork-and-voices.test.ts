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

function commissionOf(
  kind: 'neighbourhood_audit' | 'mystery_shop',
  startedOn: string,
  title: string,
) {
  return csiCommission(org.adminId, {
    kind,
    title,
    commissionedOn: startedOn,
    startedOn,
    deadline: '2026-12-31',
  });
}

describe('neighbourhood audits', () => {
  it('score items per area, total each area and compare with the previous visit', async () => {
    const spring = await app.call(
      'reviews.commission',
      commissionOf('neighbourhood_audit', '2026-04-06', 'Spring audit'),
    );
    for (const [item, score] of [
      ['Litter and fly-tipping', 2],
      ['Lighting working', 2],
    ] as const)
      await app.call('reviews.saveAuditItem', {
        reviewId: spring.id,
        area: 'Grove Hill',
        item,
        score,
        maxScore: 5,
      });
    const autumn = await app.call(
      'reviews.commission',
      commissionOf('neighbourhood_audit', '2026-10-05', 'Autumn audit'),
    );
    const photo = Buffer.from('a photo of the bin store').toString('base64');
    await app.call('reviews.saveAuditItem', {
      reviewId: autumn.id,
      area: 'Grove Hill',
      item: 'Litter and fly-tipping',
      score: 4,
      maxScore: 5,
    });
    await app.call('reviews.saveAuditItem', {
      reviewId: autumn.id,
      area: 'Grove Hill',
      item: 'Lighting working',
      score: 2,
      maxScore: 5,
    });
    await app.call('reviews.saveAuditItem', {
      reviewId: autumn.id,
      area: 'Brambles Farm',
      item: 'Bin stores',
      score: 3,
      maxScore: 3,
      comment: 'Clean and locked',
      photo: { fileName: 'bins.jpg', mimeType: 'image/jpeg', contentBase64: photo },
    });
    // Scoring the same item again replaces its score.
    const sheet = await app.call('reviews.saveAuditItem', {
      reviewId: autumn.id,
      area: 'Grove Hill',
      item: 'Lighting working',
      score: 3,
      maxScore: 5,
    });
    expect(sheet.totals).toEqual([
      { area: 'Brambles Farm', score: 3, max: 3, percent: 100, unscored: 0 },
      { area: 'Grove Hill', score: 7, max: 10, percent: 70, unscored: 0 },
    ]);
    expect(sheet.previous).toMatchObject({ reference: 'NA-2026-001' });
    expect(sheet.comparison).toEqual([
      { area: 'Brambles Farm', percent: 100, previousPercent: null, change: null },
      { area: 'Grove Hill', percent: 70, previousPercent: 40, change: 30 },
    ]);
    expect(sheet.items.find((i) => i.area === 'Brambles Farm')).toMatchObject({
      photoName: 'bins.jpg',
      comment: 'Clean and locked',
    });
    expect(sheet.checklist).toContain('Bin stores');
    const bad = await refusal(
      app.call('reviews.saveAuditItem', {
        reviewId: autumn.id,
        area: 'Grove Hill',
        item: 'Litter and fly-tipping',
        score: 6,
        maxScore: 5,
      }),
    );
    expect(bad.fields).toEqual([
      { path: 'score', message: 'The score must be a whole number from 0 to 5.' },
    ]);
  });
});

describe('mystery shops', () => {
  it('judge each contact against the standard, with the pass rate by channel', async () => {
    const shop = await app.call(
      'reviews.commission',
      commissionOf('mystery_shop', '2026-11-02', 'Repairs line'),
    );
    const contact = (channel: 'phone' | 'email', metStandard: boolean | null) =>
      app.call('reviews.addContact', {
        reviewId: shop.id,
        scenario: 'Report a dripping tap',
        channel,
        contactedOn: '2026-11-10',
        standard: 'Answered within 60 seconds',
        metStandard,
      });
    await contact('phone', true);
    await contact('phone', false);
    await contact('phone', true);
    await contact('email', false);
    const r = await contact('email', null);
    expect(r.overall).toEqual({ judged: 4, passed: 2, percent: 50 });
    expect(r.byChannel).toEqual([
      { channel: 'email', judged: 1, passed: 0, percent: 0 },
      { channel: 'phone', judged: 3, passed: 2, percent: 66 },
    ]);
    const early = await refusal(
      app.call('reviews.addContact', {
        reviewId: shop.id,
        scenario: 'x',
        channel: 'phone',
        contactedOn: '2026-10-01',
        metStandard: true,
      }),
    );
    expect(early.fields[0]!.path).toBe('contactedOn');
  });
});

describe('customer comments', () => {
  it('are captured with themes and summarised with chosen quotes', async () => {
    const r = await csiProject(app, org.adminId);
    await app.call('reviews.addComment', {
      reviewId: r.id,
      channel: 'phone',
      receivedOn: '2026-11-02',
      text: 'Nobody told me when the joiner was coming',
      themes: ['Communication'],
    });
    let s = await app.call('reviews.addComment', {
      reviewId: r.id,
      channel: 'social_media',
      receivedOn: '2026-11-03',
      text: 'Waited six weeks for keys',
      themes: ['Speed', 'Communication'],
    });
    s = await app.call('reviews.updateComment', {
      id: s.comments[1]!.id,
      themes: ['Speed', 'Communication'],
      quote: true,
    });
    expect(s.byTheme).toEqual([
      { theme: 'Communication', count: 2 },
      { theme: 'Speed', count: 1 },
    ]);
    expect(s.quotes.map((q) => q.text)).toEqual(['Waited six weeks for keys']);
  });

  it('import from a survey CSV with a mapping and preview, refusing a file with a bad row', async () => {
    const r = await csiProject(app, org.adminId);
    const csv = [
      'Response ID,Submitted,What could we do better?,Anything else?,Topic',
      '1,02/11/2026,Tell me when the surveyor is coming,,Communication',
      '2,31/02/2026,The keys took weeks,Staff were kind,Speed; Staff',
      '3,04/11/2026,,,',
      '4,05/11/2026,Clean the flat before I move in,,Cleanliness',
    ].join('\n');
    const input = {
      reviewId: r.id,
      fileName: 'survey.csv',
      contentBase64: Buffer.from(csv).toString('base64'),
    };
    const preview = await app.call('reviews.previewSurvey', input);
    expect(preview.mapping).toEqual([null, 'date', 'comment', 'comment', 'themes']);
    expect(preview.counts).toEqual({ rows: 4, comments: 2, invalid: 1, empty: 1 });
    expect(preview.errors).toEqual([
      {
        row: 3,
        column: null,
        message: "Row 3, column 'Submitted': is not a real date (dates are read as dd/mm/yyyy).",
      },
    ]);
    const refused = await refusal(app.call('reviews.importSurvey', input));
    expect(refused.message).toBe(
      'There is 1 problem in survey.csv, so nothing was imported. Correct the file and import it again.',
    );
    expect((await app.call('reviews.comments', { reviewId: r.id })).comments).toHaveLength(0);

    const fixed = {
      ...input,
      contentBase64: Buffer.from(csv.replace('31/02/2026', '03/11/2026')).toString('base64'),
    };
    const s = await app.call('reviews.importSurvey', fixed);
    expect(s.comments.map((c) => [c.receivedOn, c.channel, c.text])).toEqual([
      ['2026-11-02', 'survey', 'What could we do better?: Tell me when the surveyor is coming'],
      [
        '2026-11-03',
        'survey',
        'What could we do better?: The keys took weeks\n\nAnything else?: Staff were kind',
      ],
      ['2026-11-05', 'survey', 'What could we do better?: Clean the flat before I move in'],
    ]);
    expect(s.byTheme.find((t) => t.theme === 'Speed')).toEqual({ theme: 'Speed', count: 1 });
  });
});

describe('you said, we did', () => {
  it('records a change linked to its source, and can be tagged as assurance', async () => {
    const r = await csiProject(app, org.adminId);
    const list = await app.call('youSaidWeDid.add', {
      sourceType: 'review',
      sourceId: r.id,
      youSaid: 'Empty homes take too long to re-let',
      weDid: 'Set a 20-day target for voids and publish the times monthly',
      effectiveOn: '2026-11-16',
      howTold: 'Customer newsletter, December 2026',
    });
    expect(list).toMatchObject([{ sourceLabel: 'CSI-2026-001', effectiveOn: '2026-11-16' }]);
    await app.call('assurance.setTags', {
      entityType: 'you_said_we_did',
      entityId: list[0]!.id,
      codes: ['TIA-3'],
    });
    const m = await app.call('assurance.matrix', { from: '2026-04-01', to: '2027-03-31' });
    expect(m.rows.find((x) => x.code === 'TIA-3')).toMatchObject({
      count: 1,
      latest: '2026-11-16',
    });
    const future = await refusal(
      app.call('youSaidWeDid.add', {
        ...{
          sourceType: 'review' as const,
          sourceId: r.id,
          youSaid: 'a',
          weDid: 'b',
          howTold: 'c',
        },
        effectiveOn: '2026-12-01',
      }),
    );
    expect(future.fields[0]!.path).toBe('effectiveOn');
  });
});

describe('the commissioning plan', () => {
  it('lists each manager’s needs, the reviews they commissioned and flags fewer than 2 check-ins', async () => {
    await app.call('commissioningPlan.add', {
      year: 2026,
      managerName: 'Pat Manager',
      service: 'Voids and lettings',
      plannedNeeds: 'A CSI project on void times; consultation on the lettings policy',
    });
    let plan = await app.call('commissioningPlan.add', {
      year: 2026,
      managerName: 'Lee Lead',
      service: 'Repairs',
      plannedNeeds: 'Mystery shop of the repairs line',
    });
    await csiProject(app, org.adminId);
    const pat = plan.entries.find((e) => e.managerName === 'Pat Manager')!;
    await app.call('commissioningPlan.addCheckin', { planId: pat.id, metOn: '2026-03-10' });
    plan = await app.call('commissioningPlan.addCheckin', {
      planId: pat.id,
      metOn: '2026-09-15',
      notes: 'Agreed the CSI brief',
    });
    expect(
      plan.entries.map((e) => [
        e.managerName,
        e.checkins.length,
        e.fewerThanRequired,
        e.reviews.map((v) => v.reference),
      ]),
    ).toEqual([
      ['Lee Lead', 0, true, []],
      ['Pat Manager', 2, false, ['CSI-2026-001']],
    ]);
    const wrongYear = await refusal(
      app.call('commissioningPlan.addCheckin', { planId: pat.id, metOn: '2025-12-01' }),
    );
    expect(wrongYear.fields).toEqual([{ path: 'metOn', message: 'Use a date in 2026.' }]);
  });
});
