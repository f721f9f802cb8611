import { appContextFor } from '../../src-main/app-context';
import { TEST_KEY } from '../support/temp-db';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { fixedClock } from '../../src-shared/clock';
import { write } from '../../src-main/changes/writer';
import { openDatabase } from '../../src-main/db/open';
import type { AppContext } from '../../src-main/services/context';
import { readOwnChanges } from '../../src-main/sync/change';
import { syncWith } from '../../src-main/sync/engine';
import { FolderTransport } from '../../src-main/sync/folder/folder-transport';
import { newTeamKey } from '../../src-main/sync/folder/team-key';
import { applyChanges } from '../../src-main/sync/merge';
import type { BenchModule } from './harness';

const CHANGES = Number(process.env.SYNC_BENCH_CHANGES ?? 100_000);
const CUSTOMERS = Math.round(CHANGES / 4);

async function replica(dir: string, name: string) {
  const path = join(dir, `${name}.sqlite`);
  const clock = fixedClock('2026-11-23T10:00:00.000Z');
  const db = await openDatabase(path, { key: TEST_KEY, now: () => clock.now() });
  const ctx: AppContext = appContextFor(db, {
    dbPath: path,
    key: TEST_KEY,
    dataDir: join(dir, name),
    clock,
  });
  return { db, ctx };
}

/**
 * 100,000 changes (25,000 people created, 75,000 edits) made on one install
 * and taken to another: through the merge alone, and through the shared
 * folder end to end (sealing, writing, reading, opening, applying), against
 * raw inserts of the same change rows into SQLite in the same run.
 */
export const syncBench: BenchModule = {
  name: 'sync',
  async run() {
    const dir = mkdtempSync(join(tmpdir(), 'involvement-desk-sync-bench-'));
    try {
      const a = await replica(dir, 'a');
      let made = 0;
      const started = performance.now();
      await write(
        {
          db: a.ctx.db,
          raw: a.ctx.raw,
          clock: a.ctx.clock,
          deviceId: a.ctx.deviceId,
          deviceClock: a.ctx.deviceClock,
          actorId: 'bench',
        },
        async (w) => {
          const ids: string[] = [];
          for (let i = 0; i < CUSTOMERS; i++) {
            ids.push(
              await w.create('customers', {
                first_name: `First${i}`,
                last_name: `Last${i % 977}`,
                postcode: `LS${i % 30} ${i % 9}AB`,
                email: `person${i}@example.org`,
              } as never),
            );
            made++;
          }
          for (let i = 0; made < CHANGES; i++) {
            await w.update('customers', ids[i % CUSTOMERS]!, { phone: `0113 ${i}` } as never);
            made++;
          }
        },
      );
      console.log(
        `  made ${made.toLocaleString()} changes through the write path in ${((performance.now() - started) / 1000).toFixed(1)} s`,
      );
      const changes = readOwnChanges(a.ctx.raw, a.ctx.deviceId, 0, CHANGES * 2);

      // Baseline: the same change rows inserted raw, one transaction, one prepared statement.
      const baseline = new Database(join(dir, 'raw.sqlite'));
      baseline.pragma('journal_mode = WAL');
      baseline.pragma('synchronous = FULL');
      baseline.exec(`CREATE TABLE change_log (device_id TEXT, seq INTEGER, hlc TEXT, at TEXT, actor_id TEXT,
        entity TEXT, entity_id TEXT, op TEXT, field TEXT, before TEXT, after TEXT, reason TEXT, bases TEXT,
        schema_version INTEGER, PRIMARY KEY (device_id, seq)) STRICT`);
      const insert = baseline.prepare(
        `INSERT INTO change_log VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      let t = performance.now();
      baseline.transaction(() => {
        for (const c of changes)
          insert.run(
            c.device,
            c.seq,
            c.hlc,
            c.at,
            c.actor,
            c.entity,
            c.rowId,
            c.op,
            c.field,
            c.before,
            c.after,
            c.reason,
            JSON.stringify(c.bases),
            c.schema,
          );
      })();
      const rawSeconds = (performance.now() - t) / 1000;
      baseline.close();
      const rawRate = changes.length / rawSeconds;

      // The merge alone, in batches as a sync applies them.
      const b = await replica(dir, 'b');
      t = performance.now();
      for (let i = 0; i < changes.length; i += 5_000)
        applyChanges(
          { raw: b.ctx.raw, deviceClock: b.ctx.deviceClock, now: () => b.ctx.clock.now() },
          changes.slice(i, i + 5_000),
        );
      const mergeSeconds = (performance.now() - t) / 1000;
      const mergeRate = changes.length / mergeSeconds;

      // Through the folder, end to end.
      const team = newTeamKey();
      const root = join(dir, 'share');
      FolderTransport.create(root, team);
      const c = await replica(dir, 'c');
      t = performance.now();
      await syncWith(a.ctx, new FolderTransport({ root, team }));
      const sendSeconds = (performance.now() - t) / 1000;
      t = performance.now();
      const got = await syncWith(c.ctx, new FolderTransport({ root, team }));
      const receiveSeconds = (performance.now() - t) / 1000;
      const folderRate = changes.length / (sendSeconds + receiveSeconds);
      if (got.received !== changes.length)
        throw new Error(`Received ${got.received} of ${changes.length}.`);

      // The merge's own cost, on a table with no search or tag triggers
      // (the register's FTS and tag triggers are most of the cost above).
      const d = await replica(dir, 'd');
      await write(
        {
          db: d.ctx.db,
          raw: d.ctx.raw,
          clock: d.ctx.clock,
          deviceId: d.ctx.deviceId,
          deviceClock: d.ctx.deviceClock,
          actorId: 'bench',
        },
        async (w) => {
          const ids: string[] = [];
          for (let i = 0; i < CUSTOMERS; i++)
            ids.push(await w.create('settings', { value: `v${i}` }));
          for (let i = 0; ids.length + i < CHANGES; i++)
            await w.update('settings', ids[i % CUSTOMERS]!, { value: `w${i}` });
        },
      );
      const plain = readOwnChanges(d.ctx.raw, d.ctx.deviceId, 0, CHANGES * 2);
      const e = await replica(dir, 'e');
      t = performance.now();
      for (let i = 0; i < plain.length; i += 5_000)
        applyChanges(
          { raw: e.ctx.raw, deviceClock: e.ctx.deviceClock, now: () => e.ctx.clock.now() },
          plain.slice(i, i + 5_000),
        );
      const plainRate = plain.length / ((performance.now() - t) / 1000);
      for (const r of [d, e]) await r.db.close();

      const line = (label: string, rate: number) =>
        console.log(
          `  ${label.padEnd(44)} ${Math.round(rate).toLocaleString().padStart(10)} changes/s  (${(rawRate / rate).toFixed(1)}× raw)`,
        );
      line('raw insert of the change rows (baseline)', rawRate);
      line('merge alone, register changes (FTS triggers)', mergeRate);
      line('merge alone, rows without triggers', plainRate);
      line(
        `folder: send ${sendSeconds.toFixed(1)} s + receive ${receiveSeconds.toFixed(1)} s`,
        folderRate,
      );
      for (const r of [a, b, c]) await r.db.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
