import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JobStatus } from '../../../src-shared/domain/jobs';
import { EXCEPTIONS_IN_PDF } from '../../../src-main/services/board-packs/sections/recommendations';
import { openTestApp, type TestApp } from '../../support/temp-db';
import { csiProject, setUp } from '../reviews/helpers';

/*
 * 57 overdue recommendations, due on 57 different days from 1 September
 * 2026, and 3 rejected ones, with the clock at 23 November 2026: the PDF
 * prints the 50 longest overdue and says the workbook has the other 10.
 */
let app: TestApp;
let packId: string;

const due = (i: number) => new Date(Date.UTC(2026, 8, 1 + i)).toISOString().slice(0, 10);

beforeEach(async () => {
  app = await openTestApp({ clock: '2026-11-23T10:00:00.000Z' });
  const org = await setUp(app);
  const review = await csiProject(app, org.adminId);
  for (let i = 0; i < 60; i += 1)
    await app.call('recommendations.add', {
      sourceType: 'scrutiny_review',
      sourceId: review.id,
      text: i < 57 ? `Overdue number ${i + 1}` : `Rejected number ${i - 56}`,
      serviceArea: 'repairs',
      owner: 'Head of Voids',
      dueDate: i < 57 ? due(i) : '2027-02-01',
      managementResponse: i < 57 ? 'accepted' : 'rejected',
      ...(i < 57 ? {} : { responseReason: 'Not affordable' }),
    });
  await app.signInAs('team_leader');
  const pack = await app.call('boardPacks.create', { audience: 'garc', period: '2026-27 H1' });
  await app.call('boardPacks.update', { id: pack.id, sections: ['recommendations'] });
  packId = pack.id;
});
afterEach(() => app.close());

async function ended(id: string): Promise<JobStatus> {
  for (let i = 0; i < 3000; i += 1) {
    const s = await app.call('jobs.get', { id });
    if (s.state !== 'running') return s;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('The job did not end.');
}

describe('a long exception report', () => {
  it('is cut short in the PDF and the preview, longest overdue first, and whole in the workbook', async () => {
    expect(EXCEPTIONS_IN_PDF).toBe(50);
    const preview = await app.call('boardPacks.figures', { id: packId });
    const report = preview.sections[0]!.tables.find((t) => t.id === 'exception-report')!;
    expect(report.rows).toHaveLength(50);
    expect(report.rowCount).toBe(60);
    expect(report.rows[0]![2]).toBe('Overdue number 1');
    expect(report.rows[49]![2]).toBe('Overdue number 50');

    const { jobId } = await app.call('boardPacks.startExport', { id: packId });
    expect((await ended(jobId)).state).toBe('done');
    const pdf = await app.call('jobs.file', { id: jobId, name: 'pdf' });
    const path = join(process.env.PACK_PDF_DIR ?? app.dir, 'exception-cap.pdf');
    writeFileSync(path, Buffer.from(pdf.contentBase64, 'base64'));
    const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
    expect(text).toContain('The first 50 of 60, and 10 more, in the workbook.');
    expect(text).toContain('Overdue number 1 ');
    expect(text).toContain('Overdue number 50 ');
    expect(text).not.toContain('Overdue number 51 ');
    expect(text).not.toContain('Rejected number 1');
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [path]).toString())![1]);
    expect(pages).toBeLessThanOrEqual(8);

    const xlsx = await app.call('jobs.file', { id: jobId, name: 'xlsx' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(xlsx.contentBase64, 'base64') as never);
    const texts: unknown[] = [];
    wb.worksheets[1]!.eachRow((row) => texts.push(row.getCell(3).value));
    const listed = texts.filter((t) => typeof t === 'string' && / number \d+$/.test(t));
    expect(listed).toHaveLength(60);
    expect(listed.slice(-3)).toEqual([
      'Rejected number 1',
      'Rejected number 2',
      'Rejected number 3',
    ]);
  });
});
