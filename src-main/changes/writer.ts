import type Database from 'better-sqlite3-multiple-ciphers';
import type { Insertable, Kysely, Transaction, Updateable } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { ApiError } from '../../src-shared/errors';
import type { Clock } from '../../src-shared/clock';
import type { DB, TableName } from '../db/schema';
import { markWrite } from '../db/write-guard';
import type { EditableColumns } from '../db/schema/common';
import type { DeviceClock } from './device-clock';
import { latestVersion } from '../db/migrations';
import {
  CREATE_FIELD,
  DELETE_FIELD,
  fieldLeaves,
  recordVersion,
  rowLeaves,
} from '../sync/versions';

/** Tables that users edit: they carry the editable columns and are logged. */
export type EditableTable = {
  [T in TableName]: DB[T] extends EditableColumns ? T : never;
}[TableName];

type Values<T extends EditableTable> = Omit<Insertable<DB[T]>, keyof EditableColumns> & {
  id?: string;
};
type Patch<T extends EditableTable> = Omit<Updateable<DB[T]>, keyof EditableColumns>;

export interface WriteScope {
  db: Kysely<DB>;
  /** The same connection as `db`: the change log is appended with one prepared statement. */
  raw: Database.Database;
  clock: Clock;
  deviceId: string;
  deviceClock: DeviceClock;
  actorId: string;
}

export interface WriteOptions {
  /** Why, where the user gave a reason (an override, a withdrawal, a transition). */
  reason?: string | null;
}

export interface UpdateOptions extends WriteOptions {
  /** The `updated_at` the user saw: refuse the save if someone changed the record since. */
  expectedUpdatedAt?: string;
}

/**
 * The one write path. Every change to an editable table goes through a
 * Writer, inside one transaction that also appends the change to the change
 * log: the audit trail now, the sync feed later.
 */
export async function write<R>(scope: WriteScope, work: (w: Writer) => Promise<R>): Promise<R> {
  // Started without the write guard's plugin: this is the one handle allowed inside.
  return scope.db
    .withoutPlugins()
    .transaction()
    .execute(async (trx) => {
      const last = await trx
        .selectFrom('change_log')
        .select((eb) => eb.fn.max('seq').as('seq'))
        .where('device_id', '=', scope.deviceId)
        .executeTakeFirst();
      const writer = new Writer(trx, scope, Number(last?.seq ?? 0));
      return markWrite(() => work(writer));
    });
}

export class Writer {
  readonly trx: Transaction<DB>;
  readonly actorId: string;
  private seq: number;
  private readonly firstSeq: number;

  constructor(
    trx: Transaction<DB>,
    private readonly scope: WriteScope,
    lastSeq: number,
  ) {
    this.trx = trx;
    this.actorId = scope.actorId;
    this.seq = lastSeq;
    this.firstSeq = lastSeq;
  }

  /** How many changes this write has logged so far. */
  get changeCount(): number {
    return this.seq - this.firstSeq;
  }

  /** Creates a record and returns its id. */
  async create<T extends EditableTable>(
    table: T,
    values: Values<T>,
    options: WriteOptions = {},
  ): Promise<string> {
    const id = values.id ?? uuidv7();
    if (values.id) {
      // A link row's id comes from its natural key: recording it again after
      // it was removed brings the same row back rather than a second one.
      const found = prepared(this.scope.raw, `SELECT deleted_at FROM "${table}" WHERE id = ?`).get(
        id,
      ) as { deleted_at: string | null } | undefined;
      if (found) {
        if (!found.deleted_at) throw new ApiError('conflict', 'That has already been recorded.');
        await this.restore(table, id, options);
        const { id: _i, ...rest } = values;
        await this.update(table, id, rest as unknown as Patch<T>, options);
        return id;
      }
    }
    const at = this.scope.clock.now().toISOString();
    const row = {
      ...values,
      id,
      created_at: at,
      updated_at: at,
      updated_by: this.actorId,
      deleted_at: null,
    };
    // Kysely leaves out undefined values; so does this.
    const columns = Object.keys(row).filter((c) => row[c as keyof typeof row] !== undefined);
    prepared(this.scope.raw, insertSql(table, columns)).run(
      columns.map((c) => toSql(row[c as keyof typeof row])),
    );
    const {
      id: _id,
      created_at: _c,
      updated_at: _u,
      updated_by: _b,
      deleted_at: _d,
      ...fields
    } = row;
    await this.log(at, table, id, 'create', null, null, fields, options.reason);
    return id;
  }

