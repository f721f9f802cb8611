import { z } from 'zod';

/**
 * Long work (board packs, the register's import and export, later backups
 * and sync) runs as a job: one call starts it and returns its id at once,
 * and the window reads its progress until it ends.
 */
export const jobStates = ['running', 'done', 'failed', 'cancelled'] as const;
export type JobState = (typeof jobStates)[number];

export interface JobFileInfo {
  /** What the file is within the job (`pdf`, `xlsx`, `workbook`). */
  name: string;
  fileName: string;
  mimeType: string;
  sizeBytes: number;
}

export interface JobStatus<R = unknown> {
  id: string;
  kind: string;
  /** Plain words for the whole job: "Board pack 2025-26". */
  title: string;
  state: JobState;
  /** The step running now, or the last one reached. */
  step: string;
  /** Progress within the step. */
  done: number;
  total: number;
  /** Steps finished and steps in all, for the bar across the whole job. */
  stepNumber: number;
  stepCount: number;
  /** False while a step that cannot be interrupted runs (one database transaction). */
  cancellable: boolean;
  startedAt: string;
  finishedAt: string | null;
  result: R | null;
  /** Set when the job failed: the step it failed in and why, in words a user can act on. */
  failure: { step: string; message: string } | null;
  files: JobFileInfo[];
}

export const jobIdInput = z.object({ id: z.string().min(1, { error: 'Name the job.' }).max(64) });
export const jobFileInput = jobIdInput.extend({
  name: z.string().min(1, { error: 'Name the file.' }).max(40),
});

export interface JobStarted {
  jobId: string;
}
