import type Database from 'better-sqlite3-multiple-ciphers';
import type { Kysely } from 'kysely';
import type { Clock } from '../../src-shared/clock';
import type { ContractMap, ParsedInputOf, ResultOf } from '../../src-shared/contract';
import type { Staff } from '../../src-shared/domain/staff';
import { ApiError } from '../../src-shared/errors';
import { can, permissionDeniedMessage, type Permission } from '../../src-shared/rules/permissions';
import type { DeviceClock } from '../changes/device-clock';
import type { DatabaseKey } from '../db/database-key';
import { write, type Writer, type WriteScope } from '../changes/writer';
import { optimiseDatabase } from '../db/optimise';
import type { DB } from '../db/schema';
import type { ScryptParams } from './session/passphrase-hash';
import type { SignedInSessions } from './session/session';

/**
 * What the background integrity check has found. A damaged database refuses
 * every save for the rest of the session (see db/integrity.ts for the rule).
 */
export interface DatabaseHealth {
  state: 'checking' | 'ok' | 'damaged';
  detail: string | null;
}

export const DAMAGED_MESSAGE =
  'The database failed its integrity check, so nothing more can be saved to it. Nothing was saved. Close Involvement Desk and restore the latest backup (an administrator can do it under Settings, Backups, or with npm run cli -- restore FILE); you can still read and export what is here.';

/** What every service needs, for the life of an open database. */
export interface AppContext {
  /** Absent where no check runs (a one-off service context). */
  health?: DatabaseHealth;
  db: Kysely<DB>;
  /** Raw handle: only for bulk loads and backups, never for ordinary queries. */
  raw: Database.Database;
  dbPath: string;
  /** The database key: every connection this context opens applies it first. */
  key: DatabaseKey;
  /** How the key is kept on this computer (key-store.ts), where the app knows it. */
  keyProtection: string | null;
  /** Folder for the app's own files (attachments, generated documents). */
  dataDir: string;
  clock: Clock;
  deviceId: string;
  deviceClock: DeviceClock;
  /** Who is signed in, per window or browser. */
  sessions: SignedInSessions;
  /**
   * The cost new passphrase hashes are made with; absent, the app's own
   * (session/passphrase-hash.ts). The integration tests lower it, above a
   * floor, so hundreds of sign-ins stay quick; the same code runs.
   */
  passphraseCost?: ScryptParams;
  /**
   * Closes the database, runs `swap` (which puts another file in its place)
   * and opens the file again, signing everyone out; the backend's own, for
   * restoring a backup. Returns what `swap` returned.
   */
  replaceDatabase?: (swap: () => string | null) => Promise<string | null>;
}

/** One call: the app plus who is making it, from which window or browser. */
export interface CallContext extends AppContext {
  actor: Staff | null;
  session: string;
}

export function requireActor(ctx: CallContext): Staff {
  if (!ctx.actor) throw new ApiError('unauthenticated', 'Choose your staff profile first.');
  return ctx.actor;
}

/** For checks finer than the method's own permission (e.g. equality data). */
export function allowed(ctx: CallContext, permission: Permission): boolean {
  return ctx.actor !== null && can(ctx.actor.role, permission);
}

export function demand(ctx: CallContext, permission: Permission): Staff {
  const actor = requireActor(ctx);
  if (!can(actor.role, permission))
    throw ApiError.forbidden(permissionDeniedMessage(actor.role, permission));
  return actor;
}

/** Runs `work` in one transaction through the one write path, as the signed-in user. */
export async function writing<R>(ctx: CallContext, work: (w: Writer) => Promise<R>): Promise<R> {
  if (ctx.health?.state === 'damaged') throw new ApiError('unavailable', DAMAGED_MESSAGE);
  let changes = 0;
  const result = await write(writeScope(ctx, requireActor(ctx).id), async (w) => {
    const out = await work(w);
    changes = w.changeCount;
    return out;
  });
  // Bulk work (an import, a demo load) changes the tables' sizes enough to
  // mislead the planner: bring its statistics up to date while nobody waits.
  if (changes >= BULK_CHANGES) optimiseDatabase(ctx.raw);
  return result;
}

const BULK_CHANGES = 1_000;

/** The write path's view of the app, acting as `actorId`. */
export function writeScope(ctx: AppContext, actorId: string): WriteScope {
  return {
    db: ctx.db,
    raw: ctx.raw,
    clock: ctx.clock,
    deviceId: ctx.deviceId,
    deviceClock: ctx.deviceClock,
    actorId,
  };
}

/** The implementation of each method of a contract area. */
export type HandlersFor<C extends ContractMap> = {
  [K in keyof C]: (ctx: CallContext, input: ParsedInputOf<C[K]>) => Promise<ResultOf<C[K]>>;
};
