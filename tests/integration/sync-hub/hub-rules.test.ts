import { createHash } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  HubError,
  PostgresHub,
  type HubChange,
  type HubSettings,
} from '../../../src-main/sync/hub';
import { startPostgres, type TestPostgres } from '../../support/postgres';

let server: TestPostgres;
let owner: PostgresHub;
const open: PostgresHub[] = [];

async function connect(settings: HubSettings, minimumAppVersion?: string): Promise<PostgresHub> {
  const hub = await PostgresHub.connect(settings, minimumAppVersion ? { minimumAppVersion } : {});
  open.push(hub);
  return hub;
}

/** An install with its own hub login, registered under `deviceId`. */
async function install(user: string, deviceId = user, appVersion = '0.1.0') {
  const settings = await server.addInstall(user);
  const hub = await connect(settings);
  await hub.registerDevice({ deviceId, name: `${user}'s laptop`, appVersion, schemaVersion: 1 });
  return { hub, settings, deviceId };
}

function change(device: string, seq: number, id = `${device}-${seq}`): HubChange {
  return { changeId: id, deviceId: device, seq, schemaVersion: 1, body: `{"n":${seq}}` };
}

/** What the hub threw, for asserting on its problem and words. */
async function failure(work: Promise<unknown>): Promise<HubError> {
  try {
    await work;
  } catch (e) {
    expect(e).toBeInstanceOf(HubError);
    return e as HubError;
  }
  throw new Error('Expected the hub to refuse.');
}

beforeAll(async () => {
  server = await startPostgres({
    tls: true,
    // One user whose connections the server refuses unless encrypted.
    hbaFirst: ['hostnossl all tls_only 127.0.0.1/32 reject'],
  });
  owner = await connect(server.owner);
  await owner.migrate();
}, 60_000);

afterAll(async () => {
  await Promise.all(open.map((h) => h.close().catch(() => undefined)));
  await server?.stop();
});

describe('the migration', () => {
  test('runs again without harm and keeps what is stored', async () => {
    const { hub, deviceId } = await install('migrate_again');
    await hub.push(deviceId, [change(deviceId, 1)]);
    await owner.migrate();
    const pulled = await hub.pull(deviceId, 0, 100);
    expect(pulled.changes.map((c) => c.changeId)).toContain(`${deviceId}-1`);
    const { rows } = await server.query(
      "SELECT value FROM involvement_hub.meta WHERE key = 'schema_version'",
    );
    expect(rows).toEqual([{ value: '1' }]);
  });

  test('is refused to an install login, with a word on who may run it', async () => {
    const settings = await server.addInstall('not_an_owner');
    const hub = await connect(settings);
    const error = await failure(hub.migrate());
    expect(error.problem).toBe('not_allowed');
    expect(error.message).toContain('run the hub migration as the hub’s owner role');
  });
});

describe('pushing', () => {
  test('a re-push is counted as duplicates and never stored twice', async () => {
    const { hub, deviceId } = await install('repush');
    const batch = [1, 2, 3, 4, 5].map((n) => change(deviceId, n));
    const first = await hub.push(deviceId, batch);
    expect(first).toMatchObject({ accepted: 5, duplicates: 0 });
    const again = await hub.push(deviceId, batch);
    expect(again).toEqual({ accepted: 0, duplicates: 5, lastHubSeq: again.lastHubSeq });
    expect(again.lastHubSeq).toBeGreaterThanOrEqual(first.lastHubSeq);
    // Overlapping, and a change repeated inside the push.
    const mixed = await hub.push(deviceId, [
      change(deviceId, 5),
      change(deviceId, 6),
      change(deviceId, 6),
      change(deviceId, 7),
    ]);
    expect(mixed).toMatchObject({ accepted: 2, duplicates: 2 });
    const { rows } = await server.query(
      'SELECT seq::int AS seq, count(*)::int AS n FROM involvement_hub.changes WHERE device_id = $1 GROUP BY seq ORDER BY seq',
      [deviceId],
    );
    expect(rows).toEqual([1, 2, 3, 4, 5, 6, 7].map((seq) => ({ seq, n: 1 })));
  });

  test('an install’s sequence number reused for a different change is refused whole', async () => {
    const { hub, deviceId } = await install('renumbered');
    await hub.push(deviceId, [change(deviceId, 1), change(deviceId, 2)]);
    const error = await failure(
      hub.push(deviceId, [change(deviceId, 3), change(deviceId, 2, 'restored-from-backup')]),
    );
    expect(error.problem).toBe('sequence_clash');
    expect(error.message).toContain('nothing from this push was stored');
    const { rows } = await server.query(
      'SELECT count(*)::int AS n FROM involvement_hub.changes WHERE device_id = $1',
      [deviceId],
    );
    expect(rows[0].n).toBe(2);
  });

  test('bad changes are named before anything is sent', async () => {
    const { hub, deviceId } = await install('bad_input');
    const error = await failure(
      hub.push(deviceId, [change(deviceId, 1), { ...change(deviceId, 2), seq: 0 }]),
    );
    expect(error.code).toBe('invalid');
    expect(error.fields).toEqual([
      { path: 'changes.1.seq', message: "Change 2's sequence must be a whole number above 0." },
    ]);
  });

  test('an install that has not registered cannot push', async () => {
    const settings = await server.addInstall('unregistered');
    const hub = await connect(settings);
    const error = await failure(hub.push('unregistered', [change('unregistered', 1)]));
    expect(error.problem).toBe('not_registered');
  });
});

