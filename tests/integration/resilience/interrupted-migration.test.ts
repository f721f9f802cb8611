import { copyFileSync, existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { latestVersion, migrations } from '../../../src-main/db/migrations';
import type { SqliteDatabase } from '../../../src-main/db/driver';
import { openDatabase } from '../../../src-main/db/open';
import { bundleChild, childEnv } from '../../support/bundle-child';
import { sleep, startChild } from '../../support/child-process';
import { seededRandom, testSeed } from '../../support/seeded-random';
import { openTestFile, tempDir, TEST_KEY } from '../../support/temp-db';

/*
 * A database left by an older version is opened by a process that is killed
 * part way through: while it backs the file up, while it migrates, or after.
 * Every time, the file must hold either the old schema whole or the new one
 * whole, and opening it again must finish the job.
 */

const KILLS = 40;
const SEED = testSeed(1104);
const OLD_VERSION = 7;
const CUSTOMERS = 1_000;

const folder = tempDir('involvement-desk-migration-');
const template = join(folder.dir, 'old.sqlite');
const work = join(folder.dir, 'work.sqlite');
const backups = join(folder.dir, 'backups');
let opener = '';
let oldSchema = '';
let newSchema = '';

/** The schema as SQLite records it, less SQLite's own statistics tables. */
function schemaOf(db: SqliteDatabase): string {
  const rows = db
    .prepare(
      `SELECT type, name, tbl_name, sql FROM sqlite_master
       WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name`,
    )
    .all();
  return JSON.stringify(rows);
}

/** The pre-migration backup is there under its final name (it is renamed once checked). */
function backupDone(): boolean {
  return existsSync(backups) && readdirSync(backups).some((f) => f.endsWith('.sqlite'));
}

function freshCopy(): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${work}${suffix}`, { force: true });
  rmSync(backups, { recursive: true, force: true });
  copyFileSync(template, work);
}

beforeAll(async () => {
  opener = await bundleChild(
    join(import.meta.dirname, 'migrating-opener.ts'),
    join(folder.dir, 'migrating-opener.mjs'),
  );
  // A real older file: made by the app's open path with the migrations of its day.
  const old = await openDatabase(template, {
    migrations: migrations.slice(0, OLD_VERSION),
    key: TEST_KEY,
  });
  old.raw
    .prepare(
      `WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < ?)
       INSERT INTO customers (id, created_at, updated_at, updated_by, first_name, last_name, postcode, email)
       SELECT printf('019a0000-0000-7000-8000-%012d', i), '2025-01-01T00:00:00.000Z',
              '2025-01-01T00:00:00.000Z', 'migration-test', 'First' || i, 'Last' || i,
              'TS1 ' || (i % 9) || 'AB', 'person' || i || '@example.org'
       FROM k`,
    )
    .run(CUSTOMERS);
  oldSchema = schemaOf(old.raw);
  old.raw.pragma('wal_checkpoint(TRUNCATE)');
  await old.close();

  freshCopy();
  const migrated = await openDatabase(work, { backupDir: backups, key: TEST_KEY });
  newSchema = schemaOf(migrated.raw);
  await migrated.close();
}, 30_000);

afterAll(() => folder.cleanup());

describe('a migration killed part way', () => {
  it(`leaves the old schema or the new one, never a mix, and opens again, over ${KILLS} kills`, async () => {
    // When, in an uninterrupted open, the backup is done (its file appears
    // under its final name) and the open is over: the migration runs between.
    freshCopy();
    const timed = startChild(opener, [work, backups], childEnv(opener));
    await timed.waitFor('opening');
    const started = performance.now();
    let backupMs = 0;
    while (!timed.lines.includes('opened')) {
      if (backupDone() && !backupMs) backupMs = performance.now() - started;
      await sleep(1);
    }
    const openMs = performance.now() - started;
    await timed.ended;
    backupMs ||= openMs / 2;

    const random = seededRandom(SEED);
    const landed = { backingUp: 0, migrating: 0, afterCommit: 0 };
    let partialSchemas = 0;
    let failedReruns = 0;
    const problems: string[] = [];

    for (let kill = 0; kill < KILLS; kill++) {
      freshCopy();
      const child = startChild(opener, [work, backups], childEnv(opener));
      await child.waitFor('opening');
      // A quarter of the kills during the backup; the rest once the backup is
      // done (watched for, so a busy machine aims as well as an idle one), at a
      // random moment of the migration and what follows it.
      if (random() < 0.25) {
        await sleep(backupMs * random());
      } else {
        const pause = (openMs - backupMs) * random();
        while (!backupDone() && !child.lines.includes('opened')) await sleep(1);
        await sleep(pause);
      }
      child.process.kill('SIGKILL');
      await child.ended;

      const backupFiles = existsSync(backups) ? readdirSync(backups) : [];
      const db = openTestFile(work);
      try {
        const version = db.pragma('user_version', { simple: true }) as number;
        const schema = schemaOf(db);
        const customers = db.prepare(`SELECT count(*) FROM customers`).pluck().get();
        const whole =
          db.pragma('integrity_check', { simple: true }) === 'ok' &&
          customers === CUSTOMERS &&
          ((version === OLD_VERSION && schema === oldSchema) ||
            (version === latestVersion && schema === newSchema));
        if (!whole) {
          partialSchemas++;
          problems.push(`kill ${kill}: version ${version}, ${String(customers)} customers`);
        }
        if (version === latestVersion) landed.afterCommit++;
        else if (backupFiles.some((f) => f.endsWith('.partial')) || backupFiles.length === 0)
          landed.backingUp++;
        else landed.migrating++;
      } finally {
        db.close();
      }

      try {
        const again = await openDatabase(work, { backupDir: backups, key: TEST_KEY });
        const ok =
          again.raw.pragma('user_version', { simple: true }) === latestVersion &&
          schemaOf(again.raw) === newSchema &&
          again.raw.prepare(`SELECT count(*) FROM customers`).pluck().get() === CUSTOMERS;
        await again.close();
        if (!ok) throw new Error('opened, but not at the latest schema with every customer');
      } catch (error) {
        failedReruns++;
        problems.push(`kill ${kill}: opening again failed: ${String(error)}`);
      }
    }

    console.log(
      `Interrupted migration (seed ${SEED}): ${KILLS} kills from version ${OLD_VERSION} to ${latestVersion} ` +
        `(an uninterrupted open took ${openMs.toFixed(0)} ms, its backup ${backupMs.toFixed(0)} ms); ` +
        `landed while backing up ${landed.backingUp}, ` +
        `while migrating ${landed.migrating}, after the commit ${landed.afterCommit}; ` +
        `partial schemas ${partialSchemas}, failed re-runs ${failedReruns}`,
    );
    expect(problems).toEqual([]);
    expect(partialSchemas).toBe(0);
    expect(failedReruns).toBe(0);
    // The kills must really have landed inside the migration, not only around it.
    expect(landed.migrating).toBeGreaterThan(KILLS / 5);
  }, 60_000);
});
