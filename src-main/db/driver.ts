import Database from 'better-sqlite3-multiple-ciphers';
import { ApiError } from '../../src-shared/errors';
import type { DatabaseKey } from './database-key';

/**
 * The one SQLite driver: SQLite3 Multiple Ciphers, a drop-in build of
 * better-sqlite3 that encrypts every page of the file and of its WAL. Every
 * connection goes through `openEncrypted`, which applies the key before any
 * other statement.
 */
export { Database };
export type SqliteDatabase = Database.Database;

/**
 * ChaCha20-Poly1305 (the library's default, sqleet-compatible): every page is
 * encrypted and authenticated, so a changed byte is refused, not read.
 * Named here so that a change of the library's default cannot strand a file.
 */
export const CIPHER = 'chacha20';

/**
 * One round of the key derivation, not the cipher's default 64,007. The
 * rounds exist to slow the guessing of a passphrase a person chose; this key
 * is 32 random bytes, which no number of rounds makes harder to guess, and
 * the default cost (about 0.1 s per connection on a laptop) was paid by every
 * job, check and backup. The file's own random salt still makes each file's
 * page key its own.
 */
export const KDF_ITERATIONS = 1;

/** The statements that apply the key, in order: the integrity check's worker runs the same. */
export function keyPragmas(key: DatabaseKey, verb: 'hexkey' | 'hexrekey' = 'hexkey'): string[] {
  return [`cipher = '${CIPHER}'`, `kdf_iter = ${KDF_ITERATIONS}`, `${verb} = '${key}'`];
}

export function applyKey(db: SqliteDatabase, key: DatabaseKey): void {
  for (const pragma of keyPragmas(key)) db.pragma(pragma);
}

export interface OpenEncryptedOptions {
  readonly?: boolean;
  fileMustExist?: boolean;
}

/**
 * Opens a connection with the key applied, and proves the key fits by
 * reading the schema. A key that does not fit never reaches the file: the
 * connection is closed before anything else is asked of it.
 */
export function openEncrypted(
  path: string,
  key: DatabaseKey,
  options: OpenEncryptedOptions = {},
): SqliteDatabase {
  const db = new Database(path, options);
  try {
    applyKey(db, key);
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    return db;
  } catch (error) {
    db.close();
    if (sqliteCode(error) === 'SQLITE_NOTADB') throw wrongKey(path);
    throw error;
  }
}

export function sqliteCode(error: unknown): string {
  return String((error as { code?: unknown } | null)?.code ?? '');
}

export function wrongKey(path: string): ApiError {
  return new ApiError(
    'unavailable',
    `${path} cannot be opened: this database is encrypted with another key (or it is not an Involvement Desk database). It has been left untouched. Use the key it was made with, or restore a backup made with this installation's key.`,
  );
}

/** Quotes a file name for `VACUUM INTO` and `ATTACH`. */
export function sqlString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}
