import {
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  renameSync,
  rmSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { ApiError } from '../../src-shared/errors';
import { backupFileName, verifyBackup } from './backup';
import type { DatabaseKey } from './database-key';
import { migrations } from './migrations';

/** Where the database in use is kept when a backup replaces it: beside it, never removed by the app. */
export function setAsideDir(dbPath: string): string {
  return join(dirname(dbPath), 'set-aside');
}

/** Proves a backup opens with the key, passes `integrity_check` and is not from a newer version. */
export function checkRestorable(source: string, key: DatabaseKey): number {
  if (!existsSync(source)) throw ApiError.notFound(`The backup ${source}`);
  const version = verifyBackup(source, key);
  if (version > migrations.length)
    throw new ApiError(
      'invalid',
      `That backup was saved by a newer version of Involvement Desk (data version ${version}; this version reads up to ${migrations.length}). Nothing was changed.`,
    );
  return version;
}

/**
 * Puts a checked backup in the database's place. The database must be
 * closed. The file in use is first moved aside whole (with its WAL, if one
 * is left), so nothing is overwritten, not even a damaged file; the backup
 * is copied in under a temporary name, flushed, and renamed into place. If
 * the copy fails the file in use goes back where it was.
 *
 * Returns where the previous file was kept, or null if there was none.
 */
export function swapInBackup(dbPath: string, source: string, now: Date): string | null {
  let aside: string | null = null;
  if (existsSync(dbPath)) {
    mkdirSync(setAsideDir(dbPath), { recursive: true });
    aside = join(setAsideDir(dbPath), backupFileName(now, 'before-restore'));
    renameSync(dbPath, aside);
    if (existsSync(`${dbPath}-wal`)) renameSync(`${dbPath}-wal`, `${aside}-wal`);
    rmSync(`${dbPath}-shm`, { force: true });
  }
  const incoming = `${dbPath}.restoring`;
  try {
    copyFileSync(source, incoming);
    const fd = openSync(incoming, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(incoming, dbPath);
  } catch (error) {
    rmSync(incoming, { force: true });
    if (aside) {
      renameSync(aside, dbPath);
      if (existsSync(`${aside}-wal`)) renameSync(`${aside}-wal`, `${dbPath}-wal`);
    }
    const detail = error instanceof Error ? error.message : String(error);
    throw new ApiError(
      'unavailable',
      `The backup could not be copied into place (${detail}). The database in use was put back as it was.`,
    );
  }
  return aside;
}
