import type { Migration } from './index';

/**
 * A complainant's full postal address (the decision letter goes to it and
 * the conflict check compares towns), and the reason a coordinator gave for
 * seating a member despite a warning such as living on the same street.
 */
export const caseCorrections: Migration = {
  name: 'case corrections',
  up(db) {
    db.exec(`
      ALTER TABLE complaint_cases ADD COLUMN complainant_address_line2 TEXT;
      ALTER TABLE complaint_cases ADD COLUMN complainant_town TEXT;
      ALTER TABLE case_panel_members ADD COLUMN accepted_warning TEXT;
    `);
  },
};
