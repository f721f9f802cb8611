import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBackend, type Backend, type BackendOptions } from '../../src-main/backend';
import { keyFromEnvironment, KEY_ENV, type DatabaseKey } from '../../src-main/db/database-key';
import { openEncrypted, type SqliteDatabase } from '../../src-main/db/driver';
import type { Input, MethodName, Result } from '../../src-shared/api';
import { fixedClock, type Clock } from '../../src-shared/clock';
import { ApiError } from '../../src-shared/errors';
import type { Role } from '../../src-shared/rules/permissions';
import type { CallContext } from '../../src-main/services/context';
import { LOCAL_SESSION, signedInStaff } from '../../src-main/services/session/session';

/**
 * The tests' database key, given through the same path as the command
 * line's ($INVOLVEMENT_DESK_KEY, read by keyFromEnvironment). Never a real key.
 */
export const TEST_KEY_HEX = '7e57'.repeat(16);
export const TEST_KEY: DatabaseKey = keyFromEnvironment({ [KEY_ENV]: TEST_KEY_HEX });

/** A raw connection to a test database file, with the test key applied first (as the app's own). */
export function openTestFile(
  path: string,
  options: { readonly?: boolean; fileMustExist?: boolean } = {},
): SqliteDatabase {
  return openEncrypted(path, TEST_KEY, options);
}

/** A fresh folder for one test's database and files. */
export function tempDir(prefix = 'involvement-desk-'): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Every test profile's passphrase, chosen through the real first-use path
 * (`session.setPassphrase`) and typed at every sign-in after.
 */
export const TEST_PASSPHRASE = 'correct horse battery staple';

/**
 * scrypt at the least cost the app accepts, so hundreds of test sign-ins stay
 * quick; the hashing, its stored parameters and the checks are the app's own.
 */
export const TEST_PASSPHRASE_COST = { cost: 2 ** 14, blockSize: 8, parallelism: 1, keyLength: 32 };

export interface TestApp {
  backend: Backend;
  dir: string;
  clock: ReturnType<typeof fixedClock>;
  /** Calls a contract method as the signed-in user, throwing the ApiError on failure. */
  call<M extends MethodName>(method: M, input: Input<M>): Promise<Result<M>>;
  /** A service context for calling service functions directly, as the signed-in user. */
  ctx(): Promise<CallContext>;
  /** Creates (or reuses) a staff profile with this role and signs in as it. */
  signInAs(role: Role, name?: string): Promise<string>;
  /** Signs in as a profile with the test passphrase, choosing it first if the profile has none. */
  signIn(staffId: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * A real backend on a real SQLite file in a temp folder, with a fixed clock,
 * signed in as an administrator unless told otherwise.
 */
export async function openTestApp(
  options: { clock?: string; role?: Role; autoBackups?: BackendOptions['autoBackups'] } = {},
): Promise<TestApp> {
  const { dir, cleanup } = tempDir();
  const clock = fixedClock(options.clock ?? '2026-11-23T10:00:00.000Z');
  const backend = await createBackend({
    dbPath: join(dir, 'test.sqlite'),
    key: TEST_KEY,
    keyProtection: 'the test key',
    clock: clock as Clock,
    passphraseCost: TEST_PASSPHRASE_COST,
    ...(options.autoBackups ? { autoBackups: options.autoBackups } : {}),
  });

  async function call<M extends MethodName>(method: M, input: Input<M>): Promise<Result<M>> {
    const result = await backend.call(method, input);
    if (!result.ok) throw ApiError.fromBody(result.error);
    return result.value as Result<M>;
  }

  const staffByName = new Map<string, string>();
  async function signInAs(role: Role, name = `Test ${role}`): Promise<string> {
    let id = staffByName.get(name);
    if (!id) {
      const staff = await call('staff.create', { name, role, email: null });
      id = staff.id;
      staffByName.set(name, id);
    }
    await signIn(id);
    return id;
  }

  async function signIn(staffId: string): Promise<void> {
    const profiles = await call('session.profiles', {});
    if (profiles.find((p) => p.id === staffId)?.passphraseSet === false) {
      await call('session.setPassphrase', {
        staffId,
        passphrase: TEST_PASSPHRASE,
        confirmation: TEST_PASSPHRASE,
      });
    } else {
      await call('session.signIn', { staffId, passphrase: TEST_PASSPHRASE });
    }
  }

  // The first profile is an administrator, so it may create the others.
  await signInAs('administrator', 'Test administrator');
  if (options.role && options.role !== 'administrator') await signInAs(options.role);

  return {
    backend,
    dir,
    clock,
    call,
    async ctx() {
      return {
        ...backend.context,
        actor: await signedInStaff(backend.context, LOCAL_SESSION),
        session: LOCAL_SESSION,
      };
    },
    signInAs,
    signIn,
    async close() {
      await backend.close();
      cleanup();
    },
  };
}
