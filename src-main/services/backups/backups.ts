import { accessSync, constants, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import type { BackupEntry, BackupOverview, RestoreOutcome } from '../../../src-shared/api/backups';
import type { Staff } from '../../../src-shared/domain/staff';
import { ApiError } from '../../../src-shared/errors';
import type { BackupKind } from '../../../src-shared/rules/backup-rotation';
import { backupFileName } from '../../db/backup';
import { backupFolderFor, defaultBackupDir, rememberBackupFolder } from '../../db/backup-folder';
import {
  checkBackup,
  listBackups,
  recordCheck,
  rotateBackups,
  type BackupFile,
} from '../../db/backup-files';
import { checkRestorable, setAsideDir, swapInBackup } from '../../db/restore';
import { writing, type AppContext, type CallContext } from '../context';
import { startJob, type JobControl } from '../jobs/jobs';
import { runInWorker } from '../jobs/run-in-worker';
import { readSetting, saveSetting } from '../settings';

export const BACKUP_HOURS_SETTING = 'backups.everyHours';
export const BACKUP_FOLDER_SETTING = 'backups.folder';
export const DEFAULT_BACKUP_HOURS = 4;

/** The app itself, as the owner of its automatic backups' jobs: never a row, never signed in. */
export const automaticBackupsActor: Staff = {
  id: 'automatic-backups',
  name: 'Automatic backups',
  role: 'administrator',
  email: null,
  active: true,
};

interface Outcome {
  at: string;
  ok: boolean;
  message: string;
}
const lastAutomatic = new Map<string, Outcome>();
const inFlight = new Map<string, Promise<BackupFile>>();

export function backupFolder(ctx: AppContext): string {
  return backupFolderFor(ctx.dbPath);
}

/**
 * One verified backup, written in its own worker thread on its own
 * connection (the backend goes on answering), then noted as checked, and the
 * folder rotated. One at a time per database: a second asks for the first.
 */
export function takeBackup(
  ctx: AppContext,
  kind: BackupKind,
  job: Pick<JobControl, 'signal' | 'progress'>,
): Promise<BackupFile> {
  const running = inFlight.get(ctx.dbPath);
  if (running) return running;
  const work = (async () => {
    const now = ctx.clock.now();
    const folder = backupFolder(ctx);
    const destination = join(folder, backupFileName(now, kind === 'manual' ? undefined : kind));
    const out = await runInWorker(job, 'backups.write', {
      dbPath: ctx.dbPath,
      key: ctx.key,
      destination,
    });
    recordCheck(destination, {
      verifiedAt: ctx.clock.now().toISOString(),
      ok: true,
      version: Number(out.facts.version),
      sizeBytes: Number(out.facts.sizeBytes),
    });
    rotateBackups(folder, ctx.clock.now());
    const file = listBackups(folder).find((f) => f.path === destination);
    if (!file) throw new ApiError('internal', 'The backup was written but cannot be found.');
    return file;
  })();
  inFlight.set(ctx.dbPath, work);
  void work.then(
    () => inFlight.delete(ctx.dbPath),
    () => inFlight.delete(ctx.dbPath),
  );
  return work;
}

/** An automatic backup as a job of the app's own; its outcome is kept for the screen. */
export function startAutomaticBackup(ctx: AppContext, kind: 'start' | 'scheduled'): Promise<void> {
  const call: CallContext = { ...ctx, actor: automaticBackupsActor, session: 'automatic-backups' };
  return new Promise((done) => {
    startJob(
      call,
      { kind: 'backups.automatic', title: 'Automatic backup', steps: ['Backing up'] },
      async (job) => {
        try {
          const file = await takeBackup(ctx, kind, job);
          lastAutomatic.set(ctx.dbPath, {
            at: file.at,
            ok: true,
            message: `Backed up to ${file.name}.`,
          });
          return { name: file.name };
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          lastAutomatic.set(ctx.dbPath, { at: ctx.clock.now().toISOString(), ok: false, message });
          console.error(`The automatic backup failed: ${message}`);
          throw error;
        } finally {
          done();
        }
      },
    );
  });
}

export function startManualBackup(ctx: CallContext): { jobId: string } {
  const jobId = startJob(
    ctx,
    { kind: 'backups.manual', title: 'Backing up the database', steps: ['Backing up'] },
    async (job) => {
      job.step('Backing up', 1, { cancellable: false });
      const file = await takeBackup(ctx, 'manual', job);
      return { name: file.name, sizeBytes: file.sizeBytes };
    },
  );
  return { jobId };
}

export async function backupHours(ctx: AppContext): Promise<number> {
  return readSetting(ctx, BACKUP_HOURS_SETTING, DEFAULT_BACKUP_HOURS);
}

function entry(file: BackupFile, location: BackupEntry['location']): BackupEntry {
  return {
    id: `${location}/${file.name}`,
    name: file.name,
    at: file.at,
    kind: file.kind,
    sizeBytes: file.sizeBytes,
    verified: file.verified,
    verifiedAt: file.verifiedAt,
    location,
  };
}

export async function backupOverview(ctx: CallContext): Promise<BackupOverview> {
  const folder = backupFolder(ctx);
  return {
    folder,
    defaultFolder: defaultBackupDir(ctx.dbPath),
    everyHours: await backupHours(ctx),
    keyProtection: ctx.keyProtection,
    lastAutomatic: lastAutomatic.get(ctx.dbPath) ?? null,
    backups: [
      ...listBackups(folder).map((f) => entry(f, 'backups')),
      ...listBackups(setAsideDir(ctx.dbPath)).map((f) => entry(f, 'set-aside')),
    ].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0)),
  };
}

