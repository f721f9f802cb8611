import type { CallContext } from '../context';
import type { JobControl } from '../jobs/jobs';
import { runInWorker } from '../jobs/run-in-worker';
import { readSource } from '../jobs/read-only-context';
import type { FiguresQuestion } from './figures-task';

/** A call that is not a job still runs its figures in a worker; nothing cancels it. */
const noJob: Pick<JobControl, 'signal' | 'progress'> = {
  signal: new AbortController().signal,
  progress: () => {},
};

/**
 * Asks a worker thread for a pack's figures (or what changed since it was
 * finalised), as JSON bytes. Within a job, the job's cancel ends the worker
 * and its progress is the sections done.
 */
export async function askFigures(
  ctx: CallContext,
  question: FiguresQuestion,
  job: Pick<JobControl, 'signal' | 'progress'> = noJob,
): Promise<Uint8Array> {
  return (await runInWorker(job, 'board-pack.figures', { source: readSource(ctx), question }))
    .bytes;
}
