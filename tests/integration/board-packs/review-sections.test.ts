import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JobStatus } from '../../../src-shared/domain/jobs';
import type { PackFigures, PackTable } from '../../../src-shared/domain/board-packs';
import { workOutFigures } from '../../../src-main/services/board-packs/figures';
import { openTestApp, type TestApp } from '../../support/temp-db';
import { csiCommission, csiProject, setUp } from '../reviews/helpers';

/*
 * Scrutiny, "you said, we did" and the assurance matrix, for 1 September to
 * 30 November 2026 (91 days), with the clock at 23 November 2026. The
 * figures below are worked out by hand from the data set up here.
 */
const PERIOD = '2026-09-01..2026-11-30';
const SECTIONS = ['kpis', 'scrutiny', 'you-said-we-did', 'assurance'];

let app: TestApp;
let figures: PackFigures;

const csiStages: [string, string][] = [
  ['evidence', '2026-10-12'],
  ['findings', '2026-10-26'],
  ['report', '2026-11-02'],
  ['complete', '2026-11-16'],
];

async function seed() {
  const org = await setUp(app);
  const moveThrough = async (reviewId: string, stages: [string, string][]) => {
    for (const [next, onDate] of stages)
      await app.call('reviews.moveStage', { reviewId, next, onDate });
  };
  const recommend = (reviewId: string, text: string, extra: Record<string, unknown>) =>
    app.call('recommendations.add', {
      sourceType: 'scrutiny_review',
      sourceId: reviewId,
      text,
      serviceArea: 'repairs',
      owner: 'Head of Voids',
      dueDate: '2026-12-01',
      ...extra,
    });
  // Two CSI projects completed on 16 November: 7 working weeks (within 5–8) and 10 (not).
  const a = await csiProject(app, org.adminId);
  await moveThrough(a.id, csiStages);
  const b = await app.call(
    'reviews.commission',
    csiCommission(org.adminId, { commissionedOn: '2026-09-01', startedOn: '2026-09-14' }),
  );
  await moveThrough(b.id, csiStages);
  // A third, still running: not completed, so not counted.
  await app.call('reviews.commission', csiCommission(org.adminId, { title: 'Still going' }));
  // Three recommendations from the first: one overdue (due 1 Nov, still open), one partly
  // accepted and verified, one rejected (rejected is never overdue).
  const one = await recommend(a.id, 'One', {
    managementResponse: 'accepted',
    dueDate: '2026-11-01',
  });
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
  // "You said, we did": two changes in the period, one before it (left out).
  await app.call('youSaidWeDid.add', {
    sourceType: 'review',
    sourceId: a.id,
    youSaid: 'Empty homes take too long to re-let',
    weDid: 'Set a 20-day target for voids and publish the times monthly',
    effectiveOn: '2026-11-16',
    howTold: 'Customer newsletter, December 2026',
  });
  await app.call('youSaidWeDid.add', {
    sourceType: 'recommendation',
    sourceId: one.id,
    youSaid: 'Nobody tells us when the repair is booked',
    weDid: 'Text messages confirm every booked repair',
    effectiveOn: '2026-09-30',
    howTold: 'Letter to every household',
  });
  const list = await app.call('youSaidWeDid.add', {
    sourceType: 'review',
    sourceId: b.id,
    youSaid: 'Too early to count',
    weDid: 'Before the period',
    effectiveOn: '2026-08-20',
    howTold: 'Website',
  });
  // Assurance: the first review on SQ-4 and TIA-3 (dated its completion, 16 November), the
  // 16 November change on TIA-3 too (dated when it took effect).
  await app.call('assurance.setTags', {
    entityType: 'review',
    entityId: a.id,
    codes: ['SQ-4', 'TIA-3'],
  });
  await app.call('assurance.setTags', {
    entityType: 'you_said_we_did',
    entityId: list.find((y) => y.effectiveOn === '2026-11-16')!.id,
    codes: ['TIA-3'],
  });
  // The change before the period, tagged, stays out of the period's matrix.
  await app.call('assurance.setTags', {
    entityType: 'you_said_we_did',
    entityId: list.find((y) => y.effectiveOn === '2026-08-20')!.id,
    codes: ['SQ-1'],
  });
}

