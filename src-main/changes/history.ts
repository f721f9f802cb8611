import type { HistoryEntry } from '../../src-shared/domain/history';
import { ApiError } from '../../src-shared/errors';
import { allowed, demand, type CallContext } from '../services/context';
import { entityPolicies } from './entities';

/** The change log of one record, newest first, with what the caller may not see withheld. */
export async function recordHistory(
  ctx: CallContext,
  entity: string,
  id: string,
): Promise<HistoryEntry[]> {
  const policy = entityPolicies[entity];
  if (!policy) throw ApiError.invalid(`There is no history for records of kind "${entity}".`);
  demand(ctx, policy.readPermission);
  if (policy.recordPermission) demand(ctx, await policy.recordPermission(ctx.db, id));
  const restricted = policy.restrictedFields;
  const hidden =
    restricted && !allowed(ctx, restricted.permission) ? new Set(restricted.fields) : null;

  const rows = await ctx.db
    .selectFrom('change_log')
    .leftJoin('staff', 'staff.id', 'change_log.actor_id')
    .select([
      'change_log.at',
      'change_log.actor_id',
      'staff.name as actor_name',
      'change_log.op',
      'change_log.field',
      'change_log.before',
      'change_log.after',
      'change_log.reason',
    ])
    .where('change_log.entity', '=', entity)
    .where('change_log.entity_id', '=', id)
    .orderBy('change_log.hlc', 'desc')
    .execute();

  return rows
    .filter((r) => !(hidden && r.field && hidden.has(r.field)))
    .map((r) => ({
      at: r.at,
      actorId: r.actor_id,
      actorName: r.actor_name ?? 'Unknown',
      op: r.op,
      field: r.field,
      before: r.before === null ? null : (JSON.parse(r.before) as unknown),
      after:
        r.op === 'create' && hidden
          ? withoutFields(r.after, hidden)
          : r.after === null
            ? null
            : (JSON.parse(r.after) as unknown),
      reason: r.reason,
    }));
}

function withoutFields(json: string | null, hidden: Set<string>): unknown {
  if (json === null) return null;
  const record = JSON.parse(json) as Record<string, unknown>;
  for (const field of hidden) delete record[field];
  return record;
}
