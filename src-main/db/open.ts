import { existsSync, mkdirSync, openSync, readSync, closeSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { ApiError } from '../../src-shared/errors';
import { backupDatabase } from './backup';
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
  raw: Database.Database;
  path: string;
  deviceId: string;
  /** The backup taken before migrating, if one was needed. */
  migrationBackup: string | null;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Where pre-migration backups go; defaults to `backups/` beside the database. */
  backupDir?: string;
  now?: () => Date;
  /** The schema's history; tests pass their own to prove failure handling. */
  migrations?: readonly Migration[];
}

export function defaultBackupDir(dbPath: string): string {
  return join(dirname(dbPath), 'backups');
}

/**
 * Opens (creating if need be) the app's database and brings it to the latest
 * schema. A file that is not ours, is damaged, or was written by a newer
 * version is refused and left exactly as it was.
 */
export async function openDatabase(
  path: string,
  options: OpenOptions = {},
): Promise<OpenedDatabase> {
  const now = options.now ?? (() => new Date());
  const migrations = options.migrations ?? appMigrations;
  const found = inspectFile(path, migrations.length);

  mkdirSync(dirname(path), { recursive: true });
  const raw = new Database(path);
  let migrationBackup: string | null = null;
  try {
    raw.pragma('journal_mode = WAL');
    // FULL: a save the user saw confirmed survives a power cut.
    raw.pragma('synchronous = FULL');
    raw.pragma('foreign_keys = ON');
    raw.pragma('busy_timeout = 5000');
    // A larger page cache than SQLite's 2 MB default: at ten years of data
    // the register's indexes and the attendance table are hundreds of MB,
    // and the screens' queries revisit the same pages call after call.
    raw.pragma('cache_size = -65536');
    raw.pragma('temp_store = MEMORY');

    if (found.version < migrations.length) {
      if (found.version > 0) {
        const dir = options.backupDir ?? defaultBackupDir(path);
        const stamp = now().toISOString().replace(/[:.]/g, '-');
        migrationBackup = join(
          dir,
          `${basename(path, '.sqlite')}-v${found.version}-before-migration-${stamp}.sqlite`,
        );
        await backupDatabase(raw, migrationBackup);
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

interface FileFacts {
  version: number;
}

/** Reads what the file is without writing a byte to it. */
export function inspectFile(path: string, latestVersion = appMigrations.length): FileFacts {
  if (!existsSync(path)) return { version: 0 };
  // An empty file where the database should be is a copy or a save cut
  // short, not a new install: opening it as new would bury what was lost.
  if (statSync(path).size === 0)
    throw new ApiError(
      'unavailable',
      `${path} is empty (0 bytes): it may have been cut short by a failed copy or a full disk. It has been left untouched and is not opened as a new database. Restore the newest backup (in ${defaultBackupDir(path)}), or remove the empty file to start afresh.`,
    );

  const header = Buffer.alloc(16);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, header, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  if (header.toString('latin1') !== SQLITE_HEADER) {
    throw new ApiError(
      'unavailable',
      `${path} is not an Involvement Desk database: it is not a SQLite file. It has been left untouched.`,
    );
  }

  let probe: Database.Database | undefined;
  try {
    probe = new Database(path, { readonly: true, fileMustExist: true });
    const version = probe.pragma('user_version', { simple: true }) as number;
    const appId = probe.pragma('application_id', { simple: true }) as number;
    const tables = probe.prepare(`SELECT count(*) AS n FROM sqlite_master`).get() as { n: number };
    if (appId !== APPLICATION_ID && (appId !== 0 || tables.n > 0)) {
      throw new ApiError(
        'unavailable',
        `${path} is a database of another program, not of Involvement Desk. It has been left untouched.`,
      );
    }
    if (version > latestVersion) {
      throw new ApiError(
        'unavailable',
        `This database was saved by a newer version of Involvement Desk (data version ${version}; this version reads up to ${latestVersion}). Install the newer version to open it. The file has been left untouched.`,
      );
    }
    // The full check reads every page (seconds on a large file): it runs in
    // the background after opening instead (see integrity.ts).
    structuralCheck(probe, path);
    return { version };
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw corrupt(path, error instanceof Error ? error.message : String(error));
  } finally {
    probe?.close();
  }
}

function corrupt(path: string, detail: string): ApiError {
  return new ApiError(
    'unavailable',
    `${path} is damaged and cannot be opened safely (${detail}). It has been left untouched: restore the latest backup.`,
  );
}

function migrate(raw: Database.Database, from: number, migrations: readonly Migration[]): void {
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

function ensureDeviceId(raw: Database.Database): string {
  const row = raw.prepare(`SELECT value FROM app_meta WHERE key = 'device_id'`).get() as
    { value: string } | undefined;
  if (row) return row.value;
  // Short but unique enough to tell this install's changes from any other's.
  const id = uuidv7().replace(/-/g, '').slice(-16);
  raw.prepare(`INSERT INTO app_meta (key, value) VALUES ('device_id', ?)`).run(id);
  return id;
}