describe('what an install login may do', () => {
  test('it can add and read changes and blobs, but never update, delete or truncate them', async () => {
    const { settings, hub, deviceId } = await install('raw_sql');
    await hub.push(deviceId, [change(deviceId, 1)]);
    const client = new pg.Client(settings);
    await client.connect();
    try {
      const attempt = async (text: string) => {
        try {
          await client.query(text);
          return 'allowed';
        } catch (e) {
          return (e as { code?: string }).code;
        }
      };
      expect(await attempt('SELECT count(*) FROM involvement_hub.changes')).toBe('allowed');
      for (const table of ['changes', 'blobs']) {
        expect(
          await attempt(
            `UPDATE involvement_hub.${table} SET ${table === 'changes' ? "body = '{}'" : 'size = 0'}`,
          ),
        ).toBe('42501');
        expect(await attempt(`DELETE FROM involvement_hub.${table}`)).toBe('42501');
        expect(await attempt(`TRUNCATE involvement_hub.${table}`)).toBe('42501');
      }
      expect(await attempt("UPDATE involvement_hub.meta SET value = '0.0.0'")).toBe('42501');
      // Adding changes by hand: only under the push lock, and only straight after the hub's last.
      const { rows: head } = await client.query(
        'SELECT max(hub_seq)::int AS last FROM involvement_hub.changes',
      );
      const insertAt = (seq: number) =>
        `INSERT INTO involvement_hub.changes (hub_seq, change_id, device_id, seq, schema_version, body)
         VALUES (${seq}, 'by-hand-${seq}', '${deviceId}', ${seq}, 1, '{}')`;
      expect(await attempt(insertAt(head[0].last + 1))).toBe('55P03');
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock(18756, 1)');
      expect(await attempt(insertAt(head[0].last + 2))).toBe('23514');
      await client.query('ROLLBACK');
      expect(await attempt('DELETE FROM involvement_hub.devices')).toBe('42501');
      // Its own device row: the cursor yes, the owning login no.
      expect(
        await attempt(
          `UPDATE involvement_hub.devices SET cursor = 1 WHERE device_id = '${deviceId}'`,
        ),
      ).toBe('allowed');
      expect(
        await attempt(
          `UPDATE involvement_hub.devices SET db_user = 'someone' WHERE device_id = '${deviceId}'`,
        ),
      ).toBe('42501');
    } finally {
      await client.end();
    }
    const { rows } = await server.query(
      'SELECT body FROM involvement_hub.changes WHERE device_id = $1',
      [deviceId],
    );
    expect(rows).toEqual([{ body: '{"n":1}' }]);
  });

  test('it cannot move another install’s cursor or take over its device id', async () => {
    const a = await install('cursor_a');
    const b = await install('cursor_b');
    await a.hub.setCursor(a.deviceId, 3);
    const moved = await failure(b.hub.setCursor(a.deviceId, 99));
    expect(moved.problem).toBe('device_taken');
    expect(moved.message).toContain('registered on the hub by another hub user ("cursor_a"');
    const taken = await failure(
      b.hub.registerDevice({
        deviceId: a.deviceId,
        name: 'Impostor',
        appVersion: '0.1.0',
        schemaVersion: 1,
      }),
    );
    expect(taken.problem).toBe('device_taken');
    const pushAs = await failure(b.hub.push(a.deviceId, [change(a.deviceId, 1)]));
    expect(pushAs.problem).toBe('device_taken');
    const devices = await b.hub.devices();
    expect(devices.find((d) => d.deviceId === a.deviceId)).toMatchObject({
      name: "cursor_a's laptop",
      cursor: 3,
      hubUser: 'cursor_a',
    });
  });
});

