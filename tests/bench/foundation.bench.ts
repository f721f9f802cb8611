import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Database, type SqliteDatabase } from '../../src-main/db/driver';
import { openTestApp, openTestFile } from '../support/temp-db';
import { report, timePaired, type BenchModule } from './harness';

/** The write path's cost: a field update with its change-log row, against a raw UPDATE. */
export const foundationBench: BenchModule = {
  name: 'foundation',
  async run() {
    const app = await openTestApp();
    const ctx = await app.ctx();
    const org = await app.call('organisation.applyTemplate', {});
    const landlord = org.landlords[0]!;

    // The same statements the contract call runs, on raw better-sqlite3: the
    // signed-in profile (held in memory by the app, so read once here), the change log's sequence, the row before, the update, its
    // change-log row, in one transaction; then the organisation read back.
    const raw = openTestFile(ctx.dbPath);
    const actor = ctx.actor!.id;
    const staff = raw.prepare(`SELECT * FROM staff WHERE id = ? AND deleted_at IS NULL`);
    const lastSeq = raw.prepare(`SELECT max(seq) AS seq FROM change_log WHERE device_id = ?`);
    const before = raw.prepare(`SELECT * FROM landlords WHERE id = ?`);
    const update = raw.prepare(
      `UPDATE landlords SET homes = ?, updated_at = ?, updated_by = ? WHERE id = ?`,
    );
    const log = raw.prepare(
      `INSERT INTO change_log (device_id, seq, hlc, at, actor_id, entity, entity_id, op, field, before, after, reason)
       VALUES (?, ?, ?, ?, ?, 'landlords', ?, 'update', 'homes', ?, ?, NULL)`,
    );
    const readBack = [
      raw.prepare(`SELECT * FROM landlords WHERE deleted_at IS NULL ORDER BY sort_order, name`),
      raw.prepare(`SELECT * FROM areas WHERE deleted_at IS NULL ORDER BY name`),
      raw.prepare(`SELECT * FROM neighbourhoods WHERE deleted_at IS NULL ORDER BY name`),
      raw.prepare(
        `SELECT value FROM settings WHERE id = 'organisation.name' AND deleted_at IS NULL`,
      ),
    ];
    const rawSave = raw.transaction((homes: number) => {
      staff.get(actor);
      const seq = ((lastSeq.get('bench') as { seq: number | null }).seq ?? 0) + 1;
      const was = before.get(landlord.id) as { homes: number };
      const at = new Date().toISOString();
      update.run(homes, at, actor, landlord.id);
      log.run(
        'bench',
        seq,
        `${at}-0000-bench`,
        at,
        actor,
        landlord.id,
        String(was.homes),
        String(homes),
      );
    });
    report(
      'save one field: contract, write path, change log, read back',
      ...(await timePaired(
        300,
        (i) =>
          app.call('organisation.saveLandlord', {
            id: landlord.id,
            name: landlord.name,
            shortName: null,
            isPartner: true,
            homes: 1000 + i,
          }),
        (i) => {
          rawSave(5000 + i);
          for (const read of readBack) read.all();
        },
      )),
    );

    const rawSelect = raw.prepare(`SELECT * FROM landlords WHERE id = ?`);
    report(
      'point select through Kysely (cached statements)',
      ...(await timePaired(
        2000,
        () =>
          ctx.db
            .selectFrom('landlords')
            .selectAll()
            .where('id', '=', landlord.id)
            .executeTakeFirst(),
        () => rawSelect.get(landlord.id),
      )),
    );
    raw.close();
    await encryptionCost(ctx.dbPath, app.dir, actor, landlord.id);
    await app.close();
    rmSync(app.dir, { recursive: true, force: true });
  },
};

/**
 * The cost of encryption: the same statements on two copies of the same
 * database, one encrypted (the app's) and one plain, timed in alternation in
 * the same run. Printed as "app" = encrypted and "raw" = plain, so the ratio
 * is the cipher's cost.
 */
