import { method } from '../contract';
import { jobFileInput, jobIdInput, type JobStatus } from '../domain/jobs';
import type { GeneratedFile } from './cases';

/** Reading and stopping any job; each area has its own call that starts one. */
export const jobsApi = {
  'jobs.get': method(jobIdInput, 'jobs.read').returns<JobStatus>(),
  'jobs.cancel': method(jobIdInput, 'jobs.read').returns<JobStatus>(),
  /** A file the job wrote, once it is done. */
  'jobs.file': method(jobFileInput, 'jobs.read').returns<GeneratedFile>(),
} as const;
