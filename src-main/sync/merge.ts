/*
 * The merge: applying changes from other installs.
 *
 * Choices, and why:
 * - State is a pure function of the set of changes. Every version of every
 *   field is kept in `sync_versions`; a version is a leaf while no other
 *   version of that field names it in its bases. A field's value is its
 *   leaf with the highest hybrid logical clock (wall ms, counter, device:
 *   the HLC string sorts that way). Supersession is recorded whichever
 *   arrives first (a base named before it arrives leaves a marker), so the
 *   leaves, and so the rows, do not depend on arrival order.
 * - A record is materialised from its leaves after each batch: every synced
 *   column, `created_at` from its create, `updated_at`/`updated_by` from its
 *   latest leaf. A record whose create has not arrived waits in the version
 *   table. Columns an install derives for itself (`LOCAL_COLUMNS`) are never
 *   merged; a customer's last activity is recomputed after applying.
 * - Fields marked for review (`REVIEW_FIELDS`) with leaves of different
 *   values open a conflict; so does a delete whose bases miss a leaf of the
 *   record (an edit it never saw) or a delete racing a restore. The
 *   conflicts table is derived the same way on every install, and a
 *   resolution is an ordinary change made from every leaf.
 * - Changes land in the change log itself (key device + sequence, so a
 *   change seen twice is ignored), with their bases, so history and audit
 *   show everyone's work.
 * - A change from a newer schema is kept in `sync_pending` and applied after
 *   this install is updated; one stamped over an hour ahead of this
 *   computer's clock is refused, with the rest of that install's batch (so
 *   no gap opens), and the install is named.
 * - A merged-away person's references are translated through
 *   `person_redirects` when records are materialised and re-pointed when
 *   the redirect arrives, so late records citing the old id land on the
 *   new one.
 * - One transaction per batch, prepared statements throughout, foreign key
 *   checks off while applying (a record may arrive before what it cites).
 */
import type Database from 'better-sqlite3';
import { MAX_DRIFT_MS, parseHlc } from '../../src-shared/sync/hlc';
import { isReviewField, LOCAL_COLUMNS } from '../../src-shared/sync/review-fields';
import type { DeviceClock } from '../changes/device-clock';
import { latestVersion } from '../db/migrations';
import type { SyncChange } from './change';
import { changeId, CREATE_FIELD, DELETE_FIELD, recordVersion } from './versions';

export interface MergeScope {
  raw: Database.Database;
  deviceClock: DeviceClock;
  now: () => Date;
  /** The schema this install runs (tests of mixed versions pass an older one). */
  schemaVersion?: number;
}

export interface Refusal {
  device: string;
  seq: number;
  message: string;
}

export interface ApplyResult {
  applied: number;
  duplicates: number;
  /** Kept for a newer version of the app. */
  pending: number;
  refused: Refusal[];
  records: number;
  /** Open conflicts after applying. */
  conflicts: number;
}

interface VersionRow {
  field: string;
  change_id: string;
  device_id: string | null;
  seq: number | null;
  hlc: string | null;
  present: number;
  superseded: number;
}

interface LogEntry {
  op: string;
  at: string;
  actor_id: string;
  after: string | null;
  bases: string | null;
}

interface Leaf {
  id: string;
  device: string;
  seq: number;
  hlc: string;
  at: string;
  actor: string;
  /** JSON text; undefined where a create did not set the field. */
  value: string | null;
  op: string;
  bases: string | null;
}

interface TableInfo {
  columns: Set<string>;
  /** Columns that cite a customer. */
  customerRefs: string[];
}

class Statements {
  readonly append: Database.Statement;
  readonly versions: Database.Statement;
  readonly logEntry: Database.Statement;
  readonly redirect: Database.Statement;
  readonly conflictUpsert: Database.Statement;
  readonly conflictDelete: Database.Statement;
  readonly conflictCount: Database.Statement;
  readonly pendingInsert: Database.Statement;
  readonly tables = new Map<string, TableInfo | null>();
  /** Open conflicts' keys for the batch: most records have none, and a delete per record cost more than the rest. */
  open = new Set<string>();
  /** Customers materialised for the first time in this batch: their derived columns start empty. */
  readonly inserted = new Set<string>();
  readonly upserts = new Map<string, Database.Statement>();

