import { existsSync, readFileSync, writeFileSync, renameSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Where backups go. The administrator's choice is a setting in the database
 * (so the change is logged), mirrored to a small file beside the database,
 * because the folder is needed most when the database cannot be opened.
 */
export function defaultBackupDir(dbPath: string): string {
  return join(dirname(dbPath), 'backups');
}

function locationFile(dbPath: string): string {
  return join(dirname(dbPath), 'backup-location.json');
}

export function backupFolderFor(dbPath: string): string {
  const file = locationFile(dbPath);
  if (existsSync(file)) {
    try {
      const { folder } = JSON.parse(readFileSync(file, 'utf8')) as { folder?: unknown };
      if (typeof folder === 'string' && folder.length > 0) return folder;
    } catch {
      // A damaged note of the folder falls back to the default, which always exists.
    }
  }
  return defaultBackupDir(dbPath);
}

/** `null` goes back to the default folder. */
export function rememberBackupFolder(dbPath: string, folder: string | null): void {
  const file = locationFile(dbPath);
  const part = `${file}.part`;
  writeFileSync(part, JSON.stringify({ folder }, null, 2));
  renameSync(part, file);
}
