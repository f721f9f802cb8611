import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REDACTED_JSON } from '../../../src-shared/domain/privacy';
import { openTestApp, type TestApp } from '../../support/temp-db';
import { finished, seedPerson, SURNAME } from './person';

const NOW = '2026-03-20T12:00:00.000Z';
const Q4 = '2025-26 Q4';

let app: TestApp;
let person: Awaited<ReturnType<typeof seedPerson>>;
let figuresBefore: unknown;
let packId: string;
let erased: Awaited<ReturnType<TestApp['call']>> & Record<string, unknown>;
let filesBefore: string[];

/**
 * Everything the database holds, as text. The file itself is encrypted, so
 * its bytes would never show a name: it is read through SQLite instead,
 * every table with the search index's shadow tables and the optimiser's
 * sampled keys, blobs as their bytes.
 */
function everythingHeld(): string {
  const raw = app.backend.context.raw;
  const tables = raw
    .prepare(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'`,
    )
    .pluck()
    .all() as string[];
  return tables
    .map((t) =>
      (raw.prepare(`SELECT * FROM "${t}"`).raw().all() as unknown[][])
        .map((row) =>
          row.map((v) => (Buffer.isBuffer(v) ? v.toString('latin1') : String(v))).join('\t'),
        )
        .join('\n'),
    )
    .join('\n');
}

const filesDir = () => join(app.dir, 'files');
const storedFiles = () => (existsSync(filesDir()) ? readdirSync(filesDir()).sort() : []);

beforeAll(async () => {
  app = await openTestApp({ clock: '2025-12-01T09:00:00.000Z' });
  await app.call('organisation.applyTemplate', {});
  person = await seedPerson(app, {
    createdAt: '2026-01-06T10:00:00.000Z',
    meetingAt: '2026-02-10T18:00:00.000Z',
  });
  app.clock.set(NOW);
  await app.signInAs('team_leader');
  packId = (await app.call('boardPacks.create', { audience: 'board', period: Q4 })).id;
  figuresBefore = await app.call('boardPacks.figures', { id: packId });
  await app.signInAs('administrator', 'Test administrator');
  filesBefore = storedFiles();
  // The search below must be able to find the name: before erasure it does.
  expect(everythingHeld()).toContain(SURNAME);
  await app.call('privacy.recordRequest', {
    kind: 'erasure',
    customerId: person.customerId,
    receivedOn: '2026-03-18',
    note: `${SURNAME} asked by phone`,
  });
  erased = (await app.call('privacy.erase', {
    type: 'customer',
    id: person.customerId,
    reason: 'The customer asked to be erased',
  })) as never;
  const job = await finished(app, erased.jobId as string);
  expect(job.state, JSON.stringify(job.failure)).toBe('done');
}, 60_000);
afterAll(() => app.close());

