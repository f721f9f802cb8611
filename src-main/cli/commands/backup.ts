import { existsSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { systemClock } from '../../../src-shared/clock';
import { backupDatabase, backupFileName } from '../../db/backup';
import { backupFolderFor } from '../../db/backup-folder';
import { recordCheck, rotateBackups } from '../../db/backup-files';
import { keyFromEnvironment } from '../../db/database-key';
import { openDatabase } from '../../db/open';
import { checkRestorable, swapInBackup } from '../../db/restore';
import { resolveDbPath } from '../../paths';
import { parse, UsageError, type Command } from '../io';

export const backupCommand: Command = {
  name: 'backup',
  usage: 'backup [FILE] [--db FILE] [--key-file FILE]',
  summary:
    'Copy the live database, encrypted, to FILE (default: the backup folder), checked with the key after copying.',
  async run(argv) {
    const { values, positionals } = parse(argv, {});
    const dbPath = resolveDbPath(values.db);
    if (!existsSync(dbPath)) throw new UsageError(`There is no database at ${dbPath}.`);
    const key = keyFromEnvironment(process.env, values['key-file']);
    const folder = backupFolderFor(dbPath);
    const destination = resolve(positionals[0] ?? join(folder, backupFileName(systemClock.now())));
    const opened = await openDatabase(dbPath, { key });
    try {
      const facts = backupDatabase(opened.raw, destination, key);
      recordCheck(destination, {
        verifiedAt: systemClock.now().toISOString(),
        ok: true,
        version: facts.version,
        sizeBytes: facts.sizeBytes,
      });
    } finally {
      await opened.close();
    }
    if (dirname(destination) === resolve(folder)) rotateBackups(folder, systemClock.now());
    console.log(`Backed up ${dbPath} to ${destination} (encrypted, checked).`);
  },
};

export const restoreCommand: Command = {
  name: 'restore',
  usage: 'restore FILE [--db FILE] [--key-file FILE]',
  summary:
    'Replace the database with a backup, after checking the backup with the key; the database in use is kept aside first. Close the app first.',
  async run(argv) {
    const { values, positionals } = parse(argv, {});
    const source = positionals[0];
    if (!source) throw new UsageError('Name the backup file to restore.');
    if (!existsSync(source)) throw new UsageError(`There is no file at ${source}.`);
    const dbPath = resolveDbPath(values.db);
    const key = keyFromEnvironment(process.env, values['key-file']);
    // Refuses a file that does not open with the key, is damaged, or is from a newer version.
    checkRestorable(resolve(source), key);
    const aside = swapInBackup(dbPath, resolve(source), systemClock.now());
    if (aside) console.log(`The database that was in use is kept, unchanged, at ${aside}.`);
    // Opening brings an older backup up to this version's schema.
    const restored = await openDatabase(dbPath, { key });
    await restored.close();
    console.log(`Restored ${basename(source)} into ${dbPath}.`);
  },
};