  constructor(readonly raw: Database.Database) {
    this.append = raw.prepare(`INSERT OR IGNORE INTO change_log
      (device_id, seq, hlc, at, actor_id, entity, entity_id, op, field, before, after, reason, bases, schema_version)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    // The change log is read only for the leaves: a join for every version cost four times as much.
    this.versions = raw.prepare(`SELECT field, change_id, device_id, seq, hlc, present, superseded
      FROM sync_versions WHERE entity = ? AND row_id = ?`);
    this.logEntry = raw.prepare(
      `SELECT op, at, actor_id, after, bases FROM change_log WHERE device_id = ? AND seq = ?`,
    );
    this.redirect = raw
      .prepare(`SELECT new_id FROM person_redirects WHERE id = ? AND deleted_at IS NULL`)
      .pluck();
    this.conflictUpsert =
      raw.prepare(`INSERT INTO sync_conflicts (entity, row_id, field, kind, leaves)
      VALUES (?, ?, ?, ?, ?) ON CONFLICT (entity, row_id, field)
      DO UPDATE SET kind = excluded.kind, leaves = excluded.leaves`);
    this.conflictDelete = raw.prepare(
      `DELETE FROM sync_conflicts WHERE entity = ? AND row_id = ? AND field = ?`,
    );
    this.conflictCount = raw.prepare(`SELECT count(*) FROM sync_conflicts`).pluck();
    this.pendingInsert = raw.prepare(
      `INSERT OR IGNORE INTO sync_pending (device_id, seq, schema_version, body) VALUES (?, ?, ?, ?)`,
    );
  }

  table(entity: string): TableInfo | null {
    if (this.tables.has(entity)) return this.tables.get(entity)!;
    const cols = this.raw
      .prepare(`SELECT name FROM pragma_table_info(?)`)
      .pluck()
      .all(entity) as string[];
    let info: TableInfo | null = null;
    if (cols.includes('id') && cols.includes('deleted_at') && cols.includes('updated_by')) {
      const local = new Set(LOCAL_COLUMNS[entity] ?? []);
      const fks = this.raw
        .prepare(`SELECT "from", "table" FROM pragma_foreign_key_list(?)`)
        .all(entity) as { from: string; table: string }[];
      info = {
        columns: new Set(cols.filter((c) => !local.has(c))),
        customerRefs: fks.filter((f) => f.table === 'customers').map((f) => f.from),
      };
    }
    this.tables.set(entity, info);
    return info;
  }

  private cached(key: string, sql: () => string): Database.Statement {
    let s = this.upserts.get(key);
    if (!s) this.upserts.set(key, (s = this.raw.prepare(sql())));
    return s;
  }

  current(entity: string): Database.Statement {
    return this.cached(`get\0${entity}`, () => `SELECT * FROM "${entity}" WHERE id = ?`);
  }

  insert(entity: string, columns: string[]): Database.Statement {
    return this.cached(`insert\0${entity}\0${columns.join(',')}`, () => {
      const names = columns.map((c) => `"${c}"`).join(', ');
      return `INSERT INTO "${entity}" (${names}) VALUES (${columns.map(() => '?').join(', ')})`;
    });
  }

  /** Only the columns that differ are set: the register's search and tag triggers fire on what is set. */
  update(entity: string, columns: string[]): Database.Statement {
    return this.cached(`update\0${entity}\0${columns.join(',')}`, () => {
      const set = columns.map((c) => `"${c}" = ?`).join(', ');
      return `UPDATE "${entity}" SET ${set} WHERE id = ?`;
    });
  }
}

const cache = new WeakMap<Database.Database, Statements>();
function statementsFor(raw: Database.Database): Statements {
  let s = cache.get(raw);
  if (!s) cache.set(raw, (s = new Statements(raw)));
  return s;
}

/**
 * Applies a batch of changes (any order, duplicates allowed) in one
 * transaction. Must not be called inside another transaction.
 */
export function applyChanges(scope: MergeScope, changes: readonly SyncChange[]): ApplyResult {
  const { raw } = scope;
  if (raw.inTransaction) throw new Error('Changes are applied in a transaction of their own.');
  const s = statementsFor(raw);
  const schema = scope.schemaVersion ?? latestVersion;
  const result: ApplyResult = {
    applied: 0,
    duplicates: 0,
    pending: 0,
    refused: [],
    records: 0,
    conflicts: 0,
  };
  const now = scope.now();
  raw.pragma('foreign_keys = OFF');
  try {
    raw.transaction(() => {
      const refusedDevices = new Set<string>();
      const touched = new Map<string, Set<string>>();
      const pendingNow = takeApplicablePending(raw, schema);
      s.open = new Set(
        (
          raw.prepare(`SELECT entity, row_id, field FROM sync_conflicts`).raw().all() as string[][]
        ).map((k) => k.join('\0')),
      );
      const all = pendingNow.length ? [...pendingNow, ...changes] : changes;
      // In sequence order per device, so a refusal stops the rest of that device's batch.
      const ordered = [...all].sort((a, b) =>
        a.device === b.device ? a.seq - b.seq : a.device < b.device ? -1 : 1,
      );
      for (const c of ordered) {
        if (refusedDevices.has(c.device)) continue;
        const ahead = parseHlc(c.hlc).millis - now.getTime();
        if (ahead > MAX_DRIFT_MS) {
          refusedDevices.add(c.device);
          result.refused.push({
            device: c.device,
            seq: c.seq,
            message: `Changes from install ${c.device} are stamped ${c.hlc.slice(0, 24)}, more than an hour ahead of this computer's clock, and were not applied. Check the date and time on that computer.`,
          });
          continue;
        }
        if (c.schema > schema) {
          result.pending += s.pendingInsert.run(
            c.device,
            c.seq,
            c.schema,
            JSON.stringify(c),
          ).changes;
          continue;
        }
        const inserted = s.append.run(
          c.device,
          c.seq,
          c.hlc,
          c.at,
          c.actor,
          c.entity,
          c.rowId,
          c.op,
          c.field,
          c.before,
          c.after,
          c.reason,
          JSON.stringify(c.bases),
          c.schema,
        ).changes;
        if (inserted === 0) {
          result.duplicates++;
          continue;
        }
        result.applied++;
        scope.deviceClock.observe(c.hlc, now);
        const field = c.op === 'create' ? CREATE_FIELD : c.op === 'update' ? c.field : DELETE_FIELD;
        if (!field) continue;
        recordVersion(raw, {
          entity: c.entity,
          rowId: c.rowId,
          field,
          deviceId: c.device,
          seq: c.seq,
          hlc: c.hlc,
          supersedes: c.bases,
        });
        let rows = touched.get(c.entity);
        if (!rows) touched.set(c.entity, (rows = new Set()));
        rows.add(c.rowId);
      }
      // People redirected first, so the records citing them are materialised re-pointed.
      const order = [...touched.keys()].sort(
        (a, b) => Number(b === 'person_redirects') - Number(a === 'person_redirects'),
      );
      for (const entity of order) {
        const info = s.table(entity);
        if (!info) continue;
        for (const rowId of touched.get(entity)!) {
          materialise(s, entity, info, rowId);
          result.records++;
        }
      }
      refreshDerived(raw, touched, s.inserted);
      s.inserted.clear();
      result.conflicts = s.conflictCount.get() as number;
    })();
  } finally {
    raw.pragma('foreign_keys = ON');
  }
  return result;
}

