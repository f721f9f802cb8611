import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JobStatus } from '../../../src-shared/domain/jobs';
import { openTestApp, type TestApp } from '../../support/temp-db';

const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

const csv = [
  'Ref,First name,Last name,Email,Postcode,Landlord,Status',
  ...Array.from(
    { length: 40 },
    (_, i) =>
      `E${i},Person${i},Surname${i % 7},p${i}@example.org,TS1 2AB,Erimus Housing,${i % 4 ? 'Active' : 'Interested'}`,
  ),
].join('\n');

let app: TestApp;

beforeEach(async () => {
  app = await openTestApp();
  await app.call('organisation.applyTemplate', {});
  const file = { fileName: 'seed.csv', contentBase64: base64(csv) };
  const preview = await app.call('customerTransfer.previewImport', file);
  expect(preview.errors).toEqual([]);
  await app.call('customerTransfer.commitImport', { ...file, mapping: preview.mapping });
});
afterEach(() => app.close());

async function ended(id: string): Promise<JobStatus> {
  for (let i = 0; i < 2000; i += 1) {
    const s = await app.call('jobs.get', { id });
    if (s.state !== 'running') return s;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('The job did not end.');
}

describe('the register export as a job, written in a worker thread', () => {
  it('writes the filtered register, counts its rows and answers other calls meanwhile', async () => {
    const { jobId } = await app.call('customerTransfer.startExport', { status: ['interested'] });
    // The worker takes a moment to start; the backend answers before the file is ready.
    const first = await app.call('jobs.get', { id: jobId });
    expect(first.state).toBe('running');
    expect(await app.call('clock.now', {})).toBeTruthy();
    const status = await ended(jobId);
    expect(status.state).toBe('done');
    expect(status.result).toEqual({ rows: 10 });
    const file = await app.call('jobs.file', { id: jobId, name: 'workbook' });
    expect(file.fileName).toBe('customers-2026-11-23.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.contentBase64, 'base64') as never);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBe(11);
    const firstNames = Array.from({ length: 10 }, (_, i) => sheet.getRow(i + 2).getCell(2).value);
    expect(new Set(firstNames)).toEqual(
      new Set(Array.from({ length: 10 }, (_, i) => `Person${i * 4}`)),
    );
  });

  it('sees a customer saved a moment before it started', async () => {
    await app.call('customers.create', {
      firstName: 'Newest',
      lastName: 'Arrival',
      status: 'interested',
      confirmDuplicate: true,
    });
    const { jobId } = await app.call('customerTransfer.startExport', { status: ['interested'] });
    expect((await ended(jobId)).result).toEqual({ rows: 11 });
  });

  it('is refused before it starts for a role that may not export, and keeps no file when cancelled', async () => {
    const { jobId } = await app.call('customerTransfer.startExport', {});
    const cancelled = await app.call('jobs.cancel', { id: jobId });
    expect(['running', 'cancelled']).toContain(cancelled.state);
    const status = await ended(jobId);
    expect(status.state).toBe('cancelled');
    expect(status.files).toEqual([]);
    await expect(app.call('jobs.file', { id: jobId, name: 'workbook' })).rejects.toMatchObject({
      code: 'not_found',
    });

    await app.signInAs('officer');
    await expect(app.call('customerTransfer.startExport', {})).rejects.toMatchObject({
      code: 'forbidden',
    });
  });
});
