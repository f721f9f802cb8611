import { describe, expect, it } from 'vitest';
import {
  seriesDates,
  seriesFrequencyLabel,
  type SeriesDate,
} from '../../../src-shared/rules/meeting-series';
import { calendar } from '../cases/calendar';

const on = (dates: SeriesDate[]) => dates.map((d) => d.on);

describe('the dates of a series of meetings', () => {
  it('monthly on the same weekday for a year: a bank holiday Monday moves to the Tuesday', () => {
    // First Monday of each month from January 2026: 4 May (Early May bank holiday) moves.
    const plan = seriesDates('2026-01-05', 'monthly_weekday', 12, calendar);
    expect(on(plan.dates)).toEqual([
      '2026-01-05',
      '2026-02-02',
      '2026-03-02',
      '2026-04-07', // 6 April is Easter Monday
      '2026-05-05', // 4 May is the Early May bank holiday
      '2026-06-01',
      '2026-07-06',
      '2026-08-03',
      '2026-09-07',
      '2026-10-05',
      '2026-11-02',
      '2026-12-07',
    ]);
    expect(plan.dates[4]).toEqual({
      on: '2026-05-05',
      movedFrom: '2026-05-04',
      movedBecause: 'Early May bank holiday',
    });
    expect(plan.uncoveredYears).toEqual([]);
  });

  it('moves over Christmas to the next working day, past both holidays and the weekend', () => {
    // Fourth Friday in December 2026 is Christmas Day; Monday 28th is Boxing Day (substitute).
    const plan = seriesDates('2026-11-27', 'monthly_weekday', 2, calendar);
    expect(plan.dates[1]).toEqual({
      on: '2026-12-29',
      movedFrom: '2026-12-25',
      movedBecause: 'Christmas Day',
    });
  });

  it('takes a fifth weekday as the last of the month', () => {
    // 30 December 2026 is the fifth (and last) Wednesday; January's last is the 27th.
    const plan = seriesDates('2026-12-30', 'monthly_weekday', 3, calendar);
    expect(on(plan.dates)).toEqual(['2026-12-30', '2027-01-27', '2027-02-24']);
  });

  it('monthly on the same date: the 31st becomes the month end, a weekend the Monday', () => {
    const plan = seriesDates('2026-03-31', 'monthly_date', 4, calendar);
    // 30 April (Thu), 31 May (Sun) → 1 June, 30 June (Tue).
    expect(on(plan.dates)).toEqual(['2026-03-31', '2026-04-30', '2026-06-01', '2026-06-30']);
    expect(plan.dates[2]).toMatchObject({ movedFrom: '2026-05-31', movedBecause: 'Sunday' });
  });

  it('weekly and fortnightly keep their weekday, moving only off holidays', () => {
    expect(on(seriesDates('2026-05-18', 'weekly', 3, calendar).dates)).toEqual([
      '2026-05-18',
      '2026-05-26', // Spring bank holiday
      '2026-06-01',
    ]);
    expect(on(seriesDates('2026-12-14', 'fortnightly', 3, calendar).dates)).toEqual([
      '2026-12-14',
      '2026-12-29', // Monday 28th is the Boxing Day holiday
      '2027-01-11',
    ]);
  });

  it('leaves a weekend series on its days', () => {
    expect(on(seriesDates('2026-01-03', 'monthly_weekday', 3, calendar).dates)).toEqual([
      '2026-01-03',
      '2026-02-07',
      '2026-03-07',
    ]);
  });

  it('says which years the bank holiday list does not cover', () => {
    const plan = seriesDates('2028-06-05', 'monthly_weekday', 12, calendar);
    expect(plan.uncoveredYears).toEqual([2029]);
  });

  it('refuses a series of no meetings or more than a year of weekly ones', () => {
    expect(() => seriesDates('2026-01-05', 'weekly', 0, calendar)).toThrow(/1 to 52/);
    expect(() => seriesDates('2026-01-05', 'weekly', 53, calendar)).toThrow(/1 to 52/);
    expect(seriesDates('2026-01-05', 'weekly', 52, calendar).dates).toHaveLength(52);
  });

  it('describes the frequency in words', () => {
    expect(seriesFrequencyLabel('monthly_weekday', '2026-01-13')).toBe('Monthly, second Tuesday');
    expect(seriesFrequencyLabel('monthly_weekday', '2026-12-30')).toBe('Monthly, last Wednesday');
    expect(seriesFrequencyLabel('weekly', '2026-01-13')).toBe('Weekly, Tuesdays');
    expect(seriesFrequencyLabel('fortnightly', '2026-01-13')).toBe('Fortnightly, Tuesdays');
    expect(seriesFrequencyLabel('monthly_date', '2026-01-13')).toBe('Monthly, on the 13th');
    expect(seriesFrequencyLabel('monthly_date', '2026-01-01')).toBe('Monthly, on the 1st');
    expect(seriesFrequencyLabel('monthly_date', '2026-01-22')).toBe('Monthly, on the 22nd');
    expect(seriesFrequencyLabel('monthly_date', '2026-01-11')).toBe('Monthly, on the 11th');
  });
});
