import { ApiError } from '../../src-shared/errors';
import type {
  ConflictSide,
  DuplicatePair,
  SyncConflict,
  SyncStatus,
} from '../../src-shared/api/sync';
import { historyFieldsFor } from '../../src-shared/history/fields';
import { can } from '../../src-shared/rules/permissions';
import { entityPolicies } from '../changes/entities';
import type { EditableTable } from '../changes/writer';
import { writing, type CallContext } from '../services/context';
import { startJob } from '../services/jobs/jobs';
import { lastOwnSeq } from './change';
import { syncWith, type SyncReport } from './engine';
import {
  createTeamFolder,
  folderTransport,
  joinTeamFolder,
  savedFolder,
} from './folder/folder-settings';
import { mergePeople } from './people-merge';
import { getState } from './state';

/** How far this machine's clock may be behind the newest stamp it has seen before it is warned. */
const CLOCK_BEHIND_MS = 10 * 60 * 1000;

export function syncStatus(ctx: CallContext): SyncStatus {
  const raw = ctx.raw;
  const folder = savedFolder(raw);
  const pushed = folder ? (getState<number>(raw, `pushed:folder:${folder.team.teamId}`) ?? 0) : 0;
  const last = getState<{ problems: string[]; refused: string[] }>(raw, 'last_report');
  const clockWarnings = [
    ...(raw
      .prepare(`SELECT refused FROM sync_peers WHERE refused IS NOT NULL`)
      .pluck()
      .all() as string[]),
  ];
  const newest = raw.prepare(`SELECT max(hlc) FROM change_log`).pluck().get() as string | null;
  if (newest && Date.parse(newest.slice(0, 24)) - ctx.clock.now().getTime() > CLOCK_BEHIND_MS)
    clockWarnings.push(
      `This computer's clock looks behind: changes here are stamped up to ${newest.slice(0, 16).replace('T', ' ')}. Check its date and time.`,
    );
  return {
    folder: folder?.root ?? null,
    lastSyncedAt: getState<string>(raw, 'last_synced_at'),
    waitingToSend: Math.max(0, lastOwnSeq(raw, ctx.deviceId) - pushed),
    conflicts: raw.prepare(`SELECT count(*) FROM sync_conflicts`).pluck().get() as number,
    duplicates: raw
      .prepare(`SELECT count(*) FROM sync_duplicates WHERE status = 'open'`)
      .pluck()
      .get() as number,
    clockWarnings,
    problems: last?.problems ?? [],
    attachmentsWaiting: (getState<string[]>(raw, 'blobs_waiting') ?? []).length,
  };
}

/** Sync now, as a job: the window follows it with jobs.get. */
export function startSync(ctx: CallContext): { jobId: string } {
  const transport = folderTransport(ctx.raw);
  const jobId = startJob(
    ctx,
    {
      kind: 'sync',
      title: 'Sync with the team',
      steps: ['Sending', 'Receiving', 'Checking for duplicates'],
    },
    async (job) => {
      job.step('Sending');
      let step = 'sending';
      try {
        const report: SyncReport = await syncWith(ctx, transport, {
          onProgress(now, done) {
            if (now !== step) {
              step = now;
              job.step(now === 'receiving' ? 'Receiving' : 'Checking for duplicates');
            }
            job.progress(done, Math.max(done, 1));
          },
        });
        return report;
      } finally {
        await transport.close();
      }
    },
  );
  return { jobId };
}

function sideOf(ctx: CallContext, field: string, id: string): ConflictSide {
  const device = id.slice(0, id.lastIndexOf(':'));
  const seqText = id.slice(id.lastIndexOf(':') + 1);
  const row = ctx.raw
    .prepare(
      `SELECT l.*, s.name AS staff_name FROM change_log AS l LEFT JOIN staff AS s ON s.id = l.actor_id
       WHERE l.device_id = ? AND l.seq = ?`,
    )
    .get(device, Number(seqText)) as Record<string, string | null> | undefined;
  if (!row) return { changeId: id, value: null, at: '', hlc: '', by: null, device, op: 'unknown' };
  let value: unknown;
  if (row.op === 'update') value = row.after ? JSON.parse(row.after) : null;
  else if (row.op === 'create')
    value = (JSON.parse(row.after ?? '{}') as Record<string, unknown>)[field] ?? null;
  else value = row.op === 'delete' ? 'Deleted' : 'Restored';
  return {
    changeId: id,
    value,
    at: row.at!,
    hlc: row.hlc!,
    by: row.staff_name ?? null,
    device,
    op: row.op!,
  };
}