describe('app versions', () => {
  test('an install older than the hub’s minimum is refused with a word to update, and the minimum only rises', async () => {
    const early = await install('early_bird', 'early-bird', '0.2.0');
    await early.hub.push(early.deviceId, [change(early.deviceId, 1)]);

    const newer = await connect(server.owner, '0.3.0');
    await newer.migrate();
    // Migrating from an older app does not lower it again.
    const older = await connect(server.owner, '0.1.5');
    await older.migrate();
    const { rows } = await server.query(
      "SELECT value FROM involvement_hub.meta WHERE key = 'minimum_app_version'",
    );
    expect(rows).toEqual([{ value: '0.3.0' }]);

    const settings = await server.addInstall('old_laptop');
    const hub = await connect(settings);
    const refused = await failure(
      hub.registerDevice({
        deviceId: 'old-laptop',
        name: 'Old laptop',
        appVersion: '0.2.9',
        schemaVersion: 1,
      }),
    );
    expect(refused.problem).toBe('install_too_old');
    expect(refused.message).toBe(
      'This install of Involvement Desk is version 0.2.9, but the team’s hub accepts changes only from version 0.3.0 or later. Update Involvement Desk on this computer, then sync again; nothing recorded here is lost meanwhile.',
    );
    expect(refused.fields).toEqual([
      { path: 'appVersion', message: 'Version 0.3.0 or later is needed.' },
    ]);

    // Registered before the minimum rose: its next push is refused, and nothing goes in.
    const pushRefused = await failure(early.hub.push(early.deviceId, [change(early.deviceId, 2)]));
    expect(pushRefused.problem).toBe('install_too_old');
    // After updating, it registers again and carries on.
    await early.hub.registerDevice({
      deviceId: early.deviceId,
      name: 'Early bird',
      appVersion: '0.3.1',
      schemaVersion: 2,
    });
    expect(await early.hub.push(early.deviceId, [change(early.deviceId, 2)])).toMatchObject({
      accepted: 1,
    });
    // A release candidate of the minimum is older than the release itself.
    const rc = await failure(
      hub.registerDevice({
        deviceId: 'old-laptop',
        name: 'Old laptop',
        appVersion: '0.3.0-rc.1',
        schemaVersion: 1,
      }),
    );
    expect(rc.problem).toBe('install_too_old');
    await server.query(
      "UPDATE involvement_hub.meta SET value = '0.0.0' WHERE key = 'minimum_app_version'",
    );
  });
});

describe('hub schema versions', () => {
  test('a hub set up by a newer version is neither migrated back nor written to by this one', async () => {
    const settings = await server.addInstall('behind');
    const hub = await connect(settings);
    await server.query("UPDATE involvement_hub.meta SET value = '2' WHERE key = 'schema_version'");
    try {
      const migrating = await failure(owner.migrate());
      expect(migrating.problem).toBe('schema_newer');
      expect(migrating.message).toContain('hub schema 2; this install knows 1');
      const registering = await failure(
        hub.registerDevice({
          deviceId: 'behind',
          name: 'Behind',
          appVersion: '9.0.0',
          schemaVersion: 1,
        }),
      );
      expect(registering.problem).toBe('schema_newer');
      expect(registering.message).toContain('Update Involvement Desk on this computer');
    } finally {
      await server.query(
        "UPDATE involvement_hub.meta SET value = '1' WHERE key = 'schema_version'",
      );
    }
  });
});

describe('pulling', () => {
  test('pages follow on from each other and say how far the hub has got', async () => {
    const { hub, deviceId } = await install('pager');
    const pushed = await hub.push(
      deviceId,
      [1, 2, 3, 4, 5].map((n) => change(deviceId, n)),
    );
    const from = pushed.lastHubSeq - 5;
    const first = await hub.pull(deviceId, from, 2);
    expect(first.changes.map((c) => c.hubSeq)).toEqual([from + 1, from + 2]);
    expect(first.lastHubSeq).toBe(from + 2);
    expect(first.latestHubSeq).toBeGreaterThanOrEqual(pushed.lastHubSeq);
    const rest = await hub.pull(deviceId, first.lastHubSeq, 10);
    expect(rest.changes.map((c) => c.changeId)).toEqual([3, 4, 5].map((n) => `${deviceId}-${n}`));
    expect(rest.changes[0]).toEqual({
      hubSeq: from + 3,
      changeId: `${deviceId}-3`,
      deviceId,
      seq: 3,
      schemaVersion: 1,
      body: '{"n":3}',
    });
    const none = await hub.pull(deviceId, rest.lastHubSeq, 10);
    expect(none).toEqual({
      changes: [],
      lastHubSeq: rest.lastHubSeq,
      latestHubSeq: rest.lastHubSeq,
    });
    const tooMany = await failure(hub.pull(deviceId, 0, 50_000));
    expect(tooMany.fields[0]?.path).toBe('limit');
  });
});

