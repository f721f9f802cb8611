import { rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { openTestApp } from '../support/temp-db';
import { report, time, timeAsync, type BenchModule } from './harness';

/** The write path's cost: a field update with its change-log row, against a raw UPDATE. */
export const foundationBench: BenchModule = {
  name: 'foundation',
  async run() {
    const app = await openTestApp();
    const ctx = await app.ctx();
    const org = await app.call('organisation.applyTemplate', {});
    const landlord = org.landlords[0]!;

    const written = await timeAsync(300, (i) =>
      app.call('organisation.saveLandlord', {
        id: landlord.id,
        name: landlord.name,
        shortName: null,
        isPartner: true,
        homes: 1000 + i,
      }),
    );
    const raw = new Database(ctx.dbPath);
    const update = raw.prepare(`UPDATE landlords SET homes = ?, updated_at = ? WHERE id = ?`);
    const rawTiming = time(300, (i) => update.run(5000 + i, new Date().toISOString(), landlord.id));
    report('save one field through the contract + change log', written, rawTiming);

    const point = await timeAsync(2000, () =>
      ctx.db.selectFrom('landlords').selectAll().where('id', '=', landlord.id).executeTakeFirst(),
    );
    const rawSelect = raw.prepare(`SELECT * FROM landlords WHERE id = ?`);
    report(
      'point select through Kysely (cached statements)',
      point,
      time(2000, () => rawSelect.get(landlord.id)),
    );
    raw.close();
    await app.close();
    rmSync(app.dir, { recursive: true, force: true });
  },
};
