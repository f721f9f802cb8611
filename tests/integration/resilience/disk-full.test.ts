import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../../src-main/backend';
import { DISK_FULL_MESSAGE, storageFailure } from '../../../src-main/db/storage-errors';
import { storedFilePath, storeContent } from '../../../src-main/services/files/file-store';
import { fixedClock } from '../../../src-shared/clock';
import type { Staff } from '../../../src-shared/domain/staff';
import type { ApiResult } from '../../../src-shared/errors';
import { tempDir, TEST_KEY } from '../../support/temp-db';

/*
 * A save that meets a full disk is refused in plain words, leaves nothing of
 * itself behind (no row, no change-log entry, no gap), and the next save
 * works once there is room again, without restarting. Run on a real full
 * file system (a small tmpfs, where this machine allows mounting one) and on
 * SQLite's own page limit, which makes SQLite answer SQLITE_FULL just as a
 * full disk does, wherever the tests run.
 */

const folder = tempDir('involvement-desk-full-');
afterAll(() => folder.cleanup());

function tryMountTmpfs(dir: string, size: string): boolean {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

async function openOn(dbPath: string): Promise<{ backend: Backend; actor: Staff }> {
  const backend = await createBackend({
    dbPath,
    clock: fixedClock('2026-11-23T10:00:00.000Z'),
    integrityCheckAfterMs: false,
    key: TEST_KEY,
  });
  const made = await backend.call('staff.create', {
    name: 'Admin',
    role: 'administrator',
    email: null,
  });
  if (!made.ok) throw new Error(made.error.message);
  return { backend, actor: made.value as Staff };
}

function counts(backend: Backend) {
  const raw = backend.database.raw;
  const one = (sql: string) => raw.prepare(sql).pluck().get() as number;
  return {
    customers: one(`SELECT count(*) FROM customers`),
    changes: one(`SELECT count(*) FROM change_log`),
    lastSeq: one(`SELECT coalesce(max(seq), 0) FROM change_log`),
  };
}

function gapless(backend: Backend): boolean {
  const rows = backend.database.raw
    .prepare(
      `SELECT min(seq) AS low, max(seq) AS high, count(*) AS n FROM change_log GROUP BY device_id`,
    )
    .all() as { low: number; high: number; n: number }[];
  return rows.every((r) => r.low === 1 && r.high === r.n);
}

let n = 0;
function save(backend: Backend, actor: Staff): Promise<ApiResult<unknown>> {
  n += 1;
  return backend.call(
    'customers.create',
    {
      firstName: 'Full',
      lastName: `Disk ${n}`,
      // Enough text that a few saves fill the last free pages.
      notes: `Met at the community centre. ${'Notes about what they would like to be involved in. '.repeat(60)}`,
      confirmDuplicate: true,
    },
    { actor },
  );
}

/** Saves until one meets the full disk; checks that one wrote nothing at all. */
async function saveUntilFull(backend: Backend, actor: Staff): Promise<void> {
  for (let attempt = 0; attempt < 500; attempt++) {
    const before = counts(backend);
    const result = await save(backend, actor);
    if (result.ok) continue;
    expect(result.error).toEqual({ code: 'unavailable', message: DISK_FULL_MESSAGE, fields: [] });
    expect(counts(backend)).toEqual(before);
    expect(backend.database.raw.inTransaction).toBe(false);
    expect(backend.database.raw.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(gapless(backend)).toBe(true);
    return;
  }
  throw new Error('Five hundred saves fitted: the disk never filled.');
}

async function recovers(backend: Backend, actor: Staff): Promise<void> {
  const before = counts(backend);
  const result = await save(backend, actor);
  expect(result.ok).toBe(true);
  const after = counts(backend);
  expect(after.customers).toBe(before.customers + 1);
  // The log carries on from where it was: the failed save took no number.
  expect(after.lastSeq).toBe(before.lastSeq + (after.changes - before.changes));
  expect(gapless(backend)).toBe(true);
}

describe('a full disk', () => {
  const mountPoint = join(folder.dir, 'small-disk');
  mkdirSync(mountPoint);
  const mounted = tryMountTmpfs(mountPoint, '3m');
  afterAll(() => {
    if (mounted) execFileSync('umount', [mountPoint]);
  });

  it.skipIf(!mounted)(
    'on a 3 MB file system: refused, nothing half-written, fine once space is freed',
    async () => {
      const { backend, actor } = await openOn(join(mountPoint, 'involvement-desk.sqlite'));
      try {
        // Leave a few pages' room, then take it.
        const { bavail, bsize } = statfsSync(mountPoint);
        writeFileSync(
          join(mountPoint, 'filler'),
          Buffer.alloc(Math.max(0, bavail * bsize - 64 * 1024)),
        );
        await saveUntilFull(backend, actor);
        // Still full: refused again, the same way.
        const again = await save(backend, actor);
        expect(again).toMatchObject({ ok: false, error: { message: DISK_FULL_MESSAGE } });

        // An attachment meets the full disk too: refused in the same words, and
        // no part of it is left in the store to stand for that content later.
        const content = randomBytes(256 * 1024);
        let refusal: unknown;
        try {
          storeContent(backend.context, content.toString('base64'));
        } catch (error) {
          refusal = error;
        }
        expect(storageFailure(refusal)?.message).toBe(DISK_FULL_MESSAGE);
        expect(readdirSync(join(mountPoint, 'files'))).toEqual([]);

        rmSync(join(mountPoint, 'filler'));
        await recovers(backend, actor);
        const stored = storeContent(backend.context, content.toString('base64'));
        expect(readFileSync(storedFilePath(backend.context, stored.hash)).equals(content)).toBe(
          true,
        );
      } finally {
        await backend.close();
      }
    },
  );

  it('at the file’s page limit (SQLITE_FULL from SQLite itself): the same', async () => {
    const { backend, actor } = await openOn(join(folder.dir, 'limited.sqlite'));
    try {
      const raw = backend.database.raw;
      raw.pragma(`max_page_count = ${raw.pragma('page_count', { simple: true }) as number}`);
      await saveUntilFull(backend, actor);
      raw.pragma('max_page_count = 1073741823');
      await recovers(backend, actor);
    } finally {
      await backend.close();
    }
  });
});
