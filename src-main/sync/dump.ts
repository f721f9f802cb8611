import type Database from 'better-sqlite3';
import { LOCAL_COLUMNS } from '../../src-shared/sync/review-fields';

/**
 * Every synced record and the open conflicts, in a fixed order: two installs
 * that have seen the same changes give the same text.
 */
export function canonicalDump(raw: Database.Database): string {
  const tables = raw
    .prepare(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`,
    )
    .pluck()
    .all() as string[];
  const out: string[] = [];
  for (const table of tables) {
    const cols = raw
      .prepare(`SELECT name FROM pragma_table_info(?)`)
      .pluck()
      .all(table) as string[];
    if (!cols.includes('updated_by') || !cols.includes('deleted_at')) continue;
    const local = new Set(LOCAL_COLUMNS[table] ?? []);
    const keep = cols
      .filter((c) => !local.has(c))
      .map((c) => `"${c}"`)
      .join(', ');
    for (const row of raw.prepare(`SELECT ${keep} FROM "${table}" ORDER BY id`).raw().all())
      out.push(`${table} ${JSON.stringify(row)}`);
  }
  for (const row of raw
    .prepare(`SELECT * FROM sync_conflicts ORDER BY entity, row_id, field`)
    .raw()
    .all())
    out.push(`conflict ${JSON.stringify(row)}`);
  return out.join('\n');
}
