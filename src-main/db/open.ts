import { existsSync, mkdirSync, openSync, readSync, closeSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Kysely, SqliteDialect } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { ApiError } from '../../src-shared/errors';
import { backupDatabase, backupFileName } from './backup';
import { backupFolderFor } from './backup-folder';
import { newestGoodBackup, recordCheck, type BackupFile } from './backup-files';
import type { DatabaseKey } from './database-key';
import {
  applyKey,
  Database,
  openEncrypted,
  sqliteCode,
  wrongKey,
  type SqliteDatabase,
} from './driver';
import { encryptPlainDatabase, removeLeftoverPlainCopies } from './encrypt-plain';
import { structuralCheck } from './integrity';
import { optimiseDatabase } from './optimise';
import { migrations as appMigrations, type Migration } from './migrations';
import type { DB } from './schema';
import { withStatementCache } from './statement-cache';
import { WriteGuardPlugin } from './write-guard';

/** Marks a SQLite file as ours ("IDS1"), so another program's database is refused. */
export const APPLICATION_ID = 0x49445331;
const SQLITE_HEADER = 'SQLite format 3\0';
const SLOW_QUERY_MS = 40;

export interface OpenedDatabase {
  db: Kysely<DB>;
  /** For the few things Kysely cannot say: backups, bulk loads, benchmarks. */
  raw: SqliteDatabase;
  path: string;
  deviceId: string;
  /** The backup taken before migrating, if one was needed. */
  migrationBackup: string | null;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** The database key, applied to every connection before anything else. */
  key: DatabaseKey;
  /** Where pre-migration backups go; defaults to the backup folder (backup-folder.ts). */
  backupDir?: string;
  now?: () => Date;
  /** The schema's history; tests pass their own to prove failure handling. */
  migrations?: readonly Migration[];
}

export { defaultBackupDir } from './backup-folder';

/**
 * Why a file was refused at open, for the desktop shell to offer a way on
 * (the newest good backup) instead of a bare message.
 */
export type RefusalReason = 'empty' | 'foreign' | 'newer' | 'damaged' | 'wrong-key';

export class DatabaseRefused extends ApiError {
  constructor(
    readonly reason: RefusalReason,
    message: string,
  ) {
    super('unavailable', message);
    this.name = 'DatabaseRefused';
  }
}

/**
 * Opens (creating if need be) the app's database and brings it to the latest
 * schema. A file that is not ours, is damaged, or was written by a newer
 * version is refused and left exactly as it was.
 */
export async function openDatabase(path: string, options: OpenOptions): Promise<OpenedDatabase> {
  const now = options.now ?? (() => new Date());
  const migrations = options.migrations ?? appMigrations;
  const backupDir = options.backupDir ?? backupFolderFor(path);
  let found = inspectFile(path, options.key, migrations.length);
  if (found.plain) {
    // A database from before encryption: made into an encrypted one, checked,
    // and only then is the plain file removed (encrypt-plain.ts).
    encryptPlainDatabase(path, options.key, now());
    found = inspectFile(path, options.key, migrations.length);
  }
  removeLeftoverPlainCopies(path);

  mkdirSync(dirname(path), { recursive: true });
  const raw = new Database(path);
  let migrationBackup: string | null = null;
  try {
    // The key before anything else: not even the journal mode is read without it.
    applyKeyOrRefuse(raw, path, options.key);
    raw.pragma('journal_mode = WAL');
    // FULL: a save the user saw confirmed survives a power cut.
    raw.pragma('synchronous = FULL');
    raw.pragma('foreign_keys = ON');
    raw.pragma('busy_timeout = 5000');
    // What is deleted is overwritten, not left in free pages: erasure relies on it.
    raw.pragma('secure_delete = ON');
    // A larger page cache than SQLite's 2 MB default: at ten years of data
    // the register's indexes and the attendance table are hundreds of MB,
    // and the screens' queries revisit the same pages call after call.
    raw.pragma('cache_size = -65536');
    raw.pragma('temp_store = MEMORY');

    if (found.version < migrations.length) {
      if (found.version > 0) {
        migrationBackup = join(
          backupDir,
          backupFileName(now(), `v${found.version}-before-migration`),
        );
        const facts = backupDatabase(raw, migrationBackup, options.key);
        recordCheck(migrationBackup, {
          verifiedAt: now().toISOString(),
          ok: true,
          version: facts.version,
          sizeBytes: facts.sizeBytes,
        });
      }
      migrate(raw, found.version, migrations);
    }
    const deviceId = ensureDeviceId(raw);
    optimiseDatabase(raw, true);

    const db = new Kysely<DB>({
      dialect: new SqliteDialect({ database: withStatementCache(raw) }),
      plugins: [new WriteGuardPlugin()],
      log(event) {
        if (event.queryDurationMillis > SLOW_QUERY_MS) {
          console.warn(
            `Slow query (${event.queryDurationMillis.toFixed(0)} ms): ${event.query.sql.slice(0, 200)}`,
          );
        }
      },
    });
    return {
      db,
      raw,
      path,
      deviceId,
      migrationBackup,
      close: () => db.destroy(),
    };
  } catch (error) {
    raw.close();
    throw error;
  }
}

