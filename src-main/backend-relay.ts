import { Worker } from 'node:worker_threads';
import type { ApiErrorBody, ApiResult } from '../src-shared/errors';
import type { DatabaseKey } from './db/database-key';

/** Where the backend worker's code is, and how Node must load it. */
export interface BackendWorkerSpec {
  path: string;
  /** The built app needs none; run from TypeScript source it needs `['--import', 'tsx']`. */
  execArgv?: string[];
}

export interface BackendWorkerData {
  dbPath: string;
  dataDir: string;
  /** The database key, unwrapped by the shell (key-store.ts). */
  key: DatabaseKey;
  keyProtection?: string;
}

/** Why the worker is no longer answering. */
export interface BackendStop {
  /** False when `close()` asked for it. */
  unexpected: boolean;
  reason: string;
}

/** The main process's side of the backend worker: the same `call` as the backend itself. */
export interface BackendRelay {
  /** Never throws and never hangs: if the worker stops first, the call comes back `unavailable`. */
  call(method: string, input: unknown, session?: string): Promise<ApiResult<unknown>>;
  /** Settles once, when the worker has stopped for any reason. */
  readonly stopped: Promise<BackendStop>;
  close(): Promise<void>;
}

/** The worker's messages: `ready` once the database is open, then one reply per call. */
type WorkerMessage = { ready: true } | { id: number; result: ApiResult<unknown> };

export const backendStoppedError: ApiErrorBody = {
  code: 'unavailable',
  message:
    'The app’s data service stopped, so this may not have been saved. Restart Involvement Desk to carry on: everything it confirmed as saved is kept.',
  fields: [],
};

/**
 * Starts the backend worker and resolves once its database is open. A worker
 * that fails before then (a database that is damaged, newer or not ours)
 * rejects with the worker's own message.
 */
export function startBackend(
  spec: BackendWorkerSpec,
  data: BackendWorkerData,
): Promise<BackendRelay> {
  const worker = new Worker(spec.path, {
    workerData: data,
    ...(spec.execArgv ? { execArgv: spec.execArgv } : {}),
  });
  const pending = new Map<number, (result: ApiResult<unknown>) => void>();
  let nextId = 1;
  let closing = false;
  let stop: BackendStop | null = null;
  let lastError: Error | null = null;
  let announceStop!: (stop: BackendStop) => void;
  const stopped = new Promise<BackendStop>((resolve) => (announceStop = resolve));

  const relay: BackendRelay = {
    call(method, input, session) {
      if (stop) return Promise.resolve({ ok: false, error: backendStoppedError });
      const id = nextId++;
      return new Promise((done) => {
        pending.set(id, done);
        worker.postMessage({ id, method, input, session });
      });
    },
    stopped,
    async close() {
      closing = true;
      await worker.terminate();
      await stopped;
    },
  };

  return new Promise((ready, fail) => {
    let isReady = false;
    worker.on('message', (message: WorkerMessage) => {
      if ('ready' in message) {
        isReady = true;
        ready(relay);
        return;
      }
      pending.get(message.id)?.(message.result);
      pending.delete(message.id);
    });
    // 'exit' always follows 'error', so the error is kept to explain the exit.
    worker.on('error', (error) => (lastError = error));
    worker.on('exit', (code) => {
      const reason = lastError?.message ?? `The backend stopped with exit code ${code}.`;
      stop = { unexpected: !closing, reason };
      for (const done of pending.values()) done({ ok: false, error: backendStoppedError });
      pending.clear();
      announceStop(stop);
      if (!isReady) fail(lastError ?? new Error(reason));
    });
  });
}
