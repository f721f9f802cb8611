import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3-multiple-ciphers';
import type { DatabaseKey } from './database-key';
import { keyPragmas } from './driver';

/*
 * Two checks of the file, so opening stays fast at any size.
 *
 * At open, a structural check: the header's page count fits the file, the
 * schema parses, and every table answers its first row. It reads a
 * few pages per table, so it costs the same at 300 customers as at 200,000,
 * and it catches a truncated file, a damaged schema or a damaged root page.
 *
 * In the background, the full `PRAGMA integrity_check` on its own read-only
 * connection in its own thread, a little after opening and then once a day
 * while the app stays open. It reads every page, which takes seconds on a
 * large file, so it must never sit between the user and the first screen.
 *
 * The rule if it fails: the database is marked damaged for the rest of the
 * session. Every save is refused with a message saying why and what to do
 * (restore the latest backup), the window shows that message on every
 * screen, and reading goes on so that nothing the user can still see is
 * hidden from them. Nothing is written to the file, not even the result.
 */

/** Throws, saying what is wrong, if the file's structure is broken. */
export function structuralCheck(db: Database.Database, path: string): void {
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const pageCount = db.pragma('page_count', { simple: true }) as number;
  const size = statSync(path).size;
  let walSize = 0;
  try {
    walSize = statSync(`${path}-wal`).size;
  } catch {
    // No write-ahead log beside the file: everything is in the file itself.
  }
  // Pages still in the write-ahead log may extend the database past the file.
  if (pageCount * pageSize > size + walSize) {
    throw new Error(
      `the file is shorter than its header says (${size} bytes, ${pageCount} pages of ${pageSize})`,
    );
  }
  const tables = db
    .prepare(
      `SELECT name FROM sqlite_master
       WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%'`,
    )
    .pluck()
    .all() as string[];
  // Full-text search is checked through its shadow tables, which are listed here too.
  for (const name of tables)
    db.prepare(`SELECT * FROM "${name.replace(/"/g, '""')}" LIMIT 1`).all();
}

// Plain JavaScript, so the same check runs from the built app, the CLI and the tests.
const CHECK_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
let db;
try {
  db = new Database(workerData.path, { readonly: true, fileMustExist: true });
  // The key before anything else (see driver.ts).
  for (const pragma of workerData.keyPragmas) db.pragma(pragma);
  const rows = db.pragma('integrity_check(20)', { simple: false });
  const messages = rows.map((r) => Object.values(r)[0]);
  parentPort.postMessage(
    messages.length === 1 && messages[0] === 'ok' ? { ok: true } : { ok: false, detail: messages.join('; ') },
  );
} catch (error) {
  const detail = String(error && error.message ? error.message : error);
  const code = String((error && error.code) || '');
  // Only SQLite saying the file is damaged counts as damage; anything else is "not checked".
  const damaged = code.startsWith('SQLITE_CORRUPT') || code.startsWith('SQLITE_NOTADB');
  parentPort.postMessage(damaged ? { ok: false, detail } : { ok: true, unchecked: detail });
} finally {
  if (db) db.close();
}
`;

/** `unchecked` says why no verdict was reached (the check itself could not run). */
export type IntegrityOutcome = { ok: true; unchecked?: string } | { ok: false; detail: string };

/** The full check, in another thread on its own connection; never rejects. */
export function runIntegrityCheck(
  path: string,
  key: DatabaseKey,
): { done: Promise<IntegrityOutcome>; stop(): void } {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3-multiple-ciphers');
  const worker = new Worker(CHECK_SOURCE, {
    eval: true,
    workerData: { path, driver, keyPragmas: keyPragmas(key) },
  });
  const done = new Promise<IntegrityOutcome>((resolve) => {
    worker.once('message', (outcome: IntegrityOutcome) => resolve(outcome));
    worker.once('error', (error) => resolve({ ok: true, unchecked: error.message }));
    // Stopped before it answered (the app closed): no verdict either way.
    worker.once('exit', () => resolve({ ok: true, unchecked: 'stopped' }));
  });
  void done.then(() => worker.terminate());
  return { done, stop: () => void worker.terminate() };
}
