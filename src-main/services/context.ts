import type Database from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { Clock } from '../../src-shared/clock';
import type { ContractMap, ParsedInputOf, ResultOf } from '../../src-shared/contract';
import type { Staff } from '../../src-shared/domain/staff';
import { ApiError } from '../../src-shared/errors';
import { can, permissionDeniedMessage, type Permission } from '../../src-shared/rules/permissions';
import type { DeviceClock } from '../changes/device-clock';
import { write, type Writer, type WriteScope } from '../changes/writer';
import type { DB } from '../db/schema';
import type { SignedInSessions } from './session/session';

/** What every service needs, for the life of an open database. */
export interface AppContext {
  db: Kysely<DB>;
  /** Raw handle: only for bulk loads and backups, never for ordinary queries. */
  raw: Database.Database;
  dbPath: string;
  /** Folder for the app's own files (attachments, generated documents). */
  dataDir: string;
  clock: Clock;
  deviceId: string;
  deviceClock: DeviceClock;
  /** Who is signed in, per window or browser. */
  sessions: SignedInSessions;
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
export function writing<R>(ctx: CallContext, work: (w: Writer) => Promise<R>): Promise<R> {
  return write(writeScope(ctx, requireActor(ctx).id), work);
}

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
