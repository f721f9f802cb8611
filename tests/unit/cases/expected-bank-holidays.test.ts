import { describe, expect, it } from 'vitest';
import {
  bankHolidayListNotice,
  easterSunday,
  expectedBankHolidays,
  isBankHoliday,
  type BankHolidayEvent,
} from '../../../src-shared/rules/bank-holidays';
import { checkInternalStages } from '../../../src-shared/rules/complaint-code';
import { defaultPanelStandards, panelDeadlines } from '../../../src-shared/rules/panel-standards';
import {
  addWorkingDays,
  isWorkingDay,
  usesExpectedHolidays,
  workingDaysBetween,
} from '../../../src-shared/rules/working-days';
import { calendar } from './calendar';

const on = (events: BankHolidayEvent[]) => events.map((e) => `${e.date} ${e.title}`);
const noted = (events: BankHolidayEvent[]) =>
  events.map((e) => `${e.date} ${e.title}${e.notes ? ` (${e.notes})` : ''}`);

describe('Easter Sunday', () => {
  it('matches the published dates, including the earliest and latest it can fall', () => {
    const known: [number, string][] = [
      [1818, '1818-03-22'], // earliest possible date
      [1943, '1943-04-25'], // latest possible date
      [2000, '2000-04-23'],
      [2008, '2008-03-23'],
      [2011, '2011-04-24'],
      [2019, '2019-04-21'],
      [2024, '2024-03-31'],
      [2025, '2025-04-20'],
      [2026, '2026-04-05'],
      [2029, '2029-04-01'],
      [2030, '2030-04-21'],
      [2038, '2038-04-25'],
      [2285, '2285-03-22'],
    ];
    for (const [year, date] of known) expect(easterSunday(year), String(year)).toBe(date);
  });
});

describe('expected bank holidays against the official list', () => {
  /*
   * One-off holidays come only from the official list: the rule cannot know
   * them. These are every difference in the years the bundled list covers.
   */
  const onlyOfficial = [
    '2020-05-08 Early May bank holiday (VE day)', // moved from Monday 4 May
    '2022-06-02 Spring bank holiday', // moved from Monday 30 May for the Platinum Jubilee
    '2022-06-03 Platinum Jubilee bank holiday',
    '2022-09-19 Bank Holiday for the State Funeral of Queen Elizabeth II',
    '2023-05-08 Bank holiday for the coronation of King Charles III',
  ];
  const onlyExpected = ['2020-05-04 Early May bank holiday', '2022-05-30 Spring bank holiday'];

  it('reproduces every regular holiday in the bundled list, with its substitute day', () => {
    expect(calendar.firstYear).toBe(2018);
    const official: BankHolidayEvent[] = [];
    const expected: BankHolidayEvent[] = [];
    for (let year = calendar.firstYear; year <= calendar.lastYear; year++) {
      official.push(...calendar.events.filter((e) => e.date.startsWith(`${year}-`)));
      expected.push(...expectedBankHolidays(year));
    }
    const officialKeys = new Set(noted(official));
    const expectedKeys = new Set(noted(expected));
    expect(noted(official).filter((k) => !expectedKeys.has(k))).toEqual(onlyOfficial);
    expect(noted(expected).filter((k) => !officialKeys.has(k))).toEqual(onlyExpected);
  });

  it('gives eight holidays a year, in date order', () => {
    for (let year = 2018; year <= 2060; year++) {
      const events = expectedBankHolidays(year);
      expect(events).toHaveLength(8);
      const dates = events.map((e) => e.date);
      expect([...dates].sort()).toEqual(dates);
      for (const d of dates) expect(isWorkingDay(d, { ...calendar, lastYear: 2017 })).toBe(false);
    }
  });

  it('works out each regular holiday for a year past the list', () => {
    expect(on(expectedBankHolidays(2029))).toEqual([
      '2029-01-01 New Year’s Day',
      '2029-03-30 Good Friday',
      '2029-04-02 Easter Monday',
      '2029-05-07 Early May bank holiday',
      '2029-05-28 Spring bank holiday',
      '2029-08-27 Summer bank holiday',
      '2029-12-25 Christmas Day',
      '2029-12-26 Boxing Day',
    ]);
  });

  it('takes the first Monday of May and the last Mondays of May and August, even on the 1st or 31st', () => {
    const dates = (year: number) => expectedBankHolidays(year).map((e) => e.date);
    expect(dates(2028)).toContain('2028-05-01'); // 1 May is a Monday
    expect(dates(2033)).toContain('2033-05-30'); // May 31 is a Tuesday: the Monday before
    expect(dates(2027)).toContain('2027-05-31'); // 31 May is a Monday
    expect(dates(2026)).toContain('2026-08-31'); // 31 August is a Monday
    expect(dates(2032)).toContain('2032-08-30'); // 31 August is a Tuesday
  });

  it('moves New Year’s Day on a weekend to the Monday', () => {
    const newYear = (year: number) => noted(expectedBankHolidays(year))[0];
    expect(newYear(2033)).toBe('2033-01-03 New Year’s Day (Substitute day)'); // Saturday
    expect(newYear(2034)).toBe('2034-01-02 New Year’s Day (Substitute day)'); // Sunday
    expect(newYear(2035)).toBe('2035-01-01 New Year’s Day'); // Monday
  });

  it('moves Christmas and Boxing Day off the weekend as the official list does', () => {
    const christmas = (year: number) => noted(expectedBankHolidays(year)).slice(-2);
    // Christmas on a Friday: Boxing Day (Saturday) moves to Monday 28th.
    expect(christmas(2037)).toEqual([
      '2037-12-25 Christmas Day',
      '2037-12-28 Boxing Day (Substitute day)',
    ]);
    // Christmas on a Saturday: Monday 27th and Tuesday 28th.
    expect(christmas(2032)).toEqual([
      '2032-12-27 Christmas Day (Substitute day)',
      '2032-12-28 Boxing Day (Substitute day)',
    ]);
    // Christmas on a Sunday: Boxing Day keeps Monday 26th, Christmas moves to Tuesday 27th.
    expect(christmas(2033)).toEqual([
      '2033-12-26 Boxing Day',
      '2033-12-27 Christmas Day (Substitute day)',
    ]);
    // Christmas on a Monday or a Thursday: no substitutes.
    expect(christmas(2034)).toEqual(['2034-12-25 Christmas Day', '2034-12-26 Boxing Day']);
    expect(christmas(2036)).toEqual(['2036-12-25 Christmas Day', '2036-12-26 Boxing Day']);
  });
});

