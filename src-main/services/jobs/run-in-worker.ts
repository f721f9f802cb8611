import { Worker } from 'node:worker_threads';
import { ApiError, type ApiErrorBody } from '../../../src-shared/errors';
import { warmTasks, type CpuTaskInput, type CpuTaskName, type TaskOutput } from './cpu-tasks';
import { JobCancelled, type JobControl } from './jobs';

/**
 * Where the worker's code is. Run from TypeScript (tests, the CLI, the
 * browser host) it is the source beside this file, loaded through tsx; in
 * the built app this module is bundled into out/main, where the worker is
 * its own entry (electron.vite.config.ts).
 */
function workerSpec(): { url: URL; execArgv?: string[] } {
  const fromSource = import.meta.url.endsWith('.ts');
  return fromSource
    ? { url: new URL('./cpu-worker.ts', import.meta.url), execArgv: ['--import', 'tsx'] }
    : { url: new URL('./cpu-worker.js', import.meta.url) };
}

/** Thrown when the worker's task failed; its message names the failure for the job's step. */
export class JobStepError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JobStepError';
  }
}

function startWorker(task: CpuTaskName): Worker {
  const spec = workerSpec();
  return new Worker(spec.url, {
    workerData: { task },
    ...(spec.execArgv ? { execArgv: spec.execArgv } : {}),
  });
}

/**
 * Workers of a task kept warm, loaded and waiting for their next call. A
 * warm task's worker serves one call after another instead of ending, so a
 * screen does not wait each time for a thread to start and load its code
 * (seconds when run from source).
 */
const idle = new Map<CpuTaskName, Worker[]>();

function idleOf(task: CpuTaskName): Worker[] {
  let list = idle.get(task);
  if (!list) idle.set(task, (list = []));
  return list;
}

function park(task: CpuTaskName, worker: Worker): void {
  const list = idleOf(task);
  // One waiting worker is enough; a second one's memory is not worth keeping.
  if (list.length >= 1) {
    void worker.terminate();
    return;
  }
  // A waiting worker must not keep the process (a CLI run, a test) alive.
  worker.unref();
  worker.once('exit', () => {
    const at = list.indexOf(worker);
    if (at >= 0) list.splice(at, 1);
  });
  list.push(worker);
}

function takeWorker(task: CpuTaskName): Worker {
  const worker = idleOf(task).shift() ?? startWorker(task);
  worker.removeAllListeners('exit');
  worker.ref();
  return worker;
}

/** Loads a worker for `task` ahead of its first call (a screen about to ask), if it is kept warm. */
export function warmUp(task: CpuTaskName): void {
  if (warmTasks.includes(task) && idleOf(task).length === 0) park(task, startWorker(task));
}

/**
 * Runs a CPU-heavy task in its own worker thread, so the process that asked
 * keeps answering calls, and feeds its progress to the job's current step. A
 * cancel ends the worker at once.
 */
export function runInWorker<T extends CpuTaskName>(
  job: Pick<JobControl, 'signal' | 'progress'>,
  task: T,
  input: CpuTaskInput<T>,
): Promise<TaskOutput> {
  if (job.signal.aborted) return Promise.reject(new JobCancelled());
  const worker = takeWorker(task);
  worker.postMessage({ input });
  return new Promise<TaskOutput>((resolve, reject) => {
    let settled = false;
    const settle = (fn: () => void, reusable = false) => {
      if (settled) return;
      settled = true;
      job.signal.removeEventListener('abort', onAbort);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      fn();
      if (reusable && warmTasks.includes(task)) park(task, worker);
      else void worker.terminate();
    };
    const onAbort = () => settle(() => reject(new JobCancelled()));
    const onMessage = (m: {
      progress?: { done: number; total: number };
      bytes?: Uint8Array;
      facts?: TaskOutput['facts'];
      error?: string;
      api?: ApiErrorBody;
    }) => {
      if (m.progress) job.progress(m.progress.done, m.progress.total);
      else if (m.bytes) settle(() => resolve({ bytes: m.bytes!, facts: m.facts ?? {} }), true);
      else if (m.api) settle(() => reject(ApiError.fromBody(m.api!)), true);
      else if (m.error !== undefined) settle(() => reject(new JobStepError(m.error!)), true);
    };
    const onError = (error: Error) => settle(() => reject(new JobStepError(error.message)));
    const onExit = (code: number) =>
      settle(() => reject(new JobStepError(`The worker stopped early (code ${code}).`)));
    job.signal.addEventListener('abort', onAbort);
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
  });
}
