import { describe, expect, it } from 'vitest';
import { parseBankHolidays } from '../../../src-shared/rules/bank-holidays';
import { bundledFile, calendar } from './calendar';

/** Anonymous Gregorian algorithm (Meeus/Jones/Butcher), independent of the file. */
function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function shift(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
function weekday(iso: string): number {
  return new Date(`${iso}T00:00:00Z`).getUTCDay();
}
function firstMonday(year: number, month: number): string {
  let d = `${year}-${String(month).padStart(2, '0')}-01`;
  while (weekday(d) !== 1) d = shift(d, 1);
  return d;
}
function lastMonday(year: number, month: number): string {
  let d = shift(`${year}-${String(month + 1).padStart(2, '0')}-01`, -1);
  while (weekday(d) !== 1) d = shift(d, -1);
  return d;
}
/** Christmas, Boxing Day and New Year with the substitute-day rule. */
function fixedWithSubstitutes(year: number): string[] {
  const out: string[] = [];
  const ny = `${year}-01-01`;
  out.push(weekday(ny) === 6 ? shift(ny, 2) : weekday(ny) === 0 ? shift(ny, 1) : ny);
  const xmas = `${year}-12-25`;
  const w = weekday(xmas);
  if (w === 5)
    out.push(xmas, shift(xmas, 3)); // Fri: Boxing Day Sat → Mon
  else if (w === 6)
    out.push(shift(xmas, 2), shift(xmas, 3)); // Sat: Mon and Tue
  else if (w === 0)
    out.push(shift(xmas, 1), shift(xmas, 2)); // Sun: Boxing Day Mon, Christmas Tue
  else out.push(xmas, shift(xmas, 1));
  return out;
}

const specials: Record<number, { remove: string[]; add: string[] }> = {
  2020: { remove: ['2020-05-04'], add: ['2020-05-08'] },
  2022: { remove: ['2022-05-30'], add: ['2022-06-02', '2022-06-03', '2022-09-19'] },
  2023: { remove: [], add: ['2023-05-08'] },
};

describe('the bundled England and Wales bank holidays', () => {
  for (let year = 2018; year <= 2028; year++) {
    it(`lists exactly the expected holidays for ${year}`, () => {
      const easter = easterSunday(year);
      let expected = [
        ...fixedWithSubstitutes(year),
        shift(easter, -2),
        shift(easter, 1),
        firstMonday(year, 5),
        lastMonday(year, 5),
        lastMonday(year, 8),
      ];
      const special = specials[year];
      if (special)
        expected = expected.filter((d) => !special.remove.includes(d)).concat(special.add);
      const actual = [...calendar.dates].filter((d) => d.startsWith(`${year}-`)).sort();
      expect(actual).toEqual(expected.sort());
    });
  }

  it('never puts a bank holiday on a weekend', () => {
    for (const d of calendar.dates) expect([0, 6]).not.toContain(weekday(d));
  });

  it('covers 2018 to 2028', () => {
    expect(calendar.firstYear).toBe(2018);
    expect(calendar.lastYear).toBe(2028);
  });

  it('has the shape the government publishes', () => {
    const file = bundledFile as Record<
      string,
      {
        division: string;
        events: { title: string; date: string; notes: string; bunting: boolean }[];
      }
    >;
    expect(file['england-and-wales']!.division).toBe('england-and-wales');
    const e = file['england-and-wales']!.events.find((x) => x.date === '2021-12-27')!;
    expect(e).toMatchObject({ title: 'Christmas Day', notes: 'Substitute day' });
    expect(typeof e.bunting).toBe('boolean');
  });
});

describe('reading a bank holiday file', () => {
  it('refuses something that is not the published file', () => {
    const r = parseBankHolidays({ hello: 'world' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.join(' ')).toMatch(/england-and-wales/);
  });

  it('names the event with a bad date', () => {
    const r = parseBankHolidays({
      'england-and-wales': {
        division: 'england-and-wales',
        events: [
          { title: 'New Year’s Day', date: '2029-01-01', notes: '', bunting: true },
          { title: 'Good Friday', date: '2029-02-30', notes: '', bunting: false },
        ],
      },
    });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.errors).toEqual([
        'England and Wales, event 2 (2029-02-30): This date does not exist in the calendar.',
      ]);
  });

  it('refuses a date listed twice and an empty list', () => {
    const twice = parseBankHolidays({
      'england-and-wales': {
        division: 'england-and-wales',
        events: [
          { title: 'A', date: '2029-01-01' },
          { title: 'B', date: '2029-01-01' },
        ],
      },
    });
    expect(twice.ok).toBe(false);
    if (!twice.ok) expect(twice.errors[0]).toMatch(/2029-01-01 is listed twice/);
    const empty = parseBankHolidays({
      'england-and-wales': { division: 'england-and-wales', events: [] },
    });
    expect(empty.ok).toBe(false);
    if (!empty.ok) expect(empty.errors[0]).toMatch(/no bank holidays/);
  });

  it('accepts a newer file and reports its years', () => {
    const r = parseBankHolidays({
      'england-and-wales': {
        division: 'england-and-wales',
        events: [{ title: 'New Year’s Day', date: '2030-01-01', notes: '', bunting: true }],
      },
    });
    expect(r.ok && r.calendar.firstYear).toBe(2030);
  });
});
