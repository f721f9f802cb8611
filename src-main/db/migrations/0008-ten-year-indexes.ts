import type { Migration } from './index';

/*
 * Indexes for the filters and sorts the screens use, planned for ten years of
 * data rather than the first month's.
 *
 * - The register sorted by last activity, and Home's "no activity in the last
 *   12 months" count: last activity first, then the name order, carrying the
 *   columns the filters test, like the other list indexes.
 * - The first keystroke (a one- or two-letter search) is a name prefix, not a
 *   full-text query: first names get the index surnames already have.
 * - A phone search matches the number with its spaces taken out, from an
 *   index of exactly that, so "07700900123" and "07700 900" both find
 *   "07700 900123".
 * - The tracker: its opening page (every recommendation by due date), the
 *   systemic count on Home, and the owner list, each from an index of the
 *   live rows alone.
 */
export const tenYearIndexes: Migration = {
  name: 'ten-year-indexes',
  up(db) {
    db.exec(`
      CREATE INDEX customers_list_by_activity ON customers
        (last_activity_at, last_name, first_name, id, status, landlord_id, area_id, tenure, is_board_member)
        WHERE deleted_at IS NULL;
      CREATE INDEX customers_first_name ON customers (first_name, last_name, id)
        WHERE deleted_at IS NULL;
      CREATE INDEX customers_phone_digits ON customers (replace(phone, ' ', ''))
        WHERE deleted_at IS NULL AND phone IS NOT NULL;
      CREATE INDEX customers_mobile_digits ON customers (replace(mobile, ' ', ''))
        WHERE deleted_at IS NULL AND mobile IS NOT NULL;

      CREATE INDEX recommendations_live_by_due ON recommendations (due_date, reference)
        WHERE deleted_at IS NULL;
      CREATE INDEX recommendations_systemic ON recommendations (due_date, reference)
        WHERE deleted_at IS NULL AND systemic = 1;
      CREATE INDEX recommendations_live_owner ON recommendations (owner)
        WHERE deleted_at IS NULL AND owner IS NOT NULL;
    `);
  },
};
