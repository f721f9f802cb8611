import { api, type MethodName } from '../src-shared/api';
import type { Clock } from '../src-shared/clock';
import { systemClock } from '../src-shared/clock';
import type { MethodSpec } from '../src-shared/contract';
import type { Staff } from '../src-shared/domain/staff';
import { ApiError, type ApiResult, type FieldIssue } from '../src-shared/errors';
import { can, permissionDeniedMessage } from '../src-shared/rules/permissions';
import { appContextFor } from './app-context';
import { runIntegrityCheck, type IntegrityOutcome } from './db/integrity';
import { openDatabase, type OpenedDatabase } from './db/open';
import { storageFailure } from './db/storage-errors';
import { handlers } from './handlers';
import { auditDirectExport } from './services/privacy/audited-exports';
import type { AppContext, CallContext } from './services/context';
import type { ScryptParams } from './services/session/passphrase-hash';
import { LOCAL_SESSION, refuseWhileLocked, signedInStaff } from './services/session/session';

export interface BackendOptions {
  dbPath: string;
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
  readonly database: OpenedDatabase;
  /** Runs the full integrity check now and applies its rule (see db/integrity.ts). */
  checkIntegrity(): Promise<IntegrityOutcome>;
  close(): Promise<void>;
}

/** The app behind any window: Electron's IPC, the browser host and the CLI all call through here. */
export async function createBackend(options: BackendOptions): Promise<Backend> {
  const clock = options.clock ?? systemClock;
  const database = await openDatabase(options.dbPath, { now: () => clock.now() });
  // What is deleted is overwritten, not left in free pages: erasure relies on it.
  database.raw.pragma('secure_delete = ON');
  const context = appContextFor(database, {
    dbPath: options.dbPath,
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    clock,
    ...(options.passphraseCost ? { passphraseCost: options.passphraseCost } : {}),
  });
  const health = context.health!;

  async function call(
    method: string,
    input: unknown,
    callOptions: CallOptions = {},
  ): Promise<ApiResult<unknown>> {
    try {
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
      const ctx: CallContext = { ...context, actor, session };
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
    const check = (running = runIntegrityCheck(options.dbPath));
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

  return {
    call,
    context,
    database,
    checkIntegrity,
    close: async () => {
      for (const t of timers) clearTimeout(t);
      running?.stop();
      await database.close();
    },
  };
}

function summarise(fields: FieldIssue[]): string {
  if (fields.length === 1) return fields[0]!.message;
  return `${fields.length} fields need attention: ${fields.map((f) => f.message).join(' ')}`;
}
