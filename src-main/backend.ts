import { api, type MethodName } from '../src-shared/api';
import type { Clock } from '../src-shared/clock';
import { systemClock } from '../src-shared/clock';
import type { MethodSpec } from '../src-shared/contract';
import type { Staff } from '../src-shared/domain/staff';
import { ApiError, type ApiResult, type FieldIssue } from '../src-shared/errors';
import { can, permissionDeniedMessage } from '../src-shared/rules/permissions';
import { appContextFor, deviceClockOf } from './app-context';
import { runIntegrityCheck, type IntegrityOutcome } from './db/integrity';
import type { DatabaseKey } from './db/database-key';
import { openDatabase, type OpenedDatabase } from './db/open';
import { storageFailure } from './db/storage-errors';
import {
  backupHours,
  DEFAULT_BACKUP_HOURS,
  startAutomaticBackup,
} from './services/backups/backups';
import { handlers } from './handlers';
import { auditDirectExport } from './services/privacy/audited-exports';
import type { AppContext, CallContext } from './services/context';
import type { ScryptParams } from './services/session/passphrase-hash';
import { LOCAL_SESSION, refuseWhileLocked, signedInStaff } from './services/session/session';

export interface BackendOptions {
  dbPath: string;
  /** The database key (key-store.ts in the app, database-key.ts for the CLI and tests). */
  key: DatabaseKey;
  /** How the key is kept on this computer, shown on the backups screen. */
  keyProtection?: string;
  /**
   * Automatic backups: the first a little after opening, then every
   * `backups.everyHours` (4 by default). `false` for none (most tests; the
   * CLI's one-off commands).
   */
  autoBackups?: false | { firstAfterMs?: number; everyMs?: number };
  /** Folder for attachments, generated documents and backups; defaults to the database's folder. */
  dataDir?: string;
  clock?: Clock;
  /**
   * When the full integrity check first runs after opening (it then runs once
   * a day); `false` leaves it to `checkIntegrity()`. Defaults to a few
   * seconds, so that it never competes with the first screens for the disk.
   */
  integrityCheckAfterMs?: number | false;
  /** A lower passphrase cost, for the integration tests only (see AppContext). */
  passphraseCost?: ScryptParams;
}

const INTEGRITY_CHECK_DELAY_MS = 5_000;
const INTEGRITY_CHECK_EVERY_MS = 24 * 60 * 60 * 1000;

export interface CallOptions {
  /** Act as this profile instead of the signed-in one (the CLI's own profile). */
  actor?: Staff;
  /** The window or browser calling, each with its own signed-in profile; the local session if none. */
  session?: string;
}

export interface Backend {
  /** Validates, checks the permission, runs the method and never throws: errors come back in the envelope. */
  call(method: string, input: unknown, options?: CallOptions): Promise<ApiResult<unknown>>;
  readonly context: AppContext;
  /** The open database; another one after a restore. */
  readonly database: OpenedDatabase;
  /** Runs the full integrity check now and applies its rule (see db/integrity.ts). */
  checkIntegrity(): Promise<IntegrityOutcome>;
  close(): Promise<void>;
}