describe('working days past the list', () => {
  it('uses the official list where it covers the year and the rule beyond it', () => {
    expect(isBankHoliday('2023-05-08', calendar)).toBe(true); // the coronation: official only
    expect(isBankHoliday('2029-01-01', calendar)).toBe(true);
    expect(isBankHoliday('2029-03-30', calendar)).toBe(true);
    expect(isWorkingDay('2029-04-02', calendar)).toBe(false);
    expect(isWorkingDay('2029-04-03', calendar)).toBe(true);
    // Fri 21 Dec 2029 + 3: Christmas and Boxing Day are skipped.
    expect(addWorkingDays('2029-12-21', 3, calendar)).toBe('2029-12-28');
    expect(workingDaysBetween('2029-03-29', '2029-04-03', calendar)).toBe(1);
  });

  it('says when a count went through a year the list does not cover', () => {
    expect(usesExpectedHolidays('2028-12-01', '2028-12-29', calendar)).toBe(false);
    expect(usesExpectedHolidays('2028-12-20', '2029-01-04', calendar)).toBe(true);
    expect(usesExpectedHolidays('2029-01-04', '2028-12-20', calendar)).toBe(true);
    expect(usesExpectedHolidays('2017-12-20', '2018-01-04', calendar)).toBe(true);
  });

  it('marks a panel deadline that falls past the list', () => {
    const dates = {
      referredOn: '2028-12-27',
      acceptedOn: null,
      declinedOn: null,
      hearingOn: null,
      heardOn: null,
      decisionOn: null,
    };
    const [eligibility] = panelDeadlines(
      dates,
      'referred',
      defaultPanelStandards,
      '2028-12-27',
      calendar,
    );
    // Thu 28, Fri 29 Dec, then Tue 2 to Thu 4 Jan 2029 (New Year's Day is expected on Mon 1).
    expect(eligibility).toMatchObject({ due: '2029-01-04', expectedHolidays: true });
    const [earlier] = panelDeadlines(
      { ...dates, referredOn: '2028-11-01' },
      'referred',
      defaultPanelStandards,
      '2028-11-01',
      calendar,
    );
    expect(earlier!.expectedHolidays).toBe(false);
    // Decided in time but counted into 2029 by today's date: still marked.
    const [late] = panelDeadlines(
      { ...dates, referredOn: '2028-12-01' },
      'referred',
      defaultPanelStandards,
      '2029-01-05',
      calendar,
    );
    expect(late).toMatchObject({ due: '2028-12-08', state: 'overdue', expectedHolidays: true });
  });

  it('marks the Code’s deadlines and findings that depend on expected holidays', () => {
    const stage = { received: null, acknowledged: null, responded: null, extensionDays: 0 };
    const check = checkInternalStages(
      {
        stage1: { ...stage, received: '2028-12-18', acknowledged: '2028-12-20' },
        stage2: stage,
        stage2DifferentHandler: null,
      },
      '2029-01-24',
      calendar,
    );
    const [ack, respond] = check.milestones;
    // Mon 18 Dec 2028 + 5: 19 to 22, then 27 (Christmas Day and Boxing Day are 25 and 26).
    expect(ack).toMatchObject({ due: '2028-12-27', status: 'met', expectedHolidays: false });
    expect(ack!.basis).toBe('5 working days after receipt');
    // 20 Dec + 10: 21, 22, 27, 28, 29 Dec, then 2 to 5 Jan 2029 (1 Jan expected) and 8 Jan.
    expect(respond).toMatchObject({ due: '2029-01-08', status: 'overdue', expectedHolidays: true });
    expect(respond!.basis).toBe(
      '10 working days after acknowledgement (based on expected bank holidays)',
    );
    expect(check.findings.map((f) => f.message)).toContain(
      'Stage 1 response is overdue by 12 working days (due 8 Jan 2029, based on expected bank holidays).',
    );
  });
});

describe('telling the administrator the list is running out', () => {
  it('says nothing until six months before the list runs out', () => {
    expect(bankHolidayListNotice(calendar, '2028-06-30')).toBeNull();
  });

  it('says when it runs out and how to load a newer one', () => {
    const soon = bankHolidayListNotice(calendar, '2028-07-01');
    expect(soon).toMatchObject({ level: 'soon', coversTo: '2028-12-31' });
    expect(soon!.message).toMatch(/^The bank holiday list runs out on 31 Dec 2028\./);
    expect(soon!.howToUpdate).toContain('gov.uk/bank-holidays.json');
    expect(bankHolidayListNotice(calendar, '2028-12-31')!.level).toBe('soon');
  });

  it('keeps saying so after it has run out', () => {
    const ended = bankHolidayListNotice(calendar, '2029-01-01');
    expect(ended).toMatchObject({ level: 'ended', coversTo: '2028-12-31' });
    expect(ended!.message).toMatch(/^The bank holiday list ran out on 31 Dec 2028\./);
  });
});
