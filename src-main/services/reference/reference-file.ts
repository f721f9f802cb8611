import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApiError } from '../../../src-shared/errors';
import type { AppContext } from '../context';

/*
 * Reference files (the bank holidays, the Complaint Handling Code) ship with
 * the app and can be replaced by the user with a newer copy, kept in the
 * app's data folder. A replacement is checked before it is saved, so the app
 * never runs on a bad file; one that has gone bad on disk since is ignored
 * in favour of the bundled copy.
 */

const cache = new Map<string, { mtimeMs: number; value: unknown }>();

/** The parsed replacement for a bundled file, or null if there is none (or it no longer parses). */
export function loadReplacement<T>(
  ctx: Pick<AppContext, 'dataDir'>,
  fileName: string,
  parse: (data: unknown) => T | null,
): T | null {
  const path = join(ctx.dataDir, fileName);
  if (!existsSync(path)) return null;
  const mtimeMs = statSync(path).mtimeMs;
  const hit = cache.get(path);
  if (hit && hit.mtimeMs === mtimeMs) return hit.value as T | null;
  let value: T | null;
  try {
    value = parse(JSON.parse(readFileSync(path, 'utf8')));
  } catch {
    value = null;
  }
  cache.set(path, { mtimeMs, value });
  return value;
}

/** The text of a file the user chose, as JSON, with a clear error if it is not. */
export function parseJsonText(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw ApiError.invalid(`This is not a JSON file, so it cannot be the ${what}.`, [
      { path: 'content', message: 'Not JSON.' },
    ]);
  }
}

/** Refuses a replacement with its problems listed, so nothing bad is saved. */
export function refuseReplacement(message: string, errors: readonly string[]): never {
  throw ApiError.invalid(
    message,
    errors.slice(0, 20).map((m) => ({ path: 'content', message: m })),
  );
}

export function saveReplacement(
  ctx: Pick<AppContext, 'dataDir'>,
  fileName: string,
  text: string,
): void {
  writeFileSync(join(ctx.dataDir, fileName), text);
}