function takeApplicablePending(raw: Database.Database, schema: number): SyncChange[] {
  const rows = raw
    .prepare(`SELECT device_id, seq, body FROM sync_pending WHERE schema_version <= ?`)
    .all(schema) as { device_id: string; seq: number; body: string }[];
  if (rows.length === 0) return [];
  raw.prepare(`DELETE FROM sync_pending WHERE schema_version <= ?`).run(schema);
  return rows.map((r) => JSON.parse(r.body) as SyncChange);
}

/** The leaves of each field of one record, worked out from its versions alone. */
export function recordLeaves(raw: Database.Database, entity: string, rowId: string) {
  const s = statementsFor(raw);
  return leavesOf(s, s.versions.all(entity, rowId) as VersionRow[]);
}

function leavesOf(
  s: Statements,
  rows: VersionRow[],
): { creates: Leaf[]; fields: Map<string, Leaf[]> } {
  const superseded = new Map<string, Set<string>>();
  for (const r of rows) {
    if (r.superseded) {
      let set = superseded.get(r.field);
      if (!set) superseded.set(r.field, (set = new Set()));
      set.add(r.change_id);
    }
  }
  const fields = new Map<string, Leaf[]>();
  const add = (field: string, leaf: Leaf) => {
    let list = fields.get(field);
    if (!list) fields.set(field, (list = []));
    list.push(leaf);
  };
  const creates: Leaf[] = [];
  for (const r of rows) {
    if (!r.present || (r.superseded && r.field !== CREATE_FIELD)) continue;
    const log = s.logEntry.get(r.device_id, r.seq) as LogEntry | undefined;
    if (!log) continue;
    const base: Omit<Leaf, 'value'> = {
      id: r.change_id,
      device: r.device_id!,
      seq: r.seq!,
      hlc: r.hlc!,
      at: log.at,
      actor: log.actor_id,
      op: log.op,
      bases: log.bases,
    };
    if (r.field === CREATE_FIELD) {
      creates.push({ ...base, value: log.after });
      const values = JSON.parse(log.after ?? '{}') as Record<string, unknown>;
      for (const [field, value] of Object.entries(values)) {
        if (!superseded.get(field)?.has(r.change_id))
          add(field, { ...base, value: value === undefined ? null : JSON.stringify(value) });
      }
      if (!superseded.get(DELETE_FIELD)?.has(r.change_id))
        add(DELETE_FIELD, { ...base, value: null });
    } else if (!r.superseded) {
      const value =
        r.field === DELETE_FIELD
          ? log.op === 'delete'
            ? JSON.stringify(log.at)
            : null
          : log.after;
      add(r.field, { ...base, value });
    }
  }
  return { creates, fields };
}

