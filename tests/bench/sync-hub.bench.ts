import pg from 'pg';
import { uuidv7 } from 'uuidv7';
import { PostgresHub, type HubChange } from '../../src-main/sync/hub';
import { findPostgresBin, startPostgres } from '../support/postgres';
import type { BenchModule } from './harness';

const CHANGES = 100_000;
const PUSH_BATCH = 1_000;
const PULL_PAGE = 5_000;
const CONCURRENT_PUSHERS = 4;

/** A change body the size of a real one: entity, row, field, value, bases, clock and staff member. */
function changes(deviceId: string, count: number): HubChange[] {
  const out: HubChange[] = [];
  for (let seq = 1; seq <= count; seq++) {
    const changeId = uuidv7();
    out.push({
      changeId,
      deviceId,
      seq,
      schemaVersion: 17,
      body: JSON.stringify({
        changeId,
        deviceId,
        seq,
        hlc: `2026-11-${String(1 + (seq % 28)).padStart(2, '0')}T10:00:00.000Z-${(seq % 65536).toString(16).padStart(4, '0')}-${deviceId}`,
        entity: seq % 3 ? 'customers' : 'attendance',
        rowId: uuidv7(),
        field: seq % 2 ? 'notes' : 'phone',
        value: `Spoke to the tenant about the repairs survey, call back ${seq}`,
        bases: [uuidv7()],
        schemaVersion: 17,
        actor: 'a8b6c7d2-0c1e-4f55-9d51-2f1f3a5b6c7d',
      }),
    });
  }
  return out;
}

function rate(count: number, ms: number): string {
  return `${Math.round(count / (ms / 1000)).toLocaleString('en-GB')} changes/s`.padStart(20);
}

function line(name: string, count: number, appMs: number, rawMs: number, rawName: string): void {
  console.log(
    `${name.padEnd(44)} hub ${rate(count, appMs)} (${(appMs / 1000).toFixed(2)} s) | ${rawName} ${rate(count, rawMs)} (${(rawMs / 1000).toFixed(2)} s) | ${(appMs / rawMs).toFixed(2)}× raw time`,
  );
}

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await work();
  return [result, performance.now() - start];
}

/**
 * 100,000 changes pushed to and pulled from the hub (one install's pushes of
 * 1,000, pulls of 5,000) against raw INSERTs and SELECTs of the same rows, the
 * same batch sizes, into a table with the same columns and indexes in the same
 * PostgreSQL in the same run; then a re-push of them all (every one a
 * duplicate) and four installs pushing at once. The server is a throwaway
 * cluster with fsync on.
 */
