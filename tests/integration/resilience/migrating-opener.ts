/**
 * The interrupted-migration test's child: opens a database through the app's
 * open path (which backs an old file up, then migrates it in one
 * transaction) and says when it is done. The test kills it part way.
 *
 *   migrating-opener DB BACKUP_DIR
 */
import { keyFromEnvironment } from '../../../src-main/db/database-key';
import { openDatabase } from '../../../src-main/db/open';

const [dbPath, backupDir] = process.argv.slice(2);
process.stdout.write('opening\n');
const opened = await openDatabase(dbPath!, { backupDir: backupDir!, key: keyFromEnvironment() });
process.stdout.write('opened\n');
await opened.close();
