import { readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writing } from '../../../src-main/services/context';
import { latestVersion } from '../../../src-main/db/migrations';
import { canonicalDump } from '../../../src-main/sync/dump';
import { newTeamKey } from '../../../src-main/sync/folder/team-key';
import { FolderTransport } from '../../../src-main/sync/folder/folder-transport';
import { syncWith } from '../../../src-main/sync/engine';
import { edit, newCustomer, replica, sharedFolder, type Replica } from './sync-support';

const open: Replica[] = [];
afterEach(async () => {
  for (const r of open.splice(0)) await r.app.close();
});
async function two(clockB?: string) {
  const folder = sharedFolder();
  const a = await replica(folder);
  const b = await replica(folder, clockB);
  open.push(a, b);
  return { folder, a, b };
}
const row = (r: Replica, id: string) =>
  r.ctx.raw.prepare(`SELECT * FROM customers WHERE id = ?`).get(id) as
    Record<string, unknown> | undefined;

describe('sync through a shared folder', () => {
  it('brings two installs to the same records, with everyone in the change log', async () => {
    const { a, b } = await two();
    const id = await newCustomer(a, 'Ada', 'Lovelace', { postcode: 'LS1 1AA' });
    expect((await a.sync()).sent).toBeGreaterThan(0);
    const got = await b.sync();
    expect(got.received).toBeGreaterThan(0);
    expect(row(b, id)?.first_name).toBe('Ada');
    // Concurrent edits of ordinary fields: each lands, silently.
    await edit(a, 'customers', id, { phone: '0113 000 0000' });
    await edit(b, 'customers', id, { email: 'ada@example.org' });
    await a.sync();
    await b.sync();
    await a.sync();
    expect(row(a, id)).toMatchObject({ phone: '0113 000 0000', email: 'ada@example.org' });
    expect(canonicalDump(a.ctx.raw)).toBe(canonicalDump(b.ctx.raw));
    const log = (r: Replica) =>
      r.ctx.raw.prepare(`SELECT device_id, seq FROM change_log ORDER BY device_id, seq`).all();
    expect(log(a)).toEqual(log(b));
    const again = await b.sync();
    expect(again.received).toBe(0);
  });

  it('opens a conflict for a decision edited on two installs, and a resolution settles it everywhere', async () => {
    const { a, b } = await two();
    const id = await newCustomer(a, 'Grace', 'Hopper');
    await a.sync();
    await b.sync();
    await edit(a, 'customers', id, { consents: JSON.stringify(['photos']) });
    await edit(b, 'customers', id, { consents: JSON.stringify(['newsletter']) });
    await a.sync();
    const bReport = await b.sync();
    await a.sync();
    expect(bReport.conflicts).toBe(1);
    const conflicts = (r: Replica) => r.ctx.raw.prepare(`SELECT * FROM sync_conflicts`).all();
    expect(conflicts(a)).toEqual(conflicts(b));
    await writing(b.ctx, (w) =>
      w.resolve('customers', id, 'consents', JSON.stringify(['photos', 'newsletter'])),
    );
    await b.sync();
    await a.sync();
    expect(conflicts(a)).toEqual([]);
    expect(conflicts(b)).toEqual([]);
    expect(row(a, id)?.consents).toBe('["photos","newsletter"]');
  });

  it('opens a conflict when a delete races an edit', async () => {
    const { a, b } = await two();
    const id = await newCustomer(a, 'Alan', 'Turing');
    await a.sync();
    await b.sync();
    await writing(a.ctx, (w) => w.remove('customers', id));
    await edit(b, 'customers', id, { notes: 'Moved to Wilmslow' });
    await a.sync();
    await b.sync();
    await a.sync();
    const c = b.ctx.raw.prepare(`SELECT kind FROM sync_conflicts WHERE row_id = ?`).all(id);
    expect(c).toEqual([{ kind: 'delete' }]);
    expect(canonicalDump(a.ctx.raw)).toBe(canonicalDump(b.ctx.raw));
  });

  it('refuses and reports a file that fails authentication, and waits on a gap', async () => {
    const { folder, a, b } = await two();
    const id = await newCustomer(a, 'Mary', 'Seacole');
    await a.sync();
    await edit(a, 'customers', id, { phone: '1' });
    await a.sync();
    await edit(a, 'customers', id, { phone: '2' });
    await a.sync();
    const dir = join(folder.root, 'devices', a.ctx.deviceId, 'changes');
    const files = readdirSync(dir).sort();
    expect(files).toHaveLength(3);
    // The middle file tampered with: refused, reported, and nothing after it is applied.
    const middle = join(dir, files[1]!);
    const good = readFileSync(middle);
    const bad = Buffer.from(good);
    bad[bad.length - 20]! ^= 0xff;
    writeFileSync(middle, bad);
    const first = await b.sync();
    expect(first.problems.map((p) => p.kind)).toContain('unauthenticated');
    expect(first.problems.find((p) => p.kind === 'unauthenticated')?.device).toBe(a.ctx.deviceId);
    expect(row(b, id)?.phone).toBeNull();
    // Missing altogether: a gap, waited on, never a deletion.
    renameSync(middle, `${middle}.away`);
    const second = await b.sync();
    expect(second.problems.map((p) => p.kind)).toContain('gap');
    expect(row(b, id)?.phone).toBeNull();
    renameSync(`${middle}.away`, middle);
    writeFileSync(middle, good);
    const third = await b.sync();
    expect(third.problems).toEqual([]);
    expect(row(b, id)?.phone).toBe('2');
  });

  it('refuses a folder sealed with another team key', async () => {
    const { folder, a } = await two();
    const wrong = new FolderTransport({ root: folder.root, team: newTeamKey() });
    await expect(syncWith(a.ctx, wrong)).rejects.toThrow(/another team|wrong team key/);
  });

  it('refuses changes stamped far ahead of this clock, naming the install', async () => {
    const { a, b } = await two('2026-11-23T06:00:00.000Z');
    await newCustomer(a, 'Ahead', 'Clock');
    await a.sync();
    const got = await b.sync();
    expect(got.received).toBe(0);
    expect(got.refused[0]?.message).toContain(a.ctx.deviceId);
    // Once this clock is right, the same changes are taken.
    b.app.clock.set('2026-11-23T10:30:00.000Z');
    expect((await b.sync()).received).toBeGreaterThan(0);
  });

  it('keeps a change from a newer schema and applies it after the upgrade', async () => {
    const { a, b } = await two();
    const id = await newCustomer(a, 'Newer', 'Schema');
    await a.sync();
    const older = await b.sync({ schemaVersion: latestVersion - 1 });
    expect(older.pending).toBeGreaterThan(0);
    expect(row(b, id)).toBeUndefined();
    const kept = b.ctx.raw.prepare(`SELECT count(*) FROM sync_pending`).pluck().get();
    expect(kept).toBe(older.pending);
    const upgraded = await b.sync();
    // Nothing new in the folder: what was kept is what is applied.
    expect(upgraded.received).toBe(older.pending);
    expect(row(b, id)?.first_name).toBe('Newer');
    expect(b.ctx.raw.prepare(`SELECT count(*) FROM sync_pending`).pluck().get()).toBe(0);
  });
});
