import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  backupKinds,
  backupsToKeep,
  type BackupKind,
  type BackupRotation,
} from '../../src-shared/rules/backup-rotation';
import type { DatabaseKey } from './database-key';
import { verifyBackup } from './backup';

/**
 * The backups in a folder, as the administrator's screen and the open path
 * see them. Beside each backup the app writes a small note of its check
 * (`NAME.sqlite.check.json`: when, the data version and the size it had);
 * the note holds no data of anyone. A backup copied in by hand has none and
 * shows as not yet checked.
 */
export interface BackupFile {
  name: string;
  path: string;
  at: string;
  kind: BackupKind;
  sizeBytes: number;
  /** Checked when made (or since), and still the size it was then. */
  verified: 'verified' | 'unchecked' | 'failed';
  verifiedAt: string | null;
  version: number | null;
}

interface CheckNote {
  verifiedAt: string;
  ok: boolean;
  version: number | null;
  sizeBytes: number;
  detail?: string;
}

const STAMP = /(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z/;

function noteFile(path: string): string {
  return `${path}.check.json`;
}

export function recordCheck(path: string, note: CheckNote): void {
  writeFileSync(noteFile(path), JSON.stringify(note, null, 2));
}

function readNote(path: string): CheckNote | null {
  try {
    return JSON.parse(readFileSync(noteFile(path), 'utf8')) as CheckNote;
  } catch {
    return null;
  }
}

function kindOf(name: string): BackupKind {
  // Longest first, so "before-restore" is not read as something shorter.
  const kinds = [...backupKinds].sort((a, b) => b.length - a.length);
  return kinds.find((k) => name.includes(`-${k}-`)) ?? 'manual';
}

/** Every `.sqlite` file in the folder, newest first; none if the folder is not there. */
export function listBackups(folder: string): BackupFile[] {
  if (!existsSync(folder)) return [];
  const files: BackupFile[] = [];
  for (const name of readdirSync(folder)) {
    if (!name.endsWith('.sqlite') || name.startsWith('.')) continue;
    const path = join(folder, name);
    let size: number;
    let mtime: Date;
    try {
      const stat = statSync(path);
      if (!stat.isFile()) continue;
      size = stat.size;
      mtime = stat.mtime;
    } catch {
      continue;
    }
    const m = STAMP.exec(name);
    const at = m ? `${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z` : mtime.toISOString();
    const note = readNote(path);
    const verified = !note
      ? 'unchecked'
      : note.ok && note.sizeBytes === size
        ? 'verified'
        : note.ok
          ? 'unchecked'
          : 'failed';
    files.push({
      name,
      path,
      at,
      kind: kindOf(name),
      sizeBytes: size,
      verified,
      verifiedAt: note?.verifiedAt ?? null,
      version: note?.version ?? null,
    });
  }
  return files.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : a.name < b.name ? 1 : -1));
}

/** Checks a backup now with the key, and notes the outcome beside it. */
export function checkBackup(
  file: Pick<BackupFile, 'path'>,
  key: DatabaseKey,
  now: Date,
): { ok: true; version: number } | { ok: false; detail: string } {
  const sizeBytes = statSync(file.path).size;
  try {
    const version = verifyBackup(file.path, key);
    recordCheck(file.path, { verifiedAt: now.toISOString(), ok: true, version, sizeBytes });
    return { ok: true, version };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    try {
      recordCheck(file.path, {
        verifiedAt: now.toISOString(),
        ok: false,
        version: null,
        sizeBytes,
        detail,
      });
    } catch {
      // A read-only backup folder: the outcome is still returned.
    }
    return { ok: false, detail };
  }
}

/**
 * The newest backup that opens with this key and passes its check now, for
 * a database that cannot be opened. Checks newest first and stops at the
 * first good one.
 */
export function newestGoodBackup(
  folder: string,
  key: DatabaseKey,
  now: Date,
  latestVersion: number,
): BackupFile | null {
  for (const file of listBackups(folder)) {
    if (file.verified === 'failed') continue;
    const outcome = checkBackup(file, key, now);
    if (outcome.ok && outcome.version <= latestVersion)
      return { ...file, verified: 'verified', verifiedAt: now.toISOString() };
  }
  return null;
}

/** Removes the backups the rotation no longer keeps (and their notes); returns their names. */
export function rotateBackups(folder: string, now: Date, rule?: BackupRotation): string[] {
  // Only files named the way the app names its backups: the folder is the
  // user's choice and may hold other databases, which are never ours to remove.
  const files = listBackups(folder).filter(
    (f) => f.name.startsWith('involvement-desk-') && STAMP.test(f.name),
  );
  const keep = backupsToKeep(files, now, rule);
  const removed: string[] = [];
  for (const file of files) {
    if (keep.has(file.name)) continue;
    rmSync(file.path, { force: true });
    rmSync(noteFile(file.path), { force: true });
    removed.push(file.name);
  }
  return removed;
}