/** The app behind any window: Electron's IPC, the browser host and the CLI all call through here. */
export async function createBackend(options: BackendOptions): Promise<Backend> {
  const clock = options.clock ?? systemClock;
  const open = () => openDatabase(options.dbPath, { key: options.key, now: () => clock.now() });
  let database = await open();
  const context = appContextFor(database, {
    dbPath: options.dbPath,
    key: options.key,
    keyProtection: options.keyProtection ?? null,
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    clock,
    ...(options.passphraseCost ? { passphraseCost: options.passphraseCost } : {}),
    replaceDatabase,
  });
  const health = context.health!;

  // While the database is being replaced, calls wait, then run on the new one.
  let replacing: Promise<unknown> | null = null;
  async function replaceDatabase(swap: () => string | null): Promise<string | null> {
    running?.stop();
    database.raw.pragma('wal_checkpoint(TRUNCATE)');
    await database.close();
    let outcome: string | null = null;
    let failure: unknown = null;
    try {
      outcome = swap();
    } catch (error) {
      failure = error;
    }
    // The same file again if the swap failed (it put the file in use back).
    database = await open();
    Object.assign(context, {
      db: database.db,
      raw: database.raw,
      deviceId: database.deviceId,
      deviceClock: deviceClockOf(database),
    });
    context.sessions.clear();
    health.state = 'checking';
    health.detail = null;
    if (failure) throw failure;
    return outcome;
  }

  async function call(
    method: string,
    input: unknown,
    callOptions: CallOptions = {},
  ): Promise<ApiResult<unknown>> {
    try {
      while (replacing) await replacing.catch(() => {});
      if (!Object.hasOwn(api, method))
        throw new ApiError('not_found', `The app has no action called "${method}".`);
      const spec = api[method as MethodName] as MethodSpec;
      const parsed = spec.input.safeParse(input ?? {});
      if (!parsed.success) {
        const fields: FieldIssue[] = parsed.error.issues.map((i) => ({
          path: i.path.map(String).join('.'),
          message: i.message,
        }));
        throw ApiError.invalid(summarise(fields), fields);
      }
      const session = callOptions.session ?? LOCAL_SESSION;
      const actor = callOptions.actor ?? (await signedInStaff(context, session));
      // A window left idle answers nothing but its lock screen until the passphrase is typed.
      if (!callOptions.actor) await refuseWhileLocked(context, session, method);
      if (spec.permission) {
        if (!actor) throw new ApiError('unauthenticated', 'Choose your staff profile first.');
        if (!can(actor.role, spec.permission))
          throw ApiError.forbidden(permissionDeniedMessage(actor.role, spec.permission));
      }
      const ctx: CallContext = {
        ...context,
        actor,
        session,
        replaceDatabase: (swap) => {
          const done = replaceDatabase(swap);
          replacing = done;
          void done.finally(() => {
            if (replacing === done) replacing = null;
          });
          return done;
        },
      };
      const handler = handlers[method as MethodName] as (
        ctx: CallContext,
        input: unknown,
      ) => Promise<unknown>;
      const value = await handler(ctx, parsed.data);
      auditDirectExport(ctx, method, parsed.data);
      return { ok: true, value };
    } catch (error) {
      if (error instanceof ApiError) return { ok: false, error: error.toBody() };
      const storage = storageFailure(error);
      if (storage) {
        console.error(`${method} could not be saved:`, error);
        return { ok: false, error: storage.toBody() };
      }
      console.error(`${method} failed:`, error);
      return {
        ok: false,
        error: {
          code: 'internal',
          message: 'Something went wrong and nothing was saved. Please try again.',
          fields: [],
        },
      };
    }
  }

  let running: ReturnType<typeof runIntegrityCheck> | null = null;
  async function checkIntegrity(): Promise<IntegrityOutcome> {
    running?.stop();
    const check = (running = runIntegrityCheck(options.dbPath, options.key));
    const outcome = await check.done;
    if (running === check) running = null;
    if (!outcome.ok) {
      // Once found damaged it stays so for the session: a later pass cannot undo the finding.
      health.state = 'damaged';
      health.detail = outcome.detail;
      console.error(`The database failed its integrity check: ${outcome.detail}`);
    } else if (health.state !== 'damaged' && !outcome.unchecked) {
      health.state = 'ok';
    }
    return outcome;
  }
  const timers: NodeJS.Timeout[] = [];
  if (options.integrityCheckAfterMs !== false) {
    const first = setTimeout(() => {
      void checkIntegrity();
      const daily = setInterval(() => void checkIntegrity(), INTEGRITY_CHECK_EVERY_MS);
      daily.unref();
      timers.push(daily);
    }, options.integrityCheckAfterMs ?? INTEGRITY_CHECK_DELAY_MS);
    first.unref();
    timers.push(first);
  }

  let closed = false;
  let backingUp: Promise<void> | null = null;
  if (options.autoBackups) {
    const { firstAfterMs = AUTO_BACKUP_FIRST_MS, everyMs } = options.autoBackups;
    const next = async (kind: 'start' | 'scheduled', afterMs: number) => {
      const timer = setTimeout(() => {
        if (closed) return;
        backingUp = startAutomaticBackup(context, kind);
        void backingUp.then(async () => {
          backingUp = null;
          if (closed) return;
          const hours = await backupHours(context).catch(() => DEFAULT_BACKUP_HOURS);
          await next('scheduled', everyMs ?? hours * 60 * 60 * 1000);
        });
      }, afterMs);
      timer.unref();
      timers.push(timer);
    };
    void next('start', firstAfterMs);
  }

  return {
    call,
    context,
    get database() {
      return database;
    },
    checkIntegrity,
    close: async () => {
      closed = true;
      for (const t of timers) clearTimeout(t);
      running?.stop();
      // A backup under way finishes (or fails) first: its worker holds a connection.
      await backingUp;
      await database.close();
    },
  };
}

/** A little after the first screens, so the start backup never competes with them for the disk. */
const AUTO_BACKUP_FIRST_MS = 30_000;

function summarise(fields: FieldIssue[]): string {
  if (fields.length === 1) return fields[0]!.message;
  return `${fields.length} fields need attention: ${fields.map((f) => f.message).join(' ')}`;
}
