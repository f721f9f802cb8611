import type Database from 'better-sqlite3-multiple-ciphers';

/**
 * Keeps the query planner's statistics current. Without them SQLite guesses
 * every table is small, and at ten years of data it picks scans and sorts
 * where an index would do (the tracker's counts, Home's badges).
 *
 * `analysis_limit` bounds each table's analysis to a sample, so this costs
 * milliseconds even on a large file; `PRAGMA optimize` only re-analyses
 * tables whose size has changed a lot since their last analysis, so running
 * it again after ordinary use is close to free. It runs after opening (with
 * 0x10002: analyse any table never analysed, as a fresh or migrated file is)
 * and after bulk work (imports, demo loads) with the plain form.
 */
export function optimiseDatabase(raw: Database.Database, afterOpen = false): void {
  raw.pragma('analysis_limit = 1000');
  raw.pragma(afterOpen ? 'optimize = 0x10002' : 'optimize');
}
