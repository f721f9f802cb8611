import type Database from 'better-sqlite3';
import type { AuditAction } from '../../../src-shared/domain/privacy';
import type { DataClass } from '../../../src-shared/rules/permissions';
import type { AppContext } from '../context';

export interface AuditRecord {
  action: AuditAction;
  /** What was read or written, in words: "Customer register workbook". Never a person's name. */
  what: string;
  entity?: string | null;
  entityId?: string | null;
  customerId?: string | null;
  rows?: number | null;
  /** The special data classes the read or the file carried. */
  classes?: readonly DataClass[];
}

const INSERT = `INSERT INTO audit_log (at, actor_id, action, what, entity, entity_id, customer_id, rows, classes)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`;

const statements = new WeakMap<Database.Database, Database.Statement>();

/**
 * Appends one entry to the audit log. Written on the app's own connection
 * with one prepared statement, so it joins a write transaction when called
 * inside one (erasure) and stands alone otherwise (an export).
 */
export function recordAudit(ctx: AppContext, actorId: string, entry: AuditRecord): void {
  let insert = statements.get(ctx.raw);
  if (!insert) statements.set(ctx.raw, (insert = ctx.raw.prepare(INSERT)));
  try {
    insert.run(
      ctx.clock.now().toISOString(),
      actorId,
      entry.action,
      entry.what,
      entry.entity ?? null,
      entry.entityId ?? null,
      entry.customerId ?? null,
      entry.rows ?? null,
      JSON.stringify([...(entry.classes ?? [])].sort()),
    );
  } catch (error) {
    // A damaged file refuses writes but still lets people export their data
    // to rescue it; anywhere else an export that cannot be accounted for fails.
    if (ctx.health?.state !== 'damaged') throw error;
    console.error('The audit log could not be written to a damaged database:', error);
  }
}