async function encryptionCost(
  source: string,
  dir: string,
  actor: string,
  landlordId: string,
): Promise<void> {
  console.log('-- encryption: "app" = encrypted, "raw" = the same database plain --');
  const encryptedPath = join(dir, 'cost-encrypted.sqlite');
  const plainPath = join(dir, 'cost-plain.sqlite');
  const from = openTestFile(source);
  // Enough rows that a cold read goes through hundreds of pages.
  from.exec(
    `CREATE TABLE IF NOT EXISTS bench_rows (id INTEGER PRIMARY KEY, body TEXT);
     WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000)
     INSERT INTO bench_rows (body) SELECT hex(randomblob(100)) FROM n;`,
  );
  from.exec(`VACUUM INTO '${encryptedPath}'`);
  from.exec(`VACUUM INTO '${plainPath}'`);
  from.close();
  const decrypt = openTestFile(plainPath);
  decrypt.pragma(`rekey = ''`);
  decrypt.close();
  if (readFileSync(plainPath).subarray(0, 15).toString('latin1') !== 'SQLite format 3')
    throw new Error('The plain copy is not plain.');

  const asTheAppDoes = (db: SqliteDatabase) => {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('cache_size = -65536');
    return db;
  };
  const openPlain = (path: string) => new Database(path);
  const enc = asTheAppDoes(openTestFile(encryptedPath));
  const plain = asTheAppDoes(openPlain(plainPath));

  const statements = (db: SqliteDatabase) => {
    const before = db.prepare(`SELECT * FROM landlords WHERE id = ?`);
    const update = db.prepare(
      `UPDATE landlords SET homes = ?, updated_at = ?, updated_by = ? WHERE id = ?`,
    );
    const lastSeq = db.prepare(`SELECT max(seq) AS seq FROM change_log WHERE device_id = ?`);
    const log = db.prepare(
      `INSERT INTO change_log (device_id, seq, hlc, at, actor_id, entity, entity_id, op, field, before, after, reason)
       VALUES ('cost', ?, ?, ?, ?, 'landlords', ?, 'update', 'homes', ?, ?, NULL)`,
    );
    const save = db.transaction((homes: number) => {
      const seq = ((lastSeq.get('cost') as { seq: number | null }).seq ?? 0) + 1;
      const was = before.get(landlordId) as { homes: number };
      const at = new Date().toISOString();
      update.run(homes, at, actor, landlordId);
      log.run(seq, `${at}-0000-cost`, at, actor, landlordId, String(was.homes), String(homes));
    });
    const select = db.prepare(`SELECT * FROM landlords WHERE id = ?`);
    const insert = db.prepare(`INSERT INTO bench_rows (body) VALUES (?)`);
    const bulk = db.transaction((n: number) => {
      for (let i = 0; i < n; i++) insert.run(`row ${i} ${'x'.repeat(80)}`);
    });
    return { save, select, bulk };
  };
  const e = statements(enc);
  const p = statements(plain);
  const paired = (runs: number, a: (i: number) => unknown, b: (i: number) => unknown) =>
    timePaired(runs, async (i) => a(i), b);

  report(
    'save one field with its change-log row (FULL sync)',
    ...(await paired(
      200,
      (i) => e.save(i),
      (i) => p.save(i),
    )),
  );
  report(
    'point select (warm cache)',
    ...(await paired(
      3000,
      () => e.select.get(landlordId),
      () => p.select.get(landlordId),
    )),
  );
  report(
    'insert 2,000 rows in one transaction',
    ...(await paired(
      20,
      () => e.bulk(2000),
      () => p.bulk(2000),
    )),
  );
  enc.close();
  plain.close();
  // A fresh connection each time: the page cache is empty, so every page read is decrypted.
  const coldScan = (open: () => SqliteDatabase) => () => {
    const db = open();
    db.prepare(`SELECT count(*), sum(length(body)) FROM bench_rows`).get();
    db.close();
  };
  report(
    'open, then read 20,000 rows cold (every page decrypted)',
    ...(await paired(
      20,
      coldScan(() => openTestFile(encryptedPath, { readonly: true })),
      coldScan(() => openPlain(plainPath)),
    )),
  );
  report(
    'open a connection and read the schema (key derivation)',
    ...(await paired(
      30,
      () => openTestFile(encryptedPath, { readonly: true }).close(),
      () => {
        const db = openPlain(plainPath);
        db.prepare('SELECT count(*) FROM sqlite_master').get();
        db.close();
      },
    )),
  );
}
