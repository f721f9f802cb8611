import { fixedClock } from '../../../src-shared/clock';
import type { Staff } from '../../../src-shared/domain/staff';
import { DeviceClock } from '../../changes/device-clock';
import type { DatabaseKey } from '../../db/database-key';
import { openReadOnlyDatabase } from '../../db/read-only';
import type { CallContext } from '../context';

/** What a worker needs to read as the backend would: the file, the moment and who asked. */
export interface ReadSource {
  dbPath: string;
  /** The database key, for the worker's own connection. */
  key: DatabaseKey;
  dataDir: string;
  deviceId: string;
  /** The backend's clock when the work was asked for: the worker's "now" throughout. */
  now: string;
  actor: Staff | null;
  session: string;
}

/** Taken on the backend's thread when a task that reads is started. */
export function readSource(ctx: CallContext): ReadSource {
  return {
    dbPath: ctx.dbPath,
    key: ctx.key,
    dataDir: ctx.dataDir,
    deviceId: ctx.deviceId,
    now: ctx.clock.now().toISOString(),
    actor: ctx.actor,
    session: ctx.session,
  };
}

/**
 * Runs `work` in a worker thread with a service context on its own read-only
 * connection to the database: the services' own read functions run there
 * unchanged, and any write is refused by SQLite.
 */
export async function withReadOnlyContext<R>(
  source: ReadSource,
  work: (ctx: CallContext) => Promise<R>,
): Promise<R> {
  const opened = openReadOnlyDatabase(source.dbPath, source.key);
  try {
    return await work({
      db: opened.db,
      raw: opened.raw,
      dbPath: source.dbPath,
      key: source.key,
      keyProtection: null,
      dataDir: source.dataDir,
      clock: fixedClock(source.now),
      deviceId: source.deviceId,
      deviceClock: new DeviceClock(source.deviceId, null),
      sessions: new Map(),
      actor: source.actor,
      session: source.session,
    });
  } finally {
    await opened.close();
  }
}