  /**
   * Records a person's choice on a sync conflict: logged even where the value
   * chosen is the one shown, because the change's bases (every leaf) are
   * what settle the conflict on every install.
   */
  async resolve<T extends EditableTable>(
    table: T,
    id: string,
    field: string,
    value: unknown,
  ): Promise<void> {
    const before = await this.current(table, id, true);
    const at = this.scope.clock.now().toISOString();
    prepared(this.scope.raw, updateSql(table, [field])).run(toSql(value), at, this.actorId, id);
    await this.log(at, table, id, 'update', field, before[field], value, 'Sync conflict resolved');
  }

  /** Applies the fields that differ and logs each one; returns the names of those that changed. */
  async update<T extends EditableTable>(
    table: T,
    id: string,
    patch: Patch<T>,
    options: UpdateOptions = {},
  ): Promise<string[]> {
    const before = await this.current(table, id);
    if (options.expectedUpdatedAt && before.updated_at !== options.expectedUpdatedAt) {
      throw new ApiError(
        'conflict',
        'Someone else saved this record after you opened it. Reload it to see their changes, then make yours again.',
      );
    }
    const changed: [string, unknown, unknown][] = [];
    for (const [field, value] of Object.entries(patch as Record<string, unknown>)) {
      if (value === undefined) continue;
      const was = before[field];
      if (!sameValue(was, value)) changed.push([field, was, value]);
    }
    if (changed.length === 0) return [];

    const at = this.scope.clock.now().toISOString();
    prepared(
      this.scope.raw,
      updateSql(
        table,
        changed.map(([f]) => f),
      ),
    ).run(...changed.map(([, , v]) => toSql(v)), at, this.actorId, id);
    for (const [field, was, value] of changed) {
      await this.log(at, table, id, 'update', field, was, value, options.reason);
    }
    return changed.map(([f]) => f);
  }

  /** Deletes by tombstone, so the delete syncs like any other change. */
  async remove<T extends EditableTable>(
    table: T,
    id: string,
    options: WriteOptions = {},
  ): Promise<void> {
    const before = await this.current(table, id);
    if (before.deleted_at) return;
    const at = this.scope.clock.now().toISOString();
    prepared(this.scope.raw, setDeletedSql(table)).run(at, at, this.actorId, id);
    await this.log(at, table, id, 'delete', null, null, null, options.reason);
  }

  async restore<T extends EditableTable>(
    table: T,
    id: string,
    options: WriteOptions = {},
  ): Promise<void> {
    const before = await this.current(table, id, true);
    if (!before.deleted_at) return;
    const at = this.scope.clock.now().toISOString();
    prepared(this.scope.raw, setDeletedSql(table)).run(null, at, this.actorId, id);
    await this.log(at, table, id, 'restore', null, null, null, options.reason);
  }

  /**
   * Logs that something happened to a record, in a word, with no value of the
   * record's own: a passphrase "set" or "reset". The secret itself lives
   * outside the editable tables, so it can never reach the log.
   */
  async note<T extends EditableTable>(
    table: T,
    id: string,
    field: string,
    change: { from: string | null; to: string },
    options: WriteOptions = {},
  ): Promise<void> {
    await this.current(table, id);
    const at = this.scope.clock.now().toISOString();
    await this.log(at, table, id, 'update', field, change.from, change.to, options.reason);
  }