async function work(): Promise<PackFigures> {
  return workOutFigures(await app.ctx(), {
    title: 'Scrutiny pack',
    audience: 'board',
    period: PERIOD,
    sections: SECTIONS,
    commentary: {},
  });
}

const section = (key: string) => figures.sections.find((s) => s.key === key)!;
const table = (key: string, id: string): PackTable => section(key).tables.find((t) => t.id === id)!;

beforeEach(async () => {
  app = await openTestApp({ clock: '2026-11-23T10:00:00.000Z' });
  await seed();
  await app.signInAs('team_leader', 'Tia Leader');
  figures = await work();
});
afterEach(() => app.close());

describe('scrutiny, “you said, we did” and the assurance matrix, worked out by hand', () => {
  it('counts the reviews completed against targets pro-rated to 91 days', () => {
    // 12 a year × 91 / 365.25 = 2.99 → 3; 3 a year → 0.75 → 1; 4 a year → 1.00 → 1.
    expect(table('scrutiny', 'reviews-by-kind').rows).toEqual([
      ['Scrutiny Panel service review', 0, 1, 3],
      ['Customer Service Investigators project', 2, 3, 12],
      ['Neighbourhood audit', 0, 1, 4],
      ['Reality check', 0, null, null],
      ['Mystery shop', 0, null, null],
      ['Policy consultation', 0, null, null],
    ]);
    // Both completed on the same day: compare them in order of length.
    const lengths = table('scrutiny', 'review-lengths').rows.map((r) => [r[2], r[4]]);
    expect(lengths.sort((x, y) => Number(x[0]) - Number(y[0]))).toEqual([
      [7, 'Yes'],
      [10, 'No'],
    ]);
    expect(table('scrutiny', 'review-recommendations').rows).toEqual([
      ['CSI-2026-001', 3, 2, 1, 1, 1],
    ]);
    expect(section('scrutiny').summary).toBe(
      '2 reviews completed in the period; reviews made 3 recommendations in it, of which 2 accepted (in full or in part), 1 implemented and 1 overdue.',
    );
  });

  it('puts the scrutiny targets on the KPI scorecard with their colours', () => {
    const scorecard = table('kpis', 'scorecard');
    const line = (start: string) => scorecard.rows.find((r) => String(r[0]).startsWith(start))!;
    // 2 of 3: at least three quarters (2.25)? No: 2 < 2.25, so red. 0 of 1: red.
    expect(line('Customer Service Investigators projects completed')).toEqual([
      'Customer Service Investigators projects completed (12 a year)',
      3,
      2,
      'Red',
      3,
      2.25,
    ]);
    expect(line('Scrutiny Panel service reviews completed').slice(1, 4)).toEqual([1, 0, 'Red']);
    expect(line('Neighbourhood audits completed').slice(1, 4)).toEqual([1, 0, 'Red']);
  });

  it('lists the changes that took effect in the period, oldest first', () => {
    expect(table('you-said-we-did', 'you-said-we-did').rows).toEqual([
      [
        '2026-09-30',
        'Nobody tells us when the repair is booked',
        'Text messages confirm every booked repair',
        'Letter to every household',
        'CSI-2026-001/R1',
      ],
      [
        '2026-11-16',
        'Empty homes take too long to re-let',
        'Set a 20-day target for voids and publish the times monthly',
        'Customer newsletter, December 2026',
        'CSI-2026-001',
      ],
    ]);
    expect(table('you-said-we-did', 'you-said-we-did-by-source').rows).toEqual([
      ['A review or consultation', 1],
      ['A recommendation', 1],
      ['A complaint panel case', 0],
    ]);
  });

  it('shows where customers gave assurance and where there is none', () => {
    const matrix = table('assurance', 'assurance-matrix');
    expect(matrix.rows).toHaveLength(41);
    const row = (code: string) => matrix.rows.find((r) => r[0] === code)!;
    expect(row('SQ-4').slice(2)).toEqual([1, '2026-11-16']);
    expect(row('TIA-3').slice(2)).toEqual([2, '2026-11-16']);
    // Tagged, but dated before the period.
    expect(row('SQ-1').slice(2)).toEqual([0, null]);
    expect(table('assurance', 'assurance-gaps').rows).toHaveLength(39);
    expect(table('assurance', 'assurance-by-standard').rows).toEqual([
      ['Safety and Quality', 1, 5, 0.2],
      ['Transparency, Influence and Accountability', 1, 6, 1 / 6],
      ['Neighbourhood and Community', 0, 4, 0],
      ['Tenancy', 0, 4, 0],
      ['Tenant Satisfaction Measures', 0, 22, 0],
    ]);
    expect(section('assurance').headlines.map((h) => h.value)).toEqual([2, 41, 0.04, 3]);
    expect(table('assurance', 'assurance-evidence').rows).toHaveLength(3);
  });
});

