import { editableColumnsSql } from '../schema/common';
import type { Migration } from './index';

/*
 * Sync between installs. Additive only: the change log gains the versions
 * each change was made from (`bases`, a JSON array of change ids) and the
 * schema version that wrote it; the rest are this install's own bookkeeping
 * of the merge (see src-main/sync/merge.ts), never synced themselves, except
 * `person_redirects`, which is an ordinary editable table so that a merge of
 * two people reaches every install.
 */
export const sync: Migration = {
  name: 'sync between installs',
  up(db) {
    db.exec(`
      ALTER TABLE change_log ADD COLUMN bases TEXT;
      ALTER TABLE change_log ADD COLUMN schema_version INTEGER;

      -- Every version of every field seen, local or remote: a version is a
      -- leaf while present and superseded by no other. A '$create' row stands
      -- for all the fields its create set; a marker (present = 0) records
      -- that a version is superseded before it has arrived, or that a create
      -- is superseded for one field.
      CREATE TABLE sync_versions (
        entity TEXT NOT NULL,
        row_id TEXT NOT NULL,
        field TEXT NOT NULL,
        change_id TEXT NOT NULL,
        device_id TEXT,
        seq INTEGER,
        hlc TEXT,
        present INTEGER NOT NULL,
        superseded INTEGER NOT NULL,
        PRIMARY KEY (entity, row_id, field, change_id)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE sync_conflicts (
        entity TEXT NOT NULL,
        row_id TEXT NOT NULL,
        field TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('field', 'delete')),
        leaves TEXT NOT NULL,
        PRIMARY KEY (entity, row_id, field)
      ) STRICT;

      -- Changes written by a newer schema than this install's, kept whole and
      -- applied once the app is updated.
      CREATE TABLE sync_pending (
        device_id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        schema_version INTEGER NOT NULL,
        body TEXT NOT NULL,
        PRIMARY KEY (device_id, seq)
      ) STRICT;

      -- Installs this one has heard of, and what it has seen of each.
      CREATE TABLE sync_peers (
        device_id TEXT PRIMARY KEY NOT NULL,
        name TEXT,
        last_seen_at TEXT,
        refused TEXT
      ) STRICT;

      CREATE TABLE sync_state (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL) STRICT;

      -- Likely duplicate people, for a person to merge or dismiss.
      CREATE TABLE sync_duplicates (
        a_id TEXT NOT NULL,
        b_id TEXT NOT NULL,
        score INTEGER NOT NULL,
        reasons TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('open', 'dismissed', 'merged')),
        found_at TEXT NOT NULL,
        PRIMARY KEY (a_id, b_id)
      ) STRICT;

      -- Old customer id -> the one it was merged into.
      CREATE TABLE person_redirects (${editableColumnsSql},
        new_id TEXT NOT NULL
      ) STRICT;
      CREATE INDEX person_redirects_new ON person_redirects (new_id);

      -- What was logged before sync existed becomes the current versions.
      INSERT INTO sync_versions (entity, row_id, field, change_id, device_id, seq, hlc, present, superseded)
        SELECT entity, entity_id, '$create', device_id || ':' || seq, device_id, seq, hlc, 1, 0
        FROM change_log WHERE op = 'create';
      INSERT INTO sync_versions (entity, row_id, field, change_id, device_id, seq, hlc, present, superseded)
        SELECT entity, entity_id, f, device_id || ':' || seq, device_id, seq, hlc, 1,
          CASE WHEN seq = max(seq) OVER (PARTITION BY entity, entity_id, f, device_id) THEN 0 ELSE 1 END
        FROM (SELECT *, CASE WHEN op = 'update' THEN field ELSE 'deleted_at' END AS f
              FROM change_log WHERE op != 'create' AND (op != 'update' OR field IS NOT NULL));
      INSERT OR IGNORE INTO sync_versions (entity, row_id, field, change_id, present, superseded)
        SELECT v.entity, v.row_id, v.field, c.change_id, 0, 1
        FROM (SELECT DISTINCT entity, row_id, field FROM sync_versions WHERE field != '$create') AS v
        JOIN sync_versions AS c ON c.entity = v.entity AND c.row_id = v.row_id AND c.field = '$create';
    `);
  },
};
