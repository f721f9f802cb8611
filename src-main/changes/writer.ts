import type Database from 'better-sqlite3';
import type { Insertable, Kysely, Transaction, Updateable } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { ApiError } from '../../src-shared/errors';
import type { Clock } from '../../src-shared/clock';
import type { DB, TableName } from '../db/schema';
import { markWrite } from '../db/write-guard';
import type { EditableColumns } from '../db/schema/common';
import type { DeviceClock } from './device-clock';

/** Tables that users edit: they carry the editable columns and are logged. */
export type EditableTable = {
  [T in TableName]: DB[T] extends EditableColumns ? T : never;
}[TableName];

/** The editable tables seen generically: the writer only touches the shared columns by name. */
type LooseDB = Record<string, EditableColumns & Record<string, unknown>>;

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
  private readonly loose: Transaction<LooseDB>;

  constructor(
    trx: Transaction<DB>,
    private readonly scope: WriteScope,
    lastSeq: number,
  ) {
    this.trx = trx;
    this.actorId = scope.actorId;
    this.seq = lastSeq;
    this.loose = trx as unknown as Transaction<LooseDB>;
  }

  /** Creates a record and returns its id. */
  async create<T extends EditableTable>(
    table: T,
    values: Values<T>,
    options: WriteOptions = {},
  ): Promise<string> {
    const at = this.scope.clock.now().toISOString();
    const id = values.id ?? uuidv7();
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
    insertStatement(this.scope.raw, table, columns).run(
      columns.map((c) => row[c as keyof typeof row]),
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
    updateStatement(
      this.scope.raw,
      table,
      changed.map(([f]) => f),
    ).run(...changed.map(([, , v]) => v), at, this.actorId, id);
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
    await this.loose
      .updateTable(table as string)
      .set({ deleted_at: at, updated_at: at, updated_by: this.actorId })
      .where('id', '=', id)
      .execute();
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
    await this.loose
      .updateTable(table as string)
      .set({ deleted_at: null, updated_at: at, updated_by: this.actorId })
      .where('id', '=', id)
      .execute();
    await this.log(at, table, id, 'restore', null, null, null, options.reason);
  }

  private async current(
    table: EditableTable,
    id: string,
    includeDeleted = false,
  ): Promise<Record<string, unknown>> {
    const row = selectStatement(this.scope.raw, table).get(id) as
      Record<string, unknown> | undefined;
    if (!row || (row.deleted_at && !includeDeleted)) throw ApiError.notFound('That record');
    return row;
  }

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
    appendStatement(this.scope.raw).run(
      this.scope.deviceId,
      this.seq,
      this.scope.deviceClock.next(this.scope.clock.now()),
      at,
      this.actorId,
      entity,
      entityId,
      op,
      field,
      before === null || before === undefined ? null : JSON.stringify(before),
      after === null || after === undefined ? null : JSON.stringify(after),
      reason ?? null,
    );
  }
}

const insertStatements = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/**
 * Creates are the bulk of imports and demo loads; compiling a wide INSERT
 * through Kysely for each row cost more than running it. Names come from
 * the code's own table and column names, never from input.
 */
function insertStatement(
  raw: Database.Database,
  table: string,
  columns: string[],
): Database.Statement {
  let byShape = insertStatements.get(raw);
  if (!byShape) insertStatements.set(raw, (byShape = new Map()));
  const key = `${table}(${columns.join(',')})`;
  let statement = byShape.get(key);
  if (!statement) {
    const names = columns.map((c) => `"${c}"`).join(', ');
    statement = raw.prepare(
      `INSERT INTO "${table}" (${names}) VALUES (${columns.map(() => '?').join(', ')})`,
    );
    byShape.set(key, statement);
  }
  return statement;
}

const updateStatements = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/** Updates, like creates, run as statements prepared once per table and set of columns. */
function updateStatement(
  raw: Database.Database,
  table: string,
  columns: string[],
): Database.Statement {
  let byShape = updateStatements.get(raw);
  if (!byShape) updateStatements.set(raw, (byShape = new Map()));
  const key = `${table}(${columns.join(',')})`;
  let statement = byShape.get(key);
  if (!statement) {
    const set = [...columns, 'updated_at', 'updated_by'].map((c) => `"${c}" = ?`).join(', ');
    statement = raw.prepare(`UPDATE "${table}" SET ${set} WHERE id = ?`);
    byShape.set(key, statement);
  }
  return statement;
}

const selectStatements = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/** The record as stored, read before each update, removal and restore. */
function selectStatement(raw: Database.Database, table: string): Database.Statement {
  let byTable = selectStatements.get(raw);
  if (!byTable) selectStatements.set(raw, (byTable = new Map()));
  let statement = byTable.get(table);
  if (!statement) {
    statement = raw.prepare(`SELECT * FROM "${table}" WHERE id = ?`);
    byTable.set(table, statement);
  }
  return statement;
}

/**
 * Every change writes a log row, so this is the write path's hottest
 * statement: prepared once per connection rather than compiled by Kysely
 * each time. It runs on the same connection, inside the same transaction.
 */
const appendStatements = new WeakMap<Database.Database, Database.Statement>();
function appendStatement(raw: Database.Database): Database.Statement {
  let statement = appendStatements.get(raw);
  if (!statement) {
    statement = raw.prepare(
      `INSERT INTO change_log (device_id, seq, hlc, at, actor_id, entity, entity_id, op, field, before, after, reason)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    appendStatements.set(raw, statement);
  }
  return statement;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if ((a === null || a === undefined) && (b === null || b === undefined)) return true;
  // Booleans are stored as 0/1.
  if (typeof b === 'boolean') return a === (b ? 1 : 0);
  return false;
}