function latest(leaves: Leaf[]): Leaf {
  let best = leaves[0]!;
  for (const l of leaves) if (l.hlc > best.hlc) best = l;
  return best;
}

function materialise(s: Statements, entity: string, info: TableInfo, rowId: string): void {
  const { creates, fields } = leavesOf(s, s.versions.all(entity, rowId) as VersionRow[]);
  reviewConflicts(s, entity, rowId, fields, info);
  if (creates.length === 0) return;
  const columns = ['id', 'created_at', 'updated_at', 'updated_by'];
  const values: unknown[] = [rowId, latest(creates).at, null, null];
  let newest: Leaf | null = null;
  for (const [field, leaves] of fields) {
    if (!info.columns.has(field) || columns.includes(field)) continue;
    const winner = latest(leaves);
    if (!newest || winner.hlc > newest.hlc) newest = winner;
    let value = winner.value === null ? null : (JSON.parse(winner.value) as unknown);
    if (typeof value === 'boolean') value = value ? 1 : 0;
    if (value !== null && typeof value === 'object') value = JSON.stringify(value);
    if (typeof value === 'string' && info.customerRefs.includes(field))
      value = redirected(s, value);
    columns.push(field);
    values.push(value);
  }
  const top = newest ?? latest(creates);
  values[2] = top.at;
  values[3] = top.actor;
  const current = s.current(entity).get(rowId) as Record<string, unknown> | undefined;
  if (!current) {
    s.insert(entity, columns).run(values);
    if (entity === 'customers') s.inserted.add(rowId);
  } else {
    const changed: string[] = [];
    const next: unknown[] = [];
    for (let i = 1; i < columns.length; i++) {
      if (current[columns[i]!] !== values[i]) {
        changed.push(columns[i]!);
        next.push(values[i]);
      }
    }
    if (changed.length) s.update(entity, changed).run(...next, rowId);
  }
  if (entity === 'person_redirects') repoint(s, rowId);
}

/** Follows merges to the person a reference now means. */
function redirected(s: Statements, id: string): string {
  let current = id;
  for (let i = 0; i < 20; i++) {
    const next = s.redirect.get(current) as string | undefined;
    if (!next || next === current) return current;
    current = next;
  }
  return current;
}

