import { sql, type ExpressionBuilder } from 'kysely';
import type { Writer } from '../../changes/writer';
import type { DB } from '../../db/schema';

/**
 * `customers.last_activity_at` (the register's "no activity in the last 12
 * months" filter) is derived from attendance: the start of the latest
 * activity, neither cancelled nor deleted, at which the customer was present.
 *
 * It is written straight to the row inside the write's transaction, not
 * through the change log. Every install holds the same attendance and
 * derives the same value from it; if each one logged its recomputation, a
 * sync that merges the log field by field would let whichever device wrote
 * last overwrite the others' answers, right or not, and the customer's
 * history would fill with changes nobody made. `updated_at` is left alone
 * for the same reason: taking attendance is not an edit of the customer and
 * must not make someone editing them meet a conflict. Whatever applies
 * synced attendance calls this for the customers it touches.
 */
export async function refreshLastActivity(w: Writer, customerIds: Iterable<string>) {
  const ids = [...new Set(customerIds)];
  for (let i = 0; i < ids.length; i += 500) {
    await w.trx
      .updateTable('customers')
      .set((eb) => ({ last_activity_at: latestPresence(eb) }))
      .where('id', 'in', ids.slice(i, i + 500))
      .execute();
  }
}

/** Every customer at once (demo loads, and a repair after restoring old data). */
export async function refreshAllLastActivity(w: Writer): Promise<void> {
  // One pass over attendance grouped by customer, rather than a lookup per
  // customer, and only the rows whose value changes are written: each write
  // also rewrites the register's list indexes, which carry this column.
  await sql`
    UPDATE customers SET last_activity_at = latest.at
    FROM (
      SELECT t.customer_id, max(a.starts_at) AS at
      FROM attendance AS t JOIN activities AS a ON a.id = t.activity_id
      WHERE t.status = 'present' AND t.deleted_at IS NULL
        AND a.deleted_at IS NULL AND a.status != 'cancelled' AND t.customer_id IS NOT NULL
      GROUP BY t.customer_id
    ) AS latest
    WHERE customers.id = latest.customer_id AND customers.last_activity_at IS NOT latest.at
  `.execute(w.trx);
  await sql`
    UPDATE customers SET last_activity_at = NULL
    WHERE last_activity_at IS NOT NULL AND NOT EXISTS (
      SELECT 1 FROM attendance AS t JOIN activities AS a ON a.id = t.activity_id
      WHERE t.customer_id = customers.id AND t.status = 'present' AND t.deleted_at IS NULL
        AND a.deleted_at IS NULL AND a.status != 'cancelled'
    )
  `.execute(w.trx);
}

function latestPresence(eb: ExpressionBuilder<DB, 'customers'>) {
  return eb
    .selectFrom('attendance as t')
    .innerJoin('activities as a', 'a.id', 't.activity_id')
    .select((s) => s.fn.max<string | null>('a.starts_at').as('at'))
    .whereRef('t.customer_id', '=', 'customers.id')
    .where('t.status', '=', 'present')
    .where('t.deleted_at', 'is', null)
    .where('a.deleted_at', 'is', null)
    .where('a.status', '!=', 'cancelled');
}
