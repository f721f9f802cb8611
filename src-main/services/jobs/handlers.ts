import type { jobsApi } from '../../../src-shared/api/jobs';
import type { HandlersFor } from '../context';
import { cancelJob, jobFile, jobStatus } from './jobs';

export const jobsHandlers: HandlersFor<typeof jobsApi> = {
  'jobs.get': async (ctx, input) => jobStatus(ctx, input.id),
  'jobs.cancel': async (ctx, input) => cancelJob(ctx, input.id),
  'jobs.file': (ctx, input) => jobFile(ctx, input.id, input.name),
};
