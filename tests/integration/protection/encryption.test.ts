import { createHash } from 'node:crypto';
import { chmodSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { databaseKey, keyFromEnvironment, KEY_FILE_ENV } from '../../../src-main/db/database-key';
import { openEncrypted } from '../../../src-main/db/driver';
import { openDatabase } from '../../../src-main/db/open';
import { jobEnded } from '../../../src-main/services/jobs/jobs';
import { openTestApp, openTestFile, tempDir, TEST_KEY, type TestApp } from '../../support/temp-db';

const SQLITE_HEADER = 'SQLite format 3\0';
const OTHER_KEY = databaseKey('0f'.repeat(32));

const apps: TestApp[] = [];
const cleanups: (() => void)[] = [];
afterEach(async () => {
  for (const a of apps.splice(0)) await a.close();
  for (const c of cleanups.splice(0)) c();
});

function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

async function appWithCustomer(): Promise<TestApp> {
  const app = await openTestApp();
  apps.push(app);
  await app.call('customers.create', {
    firstName: 'Winifred',
    lastName: 'Oakenshaw',
    postcode: 'TS17 6BA',
    mobile: '07700 900456',
    email: 'winifred.oakenshaw@example.org',
    confirmDuplicate: true,
  });
  return app;
}

describe('encryption at rest', () => {
  it('writes no readable byte: the file and its WAL hold ciphertext only', async () => {
    const app = await appWithCustomer();
    const path = app.backend.context.dbPath;
    // Still in the write-ahead log: the WAL is encrypted page by page too.
    expect(existsSync(`${path}-wal`)).toBe(true);
    const wal = readFileSync(`${path}-wal`);
    expect(wal.includes('Oakenshaw')).toBe(false);
    expect(wal.includes('winifred.oakenshaw@example.org')).toBe(false);
    app.backend.database.raw.pragma('wal_checkpoint(TRUNCATE)');
    const file = readFileSync(path);
    expect(file.subarray(0, 16).toString('latin1')).not.toBe(SQLITE_HEADER);
    expect(file.includes('Oakenshaw')).toBe(false);
    expect(file.includes('TS17 6BA')).toBe(false);
    // And the name is there for the app, which holds the key.
    const list = await app.call('customers.list', { search: 'Oakenshaw' });
    expect(JSON.stringify(list)).toContain('Oakenshaw');
  });

  it('refuses a wrong key in plain words and never touches the file', async () => {
    const app = await appWithCustomer();
    const path = app.backend.context.dbPath;
    await app.backend.close();
    apps.splice(0);
    const before = sha256(path);
    const walBefore = existsSync(`${path}-wal`) ? sha256(`${path}-wal`) : null;

    await expect(openDatabase(path, { key: OTHER_KEY })).rejects.toThrow(
      /this database is encrypted with another key.*It has been left untouched/,
    );
    expect(() => openEncrypted(path, OTHER_KEY, { readonly: true })).toThrow(
      /encrypted with another key/,
    );
    expect(sha256(path)).toBe(before);
    expect(existsSync(`${path}-wal`) ? sha256(`${path}-wal`) : null).toBe(walBefore);
    // The right key still opens it.
    const right = openTestFile(path, { readonly: true });
    expect(right.prepare(`SELECT count(*) FROM customers`).pluck().get()).toBe(1);
    right.close();
    cleanups.push(() => rmSync(app.dir, { recursive: true, force: true }));
  });

  it('makes a plain database from before encryption into an encrypted one, checked, and removes the plain file', async () => {
    const app = await appWithCustomer();
    const dir = app.dir;
    const encrypted = app.backend.context.dbPath;
    await app.backend.close();
    apps.splice(0);
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    // A plain copy, as the app before encryption left its file.
    const plainPath = join(dir, 'old-plain.sqlite');
    const source = openTestFile(encrypted);
    source.exec(`VACUUM INTO '${plainPath}'`);
    source.close();
    const plain = openTestFile(plainPath);
    plain.pragma(`rekey = ''`);
    plain.close();
    expect(readFileSync(plainPath).subarray(0, 16).toString('latin1')).toBe(SQLITE_HEADER);
    expect(readFileSync(plainPath).includes('Oakenshaw')).toBe(true);

    const opened = await openDatabase(plainPath, { key: TEST_KEY });
    expect(opened.raw.prepare(`SELECT last_name FROM customers`).pluck().all()).toEqual([
      'Oakenshaw',
    ]);
    opened.raw.pragma('wal_checkpoint(TRUNCATE)');
    await opened.close();
    const bytes = readFileSync(plainPath);
    expect(bytes.subarray(0, 16).toString('latin1')).not.toBe(SQLITE_HEADER);
    expect(bytes.includes('Oakenshaw')).toBe(false);
    // Neither the copy under way nor the plain original is left beside it.
    expect(
      readdirSync(dir).filter((n) => n.includes('plain-removing') || n.includes('encrypting')),
    ).toEqual([]);
    const check = openTestFile(plainPath, { readonly: true });
    expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
    check.close();
  });

  it('takes the command line’s key from a key file only if nobody else may read it', () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const file = join(dir, 'desk.key');
    writeFileSync(file, `${TEST_KEY}\n`);
    chmodSync(file, 0o644);
    expect(() => keyFromEnvironment({ [KEY_FILE_ENV]: file })).toThrow(
      /may be read by other people on this computer \(permissions 644\).*chmod 600/,
    );
    chmodSync(file, 0o600);
    expect(keyFromEnvironment({ [KEY_FILE_ENV]: file })).toBe(TEST_KEY);
    expect(() => keyFromEnvironment({})).toThrow(/needs its key/);
    expect(() => keyFromEnvironment({ INVOLVEMENT_DESK_KEY: 'not hex' })).toThrow(
      /64 hexadecimal characters/,
    );
  });

  it('writes backups with VACUUM INTO, encrypted, and proves each opens with the key and passes integrity_check', async () => {
    const app = await appWithCustomer();
    const { jobId } = await app.call('backups.start', {});
    const status = await jobEnded(await app.ctx(), jobId);
    expect(status.state).toBe('done');
    const overview = await app.call('backups.overview', {});
    expect(overview.backups).toHaveLength(1);
    const entry = overview.backups[0]!;
    expect(entry).toMatchObject({ kind: 'manual', verified: 'verified', location: 'backups' });
    const path = join(overview.folder, entry.name);
    const bytes = readFileSync(path);
    expect(bytes.length).toBe(entry.sizeBytes);
    expect(bytes.subarray(0, 16).toString('latin1')).not.toBe(SQLITE_HEADER);
    expect(bytes.includes('Oakenshaw')).toBe(false);
    const copy = openTestFile(path, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(copy.prepare(`SELECT last_name FROM customers`).pluck().all()).toEqual(['Oakenshaw']);
    copy.close();
    expect(() => openEncrypted(path, OTHER_KEY, { readonly: true })).toThrow(/another key/);
    // No temporary file is left beside it.
    expect(readdirSync(overview.folder).filter((n) => n.startsWith('.'))).toEqual([]);
  });
});