describe('erasing a customer', () => {
  it('keeps every figure of a board pack for a period the person was in', async () => {
    await app.signInAs('team_leader');
    const after = await app.call('boardPacks.figures', { id: packId });
    await app.signInAs('administrator', 'Test administrator');
    expect(after).toEqual(figuresBefore);
    // The person is in those figures: joined in the period, and counted at its end.
    const headlines = after.sections.flatMap((s) => s.headlines);
    expect(headlines.find((h) => h.label === 'Joined in the period')?.value).toBe(1);
    expect(headlines.find((h) => h.label === 'Involved at the end of the period')?.value).toBe(1);
  });

  it('keeps the rows the figures count, with their dates, landlord and equality answers', async () => {
    const row = app.backend.context.raw
      .prepare(`SELECT * FROM customers WHERE id = ?`)
      .get(person.customerId) as Record<string, unknown>;
    expect(row).toMatchObject({
      first_name: 'Erased',
      last_name: 'customer',
      email: null,
      phone: null,
      mobile: null,
      address_line1: null,
      postcode: null,
      date_of_birth: null,
      notes: null,
      support_notes: null,
      status: 'active',
      equality_disability: 'yes',
      deleted_at: null,
    });
    expect(row.erased_at).toBe(NOW);
    const lines = app.backend.context.raw
      .prepare(`SELECT amount_pence, on_date FROM expense_lines WHERE claim_id = ?`)
      .all(person.claimId);
    expect(lines).toEqual([{ amount_pence: 420, on_date: '2026-02-10' }]);
  });

  it('deletes the attached files no other record cites', () => {
    expect(erased.filesDeleted).toBe(2);
    expect(storedFiles().length).toBe(filesBefore.length - 2);
  });

  it('redacts the change log for the person, and the log still refuses any other change', () => {
    const raw = app.backend.context.raw;
    const entries = raw
      .prepare(
        `SELECT op, field, before, after, reason FROM change_log WHERE entity = 'customers' AND entity_id = ?`,
      )
      .all(person.customerId) as { op: string; field: string; before: string; after: string }[];
    expect(entries.find((e) => e.op === 'create')!.after).toBe(REDACTED_JSON);
    const mobile = entries.filter((e) => e.field === 'mobile');
    // The edit, then the erasure's own change: both keep only the marker and the new empty value.
    expect(mobile.map((e) => [e.before, e.after])).toEqual([
      [null, REDACTED_JSON],
      [REDACTED_JSON, null],
    ]);
    expect(erased.changeLogEntriesRedacted).toBeGreaterThan(10);
    expect(() => raw.prepare(`UPDATE change_log SET before = NULL WHERE rowid = 1`).run()).toThrow(
      /append-only/,
    );
    expect(() =>
      raw.prepare(`UPDATE change_log SET after = ? WHERE rowid = 1`).run(REDACTED_JSON),
    ).toThrow(/append-only/);
    expect(() => raw.prepare(`DELETE FROM change_log WHERE rowid = 1`).run()).toThrow(
      /append-only/,
    );
  });

  it('shows the history with the values removed, not the name', async () => {
    const history = await app.call('history.forRecord', {
      entity: 'customers',
      id: person.customerId,
    });
    expect(JSON.stringify(history)).not.toMatch(new RegExp(SURNAME, 'i'));
    expect(history.some((h) => h.before === '[removed at erasure]')).toBe(true);
  });

  it('purges the search index', async () => {
    const raw = app.backend.context.raw;
    expect(
      raw
        .prepare(`SELECT count(*) AS n FROM customers_fts WHERE customers_fts MATCH ?`)
        .get(SURNAME.toLowerCase()),
    ).toEqual({ n: 0 });
    const list = await app.call('customers.list', { search: SURNAME } as never);
    expect(list.total).toBe(0);
  });

  it('refuses any change to the erased record', async () => {
    const c = await app.call('customers.get', { id: person.customerId });
    await expect(
      app.call('customers.update', {
        id: person.customerId,
        expectedUpdatedAt: c.updatedAt,
        patch: { firstName: 'Zebedee' },
      }),
    ).rejects.toMatchObject({ code: 'conflict', message: /This customer was erased/ });
  });

  it('answers their erasure request', async () => {
    const [request] = await app.call('privacy.requests', {});
    expect(request).toMatchObject({ kind: 'erasure', completedOn: '2026-03-20', state: 'done' });
    expect(request!.customerName).toBe('Erased customer');
    expect(request!.note).toBeNull();
  });

  it('logs the erasure in the audit log', async () => {
    const trail = await app.call('audit.trail', {
      customerId: person.customerId,
      source: 'audit',
    } as never);
    expect(trail.entries.map((e) => e.action)).toContain('erasure');
  });

  it('leaves no trace of the name anywhere in the database after VACUUM', () => {
    const raw = app.backend.context.raw;
    // No free page is left holding old rows, and what is deleted from now on is overwritten.
    expect(raw.pragma('freelist_count', { simple: true })).toBe(0);
    expect(raw.pragma('secure_delete', { simple: true })).toBe(1);
    const held = everythingHeld();
    expect(held.length).toBeGreaterThan(10_000);
    for (const needle of [
      SURNAME,
      SURNAME.toLowerCase(),
      SURNAME.toUpperCase(),
      '55779911',
      'TS9 9ZQ',
      '07700 900123',
    ])
      expect(held.includes(needle), needle).toBe(false);
  });
});
