import type { z } from 'zod';
import {
  REDACTED,
  REDACTED_JSON,
  retentionTypeLabels,
  type eraseInput,
  type ErasureResult,
} from '../../../src-shared/domain/privacy';
import { ApiError } from '../../../src-shared/errors';
import { londonDate } from '../../../src-shared/rules/working-days';
import type { EditableTable } from '../../changes/writer';
import { demand, writing, type AppContext, type CallContext } from '../context';
import { deleteStoredContent } from '../files/file-store';
import { startJob, type JobControl } from '../jobs/jobs';
import { recordAudit } from './audit';
import {
  caseTargets,
  claimTargets,
  customerTargets,
  fileCitingTables,
  type ErasureTarget,
} from './person-records';

/** The reason every change made by an erasure carries; the person's own reasons are redacted. */
export const ERASURE_REASON = 'Erased under the retention schedule or at the person’s request';

const REDACT_SQL = `UPDATE change_log SET
    before = CASE WHEN op = 'update' AND field IN (SELECT value FROM json_each(:fields))
                   AND before IS NOT NULL THEN :marker ELSE before END,
    after = CASE WHEN reason IS :erasure THEN after
                 WHEN after IS NOT NULL AND (op = 'create'
                   OR (op = 'update' AND field IN (SELECT value FROM json_each(:fields))))
                 THEN :marker ELSE after END,
    reason = CASE WHEN reason IS NULL OR reason = :erasure OR reason = :removed
                  THEN reason ELSE :removed END
  WHERE entity = :entity AND entity_id = :id AND (
    (op = 'update' AND field IN (SELECT value FROM json_each(:fields)) AND (
        (before IS NOT NULL AND before <> :marker)
        OR (reason IS NOT :erasure AND after IS NOT NULL AND after <> :marker)))
    OR (op = 'create' AND after IS NOT NULL AND after <> :marker)
    OR (reason IS NOT NULL AND reason <> :erasure AND reason <> :removed))`;

/**
 * Replaces the person's values in the change log with the marker. The
 * change log's trigger (migration 0015) allows this only while the one row
 * of `change_log_redaction` is held, which this function alone inserts and
 * removes inside the erasure's transaction; it never lets an entry be
 * deleted, nor who, when, which record or which field be changed.
 */
function redactChangeLog(ctx: AppContext, subject: string, targets: ErasureTarget[]): number {
  const raw = ctx.raw;
  raw
    .prepare(`INSERT INTO change_log_redaction (one, customer_id, started_at) VALUES (1, ?, ?)`)
    .run(subject, ctx.clock.now().toISOString());
  const redact = raw.prepare(REDACT_SQL);
  let count = 0;
  for (const t of targets) {
    count += redact.run({
      fields: JSON.stringify(Object.keys(t.patch)),
      marker: REDACTED_JSON,
      erasure: ERASURE_REASON,
      removed: REDACTED,
      entity: t.table,
      id: t.id,
    }).changes;
  }
  raw.prepare(`DELETE FROM change_log_redaction`).run();
  return count;
}

export async function eraseRecord(
  ctx: CallContext,
  input: z.output<typeof eraseInput>,
): Promise<ErasureResult & { jobId: string }> {
  const actor = demand(ctx, 'privacy.manage');
  const erasedAt = ctx.clock.now().toISOString();
  const outcome = await writing(ctx, async (w) => {
    const targets = await targetsFor(w.trx, input.type, input.id, erasedAt);
    let changed = 0;
    for (const t of targets) {
      const table = t.table as EditableTable;
      const exists = await w.trx
        .selectFrom(table as 'customers')
        .select('deleted_at')
        .where('id', '=', t.id)
        .executeTakeFirst();
      if (!exists) continue;
      // Tombstoned rows are erased too: their values are still in the file.
      if (exists.deleted_at) await w.restore(table, t.id, { reason: ERASURE_REASON });
      const fields = await w.update(table, t.id, t.patch as never, { reason: ERASURE_REASON });
      if (fields.length > 0) changed += 1;
      if (t.remove || exists.deleted_at) await w.remove(table, t.id, { reason: ERASURE_REASON });
    }
    if (input.type === 'customer') {
      // Their erasure request, if any, is answered by this.
      const open = await w.trx
        .selectFrom('privacy_requests')
        .select('id')
        .where('customer_id', '=', input.id)
        .where('kind', '=', 'erasure')
        .where('completed_on', 'is', null)
        .where('deleted_at', 'is', null)
        .execute();
      for (const r of open)
        await w.update('privacy_requests', r.id, { completed_on: londonDate(ctx.clock.now()) });
    }
    const redacted = redactChangeLog(ctx, input.type === 'customer' ? input.id : '', targets);
    recordAudit(ctx, actor.id, {
      action: 'erasure',
      what: `${retentionTypeLabels[input.type]}: erased (${input.reason}); ${redacted} change-log entries redacted`,
      entity: entityOf(input.type),
      entityId: input.id,
      customerId: input.type === 'customer' ? input.id : null,
      rows: targets.length,
    });
    return { targets, changed, redacted };
  });

  const filesDeleted = deleteUncitedFiles(ctx, outcome.targets);
  const jobId = startCompaction(ctx);
  return {
    type: input.type,
    id: input.id,
    recordsChanged: outcome.changed,
    changeLogEntriesRedacted: outcome.redacted,
    filesDeleted,
    jobId,
  };
}

