import { Kysely, SqliteDialect } from 'kysely';
import type { DatabaseKey } from './database-key';
import { openEncrypted, type SqliteDatabase } from './driver';
import type { DB } from './schema';
import { withStatementCache } from './statement-cache';

export interface ReadOnlyDatabase {
  db: Kysely<DB>;
  raw: SqliteDatabase;
  close(): Promise<void>;
}

/**
 * A second, read-only connection to the app's database, for long reads in
 * another thread: with WAL it reads the last committed state while the
 * backend's own connection goes on answering (and writing), and SQLite
 * refuses any write through it. The key is applied before anything else.
 */
export function openReadOnlyDatabase(path: string, key: DatabaseKey): ReadOnlyDatabase {
  const raw = openEncrypted(path, key, { readonly: true, fileMustExist: true });
  try {
    raw.pragma('busy_timeout = 5000');
    raw.pragma('cache_size = -65536');
    raw.pragma('temp_store = MEMORY');
    raw.pragma('query_only = ON');
  } catch (error) {
    raw.close();
    throw error;
  }
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: withStatementCache(raw) }) });
  return { db, raw, close: () => db.destroy() };
}
