import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { uuidv7 } from 'uuidv7';
import type { GeneratedFile } from '../../../src-shared/api/cases';
import type { JobFileInfo, JobStatus } from '../../../src-shared/domain/jobs';
import { ApiError } from '../../../src-shared/errors';
import { storageFailure } from '../../db/storage-errors';
import { requireActor, type AppContext, type CallContext } from '../context';
import { writeFileAtomically } from './atomic-file';

/** Thrown inside a job when it has been cancelled; never shown as a failure. */
export class JobCancelled extends Error {
  constructor() {
    super('The job was cancelled.');
    this.name = 'JobCancelled';
  }
}

/** What a job's work uses to report progress, watch for cancel and keep its files. */
export interface JobControl {
  readonly id: string;
  readonly signal: AbortSignal;
  /**
   * Starts the next step. `cancellable: false` for a step that must run to its
   * end once begun (one database transaction): a cancel then waits for it.
   */
  step(name: string, total?: number, options?: { cancellable?: boolean }): void;
  /** Progress within the step. */
  progress(done: number, total?: number): void;
  /** Throws `JobCancelled` if the job was cancelled: call it between pieces of work. */
  checkpoint(): void;
  /** Keeps a finished file with the job (written whole, or not at all). */
  keepFile(name: string, fileName: string, mimeType: string, bytes: Uint8Array): Promise<void>;
}

interface Job {
  status: JobStatus;
  ownerId: string;
  controller: AbortController;
  dir: string;
  /** Settles when the job has ended, whichever way. */
  ended: Promise<void>;
}

/** How long a finished job (and its files) is kept for the window to collect. */
const KEEP_FINISHED_MS = 60 * 60 * 1000;

const registries = new WeakMap<object, Map<string, Job>>();

/**
 * Files of jobs from a run that ended without tidying up (a crash) can no
 * longer be collected. Only old ones go: the CLI may be running a job of its
 * own in the same folder right now.
 */
function removeStaleJobFiles(dir: string): void {
  if (!existsSync(dir)) return;
  const cutoff = Date.now() - 24 * 60 * 60 * 1000;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).mtimeMs < cutoff) rmSync(path, { recursive: true, force: true });
  }
}

function registry(ctx: AppContext): Map<string, Job> {
  let jobs = registries.get(ctx.raw);
  if (!jobs) {
    jobs = new Map();
    registries.set(ctx.raw, jobs);
    removeStaleJobFiles(join(ctx.dataDir, 'jobs'));
  }
  return jobs;
}

/** A failure's message for the user: our own errors say what to do; anything else does not leak internals. */
function failureMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  const storage = storageFailure(error, 'job');
  if (storage) return storage.message;
  if (error instanceof Error && error.name === 'JobStepError') return error.message;
  return 'Something went wrong. No file was kept; please try again.';
}

export interface StartJobOptions {
  kind: string;
  title: string;
  /** The steps' names in order, so the bar can show "step 2 of 4" from the start. */
  steps: readonly string[];
}

/**
 * Starts `work` and returns the job's id at once. Progress, the result or the
 * failure (naming its step) are read with `jobStatus`; `cancelJob` stops it.
 */
