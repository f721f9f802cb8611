import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../src-shared/errors';
import { jobEnded } from '../../../src-main/services/jobs/jobs';
import { writing } from '../../../src-main/services/context';
import { openTestApp, type TestApp } from '../../support/temp-db';

const apps: TestApp[] = [];
afterEach(async () => {
  for (const a of apps.splice(0)) await a.close();
});

async function syncNow(app: TestApp) {
  const { jobId } = await app.call('sync.now', {});
  const status = await jobEnded(await app.ctx(), jobId);
  expect(status.state).toBe('done');
  return status.result as { sent: number; received: number; conflicts: number };
}

async function person(app: TestApp, firstName: string): Promise<string> {
  return writing(await app.ctx(), (w) =>
    w.create('customers', {
      first_name: firstName,
      last_name: 'Okafor',
      date_of_birth: '1961-03-04',
      postcode: 'LS6 2AB',
    } as never),
  );
}

describe('sync through the contract', () => {
  it('joins a folder with a join code, syncs as a job, and queues likely duplicates for a person to merge', async () => {
    const a = await openTestApp();
    const b = await openTestApp();
    apps.push(a, b);
    const path = join(mkdtempSync(join(tmpdir(), 'involvement-desk-team-')), 'share');
    const { joinCode } = await a.call('sync.createFolder', { path });
    await expect(b.call('sync.joinFolder', { path, joinCode: 'not a code' })).rejects.toThrow(
      ApiError,
    );
    const joined = await b.call('sync.joinFolder', { path, joinCode });
    expect(joined.folder).toBe(path);

    // The same person registered on both laptops.
    const one = await person(a, 'Ngozi');
    const two = await person(b, 'Ngozi');
    expect((await a.call('sync.status', {})).waitingToSend).toBeGreaterThan(0);
    await syncNow(a);
    await syncNow(b);
    await syncNow(a);
    const status = await a.call('sync.status', {});
    expect(status.waitingToSend).toBe(0);
    expect(status.lastSyncedAt).not.toBeNull();
    expect(status.duplicates).toBe(1);
    const [pair] = await a.call('sync.duplicates', {});
    expect(pair!.reasons).toEqual(
      expect.arrayContaining(['same name', 'same date of birth', 'same postcode']),
    );
    expect([pair!.a.id, pair!.b.id].sort()).toEqual([one, two].sort());

    // Never merged automatically: a person merges, and the merge reaches the other install.
    await a.call('sync.mergeDuplicate', { keepId: pair!.a.id, mergeId: pair!.b.id });
    expect(await a.call('sync.duplicates', {})).toEqual([]);
    await syncNow(a);
    await syncNow(b);
    const gone = b.backend.context.raw
      .prepare(`SELECT deleted_at FROM customers WHERE id = ?`)
      .pluck()
      .get(pair!.b.id);
    expect(gone).not.toBeNull();
    const redirect = b.backend.context.raw
      .prepare(`SELECT new_id FROM person_redirects WHERE id = ?`)
      .pluck()
      .get(pair!.b.id);
    expect(redirect).toBe(pair!.a.id);
    expect((await b.call('sync.status', {})).duplicates).toBe(0);
  });

  it('lists a conflict with both sides, who and when, and resolves it; officers may not', async () => {
    const a = await openTestApp();
    const b = await openTestApp();
    apps.push(a, b);
    const path = join(mkdtempSync(join(tmpdir(), 'involvement-desk-team-')), 'share');
    const { joinCode } = await a.call('sync.createFolder', { path });
    await b.call('sync.joinFolder', { path, joinCode });
    const id = await person(a, 'Tunde');
    await syncNow(a);
    await syncNow(b);
    const ctxA = await a.ctx();
    const ctxB = await b.ctx();
    await writing(ctxA, (w) => w.update('customers', id, { equality_gender: 'woman' }));
    await writing(ctxB, (w) => w.update('customers', id, { equality_gender: 'prefer_not_to_say' }));
    await syncNow(a);
    await syncNow(b);
    const [conflict] = await b.call('sync.conflicts', {});
    expect(conflict).toMatchObject({
      entity: 'customers',
      rowId: id,
      field: 'equality_gender',
      kind: 'field',
    });
    expect(conflict!.sides.map((s) => s.value).sort()).toEqual(['prefer_not_to_say', 'woman']);
    expect(conflict!.sides.every((s) => s.by === 'Test administrator' && s.at)).toBe(true);

    await b.signInAs('officer');
    await expect(b.call('sync.conflicts', {})).rejects.toThrow(
      /permission|not allowed|cannot|only/i,
    );
    await b.signInAs('administrator', 'Test administrator');
    const chosen = conflict!.sides.find((s) => s.value === 'woman')!;
    await b.call('sync.resolveConflict', {
      entity: 'customers',
      rowId: id,
      field: 'equality_gender',
      choice: chosen.changeId,
    });
    expect(await b.call('sync.conflicts', {})).toEqual([]);
    await syncNow(b);
    await syncNow(a);
    expect(await a.call('sync.conflicts', {})).toEqual([]);
    const gender = a.backend.context.raw
      .prepare(`SELECT equality_gender FROM customers WHERE id = ?`)
      .pluck()
      .get(id);
    expect(gender).toBe('woman');
  });
});
