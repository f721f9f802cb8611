import { dirname } from 'node:path';
import type { Clock } from '../src-shared/clock';
import { DeviceClock } from './changes/device-clock';
import type { DatabaseKey } from './db/database-key';
import type { OpenedDatabase } from './db/open';
import type { AppContext } from './services/context';
import type { ScryptParams } from './services/session/passphrase-hash';

export interface AppContextOptions {
  dbPath: string;
  key: DatabaseKey;
  keyProtection?: string | null;
  dataDir?: string;
  clock: Clock;
  passphraseCost?: ScryptParams;
  replaceDatabase?: AppContext['replaceDatabase'];
}

/**
 * What every service needs, for one open database. Kept apart from the
 * dispatcher (backend.ts), which pulls in every area's handlers, so that a
 * small process (the crash test's writer) runs the same services on the
 * same context without loading the whole app.
 */
export function appContextFor(database: OpenedDatabase, options: AppContextOptions): AppContext {
  return {
    health: { state: 'checking', detail: null },
    db: database.db,
    raw: database.raw,
    dbPath: options.dbPath,
    key: options.key,
    keyProtection: options.keyProtection ?? null,
    dataDir: options.dataDir ?? dirname(options.dbPath),
    clock: options.clock,
    deviceId: database.deviceId,
    deviceClock: deviceClockOf(database),
    sessions: new Map(),
    ...(options.passphraseCost ? { passphraseCost: options.passphraseCost } : {}),
    ...(options.replaceDatabase ? { replaceDatabase: options.replaceDatabase } : {}),
  };
}

/** This device's clock, carrying on from the latest stamp it logged. */
export function deviceClockOf(database: OpenedDatabase): DeviceClock {
  const lastStamp = database.raw
    // The latest by sequence: this device's stamps only ever grow with it, and
    // the primary key finds it at once where max(hlc) read the whole log.
    .prepare(`SELECT hlc FROM change_log WHERE device_id = ? ORDER BY seq DESC LIMIT 1`)
    .get(database.deviceId) as { hlc: string } | undefined;
  return new DeviceClock(database.deviceId, lastStamp?.hlc ?? null);
}
