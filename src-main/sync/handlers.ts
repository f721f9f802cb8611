import type { syncApi } from '../../src-shared/api/sync';
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

export const syncHandlers: HandlersFor<typeof syncApi> = {
  'sync.status': async (ctx) => syncStatus(ctx),
  'sync.now': async (ctx) => startSync(ctx),
  'sync.conflicts': async (ctx) => listConflicts(ctx),
  'sync.resolveConflict': (ctx, input) => resolveConflict(ctx, input),
  'sync.duplicates': async (ctx) => listDuplicates(ctx),
  'sync.mergeDuplicate': (ctx, input) => mergeDuplicate(ctx, input.keepId, input.mergeId),
  'sync.dismissDuplicate': async (ctx, input) => dismissDuplicate(ctx, input.aId, input.bId),
  'sync.joinFolder': async (ctx, input) => {
    joinTeamFolder(ctx.raw, input.path, input.joinCode);
    return syncStatus(ctx);
  },
  'sync.createFolder': async (ctx, input) => ({ joinCode: createTeamFolder(ctx.raw, input.path) }),
};
