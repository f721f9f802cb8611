import { createHash } from 'node:crypto';
import { isIP } from 'node:net';
import { Kysely, PostgresDialect, sql, type ColumnType, type Transaction } from 'kysely';
import pg from 'pg';
import { compareAppVersions, isAppVersion, newerAppVersion } from './app-version';
import { HubError, hubError } from './hub-errors';
import {
  HUB_LOCK_CLASS,
  HUB_PUSH_LOCK,
  HUB_SCHEMA,
  HUB_SCHEMA_SQL,
  HUB_SCHEMA_VERSION,
} from './hub-schema';
import {
  describeHub,
  effectiveTls,
  isLocalHost,
  parseHubSettings,
  type HubSettings,
} from './settings';

/** One change as the hub keeps it: the body is the change as JSON, opaque to the hub. */
export interface HubChange {
  changeId: string;
  deviceId: string;
  seq: number;
  schemaVersion: number;
  body: string;
}

export interface HubDevice {
  deviceId: string;
  name: string;
  appVersion: string;
  schemaVersion: number;
}

type Int8 = ColumnType<string, number | string, number | string>;
type DefaultedInt8 = ColumnType<string, number | string | undefined, number | string>;

interface HubTables {
  meta: { key: string; value: string };
  changes: {
    hub_seq: Int8;
    change_id: string;
    device_id: string;
    seq: Int8;
    schema_version: number;
    body: string;
  };
  devices: {
    device_id: string;
    name: string;
    app_version: string;
    schema_version: number;
    db_user: ColumnType<string, never, never>;
    cursor: DefaultedInt8;
    last_seen_at: ColumnType<Date, never, ReturnType<typeof sql>>;
  };
  blobs: { hash: string; bytes: Buffer; size: number };
}

/**
 * Advisory lock keys (class, object). PUSH serialises the assignment of hub
 * sequence numbers; MIGRATE keeps two installs from setting up the hub at once.
 */
const LOCK_CLASS = HUB_LOCK_CLASS;
const PUSH_LOCK = HUB_PUSH_LOCK;
const MIGRATE_LOCK = 2;

/** A long push is committed in slices, so the lock that orders pushes is never held for long. */
const PUSH_SLICE = 5_000;
const MAX_PULL = 10_000;
const HASH = /^[0-9a-f]{64}$/;

const ID_MAX = 200;

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function invalid(message: string, path: string): HubError {
  return new HubError('invalid', 'invalid', message, [{ path, message }]);
}

function checkId(value: unknown, what: string, path: string): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > ID_MAX)
    throw invalid(`${what} must be text of 1 to ${ID_MAX} characters.`, path);
  return value;
}

function checkChange(c: HubChange, i: number): void {
  const at = `changes.${i}`;
  if (typeof c !== 'object' || c === null) throw invalid(`Change ${i + 1} is missing.`, at);
  checkId(c.changeId, `Change ${i + 1}'s change id`, `${at}.changeId`);
  checkId(c.deviceId, `Change ${i + 1}'s device id`, `${at}.deviceId`);
  if (!Number.isSafeInteger(c.seq) || c.seq <= 0)
    throw invalid(`Change ${i + 1}'s sequence must be a whole number above 0.`, `${at}.seq`);
  if (!Number.isSafeInteger(c.schemaVersion) || c.schemaVersion <= 0)
    throw invalid(
      `Change ${i + 1}'s schema version must be a whole number above 0.`,
      `${at}.schemaVersion`,
    );
  if (typeof c.body !== 'string')
    throw invalid(`Change ${i + 1}'s body must be text.`, `${at}.body`);
}

function checkHubSeq(value: number, path: string): void {
  if (!Number.isSafeInteger(value) || value < 0)
    throw invalid('A hub sequence number must be a whole number, 0 or above.', path);
}

/**
 * Transport 2 of sync: the organisation's PostgreSQL hub, seen from one
 * install. The hub stores changes and attachments and hands them out in hub
 * order; it never reads a change's body, so merging stays entirely the
 * installs' business.
 */
