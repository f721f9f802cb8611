import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../../src-main/backend';
import { fixedClock, type Clock } from '../../../src-shared/clock';
import { openTestFile, TEST_KEY, TEST_PASSPHRASE, tempDir } from '../../support/temp-db';

/*
 * Opening checks only the file's structure; the full integrity check runs in
 * the background. If it fails, the rule is: the window is told (system.health),
 * every save is refused with a message pointing to the backups, and reading
 * goes on.
 */

const open: Backend[] = [];
const cleanups: (() => void)[] = [];
afterEach(async () => {
  for (const b of open.splice(0)) await b.close();
  for (const c of cleanups.splice(0)) c();
});

async function start(path: string): Promise<Backend> {
  const backend = await createBackend({
    dbPath: path,
    key: TEST_KEY,
    clock: fixedClock('2026-11-23T10:00:00.000Z') as Clock,
    integrityCheckAfterMs: false,
  });
  open.push(backend);
  return backend;
}

async function value(backend: Backend, method: string, input: unknown) {
  const result = await backend.call(method, input);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as never;
}

async function seeded(): Promise<{ path: string; backend: Backend; staffId: string }> {
  const { dir, cleanup } = tempDir();
  cleanups.push(cleanup);
  const path = join(dir, 'checked.sqlite');
  const backend = await start(path);
  const staff: { id: string } = await value(backend, 'staff.create', {
    name: 'Checker',
    role: 'administrator',
    email: null,
  });
  await value(backend, 'session.setPassphrase', {
    staffId: staff.id,
    passphrase: TEST_PASSPHRASE,
    confirmation: TEST_PASSPHRASE,
  });
  await value(backend, 'demo.load', { customers: 300, seed: 3 });
  return { path, backend, staffId: staff.id };
}

it('reports a sound file as sound, from its own thread, and keeps saving', async () => {
  const { backend } = await seeded();
  expect(await value(backend, 'system.health', {})).toEqual({ state: 'checking', message: null });
  expect(await backend.checkIntegrity()).toEqual({ ok: true });
  expect(await value(backend, 'system.health', {})).toEqual({ state: 'ok', message: null });
  const saved = await backend.call('organisation.rename', { name: 'Still saving' });
  expect(saved.ok).toBe(true);
});

it('opens a file damaged past its first pages, then finds it, refuses saves and still reads', async () => {
  const { path, backend, staffId } = await seeded();
  await backend.close();
  open.splice(open.indexOf(backend), 1);

  // Damage the last leaf page of an index: the quick check at open reads
  // only the first row of each table and index, so it opens.
  const probe = openTestFile(path, { readonly: true });
  const pageSize = probe.pragma('page_size', { simple: true }) as number;
  const { pageno } = probe
    .prepare(
      `SELECT pageno FROM dbstat WHERE name = 'customers_list_by_name' AND pagetype = 'leaf' ORDER BY pageno DESC LIMIT 1`,
    )
    .get() as { pageno: number };
  const leaves = probe
    .prepare(
      `SELECT count(*) AS n FROM dbstat WHERE name = 'customers_list_by_name' AND pagetype = 'leaf'`,
    )
    .get() as { n: number };
  probe.close();
  expect(leaves.n).toBeGreaterThan(1);
  const bytes = readFileSync(path);
  bytes.fill(0x7a, pageno * pageSize - 600, pageno * pageSize);
  writeFileSync(path, bytes);

  const reopened = await start(path);
  // Signing in is held in memory, so it is the one thing a damaged database still allows.
  await value(reopened, 'session.signIn', { staffId, passphrase: TEST_PASSPHRASE });
  const outcome = await reopened.checkIntegrity();
  expect(outcome.ok).toBe(false);

  const health: { state: string; message: string } = await value(reopened, 'system.health', {});
  expect(health.state).toBe('damaged');
  expect(health.message).toMatch(/failed its integrity check/);
  expect(health.message).toMatch(/restore the latest backup/);

  const refused = await reopened.call('organisation.rename', { name: 'Not saved' });
  expect(refused).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  if (!refused.ok) expect(refused.error.message).toMatch(/Nothing was saved/);
  const name = openTestFile(path, { readonly: true })
    .prepare(`SELECT value FROM settings WHERE id = 'organisation.name'`)
    .pluck()
    .get();
  expect(name).not.toBe(JSON.stringify('Not saved'));

  // Reading goes on: the first screens still answer.
  const state = await reopened.call('session.state', {});
  expect(state.ok).toBe(true);
  const staff = await reopened.call('staff.list', {});
  expect(staff.ok).toBe(true);

  // A later pass cannot clear the finding for this session.
  await reopened.checkIntegrity();
  expect(((await value(reopened, 'system.health', {})) as { state: string }).state).toBe('damaged');
});