export function listConflicts(ctx: CallContext): SyncConflict[] {
  const rows = ctx.raw
    .prepare(`SELECT * FROM sync_conflicts ORDER BY entity, row_id, field`)
    .all() as {
    entity: string;
    row_id: string;
    field: string;
    kind: 'field' | 'delete';
    leaves: string;
  }[];
  return rows
    .filter((r) => maySee(ctx, r.entity, r.field))
    .map((r) => ({
      entity: r.entity,
      rowId: r.row_id,
      field: r.field,
      kind: r.kind,
      label:
        r.kind === 'delete'
          ? 'Deleted on one install, edited on another'
          : labelOf(r.entity, r.field),
      sides: (JSON.parse(r.leaves) as string[]).map((id) => sideOf(ctx, r.field, id)),
    }));
}

function labelOf(entity: string, field: string): string {
  const words = historyFieldsFor(entity)[field];
  return words && 'label' in words ? words.label : field;
}

/** A conflict is shown only to someone who may see the record and that field (equality data, cases). */
function maySee(ctx: CallContext, entity: string, field: string): boolean {
  const policy = entityPolicies[entity];
  if (!ctx.actor || !policy || !can(ctx.actor.role, policy.readPermission)) return false;
  const restricted = policy.restrictedFields;
  return (
    !restricted || !restricted.fields.includes(field) || can(ctx.actor.role, restricted.permission)
  );
}

export async function resolveConflict(
  ctx: CallContext,
  input: { entity: string; rowId: string; field: string; choice: string },
): Promise<{ resolved: true }> {
  const conflict = listConflicts(ctx).find(
    (c) => c.entity === input.entity && c.rowId === input.rowId && c.field === input.field,
  );
  if (!conflict) throw ApiError.notFound('That conflict');
  const table = input.entity as EditableTable;
  if (conflict.kind === 'delete') {
    if (!['keep_deleted', 'restore'].includes(input.choice))
      throw ApiError.invalid('Choose to keep it deleted or to restore it.', [
        { path: 'choice', message: 'keep_deleted or restore' },
      ]);
    const deleted = ctx.raw
      .prepare(`SELECT deleted_at FROM "${table}" WHERE id = ?`)
      .pluck()
      .get(input.rowId);
    await writing(ctx, async (w) => {
      // Each change here is made from every leaf, which is what settles it.
      if (input.choice === 'restore') {
        if (!deleted) await w.remove(table, input.rowId);
        await w.restore(table, input.rowId);
      } else {
        if (deleted) await w.restore(table, input.rowId);
        await w.remove(table, input.rowId);
      }
    });
    return { resolved: true };
  }
  const side = conflict.sides.find((s) => s.changeId === input.choice);
  if (!side)
    throw ApiError.invalid('Choose one of the two versions.', [
      { path: 'choice', message: 'Not one of the versions in conflict.' },
    ]);
  await writing(ctx, (w) => w.resolve(table, input.rowId, input.field, side.value));
  return { resolved: true };
}

export function listDuplicates(ctx: CallContext): DuplicatePair[] {
  const rows = ctx.raw
    .prepare(`SELECT * FROM sync_duplicates WHERE status = 'open' ORDER BY score DESC, a_id`)
    .all() as {
    a_id: string;
    b_id: string;
    score: number;
    reasons: string;
  }[];
  const person = ctx.raw.prepare(
    `SELECT id, first_name, last_name, date_of_birth, postcode, email, created_at FROM customers WHERE id = ?`,
  );
  const view = (id: string) => {
    const p = person.get(id) as Record<string, string | null>;
    return {
      id,
      name: `${p.first_name} ${p.last_name}`,
      dateOfBirth: p.date_of_birth ?? null,
      postcode: p.postcode ?? null,
      email: p.email ?? null,
      createdAt: p.created_at!,
    };
  };
  return rows.map((r) => ({
    aId: r.a_id,
    bId: r.b_id,
    score: r.score,
    reasons: JSON.parse(r.reasons) as string[],
    a: view(r.a_id),
    b: view(r.b_id),
  }));
}

export async function mergeDuplicate(ctx: CallContext, keepId: string, mergeId: string) {
  return { moved: await mergePeople(ctx, keepId, mergeId) };
}

export function dismissDuplicate(ctx: CallContext, aId: string, bId: string): { dismissed: true } {
  const done = ctx.raw
    .prepare(
      `UPDATE sync_duplicates SET status = 'dismissed' WHERE status = 'open' AND ((a_id = ? AND b_id = ?) OR (a_id = ? AND b_id = ?))`,
    )
    .run(aId, bId, bId, aId).changes;
  if (done === 0) throw ApiError.notFound('That pair');
  return { dismissed: true };
}

export { createTeamFolder, joinTeamFolder };
