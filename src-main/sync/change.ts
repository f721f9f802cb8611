import type Database from 'better-sqlite3';
import { migrations } from '../db/migrations';
import { sync } from '../db/migrations/0016-sync';
import { changeId, CREATE_FIELD, DELETE_FIELD } from './versions';

/**
 * One change as it travels between installs. `after` and `before` are the
 * change log's own JSON text, carried as is.
 */
export interface SyncChange {
  /** `<device>:<seq>`: unique, and the same on every install. */
  id: string;
  device: string;
  /** Gapless per device. */
  seq: number;
  /** Hybrid logical clock: sorts by wall ms, counter, device. */
  hlc: string;
  at: string;
  /** The staff member. */
  actor: string;
  entity: string;
  rowId: string;
  op: 'create' | 'update' | 'delete' | 'restore';
  field: string | null;
  before: string | null;
  after: string | null;
  /** The versions (change ids) the user was editing from. */
  bases: string[];
  schema: number;
  reason: string | null;
}

interface LogRow {
  device_id: string;
  seq: number;
  hlc: string;
  at: string;
  actor_id: string;
  entity: string;
  entity_id: string;
  op: SyncChange['op'];
  field: string | null;
  before: string | null;
  after: string | null;
  reason: string | null;
  bases: string | null;
  schema_version: number | null;
}

/** The schema version that wrote changes logged before sync: the one that added it (found by name, so renumbering is safe). */
const FIRST_SYNC_SCHEMA = migrations.findIndex((m) => m === sync) + 1;

/** This install's changes after `afterSeq`, in sequence order. */
export function readOwnChanges(
  raw: Database.Database,
  deviceId: string,
  afterSeq: number,
  limit: number,
): SyncChange[] {
  const rows = raw
    .prepare(`SELECT * FROM change_log WHERE device_id = ? AND seq > ? ORDER BY seq LIMIT ?`)
    .all(deviceId, afterSeq, limit) as LogRow[];
  return rows.map((r) => toChange(raw, r));
}

export function lastOwnSeq(raw: Database.Database, deviceId: string): number {
  const row = raw
    .prepare(`SELECT max(seq) AS seq FROM change_log WHERE device_id = ?`)
    .get(deviceId) as { seq: number | null };
  return row.seq ?? 0;
}

function toChange(raw: Database.Database, r: LogRow): SyncChange {
  return {
    id: changeId(r.device_id, r.seq),
    device: r.device_id,
    seq: r.seq,
    hlc: r.hlc,
    at: r.at,
    actor: r.actor_id,
    entity: r.entity,
    rowId: r.entity_id,
    op: r.op,
    field: r.field,
    before: r.before,
    after: r.after,
    bases: r.bases === null ? legacyBases(raw, r) : (JSON.parse(r.bases) as string[]),
    schema: r.schema_version ?? FIRST_SYNC_SCHEMA,
    reason: r.reason,
  };
}

/**
 * A change logged before sync existed has no recorded bases: on one install
 * each change was made from everything before it, so its bases are the
 * earlier versions of the same field (all of the record's, for a delete).
 */
function legacyBases(raw: Database.Database, r: LogRow): string[] {
  if (r.op === 'create') return [];
  const field = r.op === 'update' ? r.field : DELETE_FIELD;
  const rows =
    r.op === 'delete'
      ? raw
          .prepare(
            `SELECT DISTINCT change_id FROM sync_versions
             WHERE entity = ? AND row_id = ? AND device_id = ? AND seq < ? AND present = 1`,
          )
          .pluck()
          .all(r.entity, r.entity_id, r.device_id, r.seq)
      : raw
          .prepare(
            `SELECT change_id FROM sync_versions
             WHERE entity = ? AND row_id = ? AND field IN (?, ?) AND device_id = ? AND seq < ? AND present = 1`,
          )
          .pluck()
          .all(r.entity, r.entity_id, field, CREATE_FIELD, r.device_id, r.seq);
  return (rows as string[]).sort();
}

/** A change read from elsewhere, checked for shape before it is trusted further. */
export function parseChange(value: unknown): SyncChange {
  const c = value as SyncChange;
  const ok =
    c !== null &&
    typeof c === 'object' &&
    typeof c.device === 'string' &&
    Number.isInteger(c.seq) &&
    c.seq > 0 &&
    c.id === changeId(c.device, c.seq) &&
    typeof c.hlc === 'string' &&
    typeof c.at === 'string' &&
    typeof c.actor === 'string' &&
    typeof c.entity === 'string' &&
    /^[a-z_]+$/.test(c.entity) &&
    typeof c.rowId === 'string' &&
    ['create', 'update', 'delete', 'restore'].includes(c.op) &&
    (c.field === null || (typeof c.field === 'string' && /^[a-z_0-9]+$/.test(c.field))) &&
    (c.after === null || typeof c.after === 'string') &&
    (c.before === null || typeof c.before === 'string') &&
    Array.isArray(c.bases) &&
    c.bases.every((b) => typeof b === 'string') &&
    Number.isInteger(c.schema);
  if (!ok) throw new Error('Not a change in the sync format.');
  return c;
}