  private async current(
    table: EditableTable,
    id: string,
    includeDeleted = false,
  ): Promise<Record<string, unknown>> {
    const row = prepared(this.scope.raw, `SELECT * FROM "${table}" WHERE id = ?`).get(id) as
      Record<string, unknown> | undefined;
    if (!row || (row.deleted_at && !includeDeleted)) throw ApiError.notFound('That record');
    return row;
  }

  /** Logs one change with the versions it was made from, and makes it the field's one leaf. */
  private async log(
    at: string,
    entity: string,
    entityId: string,
    op: 'create' | 'update' | 'delete' | 'restore',
    field: string | null,
    before: unknown,
    after: unknown,
    reason: string | null | undefined,
  ): Promise<void> {
    this.seq += 1;
    const hlc = this.scope.deviceClock.next(this.scope.clock.now());
    const raw = this.scope.raw;
    const key = op === 'create' ? CREATE_FIELD : op === 'update' ? field! : DELETE_FIELD;
    // A delete is made from every leaf of the record, so an edit it never saw races it.
    const bases =
      op === 'create'
        ? []
        : op === 'delete'
          ? rowLeaves(raw, entity, entityId)
          : fieldLeaves(raw, entity, entityId, key);
    recordVersion(raw, {
      entity,
      rowId: entityId,
      field: key,
      deviceId: this.scope.deviceId,
      seq: this.seq,
      hlc,
      supersedes: bases,
    });
    // Made from every leaf, it is the field's one leaf: any conflict there is settled.
    prepared(raw, CLEAR_CONFLICT_SQL).run(entity, entityId, key);
    prepared(raw, APPEND_CHANGE_SQL).run(
      this.scope.deviceId,
      this.seq,
      hlc,
      at,
      this.actorId,
      entity,
      entityId,
      op,
      field,
      before === null || before === undefined ? null : JSON.stringify(before),
      after === null || after === undefined ? null : JSON.stringify(after),
      reason ?? null,
      JSON.stringify(bases),
      latestVersion,
    );
  }
}

/**
 * The write path runs its statements prepared once per connection: with
 * Kysely compiling each create, update and change-log row, compiling cost
 * more than running them (imports, demo loads). They run on the same
 * connection as the transaction, so they are part of it. Table and column
 * names come from the code, never from input.
 */
const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>();

function prepared(raw: Database.Database, sql: string): Database.Statement {
  let bySql = statements.get(raw);
  if (!bySql) statements.set(raw, (bySql = new Map()));
  let statement = bySql.get(sql);
  if (!statement) bySql.set(sql, (statement = raw.prepare(sql)));
  return statement;
}

function insertSql(table: string, columns: string[]): string {
  const names = columns.map((c) => `"${c}"`).join(', ');
  return `INSERT INTO "${table}" (${names}) VALUES (${columns.map(() => '?').join(', ')})`;
}

function updateSql(table: string, columns: string[]): string {
  const set = [...columns, 'updated_at', 'updated_by'].map((c) => `"${c}" = ?`).join(', ');
  return `UPDATE "${table}" SET ${set} WHERE id = ?`;
}

function setDeletedSql(table: string): string {
  return `UPDATE "${table}" SET deleted_at = ?, updated_at = ?, updated_by = ? WHERE id = ?`;
}

const APPEND_CHANGE_SQL = `INSERT INTO change_log
  (device_id, seq, hlc, at, actor_id, entity, entity_id, op, field, before, after, reason, bases, schema_version)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

const CLEAR_CONFLICT_SQL = `DELETE FROM sync_conflicts WHERE entity = ? AND row_id = ? AND field = ?`;

/** SQLite has no booleans: they are stored as 1 and 0. */
function toSql(value: unknown): unknown {
  return typeof value === 'boolean' ? (value ? 1 : 0) : value;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if ((a === null || a === undefined) && (b === null || b === undefined)) return true;
  // Booleans are stored as 0/1.
  if (typeof b === 'boolean') return a === (b ? 1 : 0);
  return false;
}
