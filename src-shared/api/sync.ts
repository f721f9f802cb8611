import { z } from 'zod';
import { method } from '../contract';

const empty = z.object({});

export interface SyncStatus {
  folder: string | null;
  lastSyncedAt: string | null;
  /** This install's changes not yet sent. */
  waitingToSend: number;
  conflicts: number;
  duplicates: number;
  /** Installs whose changes were refused for a clock far ahead, and this machine's own clock if it looks off. */
  clockWarnings: string[];
  /** What the last sync could not use (unauthenticated or cut-short files, gaps). */
  problems: string[];
  attachmentsWaiting: number;
}

export interface ConflictSide {
  changeId: string;
  value: unknown;
  at: string;
  hlc: string;
  by: string | null;
  device: string;
  op: string;
}

export interface SyncConflict {
  entity: string;
  rowId: string;
  field: string;
  kind: 'field' | 'delete';
  label: string;
  sides: ConflictSide[];
}

export interface DuplicatePair {
  aId: string;
  bId: string;
  score: number;
  reasons: string[];
  a: {
    id: string;
    name: string;
    dateOfBirth: string | null;
    postcode: string | null;
    email: string | null;
    createdAt: string;
  };
  b: {
    id: string;
    name: string;
    dateOfBirth: string | null;
    postcode: string | null;
    email: string | null;
    createdAt: string;
  };
}

export interface SyncNowResult {
  jobId: string;
}

const conflictKey = z.object({
  entity: z.string().regex(/^[a-z_]+$/),
  rowId: z.string().min(1),
  field: z.string().regex(/^[a-z_0-9]+$/),
});

/** A folder by its full path (from /, a drive letter or a \\server share), never one relative to wherever the app was started. */
const folderPath = z
  .string()
  .trim()
  .min(1, 'Choose the shared folder.')
  .max(1000, 'That folder’s path is too long.')
  .refine((p) => /^(\/|\\\\|[A-Za-z]:[\\/])/.test(p), {
    error: 'Give the folder’s full path, from the top of its drive.',
  });

export const syncApi = {
  'sync.status': method(empty, 'sync.read').returns<SyncStatus>(),
  /** Starts a sync as a job (jobs.get for progress); its result is the sync's report. */
  'sync.now': method(empty, 'sync.run').returns<SyncNowResult>(),
  'sync.conflicts': method(empty, 'sync.resolve').returns<SyncConflict[]>(),
  'sync.resolveConflict': method(
    conflictKey.extend({
      /** The side chosen, by change id; for a delete conflict, or "keep_deleted" / "restore". */
      choice: z.string().min(1),
    }),
    'sync.resolve',
  ).returns<{ resolved: true }>(),
  'sync.duplicates': method(empty, 'sync.duplicates').returns<DuplicatePair[]>(),
  'sync.mergeDuplicate': method(
    z.object({ keepId: z.string().min(1), mergeId: z.string().min(1) }),
    'sync.duplicates',
  ).returns<{ moved: number }>(),
  'sync.dismissDuplicate': method(
    z.object({ aId: z.string().min(1), bId: z.string().min(1) }),
    'sync.duplicates',
  ).returns<{ dismissed: true }>(),
  'sync.joinFolder': method(
    z.object({
      path: folderPath,
      joinCode: z
        .string()
        .trim()
        .min(1, 'Type the join code.')
        .max(400, 'That is not a join code.'),
    }),
    'sync.configure',
  ).returns<SyncStatus>(),
  'sync.createFolder': method(z.object({ path: folderPath }), 'sync.createTeam').returns<{
    joinCode: string;
  }>(),
} as const;