function applyKeyOrRefuse(raw: SqliteDatabase, path: string, key: DatabaseKey): void {
  try {
    applyKeyAndRead(raw, key);
  } catch (error) {
    if (sqliteCode(error) === 'SQLITE_NOTADB')
      throw new DatabaseRefused('wrong-key', wrongKey(path).message);
    throw error;
  }
}

function applyKeyAndRead(raw: SqliteDatabase, key: DatabaseKey): void {
  applyKey(raw, key);
  raw.prepare('SELECT count(*) FROM sqlite_master').get();
}

interface FileFacts {
  version: number;
  /** A database from before encryption (plain SQLite). */
  plain: boolean;
}

/** Reads what the file is without writing a byte to it. */
export function inspectFile(
  path: string,
  key: DatabaseKey,
  latestVersion = appMigrations.length,
): FileFacts {
  if (!existsSync(path)) return { version: 0, plain: false };
  // An empty file where the database should be is a copy or a save cut
  // short, not a new install: opening it as new would bury what was lost.
  if (statSync(path).size === 0)
    throw new DatabaseRefused(
      'empty',
      `${path} is empty (0 bytes): it may have been cut short by a failed copy or a full disk. It has been left untouched and is not opened as a new database. Restore the newest backup (in ${backupFolderFor(path)}), or remove the empty file to start afresh.`,
    );

  const header = Buffer.alloc(16);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, header, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  // An encrypted file has no readable header at all: its first page is
  // ciphertext like the rest. Only a plain SQLite file announces itself.
  const plain = header.toString('latin1') === SQLITE_HEADER;

  let probe: SqliteDatabase | undefined;
  try {
    if (plain) {
      probe = new Database(path, { readonly: true, fileMustExist: true });
    } else {
      try {
        probe = openEncrypted(path, key, { readonly: true, fileMustExist: true });
      } catch (error) {
        if (error instanceof ApiError) throw new DatabaseRefused('wrong-key', error.message);
        throw error;
      }
    }
    const version = probe.pragma('user_version', { simple: true }) as number;
    const appId = probe.pragma('application_id', { simple: true }) as number;
    const tables = probe.prepare(`SELECT count(*) AS n FROM sqlite_master`).get() as { n: number };
    if (appId !== APPLICATION_ID && (appId !== 0 || tables.n > 0)) {
      throw new DatabaseRefused(
        'foreign',
        `${path} is a database of another program, not of Involvement Desk. It has been left untouched.`,
      );
    }
    if (version > latestVersion) {
      throw new DatabaseRefused(
        'newer',
        `This database was saved by a newer version of Involvement Desk (data version ${version}; this version reads up to ${latestVersion}). Install the newer version to open it. The file has been left untouched.`,
      );
    }
    // The full check reads every page (seconds on a large file): it runs in
    // the background after opening instead (see integrity.ts).
    structuralCheck(probe, path);
    return { version, plain };
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw corrupt(path, error instanceof Error ? error.message : String(error));
  } finally {
    probe?.close();
  }
}

function corrupt(path: string, detail: string): DatabaseRefused {
  return new DatabaseRefused(
    'damaged',
    `${path} is damaged and cannot be opened safely (${detail}). It has been left untouched: restore the latest backup.`,
  );
}

/**
 * What to offer when the database was refused: the newest backup that opens
 * with this key and passes its check now. Only for a file that is damaged,
 * empty or unreadable with the key; a newer version's file needs the newer
 * app, not a backup.
 */
export function recoveryFor(
  error: unknown,
  path: string,
  key: DatabaseKey,
  now: Date,
): BackupFile | null {
  if (!(error instanceof DatabaseRefused)) return null;
  if (error.reason === 'newer' || error.reason === 'foreign') return null;
  return newestGoodBackup(backupFolderFor(path), key, now, appMigrations.length);
}

function migrate(raw: SqliteDatabase, from: number, migrations: readonly Migration[]): void {
  const latestVersion = migrations.length;
  const run = raw.transaction(() => {
    for (let version = from + 1; version <= latestVersion; version++) {
      const migration = migrations[version - 1]!;
      try {
        migration.up(raw);
      } catch (error) {
        const detail = error instanceof Error ? error.message : String(error);
        throw new ApiError(
          'unavailable',
          `Updating the database to version ${version} (${migration.name}) failed: ${detail}. Nothing was changed.`,
        );
      }
    }
    raw.pragma(`application_id = ${APPLICATION_ID}`);
    raw.pragma(`user_version = ${latestVersion}`);
  });
  run.exclusive();
}

function ensureDeviceId(raw: SqliteDatabase): string {
  const row = raw.prepare(`SELECT value FROM app_meta WHERE key = 'device_id'`).get() as
    { value: string } | undefined;
  if (row) return row.value;
  // Short but unique enough to tell this install's changes from any other's.
  const id = uuidv7().replace(/-/g, '').slice(-16);
  raw.prepare(`INSERT INTO app_meta (key, value) VALUES ('device_id', ?)`).run(id);
  return id;
}
