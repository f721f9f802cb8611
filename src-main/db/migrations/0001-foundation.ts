import { editableColumnsSql } from '../schema/common';
import type { Migration } from './index';

export const foundation: Migration = {
  name: 'foundation',
  up(db) {
    db.exec(`
      CREATE TABLE app_meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL) STRICT;

      CREATE TABLE change_log (
        device_id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        hlc TEXT NOT NULL,
        at TEXT NOT NULL,
        actor_id TEXT NOT NULL,
        entity TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        op TEXT NOT NULL CHECK (op IN ('create', 'update', 'delete', 'restore')),
        field TEXT,
        before TEXT,
        after TEXT,
        reason TEXT,
        PRIMARY KEY (device_id, seq)
      ) STRICT;
      CREATE INDEX change_log_entity ON change_log (entity, entity_id, hlc);
      CREATE INDEX change_log_hlc ON change_log (hlc);

      CREATE TABLE staff (${editableColumnsSql},
        name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('officer', 'coordinator', 'team_leader', 'administrator')),
        email TEXT,
        active INTEGER NOT NULL DEFAULT 1
      ) STRICT;

      CREATE TABLE settings (${editableColumnsSql}, value TEXT NOT NULL) STRICT;

      CREATE TABLE landlords (${editableColumnsSql},
        name TEXT NOT NULL,
        short_name TEXT,
        is_partner INTEGER NOT NULL DEFAULT 1,
        homes INTEGER,
        sort_order INTEGER NOT NULL DEFAULT 0
      ) STRICT;

      CREATE TABLE areas (${editableColumnsSql},
        landlord_id TEXT REFERENCES landlords (id),
        name TEXT NOT NULL,
        population INTEGER
      ) STRICT;
      CREATE INDEX areas_landlord ON areas (landlord_id);

      CREATE TABLE neighbourhoods (${editableColumnsSql},
        area_id TEXT NOT NULL REFERENCES areas (id),
        name TEXT NOT NULL
      ) STRICT;
      CREATE INDEX neighbourhoods_area ON neighbourhoods (area_id);
    `);
  },
};
