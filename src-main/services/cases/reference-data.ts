import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import bundledHolidays from '../../../resources/bank-holidays.json';
import bundledCode from '../../../resources/complaint-handling-code.json';
import { ApiError } from '../../../src-shared/errors';
import {
  calendarFrom,
  parseBankHolidays,
  type BankHolidayCalendar,
} from '../../../src-shared/rules/bank-holidays';
import {
  parseCodeProvisions,
  type CodeProvisions,
} from '../../../src-shared/rules/code-provisions';
import type { AppContext } from '../context';

/*
 * Bank holidays and the Code's provisions ship with the app and can be
 * replaced by the user with a newer file, which is kept in the app's data
 * folder. A replacement is checked before it is saved, so the app never
 * runs on a bad file.
 */

const HOLIDAYS_FILE = 'bank-holidays.json';
const CODE_FILE = 'complaint-handling-code.json';

const bundledCalendar = calendarFrom(bundledHolidays);
const bundledProvisions = (() => {
  const r = parseCodeProvisions(bundledCode);
  if (!r.ok)
    throw new Error(`The bundled Complaint Handling Code file is not valid: ${r.errors.join(' ')}`);
  return r.code;
})();

const cache = new Map<string, { mtimeMs: number; value: unknown }>();

function loadOverride<T>(path: string, parse: (data: unknown) => T | null): T | null {
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

export function bankHolidays(ctx: Pick<AppContext, 'dataDir'>): BankHolidayCalendar {
  const override = loadOverride(join(ctx.dataDir, HOLIDAYS_FILE), (data) => {
    const r = parseBankHolidays(data);
    return r.ok ? r.calendar : null;
  });
  return override ?? bundledCalendar;
}

export function codeProvisions(ctx: Pick<AppContext, 'dataDir'>): CodeProvisions {
  const override = loadOverride(join(ctx.dataDir, CODE_FILE), (data) => {
    const r = parseCodeProvisions(data);
    return r.ok ? r.code : null;
  });
  return override ?? bundledProvisions;
}

function parseJsonText(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw ApiError.invalid(`This is not a JSON file, so it cannot be the ${what}.`, [
      { path: 'content', message: 'Not JSON.' },
    ]);
  }
}

/** Saves a newer bank holiday file (the government's JSON) after checking it. */
export function replaceBankHolidays(
  ctx: Pick<AppContext, 'dataDir'>,
  text: string,
): { firstYear: number; lastYear: number; count: number } {
  const r = parseBankHolidays(parseJsonText(text, 'bank holiday file'));
  if (!r.ok) {
    throw ApiError.invalid(
      'The bank holiday file has problems and was not loaded.',
      r.errors.slice(0, 20).map((message) => ({ path: 'content', message })),
    );
  }
  writeFileSync(join(ctx.dataDir, HOLIDAYS_FILE), text);
  return {
    firstYear: r.calendar.firstYear,
    lastYear: r.calendar.lastYear,
    count: r.calendar.dates.size,
  };
}

export function replaceCodeProvisions(
  ctx: Pick<AppContext, 'dataDir'>,
  text: string,
): { version: string; count: number } {
  const r = parseCodeProvisions(parseJsonText(text, 'Complaint Handling Code file'));
  if (!r.ok) {
    throw ApiError.invalid(
      'The Code file has problems and was not loaded.',
      r.errors.slice(0, 20).map((message) => ({ path: 'content', message })),
    );
  }
  writeFileSync(join(ctx.dataDir, CODE_FILE), text);
  return { version: r.code.version, count: r.code.provisions.length };
}
