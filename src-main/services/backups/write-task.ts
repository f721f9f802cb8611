import { backupDatabase } from '../../db/backup';
import type { DatabaseKey } from '../../db/database-key';
import { openEncrypted } from '../../db/driver';
import type { TaskOutput } from '../jobs/cpu-tasks';

export interface WriteBackupInput {
  dbPath: string;
  key: DatabaseKey;
  destination: string;
}

/**
 * Writes and checks one backup on the worker's own connection (see
 * db/backup.ts). `VACUUM INTO` writes its copy through the connection it runs
 * on, so this one may write; it only ever reads the database itself, in one
 * read transaction that WAL lets run beside the backend's writes.
 */
export async function writeBackup(input: WriteBackupInput): Promise<TaskOutput> {
  const db = openEncrypted(input.dbPath, input.key, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    const facts = backupDatabase(db, input.destination, input.key);
    return {
      bytes: new Uint8Array(0),
      facts: { sizeBytes: facts.sizeBytes, version: facts.version },
    };
  } finally {
    db.close();
  }
}
