import { parseArgs, type ParseArgsConfig } from 'node:util';
import { createBackend, type Backend } from '../backend';
import type { Input, MethodName, Result } from '../../src-shared/api';
import type { Staff } from '../../src-shared/domain/staff';
import { ApiError } from '../../src-shared/errors';
import { uuidv7 } from 'uuidv7';
import { write } from '../changes/writer';
import { writeScope } from '../services/context';
import { CLI_STAFF_KEY, getStaff, toStaff } from '../services/staff/staff';
import { keyFromEnvironment } from '../db/database-key';
import { resolveDbPath } from '../paths';

/** A command of the CLI: its name, how to call it, and what it does. */
export interface Command {
  name: string;
  usage: string;
  summary: string;
  run(argv: string[]): Promise<void>;
}

/** A mistake in how the command was called: print the usage and exit 2. */
export class UsageError extends Error {}

export function parse<T extends NonNullable<ParseArgsConfig['options']>>(
  argv: string[],
  options: T,
) {
  try {
    return parseArgs({
      args: argv,
      options: { db: { type: 'string' }, 'key-file': { type: 'string' }, ...options },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

export interface CliSession {
  backend: Backend;
  actor: Staff;
  dbPath: string;
  /** Calls a contract method as the CLI's own profile; throws the ApiError on failure. */
  call<M extends MethodName>(method: M, input: Input<M>): Promise<Result<M>>;
  close(): Promise<void>;
}

/**
 * Opens the database for a command. The CLI acts as its own staff profile,
 * "Command line", so its changes are told apart in the history and it never
 * changes who is signed in to the app.
 */
export async function openSession(
  dbFlag: string | undefined,
  keyFileFlag?: string,
): Promise<CliSession> {
  const dbPath = resolveDbPath(dbFlag);
  const backend = await createBackend({
    dbPath,
    key: keyFromEnvironment(process.env, keyFileFlag),
    keyProtection: 'given to the command line (a key file or $INVOLVEMENT_DESK_KEY)',
  });
  const actor = await cliActor(backend);
  return {
    backend,
    actor,
    dbPath,
    async call(method, input) {
      const result = await backend.call(method, input, { actor });
      if (!result.ok) throw ApiError.fromBody(result.error);
      return result.value as never;
    },
    close: () => backend.close(),
  };
}

async function cliActor(backend: Backend): Promise<Staff> {
  const ctx = backend.context;
  const known = await ctx.db
    .selectFrom('app_meta')
    .select('value')
    .where('key', '=', CLI_STAFF_KEY)
    .executeTakeFirst();
  if (known) {
    const staff = await getStaff(ctx, known.value);
    if (staff) return staff;
  }
  const id = uuidv7();
  await write(writeScope(ctx, id), async (w) => {
    await w.create('staff', {
      id,
      name: 'Command line',
      role: 'administrator',
      email: null,
      active: 1,
    });
    await w.trx
      .insertInto('app_meta')
      .values({ key: CLI_STAFF_KEY, value: id })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: id }))
      .execute();
  });
  return toStaff({ id, name: 'Command line', role: 'administrator', email: null, active: 1 });
}

export function positiveInt(
  value: string | undefined,
  name: string,
  fallback: number,
  max = Number.MAX_SAFE_INTEGER,
): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n))
    throw new UsageError(`--${name} must be a whole number, not "${value}".`);
  if (n > max)
    throw new UsageError(`--${name} must be ${max.toLocaleString('en-GB')} or less, not ${value}.`);
  return n;
}

const ISO_INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?)?$/;

/**
 * A date or date-time flag, checked before anything starts: an invalid one
 * would otherwise only surface when the first save asks the clock the time.
 */
export function isoInstant(value: string, name: string): string {
  const m = ISO_INSTANT.exec(value.trim());
  const example = 'such as 2026-12-03 or 2026-12-03T09:30:00Z';
  if (!m || Number.isNaN(Date.parse(value.trim())))
    throw new UsageError(`--${name} must be a date or date-time ${example}, not "${value}".`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const day = new Date(Date.UTC(y, mo - 1, d));
  if (day.getUTCMonth() !== mo - 1 || day.getUTCDate() !== d)
    throw new UsageError(`--${name} names a day that does not exist: "${value}".`);
  return value.trim();
}

/** A flag that takes one of a fixed list of words. */
export function oneOf<T extends string>(value: string, name: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${name} must be one of ${allowed.join(', ')}, not "${value}".`);
}
