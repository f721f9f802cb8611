import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBackend, type Backend } from '../../src-main/backend';
import { latestVersion } from '../../src-main/db/migrations';
import { openDatabase } from '../../src-main/db/open';
import type { Input, MethodName, Result } from '../../src-shared/api';
import { fixedClock, type Clock } from '../../src-shared/clock';
import { ApiError } from '../../src-shared/errors';
import type { Role } from '../../src-shared/rules/permissions';
import { TEST_PASSPHRASE, TEST_KEY } from '../support/temp-db';

/*
 * The bench's ten-year dataset, built by the app's own demo (`demo.load`
 * with `years`, the same as `npm run cli -- demo --customers N --years 10`)
 * and kept between runs in the system's temp folder, keyed by the demo's
 * source, so a second run measures without rebuilding. A cached file made by
 * an older schema is brought up to date by the app's own migrations, once.
 * Nothing is done to the file that the app does not do itself (no ANALYZE).
 */

export const BENCH_NOW = '2026-11-23T10:00:00.000Z';
const SEED = 13;
const root = join(import.meta.dirname, '../..');

function sourceHash(): string {
  const hash = createHash('sha256');
  const files = [
    ...readdirSync(join(root, 'src-main/services/demo')).map((f) => `src-main/services/demo/${f}`),
    'src-main/services/groups/demo.ts',
    'src-main/services/cases/demo-step.ts',
    'src-main/services/groups/last-activity.ts',
    'resources/default-groups.json',
  ];
  for (const f of files.sort()) hash.update(f).update(readFileSync(join(root, f)));
  return hash.digest('hex').slice(0, 12);
}

export interface BenchApp {
  backend: Backend;
  dir: string;
  path: string;
  /** A call as the window makes it: through the dispatcher, with the result through JSON. */
  call<M extends MethodName>(method: M, input: Input<M>): Promise<Result<M>>;
  close(): Promise<void>;
}

/** The cached dataset's path, building it first if need be. */
export async function tenYearDataset(customers: number, years = 10): Promise<string> {
  const dir = join(tmpdir(), 'involvement-desk-bench');
  mkdirSync(dir, { recursive: true });
  // Keyed by schema version too: the folder is shared, and a file migrated by
  // a newer schema could not be opened by an older one.
  const path = join(dir, `demo-${customers}c-${years}y-${sourceHash()}-v${latestVersion}.sqlite`);
  if (existsSync(path)) {
    // Migrate in place if the schema has moved on since it was built.
    const opened = await openDatabase(path, {
      key: TEST_KEY,
      backupDir: join(dir, 'migration-backups'),
    });
    await opened.close();
    rmSync(join(dir, 'migration-backups'), { recursive: true, force: true });
    return path;
  }
  const building = `${path}.building`;
  for (const f of [building, `${building}-wal`, `${building}-shm`]) rmSync(f, { force: true });
  const started = performance.now();
  const backend = await createBackend({
    key: TEST_KEY,
    dbPath: building,
    clock: fixedClock(BENCH_NOW) as Clock,
    integrityCheckAfterMs: false,
  });
  const app = wrap(backend);
  const staff = await app.call('staff.create', {
    name: 'Bench administrator',
    role: 'administrator',
    email: null,
  });
  await signInWithTestPassphrase(app, staff.id);
  const counts = await app.call('demo.load', { customers, years, seed: SEED });
  await backend.close();
  copyFileSync(building, path);
  rmSync(building, { force: true });
  console.log(
    `built the ${years}-year demo of ${customers.toLocaleString('en-GB')} customers in ${((performance.now() - started) / 1000).toFixed(0)} s: ${Object.entries(
      counts,
    )
      .map(([k, n]) => `${n} ${k}`)
      .join(', ')}`,
  );
  return path;
}

/** Through the real path: the profile chooses the test passphrase on first use, then types it. */
async function signInWithTestPassphrase(
  app: Pick<BenchApp, 'call'>,
  staffId: string,
): Promise<void> {
  const profile = (await app.call('session.profiles', {})).find((p) => p.id === staffId);
  if (profile && !profile.passphraseSet)
    await app.call('session.setPassphrase', {
      staffId,
      passphrase: TEST_PASSPHRASE,
      confirmation: TEST_PASSPHRASE,
    });
  else await app.call('session.signIn', { staffId, passphrase: TEST_PASSPHRASE });
}

function wrap(backend: Backend): Pick<BenchApp, 'call'> {
  return {
    async call(method, input) {
      const result = await backend.call(method, input);
      // The window receives the answer serialised: the bench pays for that too.
      const crossed = JSON.parse(JSON.stringify(result)) as typeof result;
      if (!crossed.ok) throw ApiError.fromBody(crossed.error);
      return crossed.value as never;
    },
  };
}

/** A private copy of the dataset, opened as the app opens it, signed in with `role`. */
export async function openCopy(source: string, role: Role = 'coordinator'): Promise<BenchApp> {
  const dir = join(tmpdir(), `involvement-desk-bench-run-${process.pid}-${Date.now()}`);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'bench.sqlite');
  copyFileSync(source, path);
  const backend = await createBackend({
    key: TEST_KEY,
    dbPath: path,
    clock: fixedClock(BENCH_NOW) as Clock,
    integrityCheckAfterMs: false,
  });
  const app = wrap(backend);
  // The profiles are listed before anyone signs in; a missing role is added by the administrator.
  const profiles = await app.call('session.profiles', {});
  let staffId = profiles.find((p) => p.role === role)?.id;
  if (!staffId) {
    await signInWithTestPassphrase(app, profiles.find((p) => p.role === 'administrator')!.id);
    staffId = (await app.call('staff.create', { name: `Bench ${role}`, role, email: null })).id;
    await app.call('session.signOut', {});
  }
  await signInWithTestPassphrase(app, staffId);
  return {
    ...app,
    backend,
    dir,
    path,
    async close() {
      await backend.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
