import type { Migration } from './index';

const searchColumns =
  'first_name, last_name, preferred_name, postcode, email, phone, mobile, external_ref, notes';
const oldValues = searchColumns
  .split(', ')
  .map((c) => `old.${c}`)
  .join(', ');
const newValues = searchColumns
  .split(', ')
  .map((c) => `new.${c}`)
  .join(', ');

/*
 * Bulk inserts can leave the search index to be filled in one pass.
 *
 * Indexing each new customer row by row from the insert trigger cost an
 * import of 10,000 rows most of its time. While `search_index_deferred` holds
 * a row, new customers above its `after_search_rowid` are left out of
 * `customers_fts`; whoever inserted the marker fills the index for those rows
 * in one statement and deletes the marker before its transaction commits
 * (`fillDeferredSearch`), so no other connection ever sees a customer missing
 * from search. The update and delete triggers skip rows still waiting, which
 * the one pass then reads as they finally are: an external-content index must
 * never be told to delete what it was never given.
 *
 * The table is the app's own working state, never synced and never in the
 * change log; outside such a transaction it is always empty.
 *
 * Also the register's total: counting the live customers read every wide row
 * (the planner took the table over the wide list indexes), 80-140 ms at
 * 50,000 on a busy machine; `customers_live` is the narrowest index of just
 * the live rows, for that count alone.
 */
export const searchIndex: Migration = {
  name: 'search index filled in bulk',
  up(db) {
    const waiting = (row: 'new' | 'old') =>
      `EXISTS (SELECT 1 FROM search_index_deferred WHERE ${row}.search_rowid > after_search_rowid)`;
    db.exec(`
      CREATE TABLE search_index_deferred (after_search_rowid INTEGER NOT NULL) STRICT;
      CREATE INDEX customers_live ON customers (search_rowid) WHERE deleted_at IS NULL;

      DROP TRIGGER customers_after_insert;
      CREATE TRIGGER customers_after_insert AFTER INSERT ON customers BEGIN
        UPDATE customers
          SET search_rowid = (SELECT coalesce(max(search_rowid), 0) + 1 FROM customers)
          WHERE id = new.id;
        INSERT INTO customers_fts (rowid, ${searchColumns})
          SELECT search_rowid, ${searchColumns}
          FROM customers WHERE id = new.id AND NOT EXISTS (SELECT 1 FROM search_index_deferred);
        INSERT INTO customer_tags (kind, value, customer_id)
          SELECT 'interest', value, new.id FROM json_each(new.interests)
          UNION SELECT 'skill', value, new.id FROM json_each(new.skills);
      END;

      DROP TRIGGER customers_after_update_search;
      CREATE TRIGGER customers_after_update_search
      AFTER UPDATE OF ${searchColumns} ON customers
      WHEN NOT ${waiting('old')}
      BEGIN
        INSERT INTO customers_fts (customers_fts, rowid, ${searchColumns})
          VALUES ('delete', old.search_rowid, ${oldValues});
        INSERT INTO customers_fts (rowid, ${searchColumns})
          VALUES (new.search_rowid, ${newValues});
      END;

      DROP TRIGGER customers_after_delete;
      CREATE TRIGGER customers_after_delete AFTER DELETE ON customers
      WHEN NOT ${waiting('old')}
      BEGIN
        INSERT INTO customers_fts (customers_fts, rowid, ${searchColumns})
          VALUES ('delete', old.search_rowid, ${oldValues});
      END;
    `);
  },
};
