import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../src-shared/domain/privacy';
import type { SubjectAccessData } from '../../../src-main/services/privacy/subject-access';
import { openTestApp, type TestApp } from '../../support/temp-db';
import { finished, seedPerson, SURNAME } from './person';

let app: TestApp;
let person: Awaited<ReturnType<typeof seedPerson>>;
let adminId: string;
let coordinatorId: string;
let pdfText: string;
let json: SubjectAccessData;

beforeAll(async () => {
  app = await openTestApp({ clock: '2026-03-20T12:00:00.000Z' });
  adminId = (await app.call('session.state', {})).staff!.id;
  await app.call('organisation.applyTemplate', {});
  person = await seedPerson(app, {
    createdAt: '2026-01-06T10:00:00.000Z',
    meetingAt: '2026-02-10T18:00:00.000Z',
  });
  app.clock.set('2026-03-20T12:00:00.000Z');
  // A coordinator exports the register with its equality columns, then a plain one.
  coordinatorId = await app.signInAs('coordinator');
  await app.call('customerTransfer.exportXlsx', { includeEquality: true } as never);
  await app.call('recommendations.exportXlsx', {} as never);
  await app.signInAs('administrator', 'Test administrator');

  await app.call('privacy.recordRequest', {
    kind: 'access',
    customerId: person.customerId,
    receivedOn: '2026-03-02',
    note: null,
  });
  const { jobId } = await app.call('privacy.startSubjectAccess', { customerId: person.customerId });
  const job = await finished(app, jobId);
  expect(job.state, JSON.stringify(job.failure)).toBe('done');
  const pdf = await app.call('jobs.file', { id: jobId, name: 'pdf' });
  const path = join(app.dir, pdf.fileName);
  writeFileSync(path, Buffer.from(pdf.contentBase64, 'base64'));
  pdfText = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
  const file = await app.call('jobs.file', { id: jobId, name: 'json' });
  json = JSON.parse(
    Buffer.from(file.contentBase64, 'base64').toString('utf8'),
  ) as SubjectAccessData;
}, 60_000);
afterAll(() => app.close());

async function trail(q: Record<string, unknown>): Promise<AuditEntry[]> {
  return (await app.call('audit.trail', q as never)).entries;
}

describe('the subject access pack', () => {
  it('holds the record, groups, complaint, claim, bank details and history, in the PDF', () => {
    for (const expected of [
      'Your information: subject access pack',
      `Zebedee ${SURNAME}`,
      'zebedee@quillfeather.example',
      'Group memberships',
      `Mr ${SURNAME} rang about the damp again`,
      `letter-from-${SURNAME}.txt`,
      `Bus from ${SURNAME} Cottages`,
      '55779911',
      'History of changes to your records',
      `${SURNAME} changed phones`,
      'Customer register workbook, with equality data',
    ])
      expect(pdfText, expected).toContain(expected);
  });

  it('is machine-readable: every table of theirs, the history and the audit entries', () => {
    expect(json.subject).toEqual({ id: person.customerId, name: `Zebedee ${SURNAME}` });
    expect(json.record.equality_ethnicity).toBe('white_british');
    expect(json.records.complaint_cases).toHaveLength(1);
    expect(json.records.case_notes).toHaveLength(1);
    expect(json.records.expense_lines).toHaveLength(1);
    expect(json.records.customer_payment_details![0]!.account_number).toBe('55779911');
    expect(json.records.privacy_requests![0]!.due_on).toBe('2026-04-02');
    expect(json.history.some((h) => h.field === 'mobile' && h.after === '07700 900123')).toBe(true);
    expect(json.history.length).toBeGreaterThan(15);
    expect(json.registerExports.map((a) => [a.what, a.rows])).toEqual([
      ['Customer register workbook, with equality data', 1],
    ]);
  });

  it('is logged, and found by the person, the staff member and the record', async () => {
    const byPerson = await trail({ customerId: person.customerId, source: 'audit' });
    expect(byPerson.map((e) => e.action)).toContain('subject_access');
    const byAdmin = await trail({ staffId: adminId, source: 'audit' });
    expect(byAdmin[0]).toMatchObject({ action: 'subject_access', actorName: 'Test administrator' });
    const byRecord = await trail({ entity: 'customers', entityId: person.customerId });
    expect(byRecord.some((e) => e.source === 'changes' && e.action === 'create')).toBe(true);
    expect(byRecord.some((e) => e.source === 'audit' && e.action === 'subject_access')).toBe(true);
  });
});

describe('the audit log of exports', () => {
  it('records each export with who, how many rows and the data classes it carried', async () => {
    const exports = await trail({ staffId: coordinatorId, source: 'audit' });
    expect(exports.map((e) => [e.detail, e.rows, e.classes])).toEqual([
      ['Recommendations tracker workbook', null, []],
      ['Customer register workbook, with equality data', 1, ['equality']],
    ]);
  });

  it('filters the change log and the audit log together by date, a page at a time', async () => {
    const all = await trail({ pageSize: 200 });
    const onDay = await trail({ from: '2026-03-20', to: '2026-03-20', pageSize: 200 });
    expect(onDay.length).toBeGreaterThan(3);
    expect(onDay.every((e) => e.at.startsWith('2026-03-20'))).toBe(true);
    expect(all.length).toBeGreaterThan(onDay.length);
    const first = await app.call('audit.trail', { pageSize: 5, page: 0 } as never);
    const second = await app.call('audit.trail', { pageSize: 5, page: 1 } as never);
    expect(first.more).toBe(true);
    expect(second.entries[0]).toEqual(all[5]);
  });

  it('is append-only', () => {
    const raw = app.backend.context.raw;
    expect(() => raw.prepare(`UPDATE audit_log SET what = 'x'`).run()).toThrow(/append-only/);
    expect(() => raw.prepare(`DELETE FROM audit_log`).run()).toThrow(/append-only/);
  });
});

describe('requests and their deadline', () => {
  it('runs one calendar month from receipt, and shows as overdue after it', async () => {
    const [request] = await app.call('privacy.requests', {});
    expect(request).toMatchObject({ dueOn: '2026-04-02', state: 'open', daysLeft: 13 });
    app.clock.set('2026-04-03T09:00:00.000Z');
    const attention = await app.call('privacy.attention', {});
    expect(attention).toMatchObject([
      { customerName: `Zebedee ${SURNAME}`, state: 'overdue', daysLeft: -1 },
    ]);
    await app.call('privacy.completeRequest', { id: request!.id, completedOn: '2026-04-03' });
    expect(await app.call('privacy.attention', {})).toEqual([]);
    app.clock.set('2026-03-20T12:00:00.000Z');
  });

  it('refuses a request received in the future, naming the field', async () => {
    await expect(
      app.call('privacy.recordRequest', {
        kind: 'access',
        customerId: person.customerId,
        receivedOn: '2026-03-21',
        note: null,
      }),
    ).rejects.toMatchObject({ fields: [{ path: 'receivedOn' }] });
  });
});
