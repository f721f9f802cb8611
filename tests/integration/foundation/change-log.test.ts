import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../support/temp-db';

let app: TestApp;
beforeEach(async () => {
  app = await openTestApp();
});
afterEach(async () => {
  await app.close();
});

describe('the change log', () => {
  it('records creates and each changed field, with who, device, gapless sequence and clock', async () => {
    const org = await app.call('organisation.saveLandlord', {
      name: 'Riverside Homes',
      shortName: 'RH',
      isPartner: true,
      homes: 100,
    });
    const landlord = org.landlords.find((l) => l.name === 'Riverside Homes')!;
    app.clock.advanceDays(1);
    await app.call('organisation.saveLandlord', {
      id: landlord.id,
      name: 'Riverside Homes',
      shortName: 'RH',
      isPartner: false,
      homes: 120,
    });

    const rows = app.backend.context.raw
      .prepare(`SELECT * FROM change_log WHERE entity = 'landlords' AND entity_id = ? ORDER BY seq`)
      .all(landlord.id) as {
      op: string;
      field: string | null;
      before: string | null;
      after: string | null;
      seq: number;
      hlc: string;
      device_id: string;
      actor_id: string;
    }[];
    expect(rows.map((r) => [r.op, r.field, r.before, r.after])).toEqual([
      ['create', null, null, expect.stringContaining('"name":"Riverside Homes"')],
      ['update', 'is_partner', '1', '0'],
      ['update', 'homes', '100', '120'],
    ]);
    expect(new Set(rows.map((r) => r.device_id))).toEqual(new Set([app.backend.context.deviceId]));
    expect(rows[1]!.hlc > rows[0]!.hlc && rows[2]!.hlc > rows[1]!.hlc).toBe(true);

    const all = app.backend.context.raw
      .prepare(`SELECT seq FROM change_log ORDER BY seq`)
      .all() as { seq: number }[];
    expect(all.map((r) => r.seq)).toEqual(all.map((_, i) => i + 1));
  });

  it('writes nothing, not even to the log, when a save fails half way', async () => {
    const before = app.backend.context.raw
      .prepare(`SELECT count(*) AS n FROM change_log`)
      .get() as { n: number };
    await expect(
      app.call('organisation.saveArea', {
        name: 'Nowhere',
        landlordId: '019a0000-0000-7000-8000-000000000000',
        population: 5,
      }),
    ).rejects.toThrow('That landlord no longer exists.');
    const after = app.backend.context.raw.prepare(`SELECT count(*) AS n FROM change_log`).get() as {
      n: number;
    };
    expect(after.n).toBe(before.n);
  });

  it('shows a record’s history, newest first, with the staff member’s name', async () => {
    const org = await app.call('organisation.saveLandlord', {
      name: 'Moorside',
      shortName: null,
      isPartner: true,
      homes: 10,
    });
    const id = org.landlords.find((l) => l.name === 'Moorside')!.id;
    app.clock.advanceDays(1);
    await app.call('organisation.saveLandlord', {
      id,
      name: 'Moorside Living',
      shortName: null,
      isPartner: true,
      homes: 10,
    });
    const history = await app.call('history.forRecord', { entity: 'landlords', id });
    expect(history.map((h) => [h.op, h.field, h.before, h.after, h.actorName])).toEqual([
      ['update', 'name', 'Moorside', 'Moorside Living', 'Test administrator'],
      ['create', null, null, expect.objectContaining({ name: 'Moorside' }), 'Test administrator'],
    ]);
  });

  it('refuses a save over someone else’s newer change', async () => {
    const ctx = await app.ctx();
    const { writing } = await import('../../../src-main/services/context');
    const org = await app.call('organisation.applyTemplate', {});
    const landlord = org.landlords[0]!;
    const row = await ctx.db
      .selectFrom('landlords')
      .select('updated_at')
      .where('id', '=', landlord.id)
      .executeTakeFirstOrThrow();
    app.clock.advanceDays(1);
    await app.call('organisation.saveLandlord', {
      id: landlord.id,
      name: landlord.name,
      shortName: null,
      isPartner: true,
      homes: 1,
    });
    await expect(
      writing(ctx, (w) =>
        w.update('landlords', landlord.id, { homes: 2 }, { expectedUpdatedAt: row.updated_at }),
      ),
    ).rejects.toThrow(/Someone else saved this record/);
  });

  it('deletes by tombstone and logs the delete', async () => {
    const ctx = await app.ctx();
    const { writing } = await import('../../../src-main/services/context');
    const org = await app.call('organisation.saveLandlord', {
      name: 'Short Lived',
      shortName: null,
      isPartner: false,
      homes: null,
    });
    const id = org.landlords.find((l) => l.name === 'Short Lived')!.id;
    await writing(ctx, (w) => w.remove('landlords', id, { reason: 'Entered by mistake' }));
    const after = await app.call('organisation.get', {});
    expect(after.landlords.some((l) => l.id === id)).toBe(false);
    const row = ctx.raw.prepare(`SELECT deleted_at FROM landlords WHERE id = ?`).get(id) as {
      deleted_at: string;
    };
    expect(row.deleted_at).toBe('2026-11-23T10:00:00.000Z');
    const history = await app.call('history.forRecord', { entity: 'landlords', id });
    expect(history[0]).toMatchObject({ op: 'delete', reason: 'Entered by mistake' });
  });

  it('refuses, rather than hangs on, a query through the database handle inside a write', async () => {
    const ctx = await app.ctx();
    const { writing } = await import('../../../src-main/services/context');
    await expect(
      writing(ctx, async () => {
        await ctx.db.selectFrom('landlords').selectAll().execute();
      }),
    ).rejects.toThrow(/used the database handle instead of the transaction/);
    // The connection is free again afterwards.
    expect(await ctx.db.selectFrom('landlords').selectAll().execute()).toEqual([]);
  });
});

describe('the change log, append-only', () => {
  it('refuses any change to or removal of an entry, from any connection to the file', async () => {
    await app.call('organisation.saveLandlord', {
      name: 'Riverside Homes',
      shortName: 'RH',
      isPartner: true,
      homes: 100,
    });
    const raw = app.backend.context.raw;
    const count = () =>
      (raw.prepare('SELECT count(*) AS n FROM change_log').get() as { n: number }).n;
    const before = count();
    expect(before).toBeGreaterThan(0);
    expect(() => raw.prepare(`UPDATE change_log SET after = '"tampered"'`).run()).toThrow(
      'The change log is append-only: an entry is never changed.',
    );
    expect(() => raw.prepare('DELETE FROM change_log').run()).toThrow(
      'The change log is append-only: an entry is never removed.',
    );
    expect(count()).toBe(before);
    // Saving goes on as before: entries are only ever added.
    await app.call('organisation.saveLandlord', {
      name: 'Tees Homes',
      shortName: 'TH',
      isPartner: true,
      homes: 50,
    });
    expect(count()).toBeGreaterThan(before);
  });
});
