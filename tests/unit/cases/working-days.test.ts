import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  coversDate,
  isWorkingDay,
  londonDate,
  workingDaysBetween,
} from '../../../src-shared/rules/working-days';
import { calendar } from './calendar';

describe('working days', () => {
  it('skips weekends', () => {
    expect(addWorkingDays('2025-01-10', 1, calendar)).toBe('2025-01-13'); // Fri → Mon
    expect(addWorkingDays('2025-01-11', 1, calendar)).toBe('2025-01-13'); // Sat → Mon
    expect(addWorkingDays('2025-01-12', 5, calendar)).toBe('2025-01-17'); // Sun + 5 → Fri
    expect(isWorkingDay('2025-01-11', calendar)).toBe(false);
    expect(isWorkingDay('2025-01-13', calendar)).toBe(true);
  });

  it('treats every bank holiday in the file as a non-working day', () => {
    for (const d of calendar.dates) {
      expect(isWorkingDay(d, calendar)).toBe(false);
      const before = addWorkingDays(d, -1, calendar);
      const after = addWorkingDays(before, 1, calendar);
      expect(after > d).toBe(true);
    }
  });

  it('skips Easter', () => {
    // Thu 17 April 2025 + 1: Good Friday, the weekend and Easter Monday are skipped.
    expect(addWorkingDays('2025-04-17', 1, calendar)).toBe('2025-04-22');
  });

  it('skips substitute days', () => {
    // Christmas 2021 fell on a Saturday: Mon 27 and Tue 28 December were the holidays.
    expect(isWorkingDay('2021-12-27', calendar)).toBe(false);
    expect(isWorkingDay('2021-12-28', calendar)).toBe(false);
    expect(addWorkingDays('2021-12-24', 1, calendar)).toBe('2021-12-29');
    // New Year 2022 fell on a Saturday: Monday 3 January was the holiday.
    expect(addWorkingDays('2021-12-31', 1, calendar)).toBe('2022-01-04');
  });

  it('counts Christmas to New Year across the year boundary', () => {
    // From Christmas Eve 2024 (Tue): 25, 26 Dec and 1 Jan are holidays, 28/29 Dec a weekend.
    expect(addWorkingDays('2024-12-24', 1, calendar)).toBe('2024-12-27');
    expect(addWorkingDays('2024-12-24', 2, calendar)).toBe('2024-12-30');
    expect(addWorkingDays('2024-12-24', 4, calendar)).toBe('2025-01-02');
    expect(workingDaysBetween('2024-12-20', '2025-01-03', calendar)).toBe(7);
    // 2026 into 2027: Christmas Fri, Boxing Day substitute Mon 28, New Year Fri.
    expect(addWorkingDays('2026-12-24', 4, calendar)).toBe('2027-01-04');
  });

  it('skips one-off holidays', () => {
    expect(addWorkingDays('2022-09-16', 1, calendar)).toBe('2022-09-20'); // state funeral Mon 19
    expect(addWorkingDays('2022-06-01', 1, calendar)).toBe('2022-06-06'); // jubilee Thu and Fri
    expect(addWorkingDays('2023-05-05', 1, calendar)).toBe('2023-05-09'); // coronation Mon 8
    expect(isWorkingDay('2020-05-04', calendar)).toBe(true); // moved to Fri 8 May that year
    expect(isWorkingDay('2020-05-08', calendar)).toBe(false);
  });

  it('adds 20 working days with an extension on top, over a bank holiday', () => {
    // Acknowledged Tue 1 April 2025; 20 working days crosses Good Friday, Easter Monday and Early May.
    const due = addWorkingDays('2025-04-01', 20, calendar);
    expect(due).toBe('2025-05-01');
    expect(addWorkingDays('2025-04-01', 20 + 20, calendar)).toBe('2025-06-02'); // +Spring bank holiday
    expect(workingDaysBetween('2025-04-01', '2025-06-02', calendar)).toBe(40);
  });

  it('is consistent between adding and counting, both directions', () => {
    for (const start of ['2018-01-01', '2020-12-24', '2022-05-31', '2028-12-22']) {
      for (const n of [0, 1, 5, 10, 20, 40]) {
        const end = addWorkingDays(start, n, calendar);
        expect(workingDaysBetween(start, end, calendar)).toBe(n);
        expect(workingDaysBetween(end, start, calendar)).toBe(n === 0 ? 0 : -n);
      }
    }
    expect(addWorkingDays('2025-01-13', -1, calendar)).toBe('2025-01-10');
  });

  it('refuses a fractional count and a non-date', () => {
    expect(() => addWorkingDays('2025-01-01', 1.5, calendar)).toThrow(/whole number/);
    expect(() => addWorkingDays('tomorrow', 1, calendar)).toThrow(/not a date/);
  });

  it('knows the years it covers and the London date of an instant', () => {
    expect(coversDate('2028-12-31', calendar)).toBe(true);
    expect(coversDate('2029-01-01', calendar)).toBe(false);
    // 23:30 UTC in British Summer Time is already the next day in London.
    expect(londonDate(new Date('2025-06-30T23:30:00Z'))).toBe('2025-07-01');
    expect(londonDate(new Date('2025-12-31T23:30:00Z'))).toBe('2025-12-31');
  });
});