export class PostgresHub {
  private constructor(
    private readonly db: Kysely<HubTables>,
    private readonly settings: HubSettings,
    private readonly minimumAppVersion: string | undefined,
  ) {}

  /**
   * Opens a pool to the hub and proves it answers (so a wrong address, password
   * or TLS setting is reported here, in plain words). `minimumAppVersion`:
   * the oldest app version this hub should accept; `migrate()` records it in
   * the hub (only ever raising it), and registration refuses installs older
   * than the higher of it and the one recorded.
   */
  static async connect(
    settings: HubSettings,
    options: { minimumAppVersion?: string } = {},
  ): Promise<PostgresHub> {
    const s = parseHubSettings(settings);
    if (options.minimumAppVersion !== undefined && !isAppVersion(options.minimumAppVersion))
      throw invalid(
        `The minimum app version "${options.minimumAppVersion}" is not a version number like 1.4.0.`,
        'minimumAppVersion',
      );
    const tls = effectiveTls(s);
    const pool = new pg.Pool({
      host: s.host,
      port: s.port,
      database: s.database,
      user: s.user,
      password: s.password,
      ssl:
        tls === 'off'
          ? false
          : {
              rejectUnauthorized: tls === 'verify-full',
              ...(isIP(s.host) || isLocalHost(s.host) ? {} : { servername: s.host }),
            },
      max: 4,
      connectionTimeoutMillis: 10_000,
      idleTimeoutMillis: 30_000,
      application_name: 'Involvement Desk',
    });
    // A server restart drops idle connections; the next query reconnects, so
    // the error on the idle client must not take the process down.
    pool.on('error', () => undefined);
    try {
      const client = await pool.connect();
      client.release();
    } catch (e) {
      await pool.end().catch(() => undefined);
      throw hubError(e, s);
    }
    const db = new Kysely<HubTables>({ dialect: new PostgresDialect({ pool }) }).withSchema(
      HUB_SCHEMA,
    );
    return new PostgresHub(db, s, options.minimumAppVersion);
  }

