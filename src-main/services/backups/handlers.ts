import type { backupsApi } from '../../../src-shared/api/backups';
import type { HandlersFor } from '../context';
import {
  backupOverview,
  restoreBackup,
  saveBackupSettings,
  startManualBackup,
  verifyBackupEntry,
} from './backups';

export const backupsHandlers: HandlersFor<typeof backupsApi> = {
  'backups.overview': (ctx) => backupOverview(ctx),
  'backups.start': async (ctx) => startManualBackup(ctx),
  'backups.saveSettings': (ctx, input) => saveBackupSettings(ctx, input),
  'backups.verify': (ctx, input) => verifyBackupEntry(ctx, input.id),
  'backups.restore': (ctx, input) => restoreBackup(ctx, input.id),
};
