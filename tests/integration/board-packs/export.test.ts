import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Cell, PackFigures, PackTable } from '../../../src-shared/domain/board-packs';
import type { JobStatus } from '../../../src-shared/domain/jobs';
import { formatCell } from '../../../src-shared/rules/pack-format';
import { openTestApp, type TestApp } from '../../support/temp-db';
import { NOW, Q4, seedPackDataset } from './dataset';

let app: TestApp;
let packId: string;

beforeEach(async () => {
  app = await openTestApp({ clock: NOW });
  await seedPackDataset(app);
  await app.signInAs('team_leader');
  const pack = await app.call('boardPacks.create', { audience: 'board', period: Q4 });
  packId = pack.id;
  await app.call('boardPacks.saveCommentary', {
    id: packId,
    section: 'activity',
    text: 'The Council met as planned; the Ownership Panel did not meet.',
  });
});
afterEach(() => app.close());

async function finished(id: string): Promise<JobStatus> {
  for (let i = 0; i < 2000; i += 1) {
    const s = await app.call('jobs.get', { id });
    if (s.state !== 'running') return s;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('The job did not end.');
}

async function exportFiles(): Promise<{
  pdfText: string;
  workbook: ExcelJS.Workbook;
  status: JobStatus;
}> {
  const { jobId } = await app.call('boardPacks.startExport', {
    id: packId,
    formats: ['pdf', 'xlsx'],
  });
  const status = await finished(jobId);
  expect(status.state).toBe('done');
  const pdf = await app.call('jobs.file', { id: jobId, name: 'pdf' });
  const pdfPath = join(app.dir, pdf.fileName);
  writeFileSync(pdfPath, Buffer.from(pdf.contentBase64, 'base64'));
  const pdfText = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
  const xlsx = await app.call('jobs.file', { id: jobId, name: 'xlsx' });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(xlsx.contentBase64, 'base64') as never);
  return { pdfText, workbook, status };
}

/** The table's rows as the workbook holds them, found under the table's title. */
function sheetRows(ws: ExcelJS.Worksheet, table: PackTable): unknown[][] {
  let titleRow = 0;
  ws.eachRow((row, n) => {
    if (
      !titleRow &&
      row.getCell(1).value === table.title &&
      ws.getRow(n + 1).getCell(1).value === table.columns[0]!.header
    )
      titleRow = n;
  });
  expect(titleRow, `${table.title} on ${ws.name}`).toBeGreaterThan(0);
  const rows: unknown[][] = [];
  for (let n = titleRow + 2; n < titleRow + 2 + table.rows.length; n += 1)
    rows.push(table.columns.map((_, i) => ws.getRow(n).getCell(i + 1).value));
  return rows;
}

function asFigure(value: unknown, format: PackTable['columns'][number]['format']): Cell {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (format === 'pence' && typeof value === 'number') return Math.round(value * 100);
  return value as Cell;
}

