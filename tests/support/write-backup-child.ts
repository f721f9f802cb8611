/**
 * Writes one backup with the job's own task (services/backups/write-task.ts)
 * in a process of its own, so a test can run it under a file-size limit
 * (`ulimit -f`), the way a full disk refuses a write. Prints the outcome as JSON.
 */
import { writeBackup } from '../../src-main/services/backups/write-task';
import { databaseKey } from '../../src-main/db/database-key';

const [dbPath, destination, key] = process.argv.slice(2) as [string, string, string];
try {
  const out = await writeBackup({ dbPath, destination, key: databaseKey(key) });
  console.log(JSON.stringify({ ok: true, facts: out.facts }));
} catch (error) {
  console.log(
    JSON.stringify({ ok: false, message: error instanceof Error ? error.message : String(error) }),
  );
}
