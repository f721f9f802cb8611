import type { Migration } from './index';

/**
 * The change log is the record of who did what: nothing in the app changes
 * or removes an entry once written, and these triggers make that hold for
 * anything else that opens the file with SQLite too.
 */
export const appendOnlyChangeLog: Migration = {
  name: 'append-only change log',
  up(db) {
    db.exec(`
      CREATE TRIGGER change_log_no_update BEFORE UPDATE ON change_log
      BEGIN
        SELECT RAISE(ABORT, 'The change log is append-only: an entry is never changed.');
      END;
      CREATE TRIGGER change_log_no_delete BEFORE DELETE ON change_log
      BEGIN
        SELECT RAISE(ABORT, 'The change log is append-only: an entry is never removed.');
      END;
    `);
  },
};
