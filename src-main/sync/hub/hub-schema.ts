/**
 * The hub's one migration, as SQL a database administrator can also read and
 * run by hand (psql -f). It is run by the hub's owner role, in one
 * transaction, and is safe to run again: every statement creates only what is
 * missing and re-states the grants.
 *
 * Installs sign in as their own login roles, members of
 * `involvement_hub_install`; that role may add and read changes and blobs,
 * read the devices, and change only the device rows its own login
 * registered. It is never granted UPDATE, DELETE or TRUNCATE on changes or
 * blobs: the hub's history is append-only whatever an install's code does.
 */
export const HUB_SCHEMA_VERSION = 1;
export const HUB_SCHEMA = 'involvement_hub';
export const HUB_INSTALL_ROLE = 'involvement_hub_install';
/** The advisory lock (class, object) that orders pushes: taken by every push, checked by the database. */
export const HUB_LOCK_CLASS = 0x4944;
export const HUB_PUSH_LOCK = 1;

export const HUB_SCHEMA_SQL = /* sql */ `
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${HUB_INSTALL_ROLE}') THEN
    RAISE EXCEPTION 'The role ${HUB_INSTALL_ROLE} does not exist on this server.'
      USING ERRCODE = '42704',
            HINT = 'A database administrator creates it once: CREATE ROLE ${HUB_INSTALL_ROLE} NOLOGIN;';
  END IF;
END
$$;

CREATE SCHEMA IF NOT EXISTS ${HUB_SCHEMA};

CREATE TABLE IF NOT EXISTS ${HUB_SCHEMA}.meta (
  key text PRIMARY KEY,
  value text NOT NULL
);

-- hub_seq is assigned by the pusher under an advisory lock held until its
-- transaction commits, so it is gapless and commits in order: a reader that
-- sees hub_seq n has already seen every hub_seq below n.
CREATE TABLE IF NOT EXISTS ${HUB_SCHEMA}.changes (
  hub_seq bigint PRIMARY KEY CHECK (hub_seq > 0),
  change_id text NOT NULL UNIQUE CHECK (length(change_id) BETWEEN 1 AND 200),
  device_id text NOT NULL CHECK (length(device_id) BETWEEN 1 AND 200),
  seq bigint NOT NULL CHECK (seq > 0),
  schema_version integer NOT NULL CHECK (schema_version > 0),
  body text NOT NULL,
  pushed_by name NOT NULL DEFAULT current_user,
  pushed_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT changes_device_seq_unique UNIQUE (device_id, seq)
);

CREATE TABLE IF NOT EXISTS ${HUB_SCHEMA}.devices (
  device_id text PRIMARY KEY CHECK (length(device_id) BETWEEN 1 AND 200),
  name text NOT NULL,
  app_version text NOT NULL,
  schema_version integer NOT NULL,
  db_user name NOT NULL DEFAULT current_user,
  cursor bigint NOT NULL DEFAULT 0 CHECK (cursor >= 0),
  registered_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now()
);

-- Attachments, addressed by the SHA-256 of their bytes (lower-case hex).
CREATE TABLE IF NOT EXISTS ${HUB_SCHEMA}.blobs (
  hash text PRIMARY KEY CHECK (hash ~ '^[0-9a-f]{64}$'),
  bytes bytea NOT NULL,
  size integer NOT NULL CHECK (size >= 0),
  added_by name NOT NULL DEFAULT current_user,
  added_at timestamptz NOT NULL DEFAULT now()
);

-- The database keeps the sequence honest even against an install sending its
-- own SQL: rows go in only under the push lock, numbered straight on from the
-- hub's last. Once per statement, so a push of thousands pays for it once.
CREATE OR REPLACE FUNCTION ${HUB_SCHEMA}.changes_in_turn() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  lo bigint;
  hi bigint;
  n bigint;
  top bigint;
BEGIN
  SELECT min(hub_seq), max(hub_seq), count(*) INTO lo, hi, n FROM added;
  IF n = 0 THEN
    RETURN NULL;
  END IF;
  IF NOT EXISTS (
    SELECT 1 FROM pg_locks
    WHERE locktype = 'advisory' AND pid = pg_backend_pid() AND granted
      AND classid = ${HUB_LOCK_CLASS} AND objid = ${HUB_PUSH_LOCK} AND objsubid = 2
  ) THEN
    RAISE EXCEPTION 'Changes are added to the hub only while holding its push lock.'
      USING ERRCODE = '55P03';
  END IF;
  -- max() and an equality lookup, both answered from the primary key's index.
  SELECT max(hub_seq) INTO top FROM ${HUB_SCHEMA}.changes;
  IF hi - lo + 1 <> n OR top <> hi
     OR (lo > 1 AND NOT EXISTS (SELECT 1 FROM ${HUB_SCHEMA}.changes WHERE hub_seq = lo - 1)) THEN
    RAISE EXCEPTION 'Hub sequence numbers % to % do not follow straight on from the hub''s last.', lo, hi
      USING ERRCODE = '23514';
  END IF;
  RETURN NULL;
END
$$;
DROP TRIGGER IF EXISTS changes_in_turn ON ${HUB_SCHEMA}.changes;
CREATE TRIGGER changes_in_turn AFTER INSERT ON ${HUB_SCHEMA}.changes
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT
  EXECUTE FUNCTION ${HUB_SCHEMA}.changes_in_turn();

INSERT INTO ${HUB_SCHEMA}.meta (key, value) VALUES ('schema_version', '${HUB_SCHEMA_VERSION}')
  ON CONFLICT (key) DO NOTHING;
INSERT INTO ${HUB_SCHEMA}.meta (key, value) VALUES ('minimum_app_version', '0.0.0')
  ON CONFLICT (key) DO NOTHING;

REVOKE ALL ON ALL TABLES IN SCHEMA ${HUB_SCHEMA} FROM PUBLIC;
REVOKE ALL ON ALL TABLES IN SCHEMA ${HUB_SCHEMA} FROM ${HUB_INSTALL_ROLE};
GRANT USAGE ON SCHEMA ${HUB_SCHEMA} TO ${HUB_INSTALL_ROLE};
GRANT SELECT ON ${HUB_SCHEMA}.meta TO ${HUB_INSTALL_ROLE};
GRANT SELECT, INSERT ON ${HUB_SCHEMA}.changes TO ${HUB_INSTALL_ROLE};
GRANT SELECT, INSERT ON ${HUB_SCHEMA}.blobs TO ${HUB_INSTALL_ROLE};
GRANT SELECT ON ${HUB_SCHEMA}.devices TO ${HUB_INSTALL_ROLE};
GRANT INSERT (device_id, name, app_version, schema_version) ON ${HUB_SCHEMA}.devices TO ${HUB_INSTALL_ROLE};
GRANT UPDATE (name, app_version, schema_version, cursor, last_seen_at) ON ${HUB_SCHEMA}.devices TO ${HUB_INSTALL_ROLE};

-- A device row belongs to the login that registered it: an install can read
-- every device (to know who has seen what) but move only its own cursor.
ALTER TABLE ${HUB_SCHEMA}.devices ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS devices_read ON ${HUB_SCHEMA}.devices;
DROP POLICY IF EXISTS devices_register ON ${HUB_SCHEMA}.devices;
DROP POLICY IF EXISTS devices_update_own ON ${HUB_SCHEMA}.devices;
CREATE POLICY devices_read ON ${HUB_SCHEMA}.devices FOR SELECT TO ${HUB_INSTALL_ROLE} USING (true);
CREATE POLICY devices_register ON ${HUB_SCHEMA}.devices FOR INSERT TO ${HUB_INSTALL_ROLE}
  WITH CHECK (db_user = current_user);
CREATE POLICY devices_update_own ON ${HUB_SCHEMA}.devices FOR UPDATE TO ${HUB_INSTALL_ROLE}
  USING (db_user = current_user) WITH CHECK (db_user = current_user);
`;
