import bundledHolidays from '../../../resources/bank-holidays.json';
import {
  calendarFrom,
  parseBankHolidays,
  type BankHolidayCalendar,
} from '../../../src-shared/rules/bank-holidays';
import type { AppContext } from '../context';
import {
  loadReplacement,
  parseJsonText,
  refuseReplacement,
  saveReplacement,
} from './reference-file';

/*
 * England and Wales bank holidays for every area that counts working days
 * (complaint panel deadlines, task & finish days): the government's file as
 * shipped, or the newer copy the user loaded.
 */

const HOLIDAYS_FILE = 'bank-holidays.json';

const bundledCalendar = calendarFrom(bundledHolidays);

export function bankHolidays(ctx: Pick<AppContext, 'dataDir'>): BankHolidayCalendar {
  const replacement = loadReplacement(ctx, HOLIDAYS_FILE, (data) => {
    const r = parseBankHolidays(data);
    return r.ok ? r.calendar : null;
  });
  return replacement ?? bundledCalendar;
}

/** Saves a newer bank holiday file (the government's JSON) after checking it. */
export function replaceBankHolidays(
  ctx: Pick<AppContext, 'dataDir'>,
  text: string,
): { firstYear: number; lastYear: number; count: number } {
  const r = parseBankHolidays(parseJsonText(text, 'bank holiday file'));
  if (!r.ok) refuseReplacement('The bank holiday file has problems and was not loaded.', r.errors);
  saveReplacement(ctx, HOLIDAYS_FILE, text);
  return {
    firstYear: r.calendar.firstYear,
    lastYear: r.calendar.lastYear,
    count: r.calendar.dates.size,
  };
}
