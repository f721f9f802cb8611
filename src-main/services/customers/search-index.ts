import { sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema';

const columns = sql.raw(
  'first_name, last_name, preferred_name, postcode, email, phone, mobile, external_ref, notes',
);

/**
 * Runs `work` (inside the write transaction `trx`) with the search index of
 * the customers it inserts left to one pass at the end, rather than filled
 * row by row by the insert trigger (see migration 0020). For bulk inserts
 * such as an import: indexing 10,000 rows in one statement costs a fraction
 * of doing it 10,000 times. The pass runs before the transaction commits, so
 * search never misses a committed customer; if `work` throws, the rollback
 * takes the marker with it.
 */
export async function withSearchIndexFilledAtEnd<R>(
  trx: Transaction<DB>,
  work: () => Promise<R>,
): Promise<R> {
  const { rows } = await sql<{ after: number }>`
    SELECT coalesce(max(search_rowid), 0) AS after FROM customers`.execute(trx);
  const after = rows[0]!.after;
  await sql`INSERT INTO search_index_deferred (after_search_rowid) VALUES (${after})`.execute(trx);
  const result = await work();
  await sql`
    INSERT INTO customers_fts (rowid, ${columns})
    SELECT search_rowid, ${columns} FROM customers WHERE search_rowid > ${after}`.execute(trx);
  await sql`DELETE FROM search_index_deferred`.execute(trx);
  return result;
}