export function startJob<R>(
  ctx: CallContext,
  options: StartJobOptions,
  work: (job: JobControl) => Promise<R>,
): string {
  const owner = requireActor(ctx);
  const id = uuidv7();
  const controller = new AbortController();
  const now = () => ctx.clock.now().toISOString();
  const status: JobStatus = {
    id,
    kind: options.kind,
    title: options.title,
    state: 'running',
    step: options.steps[0] ?? 'Starting',
    done: 0,
    total: 1,
    stepNumber: 0,
    stepCount: Math.max(1, options.steps.length),
    cancellable: true,
    startedAt: now(),
    finishedAt: null,
    result: null,
    failure: null,
    files: [],
  };
  const dir = join(ctx.dataDir, 'jobs', id);
  const kept: JobFileInfo[] = [];

  const control: JobControl = {
    id,
    signal: controller.signal,
    step(name, total = 1, stepOptions = {}) {
      control.checkpoint();
      status.step = name;
      status.done = 0;
      status.total = Math.max(1, total);
      const index = options.steps.indexOf(name);
      status.stepNumber = index >= 0 ? index : status.stepNumber + 1;
      status.cancellable = stepOptions.cancellable ?? true;
    },
    progress(done, total) {
      if (total !== undefined) status.total = Math.max(1, total);
      status.done = Math.min(done, status.total);
    },
    checkpoint() {
      if (controller.signal.aborted && status.cancellable) throw new JobCancelled();
    },
    async keepFile(name, fileName, mimeType, bytes) {
      control.checkpoint();
      await writeFileAtomically(join(dir, name), bytes);
      kept.push({ name, fileName, mimeType, sizeBytes: bytes.byteLength });
    },
  };

  const jobs = registry(ctx);
  const job: Job = { status, ownerId: owner.id, controller, dir, ended: Promise.resolve() };
  jobs.set(id, job);
  job.ended = (async () => {
    // Let the start call return its id before any work begins.
    await new Promise((resolve) => setImmediate(resolve));
    try {
      const result = await work(control);
      if (controller.signal.aborted && status.cancellable) throw new JobCancelled();
      status.result = result;
      status.files = kept;
      status.done = status.total;
      status.stepNumber = status.stepCount;
      status.state = 'done';
    } catch (error) {
      await rm(dir, { recursive: true, force: true });
      if (error instanceof JobCancelled || controller.signal.aborted) {
        status.state = 'cancelled';
      } else {
        if (!(error instanceof ApiError)) console.error(`Job ${options.kind} failed:`, error);
        status.state = 'failed';
        status.failure = { step: status.step, message: failureMessage(error) };
      }
    } finally {
      status.cancellable = false;
      status.finishedAt = now();
      const timer = setTimeout(() => {
        jobs.delete(id);
        void rm(dir, { recursive: true, force: true });
      }, KEEP_FINISHED_MS);
      timer.unref();
    }
  })();
  return id;
}

function ownJob(ctx: CallContext, id: string): Job {
  const actor = requireActor(ctx);
  const job = registry(ctx).get(id);
  // Someone else's job is as good as absent: its title and files are theirs.
  if (!job || job.ownerId !== actor.id) throw ApiError.notFound('The job');
  return job;
}

export function jobStatus(ctx: CallContext, id: string): JobStatus {
  return structuredClone(ownJob(ctx, id).status);
}

/** Asks the job to stop; it stops at its next checkpoint (or its worker is ended at once). */
export function cancelJob(ctx: CallContext, id: string): JobStatus {
  const job = ownJob(ctx, id);
  if (job.status.state === 'running') job.controller.abort();
  return structuredClone(job.status);
}

/** Waits for a job to end (the CLI and tests; the window polls `jobs.get` instead). */
export async function jobEnded(ctx: CallContext, id: string): Promise<JobStatus> {
  await ownJob(ctx, id).ended;
  return jobStatus(ctx, id);
}

export async function jobFile(ctx: CallContext, id: string, name: string): Promise<GeneratedFile> {
  const job = ownJob(ctx, id);
  const info = job.status.files.find((f) => f.name === name);
  if (job.status.state !== 'done' || !info)
    throw ApiError.notFound(`The file "${name}" of this job`);
  const bytes = await readFile(join(job.dir, name));
  return {
    fileName: info.fileName,
    mimeType: info.mimeType,
    contentBase64: bytes.toString('base64'),
  };
}

/** Forgets a finished job and removes its files (the CLI, once it has copied them out). */
export async function discardJob(ctx: CallContext, id: string): Promise<void> {
  const job = ownJob(ctx, id);
  if (job.status.state === 'running') throw new ApiError('conflict', 'The job is still running.');
  registry(ctx).delete(id);
  await rm(job.dir, { recursive: true, force: true });
}

/** The folder a finished job's files are in, for the CLI to copy from. */
export function jobFilePath(ctx: CallContext, id: string, name: string): string {
  return join(ownJob(ctx, id).dir, name);
}