async function ended(id: string): Promise<JobStatus> {
  for (let i = 0; i < 3000; i += 1) {
    const s = await app.call('jobs.get', { id });
    if (s.state !== 'running') return s;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('The job did not end.');
}

describe('the three sections in the PDF and the workbook', () => {
  it('print the same figures in both files', async () => {
    const pack = await app.call('boardPacks.create', { audience: 'board', period: PERIOD });
    await app.call('boardPacks.update', { id: pack.id, sections: SECTIONS });
    const { jobId } = await app.call('boardPacks.startExport', { id: pack.id });
    const status = await ended(jobId);
    expect(status.state, status.failure?.message).toBe('done');

    const pdf = await app.call('jobs.file', { id: jobId, name: 'pdf' });
    const pdfPath = join(process.env.PACK_PDF_DIR ?? app.dir, 'review-sections.pdf');
    writeFileSync(pdfPath, Buffer.from(pdf.contentBase64, 'base64'));
    const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
    expect(text).toContain('Scrutiny reviews');
    expect(text).toMatch(/Customer Service Investigators project\s+2\s+3\s+12/);
    expect(text).toMatch(/CSI-2026-001\s+3\s+2\s+1\s+1\s+1/);
    // A row's cells in the order the page draws them, however each wraps in its column.
    const drawn = execFileSync('pdftotext', ['-raw', pdfPath, '-'], { encoding: 'utf8' }).replace(
      /\s+/g,
      ' ',
    );
    expect(drawn).toContain(
      '30/09/2026 Nobody tells us when the repair is booked Text messages confirm every booked repair',
    );
    expect(text).toContain('Regulatory assurance matrix');
    expect(text).toMatch(/TIA-3\s+Engagement with tenants\s+2\s+16\/11\/2026/);
    expect(text).toMatch(/Customers gave assurance on 2 of the 41 requirements/);

    const xlsx = await app.call('jobs.file', { id: jobId, name: 'xlsx' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(xlsx.contentBase64, 'base64') as never);
    const cellsOf = (sheet: string) => {
      const ws = wb.getWorksheet(sheet);
      expect(ws, sheet).toBeTruthy();
      const rows: unknown[][] = [];
      ws!.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
      return rows;
    };
    const scrutiny = cellsOf('Scrutiny reviews');
    expect(scrutiny).toContainEqual(['Customer Service Investigators project', 2, 3, 12]);
    expect(scrutiny).toContainEqual(['CSI-2026-001', 3, 2, 1, 1, 1]);
    const ys = cellsOf('“You said, we did”');
    expect(ys.some((r) => r.includes('Text messages confirm every booked repair'))).toBe(true);
    const assurance = cellsOf('Regulatory assurance matrix');
    expect(assurance.find((r) => r[0] === 'TIA-3')?.slice(2, 4)).toEqual([
      2,
      new Date('2026-11-16T00:00:00.000Z'),
    ]);
  });
});
