import type { Migration } from './index';

/**
 * Staff passphrases, as scrypt hashes with their own salt and cost. Kept out
 * of the editable tables on purpose: the write path logs every field of those
 * (the change log is the audit trail and the sync feed), and no form of a
 * credential may reach it. The change log records only that a passphrase was
 * set or reset. Failed sign-ins are counted here too, so a restart does not
 * clear the wait they earned. A reset deletes the row: a profile without one
 * sets its passphrase at its next sign-in.
 */
export const staffPassphrases: Migration = {
  name: 'staff passphrases',
  up(db) {
    db.exec(`
      CREATE TABLE staff_credentials (
        staff_id TEXT PRIMARY KEY NOT NULL REFERENCES staff (id),
        algorithm TEXT NOT NULL CHECK (algorithm IN ('scrypt')),
        hash BLOB NOT NULL,
        salt BLOB NOT NULL,
        cost INTEGER NOT NULL,
        block_size INTEGER NOT NULL,
        parallelism INTEGER NOT NULL,
        key_length INTEGER NOT NULL,
        set_at TEXT NOT NULL,
        failed_attempts INTEGER NOT NULL DEFAULT 0,
        last_failed_at TEXT,
        retry_after TEXT
      ) STRICT;
    `);
  },
};
