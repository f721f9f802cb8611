import { REDACTED, REDACTED_JSON } from '../../../src-shared/domain/privacy';
import { editableColumnsSql } from '../schema/common';
import type { Migration } from './index';

const quoted = (s: string) => `'${s.replace(/'/g, "''")}'`;

/**
 * Accountability and the data subject's rights.
 *
 * `audit_log` records what the change log cannot: reading special category
 * data in bulk, every export and every subject access pack. Like the change
 * log it is append-only, by triggers, for anything that opens the file.
 *
 * The change log's one exception: erasing a person must remove their values
 * from it too. The update trigger now lets an entry change only while the
 * erasure path holds the one row of `change_log_redaction` (inside its own
 * transaction, removed before it commits), and then only by replacing
 * before, after or reason with the redaction marker. Who, when, which record
 * and which field stay as they were, and nothing can ever be deleted.
 *
 * `privacy_requests` are subject access and erasure requests with their
 * statutory deadline; `customers.erased_at` marks a record anonymised.
 */
export const privacy: Migration = {
  name: 'privacy: audit log, retention and subject access',
  up(db) {
    db.exec(`
      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        actor_id TEXT NOT NULL,
        action TEXT NOT NULL CHECK (action IN ('export', 'bulk_read', 'subject_access', 'erasure')),
        what TEXT NOT NULL,
        entity TEXT,
        entity_id TEXT,
        customer_id TEXT,
        rows INTEGER,
        classes TEXT NOT NULL DEFAULT '[]'
      ) STRICT;
      CREATE INDEX audit_log_at ON audit_log (at);
      CREATE INDEX audit_log_actor ON audit_log (actor_id, at);
      CREATE INDEX audit_log_customer ON audit_log (customer_id, at) WHERE customer_id IS NOT NULL;
      CREATE INDEX audit_log_record ON audit_log (entity, entity_id) WHERE entity_id IS NOT NULL;

      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
      BEGIN
        SELECT RAISE(ABORT, 'The audit log is append-only: an entry is never changed.');
      END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
      BEGIN
        SELECT RAISE(ABORT, 'The audit log is append-only: an entry is never removed.');
      END;

      CREATE TABLE change_log_redaction (
        one INTEGER PRIMARY KEY NOT NULL CHECK (one = 1),
        customer_id TEXT NOT NULL,
        started_at TEXT NOT NULL
      ) STRICT;

      DROP TRIGGER change_log_no_update;
      CREATE TRIGGER change_log_no_update BEFORE UPDATE ON change_log
      WHEN NOT EXISTS (SELECT 1 FROM change_log_redaction)
        OR new.device_id IS NOT old.device_id OR new.seq IS NOT old.seq
        OR new.hlc IS NOT old.hlc OR new.at IS NOT old.at OR new.actor_id IS NOT old.actor_id
        OR new.entity IS NOT old.entity OR new.entity_id IS NOT old.entity_id
        OR new.op IS NOT old.op OR new.field IS NOT old.field
        OR (new.before IS NOT old.before AND new.before IS NOT ${quoted(REDACTED_JSON)})
        OR (new.after IS NOT old.after AND new.after IS NOT ${quoted(REDACTED_JSON)})
        OR (new.reason IS NOT old.reason AND new.reason IS NOT ${quoted(REDACTED)})
      BEGIN
        SELECT RAISE(ABORT, 'The change log is append-only: an entry is never changed. Only an erasure may redact a person''s values in it.');
      END;

      CREATE TABLE privacy_requests (${editableColumnsSql},
        kind TEXT NOT NULL CHECK (kind IN ('access', 'erasure')),
        customer_id TEXT NOT NULL REFERENCES customers (id),
        received_on TEXT NOT NULL,
        due_on TEXT NOT NULL,
        completed_on TEXT,
        note TEXT
      ) STRICT;
      CREATE INDEX privacy_requests_open ON privacy_requests (due_on)
        WHERE completed_on IS NULL AND deleted_at IS NULL;
      CREATE INDEX privacy_requests_customer ON privacy_requests (customer_id);

      ALTER TABLE customers ADD COLUMN erased_at TEXT;
      CREATE INDEX change_log_actor ON change_log (actor_id, at);
    `);
  },
};
