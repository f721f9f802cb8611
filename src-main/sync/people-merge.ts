import { ApiError } from '../../src-shared/errors';
import type { EditableTable, Writer } from '../changes/writer';
import { writing, type CallContext } from '../services/context';
import { linkId } from './link-id';

/** Link tables whose id is made from a natural key that includes the person. */
const LINK_KEYS: Record<string, (row: Record<string, unknown>, person: string) => string> = {
  attendance: (r, p) => linkId('attendance', r.activity_id as string, p, null),
  group_memberships: (r, p) =>
    linkId('group_memberships', r.group_id as string, p, r.joined_on as string),
};

/**
 * Merges `mergeId` into `keepId`, as a person decided: a redirect (synced,
 * so late records citing the old id land on the kept one everywhere), every
 * record citing the old person re-pointed through ordinary changes, and the
 * old record deleted. Never called by the matcher.
 */
export async function mergePeople(
  ctx: CallContext,
  keepId: string,
  mergeId: string,
): Promise<number> {
  if (keepId === mergeId) throw ApiError.invalid('Choose two different people to merge.', []);
  return writing(ctx, async (w) => {
    const raw = ctx.raw;
    for (const id of [keepId, mergeId]) {
      const found = raw.prepare(`SELECT deleted_at FROM customers WHERE id = ?`).get(id) as
        { deleted_at: string | null } | undefined;
      if (!found || found.deleted_at) throw ApiError.notFound('That person');
    }
    await w.create(
      'person_redirects',
      { id: mergeId, new_id: keepId },
      { reason: 'Duplicate merged' },
    );
    let moved = 0;
    const tables = raw
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)
      .pluck()
      .all() as string[];
    for (const table of tables) {
      const refs = (
        raw.prepare(`SELECT "from", "table" FROM pragma_foreign_key_list(?)`).all(table) as {
          from: string;
          table: string;
        }[]
      ).filter((f) => f.table === 'customers');
      if (refs.length === 0) continue;
      const cols = raw
        .prepare(`SELECT name FROM pragma_table_info(?)`)
        .pluck()
        .all(table) as string[];
      if (!cols.includes('updated_by')) continue;
      for (const { from } of refs) {
        const rows = raw
          .prepare(`SELECT * FROM "${table}" WHERE "${from}" = ? AND deleted_at IS NULL`)
          .all(mergeId) as Record<string, unknown>[];
        for (const row of rows) {
          moved += await repointRow(w, table as EditableTable, row, from, keepId);
        }
      }
    }
    await w.remove('customers', mergeId, { reason: 'Duplicate merged' });
    raw
      .prepare(
        `UPDATE sync_duplicates SET status = 'merged' WHERE (a_id = ? AND b_id = ?) OR (a_id = ? AND b_id = ?)`,
      )
      .run(keepId, mergeId, mergeId, keepId);
    return moved;
  });
}

async function repointRow(
  w: Writer,
  table: EditableTable,
  row: Record<string, unknown>,
  column: string,
  keepId: string,
): Promise<number> {
  const key = LINK_KEYS[table];
  if (key) {
    // The kept person's own link for the same thing wins; the old one goes.
    const theirs = key(row, keepId);
    const exists = await w.trx
      .selectFrom(table as 'attendance')
      .select('id')
      .where('id', '=', theirs)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (exists) {
      await w.remove(table, row.id as string, { reason: 'Duplicate merged' });
      return 1;
    }
  }
  await w.update(table, row.id as string, { [column]: keepId } as never, {
    reason: 'Duplicate merged',
  });
  return 1;
}
