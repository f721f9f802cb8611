import { afterAll, beforeAll, expect, test } from 'vitest';
import { HubError, PostgresHub, type HubChange } from '../../../src-main/sync/hub';
import { startPostgres, type TestPostgres } from '../../support/postgres';

let server: TestPostgres;

beforeAll(async () => {
  server = await startPostgres();
  const owner = await PostgresHub.connect(server.owner);
  await owner.migrate();
  await owner.close();
}, 60_000);

afterAll(async () => {
  await server?.stop();
});

const PUSHERS = 4;
const PER_PUSHER = 2_000;
const BATCH = 50;
/** Each batch also carries the tail of the one before, as a retry after a lost reply would. */
const RESENT = 5;

function change(device: string, seq: number): HubChange {
  return {
    changeId: `${device}-${seq}`,
    deviceId: device,
    seq,
    schemaVersion: 1,
    body: JSON.stringify({
      entity: 'customers',
      field: 'notes',
      after: `note ${seq} from ${device}`,
    }),
  };
}

test('four installs push 2,000 changes each while three pull: every puller sees every change once, in hub order, with no gaps', async () => {
  const pushers = await Promise.all(
    Array.from({ length: PUSHERS }, async (_, p) => {
      const settings = await server.addInstall(`pusher_${p}`);
      const hub = await PostgresHub.connect(settings);
      const deviceId = `device-${p}`;
      await hub.registerDevice({
        deviceId,
        name: `Laptop ${p}`,
        appVersion: '0.1.0',
        schemaVersion: 1,
      });
      return { hub, deviceId };
    }),
  );
  const pullers = await Promise.all(
    Array.from({ length: 3 }, async (_, q) => {
      const settings = await server.addInstall(`puller_${q}`);
      const hub = await PostgresHub.connect(settings);
      const deviceId = `reader-${q}`;
      await hub.registerDevice({
        deviceId,
        name: `Desk ${q}`,
        appVersion: '0.1.0',
        schemaVersion: 1,
      });
      return { hub, deviceId };
    }),
  );
  const total = PUSHERS * PER_PUSHER;
  let pushing = true;

  const pushed = Promise.all(
    pushers.map(async ({ hub, deviceId }) => {
      let accepted = 0;
      let duplicates = 0;
      let lastSeen = 0;
      for (let from = 1; from <= PER_PUSHER; from += BATCH) {
        const start = Math.max(1, from - RESENT);
        const batch: HubChange[] = [];
        for (let seq = start; seq < from + BATCH && seq <= PER_PUSHER; seq++)
          batch.push(change(deviceId, seq));
        const result = await hub.push(deviceId, batch);
        accepted += result.accepted;
        duplicates += result.duplicates;
        expect(result.lastHubSeq).toBeGreaterThanOrEqual(lastSeen);
        lastSeen = result.lastHubSeq;
      }
      return { accepted, duplicates };
    }),
  ).finally(() => {
    pushing = false;
  });

  const pulled = Promise.all(
    pullers.map(async ({ hub, deviceId }, q) => {
      const seen = new Set<string>();
      const lastSeqOf = new Map<string, number>();
      let after = 0;
      let polls = 0;
      while (seen.size < total) {
        const page = await hub.pull(deviceId, after, 300 + q * 100);
        polls++;
        for (const c of page.changes) {
          // Gapless: the next change is always the one straight after the last.
          expect(c.hubSeq).toBe(after + 1);
          expect(seen.has(c.changeId)).toBe(false);
          seen.add(c.changeId);
          // Each install's changes arrive in the order it numbered them.
          expect(c.seq).toBeGreaterThan(lastSeqOf.get(c.deviceId) ?? 0);
          lastSeqOf.set(c.deviceId, c.seq);
          after = c.hubSeq;
        }
        expect(page.lastHubSeq).toBe(after);
        await hub.setCursor(deviceId, after);
        if (!page.changes.length) {
          if (!pushing && seen.size < total) {
            // Pushes are over: one last look, then whatever is missing is a lost change.
            const rest = await hub.pull(deviceId, after, 10_000);
            if (!rest.changes.length) break;
          }
          await new Promise((r) => setTimeout(r, 5));
        }
      }
      return { seen, after, polls };
    }),
  );

  const [pushResults, pullResults] = await Promise.all([pushed, pulled]);
  for (const r of pushResults) {
    expect(r.accepted).toBe(PER_PUSHER);
    expect(r.duplicates).toBe(RESENT * (PER_PUSHER / BATCH - 1));
  }
  for (const r of pullResults) {
    expect(r.seen.size).toBe(total);
    expect(r.after).toBe(total);
    // The pullers really did read while the pushers wrote, not only afterwards.
    expect(r.polls).toBeGreaterThan(3);
  }
  const { rows } = await server.query(
    'SELECT count(*)::int AS n, min(hub_seq)::int AS lo, max(hub_seq)::int AS hi FROM involvement_hub.changes',
  );
  expect(rows[0]).toEqual({ n: total, lo: 1, hi: total });
  const cursors = await server.query(
    "SELECT device_id, cursor::int AS cursor FROM involvement_hub.devices WHERE device_id LIKE 'reader-%' ORDER BY device_id",
  );
  expect(cursors.rows).toEqual([0, 1, 2].map((q) => ({ device_id: `reader-${q}`, cursor: total })));
  await Promise.all([...pushers, ...pullers].map(({ hub }) => hub.close()));
}, 60_000);

test('asking a hub that offers no TLS for TLS says so', async () => {
  // This file's server runs without TLS; the other file's demands it of one user.
  const refused = await PostgresHub.connect({ ...server.owner, tls: 'require' }).catch((e) => e);
  expect(refused).toBeInstanceOf(HubError);
  expect((refused as HubError).problem).toBe('tls_unavailable');
  expect((refused as HubError).message).toContain(
    `The hub at 127.0.0.1 port ${server.port} does not accept TLS connections`,
  );
});
