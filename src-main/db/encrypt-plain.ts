import {
  closeSync,
  existsSync,
  fstatSync,
  fsyncSync,
  linkSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { ApiError } from '../../src-shared/errors';
import type { DatabaseKey } from './database-key';
import { Database, keyPragmas, openEncrypted, sqlString, type SqliteDatabase } from './driver';

/**
 * Makes a database from before encryption into an encrypted one, in place.
 *
 * 1. A compact copy is written beside it (`VACUUM INTO`, which reads through
 *    the WAL, so nothing confirmed is missed), and encrypted in place with
 *    the key (`rekey`, which rewrites every page).
 * 2. The copy is opened with the key and checked: `integrity_check`, the data
 *    version, and the row count of every table against the original.
 * 3. Only then does the copy take the database's name (one rename, so at
 *    every moment the name holds either the whole plain file or the whole
 *    encrypted one), and the plain file, kept under a second name until
 *    now, is overwritten with zeros, flushed and removed (see SECURITY.md for
 *    what that can and cannot do on an SSD).
 *
 * If anything fails before step 3 the original is left exactly as it was and
 * the copy removed.
 */
export function encryptPlainDatabase(path: string, key: DatabaseKey, now: Date): void {
  const dir = dirname(path);
  const tag = `${now.getTime().toString(36)}${randomBytes(3).toString('hex')}`;
  const copy = join(dir, `.${basename(path)}.encrypting-${tag}`);
  const aside = join(dir, `.${basename(path)}.plain-removing-${tag}`);

  const plain = new Database(path, { fileMustExist: true });
  let counts: Map<string, number>;
  let version: number;
  try {
    counts = rowCounts(plain);
    version = plain.pragma('user_version', { simple: true }) as number;
    plain.exec(`VACUUM INTO ${sqlString(copy)}`);
  } catch (error) {
    rmSync(copy, { force: true });
    throw failed(path, error);
  } finally {
    plain.close();
  }

  try {
    const target = new Database(copy, { fileMustExist: true });
    try {
      // A fresh VACUUM INTO copy is in rollback-journal mode, which rekey needs.
      for (const pragma of keyPragmas(key, 'hexrekey')) target.pragma(pragma);
    } finally {
      target.close();
    }
    flush(copy);
    verifyCopy(copy, key, version, counts);
  } catch (error) {
    secureRemove(copy);
    throw failed(path, error);
  }

  // The plain data stays reachable under `aside` until the encrypted copy holds the name.
  let linked = true;
  try {
    linkSync(path, aside);
  } catch {
    linked = false; // A file system without hard links (FAT): the plain file is zeroed through an open handle.
  }
  if (linked) {
    renameSync(copy, path);
    flush(dir);
    secureRemove(aside);
  } else {
    const fd = openSync(path, 'r+');
    try {
      renameSync(copy, path);
      flush(dir);
      zeroThrough(fd, fstatSync(fd).size);
    } finally {
      closeSync(fd);
    }
  }
  for (const suffix of ['-wal', '-shm']) secureRemove(path + suffix);
}

function rowCounts(db: SqliteDatabase): Map<string, number> {
  const tables = db
    .prepare(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%'`,
    )
    .pluck()
    .all() as string[];
  return new Map(
    tables.map((t) => [
      t,
      db
        .prepare(`SELECT count(*) FROM "${t.replace(/"/g, '""')}"`)
        .pluck()
        .get() as number,
    ]),
  );
}

function verifyCopy(
  copy: string,
  key: DatabaseKey,
  version: number,
  counts: Map<string, number>,
): void {
  const db = openEncrypted(copy, key, { readonly: true, fileMustExist: true });
  try {
    const check = db.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new Error(`the encrypted copy failed its check (${String(check)})`);
    if (db.pragma('user_version', { simple: true }) !== version)
      throw new Error('the encrypted copy has another data version');
    const after = rowCounts(db);
    for (const [table, n] of counts)
      if (after.get(table) !== n)
        throw new Error(
          `the encrypted copy has ${after.get(table) ?? 0} rows in ${table}, not ${n}`,
        );
  } finally {
    db.close();
  }
}

function failed(path: string, error: unknown): ApiError {
  const detail = error instanceof Error ? error.message : String(error);
  return new ApiError(
    'unavailable',
    `${path} is a database from before encryption, and making an encrypted copy of it failed (${detail}). The original has been left untouched; free some disk space if the disk is full and start again.`,
  );
}

function flush(path: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    fsyncSync(fd);
  } catch {
    // Folders cannot be flushed on every system; the files themselves were.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Overwrites a file with zeros, flushes it and removes it. On a spinning
 * disk that destroys the old bytes; on an SSD or a copy-on-write file
 * system the drive may keep the old blocks elsewhere until it reuses them,
 * which no program can prevent (SECURITY.md says what to do about it).
 */
export function secureRemove(path: string): void {
  if (!existsSync(path)) return;
  const fd = openSync(path, 'r+');
  try {
    zeroThrough(fd, statSync(path).size);
  } finally {
    closeSync(fd);
  }
  rmSync(path, { force: true });
}

function zeroThrough(fd: number, size: number): void {
  const zeros = Buffer.alloc(Math.max(1, Math.min(size, 1 << 20)));
  for (let at = 0; at < size; at += zeros.length)
    writeSync(fd, zeros, 0, Math.min(zeros.length, size - at), at);
  fsyncSync(fd);
}

/** A plain copy left by a conversion cut short (a crash between its steps) is removed at the next open. */
export function removeLeftoverPlainCopies(path: string): void {
  const dir = dirname(path);
  if (!existsSync(dir)) return;
  const prefix = `.${basename(path)}.`;
  for (const name of readdirSync(dir)) {
    if (!name.startsWith(prefix)) continue;
    const rest = name.slice(prefix.length);
    if (rest.startsWith('plain-removing-') || rest.startsWith('encrypting-'))
      secureRemove(join(dir, name));
  }
}