function entityOf(type: z.output<typeof eraseInput>['type']): string {
  return type === 'customer'
    ? 'customers'
    : type === 'complaint_case'
      ? 'complaint_cases'
      : 'expense_claims';
}

async function targetsFor(
  trx: Parameters<typeof caseTargets>[0],
  type: z.output<typeof eraseInput>['type'],
  id: string,
  erasedAt: string,
): Promise<ErasureTarget[]> {
  const table = entityOf(type) as 'customers';
  const row = await trx.selectFrom(table).select('id').where('id', '=', id).executeTakeFirst();
  if (!row)
    throw ApiError.notFound(`That ${retentionTypeLabels[type].toLowerCase().replace(/s$/, '')}`);
  if (type === 'customer') return customerTargets(trx, id, erasedAt);
  if (type === 'complaint_case') return caseTargets(trx, id);
  return claimTargets(trx, id);
}

/** Deletes each erased row's file once no kept record cites the same content. */
function deleteUncitedFiles(ctx: AppContext, targets: ErasureTarget[]): number {
  const erased = new Set(targets.filter((t) => t.contentHash).map((t) => t.id));
  const hashes = new Set(targets.flatMap((t) => (t.contentHash ? [t.contentHash] : [])));
  let deleted = 0;
  for (const hash of hashes) {
    const citing = fileCitingTables.flatMap(
      (table) =>
        ctx.raw.prepare(`SELECT id FROM "${table}" WHERE content_hash = ?`).all(hash) as {
          id: string;
        }[],
    );
    if (citing.some((r) => !erased.has(r.id))) continue;
    if (deleteStoredContent(ctx, hash)) deleted += 1;
  }
  return deleted;
}

export const COMPACTION_STEPS = [
  'Purging the search index',
  'Refreshing the planner’s samples',
  'Compacting the database',
  'Clearing the write-ahead log',
] as const;

/**
 * After an erasure the old values may still sit in the search index's
 * segments, the planner's sampled index keys, free pages and the WAL.
 * Each step clears one of those; VACUUM rewrites the whole file.
 */
export function startCompaction(ctx: CallContext): string {
  return startJob(
    ctx,
    {
      kind: 'privacy.compact',
      title: 'Compacting the database after an erasure',
      steps: COMPACTION_STEPS,
    },
    (job) => compactAfterErasure(ctx, job),
  );
}

export async function compactAfterErasure(
  ctx: AppContext,
  job: Pick<JobControl, 'step'>,
): Promise<{ ms: number; walBusy: number }> {
  const started = performance.now();
  const raw = ctx.raw;
  // One step each, none cancellable: each is a single statement that must finish.
  job.step(COMPACTION_STEPS[0], 1, { cancellable: false });
  raw.pragma('secure_delete = ON');
  raw.exec(`INSERT INTO customers_fts (customers_fts) VALUES ('optimize')`);
  job.step(COMPACTION_STEPS[1], 1, { cancellable: false });
  const hasStats = raw
    .prepare(`SELECT 1 FROM sqlite_schema WHERE name IN ('sqlite_stat1', 'sqlite_stat4')`)
    .get();
  if (hasStats) {
    for (const table of [
      'customers',
      'complaint_cases',
      'case_notes',
      'case_attachments',
      'expense_claims',
      'expense_lines',
      'expense_receipts',
      'customer_payment_details',
    ])
      raw.exec(`ANALYZE "${table}"`);
  }
  job.step(COMPACTION_STEPS[2], 1, { cancellable: false });
  raw.exec('VACUUM');
  job.step(COMPACTION_STEPS[3], 1, { cancellable: false });
  const [wal] = raw.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
  return { ms: Math.round(performance.now() - started), walBusy: wal?.busy ?? 0 };
}
