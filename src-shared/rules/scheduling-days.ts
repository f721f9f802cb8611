import type { BankHolidayCalendar } from './bank-holidays';
import { coversDate, isWeekend, readableDate } from './working-days';

/**
 * A hearing or meeting set on a weekend or a bank holiday is allowed (a
 * community event may well be on a Saturday) but is usually a slip, so the
 * screen says so when the date is chosen rather than refusing it.
 */
export function dayNotice(iso: string, calendar: BankHolidayCalendar): string | null {
  const day = iso.slice(0, 10);
  const holiday = calendar.events.find((e) => e.date === day);
  if (holiday)
    return `${readableDate(day)} is a bank holiday (${holiday.title}). Check that this is the day you mean.`;
  if (isWeekend(day)) {
    const name = new Date(`${day}T12:00:00Z`).getUTCDay() === 0 ? 'Sunday' : 'Saturday';
    return `${readableDate(day)} is a ${name}. Check that this is the day you mean.`;
  }
  if (!coversDate(day, calendar))
    return `The bank holiday list does not cover ${day.slice(0, 4)} yet, so this date could not be checked against bank holidays.`;
  return null;
}
