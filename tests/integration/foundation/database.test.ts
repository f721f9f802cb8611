import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
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

  describe('a file that is not a sound database of ours is refused and left byte for byte as it was', () => {
    function sha256(path: string): string {
      return createHash('sha256').update(readFileSync(path)).digest('hex');
    }

    /** A real database of ours with some pages of data, all in the main file. */
    async function ours(path: string): Promise<void> {
      const opened = await openDatabase(path, { key });
      opened.raw.exec(
        `CREATE TABLE filler (x TEXT); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200) INSERT INTO filler SELECT hex(randomblob(500)) FROM n;`,
      );
      opened.raw.pragma('wal_checkpoint(TRUNCATE)');
      await opened.close();
    }

    const cases: { name: string; make(path: string): Promise<void> | void; message: RegExp }[] = [
      {
        name: 'an empty (zero-byte) file, not taken for a fresh install',
        make: (path) => writeFileSync(path, ''),
        message:
          /is empty \(0 bytes\).*left untouched and is not opened as a new database\. Restore the newest backup/,
      },
      {
        name: 'a text file',
        make: (path) => writeFileSync(path, 'These are my meeting notes, not a database.'),
        // Neither a plain SQLite file nor one that opens with the key.
        message:
          /encrypted with another key \(or it is not an Involvement Desk database\)\. It has been left untouched/,
      },
      {
        name: 'random bytes',
        make: (path) => writeFileSync(path, randomBytes(64 * 1024)),
        message: /encrypted with another key .*left untouched/,
      },
      {
        name: 'another program’s SQLite database, with no application id',
        make: (path) => {
          const other = new Database(path);
          other.exec(`CREATE TABLE invoices (id INTEGER PRIMARY KEY)`);
          other.close();
        },
        message: /database of another program, not of Involvement Desk.*left untouched/,
      },
      {
        name: 'another program’s SQLite database, with its own application id',
        make: (path) => {
          const other = new Database(path);
          // Fossil's repository id: a real program's mark, not ours.
          other.pragma('application_id = 252006673');
          other.exec(`CREATE TABLE blob (rid INTEGER PRIMARY KEY, content BLOB)`);
          other.close();
        },
        message: /database of another program.*left untouched/,
      },
      {
        name: 'another program’s empty SQLite database, with its own application id',
        make: (path) => {
          const other = new Database(path);
          other.pragma('application_id = 252006673');
          other.pragma('user_version = 1');
          other.close();
        },
        message: /database of another program.*left untouched/,
      },
      {
        name: 'a database of ours cut short (truncated by a failed copy)',
        make: async (path) => {
          await ours(path);
          const bytes = readFileSync(path);
          writeFileSync(path, bytes.subarray(0, Math.floor(bytes.length / 2)));
        },
        message: /damaged and cannot be opened safely.*left untouched: restore the latest backup/,
      },
      {
        name: 'a damaged database of ours (pages scribbled over)',
        make: async (path) => {
          await ours(path);
          const bytes = readFileSync(path);
          // Scribble over the middle pages, leaving the header intact.
          bytes.fill(0x55, 8192, bytes.length - 4096);
          writeFileSync(path, bytes);
        },
        message: /damaged and cannot be opened safely.*left untouched/,
      },
      {
        name: 'a database of ours whose every byte after the first 100 is random',
        make: async (path) => {
          await ours(path);
          const bytes = readFileSync(path);
          randomBytes(bytes.length - 100).copy(bytes, 100);
          writeFileSync(path, bytes);
        },
        // Its first page no longer decrypts: as unreadable as a file made with another key.
        message: /damaged and cannot be opened safely|encrypted with another key/,
      },
    ];

    for (const c of cases) {
      it(c.name, async () => {
        const dir = folder();
        const path = join(dir, 'involvement-desk.sqlite');
        await c.make(path);
        const before = sha256(path);
        const siblings = readdirSync(dir).sort();
        await expect(openDatabase(path, { key })).rejects.toThrow(c.message);
        expect(sha256(path)).toBe(before);
        // Not a journal, a backup or a fresh file beside it either.
        expect(readdirSync(dir).sort()).toEqual(siblings);
      });
    }
  });
});
