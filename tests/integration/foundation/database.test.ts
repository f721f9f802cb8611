import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Database } from '../../../src-main/db/driver';
import { afterEach, describe, expect, it } from 'vitest';
import { APPLICATION_ID, openDatabase } from '../../../src-main/db/open';
import { latestVersion, migrations, type Migration } from '../../../src-main/db/migrations';
import { openTestFile, tempDir, TEST_KEY } from '../../support/temp-db';

const key = TEST_KEY;

let cleanups: (() => void)[] = [];
afterEach(() => {
  cleanups.forEach((c) => c());
  cleanups = [];
});

function folder() {
  const t = tempDir();
  cleanups.push(t.cleanup);
  return t.dir;
}

describe('opening the database', () => {
  it('creates and migrates a new database with WAL, FULL sync and foreign keys', async () => {
    const path = join(folder(), 'new.sqlite');
    const opened = await openDatabase(path, { key });
    expect(opened.raw.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(opened.raw.pragma('synchronous', { simple: true })).toBe(2);
    expect(opened.raw.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(opened.raw.pragma('user_version', { simple: true })).toBe(latestVersion);
    expect(opened.raw.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(opened.deviceId).toMatch(/^[0-9a-f]{16}$/);
    expect(opened.migrationBackup).toBeNull();
    await opened.close();

    const again = await openDatabase(path, { key });
    expect(again.deviceId).toBe(opened.deviceId);
    await again.close();
  });

  it('backs up an older database, checks the backup, then migrates', async () => {
    const dir = folder();
    const path = join(dir, 'old.sqlite');
    // A database as version 1 of the app left it (encrypted, as every version since does).
    const v1 = openTestFile(path);
    v1.pragma('journal_mode = WAL');
    migrations[0]!.up(v1);
    v1.pragma(`application_id = ${APPLICATION_ID}`);
    v1.pragma('user_version = 1');
    v1.prepare(`INSERT INTO app_meta (key, value) VALUES ('marker', 'kept')`).run();
    v1.close();

    const migrated = await openDatabase(path, {
      key,
      backupDir: join(dir, 'backups'),
      now: () => new Date('2026-11-23T10:00:00Z'),
    });
    expect(migrated.raw.pragma('user_version', { simple: true })).toBe(latestVersion);
    expect(migrated.raw.prepare(`SELECT value FROM app_meta WHERE key = 'marker'`).get()).toEqual({
      value: 'kept',
    });
    if (latestVersion > 1) {
      expect(migrated.migrationBackup).toMatch(
        /involvement-desk-v1-before-migration-2026-11-23T10-00-00-000Z\.sqlite$/,
      );
      expect(existsSync(migrated.migrationBackup!)).toBe(true);
      const backup = openTestFile(migrated.migrationBackup!, { readonly: true });
      expect(backup.pragma('user_version', { simple: true })).toBe(1);
      expect(backup.prepare(`SELECT value FROM app_meta WHERE key = 'marker'`).get()).toEqual({
        value: 'kept',
      });
      backup.close();
    }
    await migrated.close();
  });

  it('leaves the database as it was when a migration fails', async () => {
    const path = join(folder(), 'failing.sqlite');
    const v1 = openTestFile(path);
    migrations[0]!.up(v1);
    v1.pragma(`application_id = ${APPLICATION_ID}`);
    v1.pragma('user_version = 1');
    // A table a later migration would create already exists, so that migration fails.
    v1.exec(`CREATE TABLE clash (x)`);
    v1.close();
    const broken: Migration = { name: 'clash', up: (db) => db.exec(`CREATE TABLE clash (y)`) };
    const withBroken = [migrations[0]!, broken];
    await expect(openDatabase(path, { key, migrations: withBroken })).rejects.toThrow(
      /Updating the database to version 2 \(clash\) failed.*Nothing was changed/,
    );
    const after = openTestFile(path, { readonly: true });
    expect(after.pragma('user_version', { simple: true })).toBe(1);
    after.close();
  });

  it('refuses a database from a newer version and leaves it untouched', async () => {
    const path = join(folder(), 'newer.sqlite');
    const opened = await openDatabase(path, { key });
    opened.raw.pragma(`user_version = ${latestVersion + 5}`);
    await opened.close();
    const before = readFileSync(path);

    await expect(openDatabase(path, { key })).rejects.toThrow(
      /newer version of Involvement Desk.*left untouched/,
    );
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('refuses an empty file instead of starting afresh over it', async () => {
    const path = join(folder(), 'cut-short.sqlite');
    writeFileSync(path, '');
    await expect(openDatabase(path, { key })).rejects.toThrow(
      /cut-short\.sqlite is empty \(0 bytes\).*left untouched and is not opened as a new database\. Restore the newest backup/,
    );
    expect(statSync(path).size).toBe(0);
  });

  it('refuses a file that is not a database (it reads as neither plain nor ours)', async () => {
    const path = join(folder(), 'notes.sqlite');
    writeFileSync(path, 'These are my meeting notes, not a database.');
    await expect(openDatabase(path, { key })).rejects.toThrow(
      /encrypted with another key \(or it is not an Involvement Desk database\)\. It has been left untouched/,
    );
    expect(readFileSync(path, 'utf8')).toBe('These are my meeting notes, not a database.');
  });

  it('refuses another program’s SQLite database', async () => {
    const path = join(folder(), 'other.sqlite');
    const other = new Database(path);
    other.exec(`CREATE TABLE invoices (id INTEGER PRIMARY KEY)`);
    other.close();
    await expect(openDatabase(path, { key })).rejects.toThrow(/database of another program/);
  });

  it('refuses a damaged database', async () => {
    const path = join(folder(), 'damaged.sqlite');
    const opened = await openDatabase(path, { key });
    opened.raw.exec(
      `CREATE TABLE filler (x TEXT); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200) INSERT INTO filler SELECT hex(randomblob(500)) FROM n;`,
    );
    opened.raw.pragma('wal_checkpoint(TRUNCATE)');
    await opened.close();
    const bytes = readFileSync(path);
    // Scribble over the middle pages, leaving the header intact.
    bytes.fill(0x55, 8192, bytes.length - 4096);
    writeFileSync(path, bytes);
    await expect(openDatabase(path, { key })).rejects.toThrow(
      /damaged and cannot be opened safely/,
    );
  });
});
