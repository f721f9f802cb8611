import type Database from 'better-sqlite3';

/** This install's own sync bookkeeping (never synced). */
export function getState<T>(raw: Database.Database, key: string): T | null {
  const row = raw.prepare(`SELECT value FROM sync_state WHERE key = ?`).get(key) as
    { value: string } | undefined;
  return row ? (JSON.parse(row.value) as T) : null;
}

export function setState(raw: Database.Database, key: string, value: unknown): void {
  raw
    .prepare(
      `INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
    )
    .run(key, JSON.stringify(value));
}

/**
 * Sync's statements run on the raw connection; one must not land inside a
 * transaction the app's async write path has open, so it waits its turn.
 */
export async function whenIdle(raw: Database.Database): Promise<void> {
  while (raw.inTransaction) await new Promise((r) => setTimeout(r, 5));
}