/** Proves the folder can be made and written to before it is chosen. */
function usableFolder(folder: string): string {
  if (!isAbsolute(folder))
    throw ApiError.invalid(
      'Give the folder’s full path (for example /media/backups or S:\\Backups).',
      [{ path: 'folder', message: 'Give the full path of the folder.' }],
    );
  const path = resolve(folder);
  try {
    mkdirSync(path, { recursive: true });
    accessSync(path, constants.W_OK);
    const probe = join(path, `.involvement-desk-write-test-${process.pid}`);
    writeFileSync(probe, 'test');
    rmSync(probe, { force: true });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw ApiError.invalid(
      `Backups cannot be written to ${path} (${detail}). Nothing was changed.`,
      [{ path: 'folder', message: 'This folder cannot be written to.' }],
    );
  }
  return path;
}

export async function saveBackupSettings(
  ctx: CallContext,
  input: { folder: string | null; everyHours: number },
): Promise<BackupOverview> {
  const folder = input.folder === null ? null : usableFolder(input.folder);
  await writing(ctx, async (w) => {
    await saveSetting(w, BACKUP_FOLDER_SETTING, folder);
    await saveSetting(w, BACKUP_HOURS_SETTING, input.everyHours);
  });
  rememberBackupFolder(ctx.dbPath, folder);
  return backupOverview(ctx);
}

function findBackup(ctx: CallContext, id: string): BackupFile {
  const slash = id.indexOf('/');
  const location = id.slice(0, slash);
  const name = id.slice(slash + 1);
  const folder =
    location === 'backups'
      ? backupFolder(ctx)
      : location === 'set-aside'
        ? setAsideDir(ctx.dbPath)
        : null;
  // Names only as listed: a path of any other shape is not a backup of ours.
  const file = folder ? listBackups(folder).find((f) => f.name === name) : undefined;
  if (!file) throw ApiError.notFound('That backup');
  return file;
}

export async function verifyBackupEntry(ctx: CallContext, id: string): Promise<BackupEntry> {
  const file = findBackup(ctx, id);
  checkBackup(file, ctx.key, ctx.clock.now());
  const again = findBackup(ctx, id);
  return entry(again, id.startsWith('set-aside/') ? 'set-aside' : 'backups');
}

/**
 * Restores a backup: checked first (it opens with the key and passes its
 * integrity check); then the backend closes the database, the file in use
 * is moved aside whole, the backup is copied into place, and the backend
 * opens it again (bringing an older backup up to this version). Everyone is
 * signed out: the restored file has its own profiles and passphrases.
 */
export async function restoreBackup(ctx: CallContext, id: string): Promise<RestoreOutcome> {
  const file = findBackup(ctx, id);
  checkRestorable(file.path, ctx.key);
  if (!ctx.replaceDatabase)
    throw new ApiError(
      'unavailable',
      'This copy of the app cannot restore while it runs: use the command line.',
    );
  const keptAside = await ctx.replaceDatabase(() =>
    swapInBackup(ctx.dbPath, file.path, ctx.clock.now()),
  );
  if (!existsSync(ctx.dbPath)) throw new ApiError('internal', 'The restored database is missing.');
  return { restoredFrom: file.name, keptAside };
}
