import type { syncApi } from '../../src-shared/api/sync';
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { ApiError } from '../../src-shared/errors';
import type { HandlersFor } from '../services/context';
import {
  createTeamFolder,
  dismissDuplicate,
  joinTeamFolder,
  listConflicts,
  listDuplicates,
  mergeDuplicate,
  resolveConflict,
  startSync,
  syncStatus,
} from './service';

/** A folder the computer cannot use is the user's to fix: say which and why, at the field. */
function inFolder<T>(path: string, work: () => T): T {
  // The team's folder goes inside one that is there already: a mistyped path makes nothing.
  if (!existsSync(dirname(path)))
    throw ApiError.invalid(`There is no folder ${dirname(path)} on this computer.`, [
      { path: 'path', message: 'Choose a folder that exists, or the drive it is on.' },
    ]);
  try {
    return work();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException | null)?.code;
    if (typeof code !== 'string' || !/^E[A-Z]+$/.test(code)) throw error;
    const why =
      code === 'ENOENT'
        ? 'it does not exist or cannot be reached'
        : code === 'EACCES' || code === 'EPERM'
          ? 'this computer may not write there'
          : code === 'ENAMETOOLONG'
            ? 'its name is too long'
            : code === 'ENOSPC'
              ? 'its disk is full'
              : `the system said ${code}`;
    throw ApiError.invalid(`The shared folder cannot be used: ${why}.`, [
      { path: 'path', message: `Choose another folder (${why}).` },
    ]);
  }
}

export const syncHandlers: HandlersFor<typeof syncApi> = {
  'sync.status': async (ctx) => syncStatus(ctx),
  'sync.now': async (ctx) => startSync(ctx),
  'sync.conflicts': async (ctx) => listConflicts(ctx),
  'sync.resolveConflict': (ctx, input) => resolveConflict(ctx, input),
  'sync.duplicates': async (ctx) => listDuplicates(ctx),
  'sync.mergeDuplicate': (ctx, input) => mergeDuplicate(ctx, input.keepId, input.mergeId),
  'sync.dismissDuplicate': async (ctx, input) => dismissDuplicate(ctx, input.aId, input.bId),
  'sync.joinFolder': async (ctx, input) => {
    inFolder(input.path, () => joinTeamFolder(ctx.raw, input.path, input.joinCode));
    return syncStatus(ctx);
  },
  'sync.createFolder': async (ctx, input) => ({
    joinCode: inFolder(input.path, () => createTeamFolder(ctx.raw, input.path)),
  }),
};
