import { copyFileSync, existsSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { systemClock } from '../../../src-shared/clock';
import { backupDatabase, backupFileName } from '../../db/backup';
import { defaultBackupDir, inspectFile, openDatabase } from '../../db/open';
import { resolveDbPath } from '../../paths';
import { parse, UsageError, type Command } from '../io';

export const backupCommand: Command = {
  name: 'backup',
  usage: 'backup [FILE] [--db FILE]',
  summary:
    'Copy the live database to FILE (default: the backups folder beside it), checked after copying.',
  async run(argv) {
    const { values, positionals } = parse(argv, {});
    const dbPath = resolveDbPath(values.db);
    if (!existsSync(dbPath)) throw new UsageError(`There is no database at ${dbPath}.`);
    const destination = resolve(
      positionals[0] ?? join(defaultBackupDir(dbPath), backupFileName(systemClock.now())),
    );
    const opened = await openDatabase(dbPath);
    try {
      await backupDatabase(opened.raw, destination);
    } finally {
      await opened.close();
    }
    console.log(`Backed up ${dbPath} to ${destination}.`);
  },
};

export const restoreCommand: Command = {
  name: 'restore',
  usage: 'restore FILE [--db FILE]',
  summary:
    'Replace the database with a backup, after checking the backup and backing up the current one. Close the app first.',
  async run(argv) {
    const { values, positionals } = parse(argv, {});
    const source = positionals[0];
    if (!source) throw new UsageError('Name the backup file to restore.');
    if (!existsSync(source)) throw new UsageError(`There is no file at ${source}.`);
    const dbPath = resolveDbPath(values.db);
    // Refuses a file that is not ours, is damaged, or is from a newer version.
    inspectFile(source);

    if (existsSync(dbPath)) {
      const saved = join(
        defaultBackupDir(dbPath),
        backupFileName(systemClock.now(), 'before-restore'),
      );
      const current = await openDatabase(dbPath);
      try {
        await backupDatabase(current.raw, saved);
      } finally {
        await current.close();
      }
      console.log(`The current database was saved to ${saved}.`);
    }
    for (const suffix of ['-wal', '-shm']) rmSync(dbPath + suffix, { force: true });
    copyFileSync(source, dbPath);
    // Opening brings an older backup up to this version's schema.
    const restored = await openDatabase(dbPath);
    await restored.close();
    console.log(`Restored ${source} into ${dbPath} (${dirname(dbPath)}).`);
  },
};
