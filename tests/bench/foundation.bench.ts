import { rmSync } from 'node:fs';
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
    await app.close();
    rmSync(app.dir, { recursive: true, force: true });
  },
};
