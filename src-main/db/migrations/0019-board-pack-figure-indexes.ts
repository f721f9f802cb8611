import type { Migration } from './index';

/*
 * Indexes for the board pack's figures at ten years (the tenant population
 * profile itself is a setting and needs no table):
 *
 * - Involved customers at a period's end, with what representativeness
 *   counts, read from the index alone and already in the order the
 *   appendix lists them (by reference), so neither the wide customer rows
 *   nor a sort of tens of thousands of them is needed.
 * - Attendance at a period's held activities, with every column the
 *   attendance and satisfaction figures add up, read from the index alone.
 */
export const boardPackFigureIndexes: Migration = {
  name: 'board-pack-figure-indexes',
  up(db) {
    db.exec(`
      CREATE INDEX customers_involved_by_reference ON customers
        (status, coalesce(external_ref, id), created_at, landlord_id, area_id, last_activity_at,
         equality_age_band, equality_disability, equality_ethnicity, external_ref, id)
        WHERE deleted_at IS NULL;
      CREATE INDEX attendance_figures ON attendance
        (activity_id, customer_id, status, minutes_given, satisfaction_opportunity, satisfaction_involvement)
        WHERE deleted_at IS NULL;
    `);
  },
};
