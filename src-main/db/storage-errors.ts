import { ApiError } from '../../src-shared/errors';

export const DISK_FULL_MESSAGE =
  'The disk is full: nothing of this save was written. Free some space on the drive that holds the database (empty the recycle bin, or move large files elsewhere) and save again; there is no need to restart the app.';

export const DISK_FULL_JOB_MESSAGE =
  'The disk is full, so this could not be finished and no file was kept. Free some space and try again.';

/**
 * The one place a storage failure is turned into words for the user. SQLite
 * says SQLITE_FULL when the disk (or the file's own page limit) has no room,
 * and has then rolled the transaction back; Node says ENOSPC when a file
 * (an attachment, a generated document) could not be written for the same
 * reason. Anything else is left to the caller.
 */
export function storageFailure(error: unknown, during: 'save' | 'job' = 'save'): ApiError | null {
  const code = error && typeof error === 'object' ? (error as { code?: unknown }).code : undefined;
  if (code !== 'SQLITE_FULL' && code !== 'ENOSPC') return null;
  return new ApiError('unavailable', during === 'job' ? DISK_FULL_JOB_MESSAGE : DISK_FULL_MESSAGE);
}
