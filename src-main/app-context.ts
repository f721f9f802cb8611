import { dirname } from 'node:path';
import type { Clock } from '../src-shared/clock';
import { DeviceClock } from './changes/device-clock';
import type { OpenedDatabase } from './db/open';
import type { AppContext } from './services/context';
import type { ScryptParams } from './services/session/passphrase-hash';

export interface AppContextOptions {
  dbPath: string;
  dataDir?: string;
  clock: Clock;
  passphraseCost?: ScryptParams;
}

/**
 * What every service needs, for one open database. Kept apart from the
 * dispatcher (backend.ts), which pulls in every area's handlers, so that a
 * small process (the crash test's writer) runs the same services on the
 * same context without loading the whole app.
 */
export function appContextFor(database: OpenedDatabase, options: AppContextOptions): AppContext {
  const lastStamp = database.raw
    // The latest by sequence: this device's stamps only ever grow with it, and
    // the primary key finds it at once where max(hlc) read the whole log.
    .prepare(`SELECT hlc FROM change_log WHERE device_id = ? ORDER BY seq DESC LIMIT 1`)
    .get(database.deviceId) as { hlc: string } | undefined;
  return {
    health: { state: 'checking', detail: null },
    db: database.db,
    raw: database.raw,
    dbPath: options.dbPath,
    dataDir: options.dataDir ?? dirname(options.dbPath),
    clock: options.clock,
    deviceId: database.deviceId,
    deviceClock: new DeviceClock(database.deviceId, lastStamp?.hlc ?? null),
    sessions: new Map(),
    ...(options.passphraseCost ? { passphraseCost: options.passphraseCost } : {}),
  };
}
