import type Database from 'better-sqlite3';

/*
 * The per-field version table (`sync_versions`), shared by the local write
 * path and the merge. A change's bases are the leaves of its field when it
 * was made; a create stands for every field it set, until a later version
 * of a field supersedes it there (a marker row for that field).
 */

export const CREATE_FIELD = '$create';
export const DELETE_FIELD = 'deleted_at';

export function changeId(deviceId: string, seq: number): string {
  return `${deviceId}:${seq}`;
}

interface Statements {
  fieldLeaves: Database.Statement;
  rowLeaves: Database.Statement;
  supersede: Database.Statement;
  add: Database.Statement;
}

const cache = new WeakMap<Database.Database, Statements>();

function statements(raw: Database.Database): Statements {
  let s = cache.get(raw);
  if (s) return s;
  s = {
    fieldLeaves: raw
      .prepare(
        `SELECT change_id FROM sync_versions
         WHERE entity = ? AND row_id = ? AND field = ? AND present = 1 AND superseded = 0
         UNION ALL
         SELECT c.change_id FROM sync_versions AS c
         WHERE c.entity = ? AND c.row_id = ? AND c.field = '$create' AND c.present = 1
           AND NOT EXISTS (SELECT 1 FROM sync_versions AS m WHERE m.entity = c.entity
             AND m.row_id = c.row_id AND m.field = ? AND m.change_id = c.change_id)`,
      )
      .pluck(),
    rowLeaves: raw
      .prepare(
        `SELECT DISTINCT change_id FROM sync_versions
         WHERE entity = ? AND row_id = ? AND present = 1 AND superseded = 0`,
      )
      .pluck(),
    supersede: raw.prepare(
      `INSERT INTO sync_versions (entity, row_id, field, change_id, present, superseded)
       VALUES (?, ?, ?, ?, 0, 1)
       ON CONFLICT (entity, row_id, field, change_id) DO UPDATE SET superseded = 1`,
    ),
    add: raw.prepare(
      `INSERT INTO sync_versions (entity, row_id, field, change_id, device_id, seq, hlc, present, superseded)
       VALUES (?, ?, ?, ?, ?, ?, ?, 1, 0)
       ON CONFLICT (entity, row_id, field, change_id)
       DO UPDATE SET device_id = excluded.device_id, seq = excluded.seq, hlc = excluded.hlc, present = 1`,
    ),
  };
  cache.set(raw, s);
  return s;
}

/** The leaves of one field: what a change to it now is made from. */
export function fieldLeaves(
  raw: Database.Database,
  entity: string,
  rowId: string,
  field: string,
): string[] {
  return statements(raw).fieldLeaves.all(entity, rowId, field, entity, rowId, field) as string[];
}

/** Every leaf of the record: a delete is made from all of them (so an edit it never saw races it). */
export function rowLeaves(raw: Database.Database, entity: string, rowId: string): string[] {
  return (statements(raw).rowLeaves.all(entity, rowId) as string[]).sort();
}

/**
 * Records a version of `field` and that it supersedes `bases` (within the
 * same field: a delete's other bases are only read by the race check).
 */
export function recordVersion(
  raw: Database.Database,
  v: {
    entity: string;
    rowId: string;
    field: string;
    deviceId: string;
    seq: number;
    hlc: string;
    supersedes: readonly string[];
  },
): void {
  const s = statements(raw);
  const id = changeId(v.deviceId, v.seq);
  s.add.run(v.entity, v.rowId, v.field, id, v.deviceId, v.seq, v.hlc);
  for (const base of v.supersedes) s.supersede.run(v.entity, v.rowId, v.field, base);
}
