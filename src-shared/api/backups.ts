import { z } from 'zod';
import { method } from '../contract';
import type { JobStarted } from '../domain/jobs';
import type { BackupKind } from '../rules/backup-rotation';

const none = z.object({}).strict();

export interface BackupEntry {
  /** `backups/NAME` in the backup folder, or `set-aside/NAME` for a database kept aside by a restore. */
  id: string;
  name: string;
  at: string;
  kind: BackupKind;
  sizeBytes: number;
  verified: 'verified' | 'unchecked' | 'failed';
  verifiedAt: string | null;
  location: 'backups' | 'set-aside';
}

export interface BackupOverview {
  folder: string;
  defaultFolder: string;
  /** Hours between automatic backups while the app runs. */
  everyHours: number;
  /** How the database key is kept on this computer ("GNOME Keyring", "the test key"…). */
  keyProtection: string | null;
  /** The outcome of the last automatic backup this session, if one has run. */
  lastAutomatic: { at: string; ok: boolean; message: string } | null;
  backups: BackupEntry[];
}

export const BACKUP_HOURS_MIN = 1;
export const BACKUP_HOURS_MAX = 24;

export const backupSettingsInput = z
  .object({
    /** An absolute folder path; null for the default folder beside the database. */
    folder: z
      .string()
      .trim()
      .min(1, 'Name a folder, or choose the default.')
      .max(1000, 'The folder path is too long.')
      .nullable(),
    everyHours: z
      .number({ error: 'Give the hours between backups as a whole number.' })
      .int('Give the hours between backups as a whole number.')
      .min(
        BACKUP_HOURS_MIN,
        `Back up at least every ${BACKUP_HOURS_MAX} hours and at most every hour.`,
      )
      .max(
        BACKUP_HOURS_MAX,
        `Back up at least every ${BACKUP_HOURS_MAX} hours and at most every hour.`,
      ),
  })
  .strict();

const backupIdInput = z
  .object({ id: z.string().min(1, 'Choose a backup.').max(400, 'Choose a backup.') })
  .strict();

export interface RestoreOutcome {
  restoredFrom: string;
  /** Where the database that was in use is kept. */
  keptAside: string | null;
}

/** Backups: the list, "back up now", the folder and the restore (administrators only). */
export const backupsApi = {
  'backups.overview': method(none, 'backups.manage').returns<BackupOverview>(),
  'backups.start': method(none, 'backup.run').returns<JobStarted>(),
  'backups.saveSettings': method(backupSettingsInput, 'backups.manage').returns<BackupOverview>(),
  'backups.verify': method(backupIdInput, 'backups.manage').returns<BackupEntry>(),
  'backups.restore': method(backupIdInput, 'backups.manage').returns<RestoreOutcome>(),
} as const;
