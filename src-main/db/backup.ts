import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';

/**
 * Copies a live database with SQLite's online backup (it yields between
 * pages, so the app stays responsive), then proves the copy opens and passes
 * an integrity check before calling it a backup.
 */
export async function backupDatabase(
  source: Database.Database,
  destination: string,
): Promise<void> {
  mkdirSync(dirname(destination), { recursive: true });
  const partial = `${destination}.partial`;
  rmSync(partial, { force: true });
  await source.backup(partial);
  verifyBackup(partial, source.pragma('user_version', { simple: true }) as number);
  renameSync(partial, destination);
}

export function verifyBackup(path: string, expectedVersion: number): void {
  const copy = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const check = copy.pragma('integrity_check', { simple: true });
    if (check !== 'ok')
      throw new Error(`The backup at ${path} failed its integrity check (${String(check)}).`);
    const version = copy.pragma('user_version', { simple: true });
    if (version !== expectedVersion) {
      throw new Error(
        `The backup at ${path} has data version ${String(version)}, expected ${expectedVersion}.`,
      );
    }
  } finally {
    copy.close();
  }
}

/** `involvement-desk-2026-11-23T10-00-00-000Z.sqlite`: sortable, and safe on every file system. */
export function backupFileName(at: Date, why?: string): string {
  const stamp = at.toISOString().replace(/[:.]/g, '-');
  return `involvement-desk-${why ? `${why}-` : ''}${stamp}.sqlite`;
}