describe('attachments', () => {
  test('bytes are checked against their hash on the way in and on the way out', async () => {
    const { hub } = await install('blobs');
    const receipt = Buffer.from('%PDF-1.7 a bus fare receipt');
    const hash = createHash('sha256').update(receipt).digest('hex');
    const damaged = await failure(hub.putBlob(hash, Buffer.from('%PDF-1.7 a bus fare receipT')));
    expect(damaged.problem).toBe('blob_damaged');
    expect(damaged.message).toContain('the hub did not store it');
    expect(await hub.hasBlobs([hash])).toEqual(new Set());
    expect(await hub.getBlob(hash)).toBeNull();

    await hub.putBlob(hash.toUpperCase(), receipt);
    await hub.putBlob(hash, receipt); // again: no harm
    expect((await hub.getBlob(hash))?.equals(receipt)).toBe(true);
    const other = createHash('sha256').update('never sent').digest('hex');
    expect(await hub.hasBlobs([hash, other])).toEqual(new Set([hash]));

    const notAHash = await failure(hub.putBlob('receipt.pdf', receipt));
    expect(notAHash.fields[0]?.path).toBe('hash');

    await server.query("UPDATE involvement_hub.blobs SET bytes = 'x' WHERE hash = $1", [hash]);
    const rotten = await failure(hub.getBlob(hash));
    expect(rotten.problem).toBe('blob_damaged');
  });
});

describe('plain words when the hub cannot be used', () => {
  test('nobody answering names the host and port', async () => {
    const probe = await import('node:net');
    const port = await new Promise<number>((resolve) => {
      const s = probe.createServer().listen(0, '127.0.0.1', () => {
        const p = (s.address() as { port: number }).port;
        s.close(() => resolve(p));
      });
    });
    const error = await failure(PostgresHub.connect({ ...server.owner, port }));
    expect(error.problem).toBe('unreachable');
    expect(error.message).toContain(`Cannot reach the hub at 127.0.0.1 port ${port}.`);
    expect(error.fields.map((f) => f.path)).toEqual(['host', 'port']);
  });

  test('a wrong password', async () => {
    const error = await failure(PostgresHub.connect({ ...server.owner, password: 'guess' }));
    expect(error.problem).toBe('authentication');
    expect(error.message).toContain('refused the user name or password for "hub_owner"');
    expect(error.message).not.toContain('guess');
  });

  test('a database that is not there, and one not set up for the hub', async () => {
    const missing = await failure(PostgresHub.connect({ ...server.owner, database: 'hubb' }));
    expect(missing.problem).toBe('database_missing');
    await server.query('CREATE DATABASE empty_hub OWNER hub_owner STRATEGY FILE_COPY');
    const settings = await server.addInstall('too_early');
    const hub = await connect({ ...settings, database: 'empty_hub' });
    const error = await failure(
      hub.registerDevice({
        deviceId: 'too-early',
        name: 'Laptop',
        appVersion: '0.1.0',
        schemaVersion: 1,
      }),
    );
    expect(error.problem).toBe('schema_missing');
    expect(error.message).toContain('has not been set up for Involvement Desk yet');
  });

  test('TLS: required by the server, verified by default, encryption-only on request', async () => {
    await server.query(
      'CREATE ROLE tls_only LOGIN PASSWORD $$tls pass$$ IN ROLE involvement_hub_install',
    );
    const base = { ...server.owner, user: 'tls_only', password: 'tls pass' };
    const required = await failure(PostgresHub.connect({ ...base, tls: 'off' }));
    expect(required.problem).toBe('tls_required');
    expect(required.message).toContain('accepts only TLS connections');
    // The test server's certificate is self-signed: verify-full must not trust it.
    const unverified = await failure(PostgresHub.connect({ ...base, tls: 'verify-full' }));
    expect(unverified.problem).toBe('certificate');
    const encrypted = await connect({ ...base, tls: 'require' });
    await encrypted.registerDevice({
      deviceId: 'tls-laptop',
      name: 'TLS laptop',
      appVersion: '0.1.0',
      schemaVersion: 1,
    });
    const { rows } = await server.query(
      "SELECT bool_and(s.ssl) AS ssl FROM pg_stat_ssl s JOIN pg_stat_activity a USING (pid) WHERE a.usename = 'tls_only'",
    );
    expect(rows[0].ssl).toBe(true);
  });
});