describe('the pack’s PDF, workbook and figures agree', () => {
  it('shows every summary figure of the service in the PDF and in the workbook', async () => {
    const figures: PackFigures = await app.call('boardPacks.figures', { id: packId });
    const { pdfText, workbook, status } = await exportFiles();
    expect(status.files.map((f) => f.fileName).sort()).toEqual([
      'board-pack-board-2025-26-Q4.pdf',
      'board-pack-board-2025-26-Q4.xlsx',
    ]);

    const pdfLines = pdfText.split('\n').map((l) => l.trim().replace(/\s+/g, ' '));
    for (const section of figures.sections) {
      expect(pdfText).toContain(section.title);
      const ws = workbook.worksheets.find((w) => w.getCell(1, 1).value === section.title)!;
      expect(ws, section.title).toBeDefined();
      for (const table of section.tables) {
        const sheet = table.detail
          ? workbook.worksheets.find((w) => w.getCell(1, 1).value === table.title)!
          : ws;
        const inWorkbook = sheetRows(sheet, table).map((r, ri) =>
          r.map(
            (v, i) =>
              asFigure(v, table.columns[i]!.format) ?? (table.rows[ri]![i] === null ? null : v),
          ),
        );
        expect(inWorkbook, `${table.title} in the workbook`).toEqual(
          table.rows.map((r) => table.columns.map((_, i) => r[i] ?? null)),
        );
        if (table.detail) continue;
        // Each row of short cells reads on one line of the PDF, in order.
        for (const row of table.rows) {
          const cells = table.columns.map((c, i) =>
            formatCell(row[i] ?? null, c.format)
              .trim()
              .replace(/\s+/g, ' '),
          );
          if (cells.some((c) => c.length > 28)) continue;
          expect(
            pdfLines.some((l) => l.includes(cells.join(' '))),
            `"${cells.join(' ')}" (${table.title}) in the PDF`,
          ).toBe(true);
        }
      }
    }
    expect(pdfText).toContain('The Council met as planned; the Ownership Panel did not meet.');
    expect(pdfText).toContain('fewer than 5');
    expect(pdfText).toMatch(/Page 1 of \d+/);
  });

  it('builds a workbook the way Excel expects: a cover listing the sheets, tables with filters, formats and totals as formulas', async () => {
    const { workbook } = await exportFiles();
    const cover = workbook.worksheets[0]!;
    expect(cover.name).toBe('Cover');
    const coverText = cover.getSheetValues().flat().map(String).join('\n');
    expect(coverText).toContain('Quarter 4 2025-26 (January 2026 to March 2026)');
    for (const ws of workbook.worksheets.slice(1)) expect(coverText).toContain(ws.name);
    const activity = workbook.worksheets.find(
      (w) => w.getCell(1, 1).value === 'Meetings against cadence',
    )!;
    expect(activity.views[0]).toMatchObject({ state: 'frozen' });
    const tables = Object.values(
      (activity as unknown as { tables: Record<string, unknown> }).tables,
    );
    expect(tables.length).toBeGreaterThanOrEqual(2);
    // The Held column's total is a formula over the table, with its result.
    let total: ExcelJS.CellFormulaValue | null = null;
    activity.eachRow((row) => {
      row.eachCell((cell) => {
        const v = cell.value as ExcelJS.CellFormulaValue | null;
        if (v && typeof v === 'object' && 'formula' in v && v.formula.includes('[Held]')) total = v;
      });
    });
    expect(total).toMatchObject({
      formula: expect.stringMatching(/^SUBTOTAL\(109,T_cadence\[Held\]\)$/),
      result: 2,
    });
    const involved = workbook.worksheets.find(
      (w) => w.getCell(1, 1).value === 'Involved customers (the rows behind the counts)',
    )!;
    expect(involved.getCell(3, 4).value).toBeInstanceOf(Date);
    expect(involved.getCell(3, 4).numFmt).toBe('dd/mm/yyyy');
  });

  it('sets the PDF’s title, author and language, on A4 with the fonts embedded', async () => {
    const { jobId } = await app.call('boardPacks.startExport', { id: packId, formats: ['pdf'] });
    await finished(jobId);
    const pdf = await app.call('jobs.file', { id: jobId, name: 'pdf' });
    const path = join(app.dir, 'pack.pdf');
    writeFileSync(path, Buffer.from(pdf.contentBase64, 'base64'));
    const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
    expect(info).toMatch(/Title:\s+Customer involvement report to the Board: Quarter 4 2025-26/);
    expect(info).toMatch(/Author:\s+Test team_leader, Thirteen Group/);
    expect(info).toMatch(/Page size:\s+595.28 x 841.89 pts \(A4\)/);
    const fonts = execFileSync('pdffonts', [path], { encoding: 'utf8' });
    expect(fonts).toMatch(/DejaVuSans\s.*yes yes yes/);
    expect(Buffer.from(pdf.contentBase64, 'base64').toString('latin1')).toMatch(/\/Lang \(en-GB\)/);
  });

  it('cancelled mid-way, keeps no file at all', async () => {
    const { jobId } = await app.call('boardPacks.startExport', {
      id: packId,
      formats: ['pdf', 'xlsx'],
    });
    for (let i = 0; i < 2000; i += 1) {
      const s = await app.call('jobs.get', { id: jobId });
      if (s.step === 'Laying out the PDF' || s.state !== 'running') break;
      await new Promise((r) => setTimeout(r, 10));
    }
    await app.call('jobs.cancel', { id: jobId });
    const ended = await finished(jobId);
    expect(ended.state).toBe('cancelled');
    const dir = join(app.dir, 'jobs', jobId);
    expect(existsSync(dir) ? readdirSync(dir) : []).toEqual([]);
  });
});

describe('finalising a pack', () => {
  it('freezes figures and commentary, refuses edits, and shows what moved since', async () => {
    const final = await app.call('boardPacks.finalise', { id: packId });
    expect(final.finalisedAt).toBe(NOW);
    await expect(
      app.call('boardPacks.saveCommentary', { id: packId, section: 'activity', text: 'Changed' }),
    ).rejects.toThrow(/finalised/);
    // Data changes after the pack went to the Board: a third Council meeting.
    await app.signInAs('administrator', 'Test administrator');
    const council = (await app.call('groups.list', {})).find((g) => g.name === 'Customer Council')!;
    await app.call('activities.save', {
      kind: 'meeting',
      title: 'Extra meeting',
      status: 'held',
      groupId: council.id,
      courseId: null,
      startsAt: '2026-03-11T18:00:00.000Z',
      endsAt: '2026-03-11T20:00:00.000Z',
    });
    await app.signInAs('team_leader');
    const reported = await app.call('boardPacks.figures', { id: packId });
    const cadence = reported.sections.find((s) => s.key === 'activity')!.tables[0]!;
    expect(cadence.rows.find((r) => r[0] === 'Customer Council')![3]).toBe(2);
    expect(reported.sections.find((s) => s.key === 'activity')!.commentary).toMatch(
      /met as planned/,
    );
    const { changes } = await app.call('boardPacks.changes', { id: packId });
    expect(changes).toContainEqual({
      section: 'Meetings against cadence',
      table: 'Meetings held against cadence',
      row: 'Customer Council',
      column: 'Held',
      then: 2,
      now: 3,
      change: 1,
    });
  });
});
