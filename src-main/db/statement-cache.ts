import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/**
 * Kysely's SQLite driver prepares every statement afresh; preparing costs
 * more than running a point query. Keeping the prepared statements by SQL
 * text brings a Kysely query within a few microseconds of raw better-sqlite3.
 */
export function withStatementCache(db: BetterSqlite3.Database, capacity = 1000): SqliteDatabase {
  const cache = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => db.close(),
    prepare(sql: string): SqliteStatement {
      let stmt = cache.get(sql);
      if (stmt) {
        // Refresh its place so the least recently used is evicted first.
        cache.delete(sql);
      } else {
        stmt = db.prepare(sql);
        if (cache.size >= capacity) cache.delete(cache.keys().next().value!);
      }
      cache.set(sql, stmt);
      return stmt as unknown as SqliteStatement;
    },
  };
}