  private async run<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (e) {
      throw hubError(e, this.settings);
    }
  }

  private pushing<T>(work: (trx: Transaction<HubTables>) => Promise<T>): Promise<T> {
    // Read committed on purpose: each statement after the lock takes a fresh
    // snapshot, so it sees the rows of the pusher that held the lock before.
    // Under repeatable read the snapshot would predate the wait.
    return this.db.transaction().setIsolationLevel('read committed').execute(work);
  }

  /** Sets up (or brings up to date) the hub's tables and grants. Run as the hub's owner. */
  async migrate(): Promise<void> {
    await this.run(async () => {
      try {
        await this.db.transaction().execute(async (trx) => {
          await sql`SELECT pg_advisory_xact_lock(${LOCK_CLASS}::int, ${MIGRATE_LOCK}::int)`.execute(
            trx,
          );
          const exists = await sql<{ found: string | null }>`
            SELECT to_regclass(${`${HUB_SCHEMA}.meta`})::text AS found`.execute(trx);
          const existing = exists.rows[0]?.found
            ? await sql<{ value: string }>`
                SELECT value FROM involvement_hub.meta WHERE key = 'schema_version'`.execute(trx)
            : { rows: [] };
          const found = existing.rows[0]?.value;
          if (found && Number(found) > HUB_SCHEMA_VERSION)
            throw new HubError(
              'schema_newer',
              'unavailable',
              `The hub ${describeHub(this.settings)} was set up by a newer version of Involvement Desk (hub schema ${found}; this install knows ${HUB_SCHEMA_VERSION}). Update this install before setting up the hub from it.`,
            );
          await sql.raw(HUB_SCHEMA_SQL).execute(trx);
          if (this.minimumAppVersion) {
            const row = await trx
              .selectFrom('meta')
              .select('value')
              .where('key', '=', 'minimum_app_version')
              .executeTakeFirstOrThrow();
            const raised = isAppVersion(row.value)
              ? newerAppVersion(row.value, this.minimumAppVersion)
              : this.minimumAppVersion;
            await trx
              .updateTable('meta')
              .set({ value: raised })
              .where('key', '=', 'minimum_app_version')
              .execute();
          }
        });
      } catch (e) {
        const code = (e as { code?: string }).code;
        if (code === '42501')
          throw new HubError(
            'not_allowed',
            'forbidden',
            `The hub user "${this.settings.user}" may not set up the hub at ${describeHub(this.settings)}: run the hub migration as the hub’s owner role (the role that owns the database).`,
            [{ path: 'user', message: 'Only the hub’s owner can set it up.' }],
          );
        throw e;
      }
    });
  }

  private async hubRules(): Promise<{ schemaVersion: number; minimumAppVersion: string }> {
    const rows = await this.db.selectFrom('meta').select(['key', 'value']).execute();
    const meta = new Map(rows.map((r) => [r.key, r.value]));
    const recorded = meta.get('minimum_app_version') ?? '0.0.0';
    let minimum = isAppVersion(recorded) ? recorded : '0.0.0';
    if (this.minimumAppVersion) minimum = newerAppVersion(minimum, this.minimumAppVersion);
    return { schemaVersion: Number(meta.get('schema_version') ?? 0), minimumAppVersion: minimum };
  }

  private tooOld(appVersion: string, minimum: string): HubError {
    return new HubError(
      'install_too_old',
      'unavailable',
      `This install of Involvement Desk is version ${appVersion}, but the team’s hub accepts changes only from version ${minimum} or later. Update Involvement Desk on this computer, then sync again; nothing recorded here is lost meanwhile.`,
      [{ path: 'appVersion', message: `Version ${minimum} or later is needed.` }],
    );
  }

  /** Records this install on the hub (again, after an update), refusing versions older than the hub's minimum. */
  async registerDevice(d: HubDevice): Promise<void> {
    checkId(d.deviceId, 'The device id', 'deviceId');
    if (typeof d.name !== 'string' || d.name.trim() === '' || d.name.length > 200)
      throw invalid('The install’s name must be text of 1 to 200 characters.', 'name');
    if (typeof d.appVersion !== 'string' || !isAppVersion(d.appVersion))
      throw invalid(
        `The app version "${String(d.appVersion)}" is not a version number like 1.4.0.`,
        'appVersion',
      );
    if (!Number.isSafeInteger(d.schemaVersion) || d.schemaVersion <= 0)
      throw invalid('The schema version must be a whole number above 0.', 'schemaVersion');
    await this.run(async () => {
      const rules = await this.hubRules();
      if (rules.schemaVersion > HUB_SCHEMA_VERSION)
        throw new HubError(
          'schema_newer',
          'unavailable',
          `The team’s hub has been set up by a newer version of Involvement Desk. Update Involvement Desk on this computer, then sync again.`,
          [{ path: 'appVersion', message: 'A newer version is needed.' }],
        );
      if (compareAppVersions(d.appVersion, rules.minimumAppVersion) < 0)
        throw this.tooOld(d.appVersion, rules.minimumAppVersion);
      try {
        await this.db
          .insertInto('devices')
          .values({
            device_id: d.deviceId,
            name: d.name.trim(),
            app_version: d.appVersion,
            schema_version: d.schemaVersion,
          })
          .onConflict((oc) =>
            oc.column('device_id').doUpdateSet({
              name: (eb) => eb.ref('excluded.name'),
              app_version: (eb) => eb.ref('excluded.app_version'),
              schema_version: (eb) => eb.ref('excluded.schema_version'),
              last_seen_at: sql`now()`,
            }),
          )
          .execute();
      } catch (e) {
        if ((e as { code?: string }).code === '42501' && /row-level security/.test(String(e)))
          throw await this.deviceTaken(d.deviceId);
        throw e;
      }
    });
  }

  private async deviceTaken(deviceId: string): Promise<HubError> {
    const row = await this.db
      .selectFrom('devices')
      .select(['name', 'db_user'])
      .where('device_id', '=', deviceId)
      .executeTakeFirst();
    if (!row)
      return new HubError(
        'not_registered',
        'conflict',
        `This install (device ${deviceId}) has not joined the hub yet: register it before syncing.`,
        [{ path: 'deviceId', message: 'Not registered on the hub.' }],
      );
    return new HubError(
      'device_taken',
      'forbidden',
      `The device id ${deviceId} is registered on the hub by another hub user ("${row.db_user}", install "${row.name}"). Each install signs in with its own hub user; ask the hub’s administrator.`,
      [{ path: 'user', message: `Device ${deviceId} belongs to hub user "${row.db_user}".` }],
    );
  }

  /** Marks this install as seen and returns the app version it registered with, or throws why it may not write. */
  private async touchDevice(trx: Transaction<HubTables>, deviceId: string): Promise<void> {
    const row = await trx
      .updateTable('devices')
      .set({ last_seen_at: sql`now()` })
      .where('device_id', '=', deviceId)
      .returning([
        'app_version',
        sql<string>`(SELECT value FROM involvement_hub.meta WHERE key = 'minimum_app_version')`.as(
          'minimum',
        ),
      ])
      .executeTakeFirst();
    if (!row) throw await this.deviceTaken(deviceId);
    let minimum = isAppVersion(row.minimum) ? row.minimum : '0.0.0';
    if (this.minimumAppVersion) minimum = newerAppVersion(minimum, this.minimumAppVersion);
    if (compareAppVersions(row.app_version, minimum) < 0)
      throw this.tooOld(row.app_version, minimum);
  }

  /**
   * Adds changes to the hub in the order given. A change id the hub already
   * holds (or that appears twice in one push) is counted as a duplicate and
   * not stored again. `lastHubSeq` is the hub's newest sequence number once
   * this push is in. The changes may have been made on other installs (an
   * install passing on what it received by folder); `deviceId` is the one
   * pushing, which must be registered by this hub login and recent enough.
   * A long push commits in slices of 5,000: if it fails part-way, what went in
   * stays in, and pushing the whole list again counts it as duplicates.
   */
  async push(
    deviceId: string,
    changes: HubChange[],
  ): Promise<{ accepted: number; duplicates: number; lastHubSeq: number }> {
    checkId(deviceId, 'The device id', 'deviceId');
    if (!Array.isArray(changes)) throw invalid('The changes to push must be a list.', 'changes');
    changes.forEach(checkChange);
    return this.run(async () => {
      let accepted = 0;
      let lastHubSeq = 0;
      for (let start = 0; start === 0 || start < changes.length; start += PUSH_SLICE) {
        const slice = changes.slice(start, start + PUSH_SLICE);
        const result = await this.pushSlice(deviceId, slice);
        accepted += result.accepted;
        lastHubSeq = result.lastHubSeq;
      }
      return { accepted, duplicates: changes.length - accepted, lastHubSeq };
    });
  }

  private async pushSlice(
    deviceId: string,
    slice: HubChange[],
  ): Promise<{ accepted: number; lastHubSeq: number }> {
    try {
      return await this.pushing(async (trx) => {
        await this.touchDevice(trx, deviceId);
        await sql`SELECT pg_advisory_xact_lock(${LOCK_CLASS}::int, ${PUSH_LOCK}::int)`.execute(trx);
        // One statement: the hub's head, the incoming rows less those already
        // held (or repeated within the push), numbered on from the head in the
        // order they were pushed.
        const { rows } = await sql<{ accepted: string; last: string }>`
          WITH head AS (
            SELECT coalesce(max(hub_seq), 0) AS seq FROM involvement_hub.changes
          ), incoming AS (
            SELECT * FROM unnest(
              ${slice.map((c) => c.changeId)}::text[],
              ${slice.map((c) => c.deviceId)}::text[],
              ${slice.map((c) => c.seq)}::bigint[],
              ${slice.map((c) => c.schemaVersion)}::int[],
              ${slice.map((c) => c.body)}::text[]
            ) WITH ORDINALITY AS t(change_id, device_id, seq, schema_version, body, ord)
          ), fresh AS (
            SELECT DISTINCT ON (i.change_id) i.*
            FROM incoming i
            WHERE NOT EXISTS (SELECT 1 FROM involvement_hub.changes c WHERE c.change_id = i.change_id)
            ORDER BY i.change_id, i.ord
          ), added AS (
            INSERT INTO involvement_hub.changes (hub_seq, change_id, device_id, seq, schema_version, body)
            SELECT (SELECT seq FROM head) + row_number() OVER (ORDER BY ord),
                   change_id, device_id, seq, schema_version, body
            FROM fresh
            ORDER BY ord
            RETURNING 1
          )
          SELECT (SELECT count(*) FROM added) AS accepted,
                 (SELECT seq FROM head) + (SELECT count(*) FROM added) AS last`.execute(trx);
        const row = rows[0]!;
        return { accepted: Number(row.accepted), lastHubSeq: Number(row.last) };
      });
    } catch (e) {
      const err = e as { code?: string; constraint?: string; detail?: string };
      if (err.code === '23505' && err.constraint === 'changes_device_seq_unique')
        throw new HubError(
          'sequence_clash',
          'conflict',
          `The hub already holds a different change with the same install and sequence number (${err.detail ?? 'device and sequence taken'}). An install’s changes were numbered twice, for example after restoring an old backup; nothing from this push was stored. Ask the hub’s administrator before syncing this install again.`,
          [{ path: 'changes', message: 'A device sequence number is already taken on the hub.' }],
        );
      throw e;
    }
  }

  /**
   * Changes after `afterHubSeq`, oldest first, at most `limit`. `lastHubSeq`
   * is the hub sequence of the last change returned (`afterHubSeq` when none),
   * so it is always safe as the next `afterHubSeq`; `latestHubSeq` is the
   * hub's newest, for progress. Every change is returned, this install's own
   * included, so a puller can check the sequence has no gaps. Reading moves
   * nothing: `setCursor` records how far this install got.
   */
  async pull(
    deviceId: string,
    afterHubSeq: number,
    limit: number,
  ): Promise<{
    changes: (HubChange & { hubSeq: number })[];
    lastHubSeq: number;
    latestHubSeq: number;
  }> {
    checkId(deviceId, 'The device id', 'deviceId');
    checkHubSeq(afterHubSeq, 'afterHubSeq');
    if (!Number.isSafeInteger(limit) || limit < 1 || limit > MAX_PULL)
      throw invalid(`A pull takes 1 to ${MAX_PULL} changes at a time.`, 'limit');
    return this.run(async () => {
      const rows = await this.db
        .selectFrom('changes')
        .select(['hub_seq', 'change_id', 'device_id', 'seq', 'schema_version', 'body'])
        .where('hub_seq', '>', String(afterHubSeq))
        .orderBy('hub_seq')
        .limit(limit)
        .execute();
      const changes = rows.map((r) => ({
        hubSeq: Number(r.hub_seq),
        changeId: r.change_id,
        deviceId: r.device_id,
        seq: Number(r.seq),
        schemaVersion: r.schema_version,
        body: r.body,
      }));
      const lastHubSeq = changes.length ? changes[changes.length - 1]!.hubSeq : afterHubSeq;
      let latestHubSeq = lastHubSeq;
      if (changes.length === limit) {
        const head = await this.db
          .selectFrom('changes')
          .select(sql<string>`coalesce(max(hub_seq), 0)`.as('seq'))
          .executeTakeFirstOrThrow();
        latestHubSeq = Math.max(lastHubSeq, Number(head.seq));
      }
      return { changes, lastHubSeq, latestHubSeq };
    });
  }

  /** Records how far this install has applied the hub's changes. */
  async setCursor(deviceId: string, hubSeq: number): Promise<void> {
    checkId(deviceId, 'The device id', 'deviceId');
    checkHubSeq(hubSeq, 'hubSeq');
    await this.run(async () => {
      const result = await this.db
        .updateTable('devices')
        .set({ cursor: hubSeq, last_seen_at: sql`now()` })
        .where('device_id', '=', deviceId)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) throw await this.deviceTaken(deviceId);
    });
  }

  /** The devices the hub knows, with their cursors: who has seen what. */
  async devices(): Promise<(HubDevice & { cursor: number; lastSeenAt: Date; hubUser: string })[]> {
    return this.run(async () => {
      const rows = await this.db
        .selectFrom('devices')
        .select([
          'device_id',
          'name',
          'app_version',
          'schema_version',
          'cursor',
          'last_seen_at',
          'db_user',
        ])
        .orderBy('device_id')
        .execute();
      return rows.map((r) => ({
        deviceId: r.device_id,
        name: r.name,
        appVersion: r.app_version,
        schemaVersion: r.schema_version,
        cursor: Number(r.cursor),
        lastSeenAt: r.last_seen_at,
        hubUser: r.db_user,
      }));
    });
  }

  /** Stores an attachment under its SHA-256, refusing bytes that do not match it. */
  async putBlob(hash: string, bytes: Buffer): Promise<void> {
    const h = typeof hash === 'string' ? hash.toLowerCase() : '';
    if (!HASH.test(h))
      throw invalid(
        'An attachment’s hash must be a SHA-256 in hexadecimal (64 characters).',
        'hash',
      );
    if (!Buffer.isBuffer(bytes)) throw invalid('The attachment’s contents are missing.', 'bytes');
    const actual = sha256(bytes);
    if (actual !== h)
      throw new HubError(
        'blob_damaged',
        'invalid',
        `The attachment's contents do not match its hash (expected ${h}, got ${actual}): it was damaged or changed on the way, and the hub did not store it.`,
        [{ path: 'bytes', message: 'The contents do not match the hash.' }],
      );
    await this.run(async () => {
      await this.db
        .insertInto('blobs')
        .values({ hash: h, bytes, size: bytes.length })
        .onConflict((oc) => oc.column('hash').doNothing())
        .execute();
    });
  }

  /** An attachment's bytes, checked against its hash; null when the hub does not hold it. */
  async getBlob(hash: string): Promise<Buffer | null> {
    const h = typeof hash === 'string' ? hash.toLowerCase() : '';
    if (!HASH.test(h))
      throw invalid(
        'An attachment’s hash must be a SHA-256 in hexadecimal (64 characters).',
        'hash',
      );
    return this.run(async () => {
      const row = await this.db
        .selectFrom('blobs')
        .select('bytes')
        .where('hash', '=', h)
        .executeTakeFirst();
      if (!row) return null;
      if (sha256(row.bytes) !== h)
        throw new HubError(
          'blob_damaged',
          'internal',
          `The hub's copy of attachment ${h} does not match its hash; it has been damaged on the server. Ask the hub's administrator to restore it from a backup.`,
        );
      return row.bytes;
    });
  }

  /** Which of these attachments the hub already holds. */
  async hasBlobs(hashes: string[]): Promise<Set<string>> {
    if (!Array.isArray(hashes)) throw invalid('The hashes must be a list.', 'hashes');
    const wanted = [...new Set(hashes.map((h) => String(h).toLowerCase()))].filter((h) =>
      HASH.test(h),
    );
    const found = new Set<string>();
    if (!wanted.length) return found;
    await this.run(async () => {
      for (let i = 0; i < wanted.length; i += 10_000) {
        const rows = await this.db
          .selectFrom('blobs')
          .select('hash')
          .where('hash', '=', sql<string>`ANY(${wanted.slice(i, i + 10_000)}::text[])`)
          .execute();
        for (const r of rows) found.add(r.hash);
      }
    });
    return found;
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }
}
