import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, statSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { ApiError } from '../../src-shared/errors';
import type { DatabaseKey } from './database-key';
import { openEncrypted, sqliteCode, sqlString, type SqliteDatabase } from './driver';

/**
 * Backups are written with `VACUUM INTO`: SQLite's online backup API copies
 * pages between two connections and does not carry the cipher across, while
 * `VACUUM INTO` writes a compact, consistent snapshot encrypted with the
 * source connection's own key. It reads in one read transaction, which under
 * WAL never holds up the connection that writes.
 *
 * A backup is written under a hidden temporary name, flushed, opened with
 * the key and checked (`integrity_check` and the data version), and only
 * then renamed to its final name: a backup that exists is whole and checked,
 * and a failure (a full disk) leaves nothing behind.
 */
export interface BackupFacts {
  path: string;
  sizeBytes: number;
  version: number;
}

export function backupDatabase(
  source: SqliteDatabase,
  destination: string,
  key: DatabaseKey,
): BackupFacts {
  mkdirSync(dirname(destination), { recursive: true });
  const partial = join(
    dirname(destination),
    `.${basename(destination)}.${randomBytes(4).toString('hex')}.partial`,
  );
  try {
    try {
      source.exec(`VACUUM INTO ${sqlString(partial)}`);
      flushToDisk(partial);
    } catch (error) {
      throw writeFailure(destination, error);
    }
    const version = source.pragma('user_version', { simple: true }) as number;
    verifyBackup(partial, key, version);
    renameSync(partial, destination);
    flushToDisk(dirname(destination));
    return { path: destination, sizeBytes: statSync(destination).size, version };
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
}

/** Opens the copy with the key, checks every page and the data version; throws saying what is wrong. */
export function verifyBackup(path: string, key: DatabaseKey, expectedVersion?: number): number {
  const copy = openEncrypted(path, key, { readonly: true, fileMustExist: true });
  try {
    const check = copy.pragma('integrity_check', { simple: true });
    if (check !== 'ok')
      throw new ApiError(
        'unavailable',
        `The backup at ${path} failed its integrity check (${String(check)}).`,
      );
    const version = copy.pragma('user_version', { simple: true }) as number;
    if (expectedVersion !== undefined && version !== expectedVersion) {
      throw new ApiError(
        'unavailable',
        `The backup at ${path} has data version ${String(version)}, expected ${expectedVersion}.`,
      );
    }
    return version;
  } finally {
    copy.close();
  }
}

function flushToDisk(path: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    fsyncSync(fd);
  } catch (error) {
    // A folder cannot be flushed on Windows, and some network shares refuse it; the file itself was.
    if (statSync(path).isFile()) throw error;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function writeFailure(destination: string, error: unknown): ApiError {
  const code = sqliteCode(error);
  const detail = error instanceof Error ? error.message : String(error);
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || /disk is full|ENOSPC|EFBIG/i.test(detail))
    return new ApiError(
      'unavailable',
      `The backup could not be written: the disk holding ${dirname(destination)} is full. No backup file was left behind and the database is unchanged. Free some space (or choose another backup folder) and back up again.`,
    );
  return new ApiError(
    'unavailable',
    `The backup could not be written to ${dirname(destination)} (${detail}). No backup file was left behind and the database is unchanged.`,
  );
}

/** `involvement-desk-2026-11-23T10-00-00-000Z.sqlite`: sortable, and safe on every file system. */
export function backupFileName(at: Date, why?: string): string {
  const stamp = at.toISOString().replace(/[:.]/g, '-');
  return `involvement-desk-${why ? `${why}-` : ''}${stamp}.sqlite`;
}