export const syncHubBench: BenchModule = {
  name: 'sync-hub',
  async run() {
    if (!findPostgresBin()) {
      console.log('skipped: PostgreSQL is not installed (apt-get install postgresql)');
      return;
    }
    const server = await startPostgres({ durable: true });
    const raw = new pg.Client(server.superuser);
    const hubs: PostgresHub[] = [];
    try {
      const owner = await PostgresHub.connect(server.owner);
      hubs.push(owner);
      await owner.migrate();
      const hub = await PostgresHub.connect(await server.addInstall('bench_laptop'));
      hubs.push(hub);
      await hub.registerDevice({
        deviceId: 'bench-laptop',
        name: 'Bench laptop',
        appVersion: '0.1.0',
        schemaVersion: 17,
      });
      await raw.connect();
      await raw.query(
        'CREATE TABLE public.raw_changes (LIKE involvement_hub.changes INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING INDEXES)',
      );
      const rows = changes('bench-laptop', CHANGES);
      const rawRows = changes('raw-laptop', CHANGES);

      // Hub and raw take turns, batch by batch, so both see the same machine.
      let rawInsertMs = 0;
      let pushMs = 0;
      for (let i = 0; i < CHANGES; i += PUSH_BATCH) {
        const slice = rawRows.slice(i, i + PUSH_BATCH);
        rawInsertMs += (
          await timed(async () => {
            await raw.query('BEGIN');
            await raw.query(
              `INSERT INTO public.raw_changes (hub_seq, change_id, device_id, seq, schema_version, body)
               SELECT $1::bigint + ord, change_id, device_id, seq, schema_version, body
               FROM unnest($2::text[], $3::text[], $4::bigint[], $5::int[], $6::text[])
                 WITH ORDINALITY AS t(change_id, device_id, seq, schema_version, body, ord)`,
              [
                i,
                slice.map((c) => c.changeId),
                slice.map((c) => c.deviceId),
                slice.map((c) => c.seq),
                slice.map((c) => c.schemaVersion),
                slice.map((c) => c.body),
              ],
            );
            await raw.query('COMMIT');
          })
        )[1];
        pushMs += (await timed(() => hub.push('bench-laptop', rows.slice(i, i + PUSH_BATCH))))[1];
      }
      line(
        `push ${CHANGES.toLocaleString('en-GB')} (${PUSH_BATCH.toLocaleString('en-GB')} a call)`,
        CHANGES,
        pushMs,
        rawInsertMs,
        'raw INSERT',
      );

      let rawSelectMs = 0;
      let pullMs = 0;
      let rawCount = 0;
      let pulled = 0;
      for (let rawAfter = 0, hubAfter = 0; ;) {
        const [page, rawMs] = await timed(() =>
          raw.query(
            'SELECT hub_seq, change_id, device_id, seq, schema_version, body FROM public.raw_changes WHERE hub_seq > $1 ORDER BY hub_seq LIMIT $2',
            [rawAfter, PULL_PAGE],
          ),
        );
        rawSelectMs += rawMs;
        const [hubPage, hubMs] = await timed(() => hub.pull('bench-laptop', hubAfter, PULL_PAGE));
        pullMs += hubMs;
        if (!page.rows.length && !hubPage.changes.length) break;
        rawCount += page.rows.length;
        pulled += hubPage.changes.length;
        if (page.rows.length) rawAfter = Number(page.rows[page.rows.length - 1].hub_seq);
        hubAfter = hubPage.lastHubSeq;
      }
      // Each setCursor is a commit of its own, made once the pulled page is applied.
      const [, cursorMs] = await timed(() => hub.setCursor('bench-laptop', CHANGES));
      if (pulled !== CHANGES || rawCount !== CHANGES)
        throw new Error(
          `Pulled ${pulled} changes from the hub and ${rawCount} raw, not ${CHANGES}.`,
        );
      line(
        `pull ${CHANGES.toLocaleString('en-GB')} (${PULL_PAGE.toLocaleString('en-GB')} a page)`,
        CHANGES,
        pullMs,
        rawSelectMs,
        'raw SELECT',
      );
      console.log(`  (recording the cursor after a page: ${cursorMs.toFixed(1)} ms, a commit)`);

      const [again, repushMs] = await timed(async () => {
        let duplicates = 0;
        for (let i = 0; i < CHANGES; i += PUSH_BATCH)
          duplicates += (await hub.push('bench-laptop', rows.slice(i, i + PUSH_BATCH))).duplicates;
        return duplicates;
      });
      if (again !== CHANGES)
        throw new Error(`A full re-push found ${again} duplicates, not ${CHANGES}.`);
      line(
        `re-push of all ${CHANGES.toLocaleString('en-GB')} (all duplicates)`,
        CHANGES,
        repushMs,
        rawInsertMs,
        'raw INSERT',
      );

      // Four installs at once: the advisory lock orders them, so this is the hub's ceiling.
      const per = CHANGES / CONCURRENT_PUSHERS;
      const pushers = await Promise.all(
        Array.from({ length: CONCURRENT_PUSHERS }, async (_, p) => {
          const h = await PostgresHub.connect(await server.addInstall(`bench_${p}`));
          hubs.push(h);
          await h.registerDevice({
            deviceId: `bench-${p}`,
            name: `Bench ${p}`,
            appVersion: '0.1.0',
            schemaVersion: 17,
          });
          return { h, rows: changes(`bench-${p}`, per), deviceId: `bench-${p}` };
        }),
      );
      const rawClients = await Promise.all(
        Array.from({ length: CONCURRENT_PUSHERS }, async () => {
          const c = new pg.Client(server.superuser);
          await c.connect();
          return c;
        }),
      );
      await raw.query('CREATE SEQUENCE public.raw_seq START 1000000');
      const concurrentRaw = Array.from({ length: CONCURRENT_PUSHERS }, (_, p) =>
        changes(`raw-${p}`, per),
      );
      const [, rawConcurrentMs] = await timed(() =>
        Promise.all(
          rawClients.map(async (c, p) => {
            for (let i = 0; i < per; i += PUSH_BATCH) {
              const slice = concurrentRaw[p]!.slice(i, i + PUSH_BATCH);
              await c.query('BEGIN');
              await c.query(
                `INSERT INTO public.raw_changes (hub_seq, change_id, device_id, seq, schema_version, body)
                 SELECT nextval('public.raw_seq'), change_id, device_id, seq, schema_version, body
                 FROM unnest($1::text[], $2::text[], $3::bigint[], $4::int[], $5::text[])
                   AS t(change_id, device_id, seq, schema_version, body)`,
                [
                  slice.map((x) => x.changeId),
                  slice.map((x) => x.deviceId),
                  slice.map((x) => x.seq),
                  slice.map((x) => x.schemaVersion),
                  slice.map((x) => x.body),
                ],
              );
              await c.query('COMMIT');
            }
          }),
        ),
      );
      const [, concurrentMs] = await timed(() =>
        Promise.all(
          pushers.map(async ({ h, rows: mine, deviceId }) => {
            for (let i = 0; i < per; i += PUSH_BATCH)
              await h.push(deviceId, mine.slice(i, i + PUSH_BATCH));
          }),
        ),
      );
      await Promise.all(rawClients.map((c) => c.end()));
      line(
        `${CONCURRENT_PUSHERS} installs pushing ${per.toLocaleString('en-GB')} each at once`,
        CHANGES,
        concurrentMs,
        rawConcurrentMs,
        'raw INSERT, plain sequence',
      );
    } finally {
      await raw.end().catch(() => undefined);
      await Promise.all(hubs.map((h) => h.close().catch(() => undefined)));
      await server.stop();
    }
  },
};
