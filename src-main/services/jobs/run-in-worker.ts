import { Worker } from 'node:worker_threads';
import { ApiError, type ApiErrorBody } from '../../../src-shared/errors';
import type { CpuTaskInput, CpuTaskName, TaskOutput } from './cpu-tasks';
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
  const spec = workerSpec();
  const worker = new Worker(spec.url, {
    workerData: { task, input },
    ...(spec.execArgv ? { execArgv: spec.execArgv } : {}),
  });
  return new Promise<TaskOutput>((resolve, reject) => {
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      job.signal.removeEventListener('abort', onAbort);
      fn();
      void worker.terminate();
    };
    const onAbort = () => settle(() => reject(new JobCancelled()));
    job.signal.addEventListener('abort', onAbort);
    worker.on(
      'message',
      (m: {
        progress?: { done: number; total: number };
        bytes?: Uint8Array;
        facts?: TaskOutput['facts'];
        error?: string;
        api?: ApiErrorBody;
      }) => {
        if (m.progress) job.progress(m.progress.done, m.progress.total);
        else if (m.bytes) settle(() => resolve({ bytes: m.bytes!, facts: m.facts ?? {} }));
        else if (m.api) settle(() => reject(ApiError.fromBody(m.api!)));
        else if (m.error !== undefined) settle(() => reject(new JobStepError(m.error!)));
      },
    );
    worker.on('error', (error) => settle(() => reject(new JobStepError(error.message))));
    worker.on('exit', (code) =>
      settle(() => reject(new JobStepError(`The worker stopped early (code ${code}).`))),
    );
  });
}