/** Records already here that cite a merged-away person now cite the one kept. */
function repoint(s: Statements, oldId: string): void {
  const newId = redirected(s, oldId);
  if (newId === oldId) return;
  const tables = s.raw
    .prepare(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'sync_%'`,
    )
    .pluck()
    .all() as string[];
  for (const table of tables) {
    const info = s.table(table);
    for (const column of info?.customerRefs ?? [])
      s.raw
        .prepare(`UPDATE "${table}" SET "${column}" = ? WHERE "${column}" = ?`)
        .run(newId, oldId);
  }
}

function reviewConflicts(
  s: Statements,
  entity: string,
  rowId: string,
  fields: Map<string, Leaf[]>,
  info: TableInfo,
): void {
  for (const [field, leaves] of fields) {
    if (field === DELETE_FIELD || !isReviewField(entity, field)) continue;
    const distinct = new Set(leaves.map((l) => l.value));
    if (distinct.size > 1) openConflict(s, entity, rowId, field, 'field', leaves);
    else closeConflict(s, entity, rowId, field);
  }
  const deletes = fields.get(DELETE_FIELD) ?? [];
  let racing: Leaf[] = [];
  if (deletes.length > 0) {
    const winner = latest(deletes);
    const states = new Set(deletes.map((l) => l.value !== null));
    if (states.size > 1) racing = deletes;
    else if (winner.op === 'delete') {
      const seen = winner.bases ? new Set(JSON.parse(winner.bases) as string[]) : null;
      for (const [field, leaves] of fields) {
        if (field === DELETE_FIELD || !info.columns.has(field)) continue;
        for (const l of leaves) {
          const saw = seen ? seen.has(l.id) : l.device === winner.device && l.seq < winner.seq;
          if (!saw) racing.push(l);
        }
      }
      if (racing.length) racing.push(winner);
    }
  }
  if (racing.length) openConflict(s, entity, rowId, DELETE_FIELD, 'delete', racing);
  else closeConflict(s, entity, rowId, DELETE_FIELD);
}

function openConflict(
  s: Statements,
  entity: string,
  rowId: string,
  field: string,
  kind: string,
  leaves: Leaf[],
) {
  s.conflictUpsert.run(entity, rowId, field, kind, ids(leaves));
  s.open.add(`${entity}\0${rowId}\0${field}`);
}

function closeConflict(s: Statements, entity: string, rowId: string, field: string) {
  const key = `${entity}\0${rowId}\0${field}`;
  if (!s.open.has(key)) return;
  s.conflictDelete.run(entity, rowId, field);
  s.open.delete(key);
}

function ids(leaves: Leaf[]): string {
  return JSON.stringify([...new Set(leaves.map((l) => l.id))].sort());
}

/** A customer's last activity, from the attendance and activities this batch touched. */
function refreshDerived(
  raw: Database.Database,
  touched: Map<string, Set<string>>,
  inserted: Set<string>,
): void {
  // An edit of a customer does not change their last activity; their attendance does.
  const customers = new Set<string>(inserted);
  const byId = raw.prepare(`SELECT customer_id FROM attendance WHERE id = ?`).pluck();
  for (const id of touched.get('attendance') ?? []) {
    const c = byId.get(id) as string | null | undefined;
    if (c) customers.add(c);
  }
  const byActivity = raw
    .prepare(`SELECT customer_id FROM attendance WHERE activity_id = ? AND customer_id IS NOT NULL`)
    .pluck();
  for (const id of touched.get('activities') ?? [])
    for (const c of byActivity.all(id) as string[]) customers.add(c);
  if (customers.size === 0) return;
  // Written only where it changes: the register's list indexes carry this column.
  const latest = `(SELECT max(a.starts_at) FROM attendance AS t JOIN activities AS a ON a.id = t.activity_id
      WHERE t.customer_id = customers.id AND t.status = 'present' AND t.deleted_at IS NULL
        AND a.deleted_at IS NULL AND a.status != 'cancelled')`;
  const update = raw.prepare(
    `UPDATE customers SET last_activity_at = ${latest} WHERE id = ? AND last_activity_at IS NOT ${latest}`,
  );
  for (const id of customers) update.run(id);
}

export { changeId };
