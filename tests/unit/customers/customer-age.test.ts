import { describe, expect, it } from 'vitest';
import {
  ageBandFor,
  ageOn,
  dateOfBirthProblem,
  isYoungVoicesAge,
} from '../../../src-shared/rules/customer-age';

describe('age from date of birth', () => {
  it('counts a birthday only once it has come', () => {
    expect(ageOn('2000-06-15', '2026-06-14')).toBe(25);
    expect(ageOn('2000-06-15', '2026-06-15')).toBe(26);
    expect(ageOn('2000-06-15', '2026-12-31')).toBe(26);
    expect(ageOn('2000-12-31', '2026-01-01')).toBe(25);
  });

  it('treats a 29 February birthday as 1 March in other years', () => {
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageOn('2008-02-29', '2026-03-01')).toBe(18);
    expect(ageOn('2008-02-29', '2028-02-29')).toBe(20);
  });
});

describe('date of birth sanity', () => {
  const today = '2026-11-23';
  it('accepts 10 on their tenth birthday and not the day before', () => {
    expect(dateOfBirthProblem('2016-11-23', today)).toBeNull();
    expect(dateOfBirthProblem('2016-11-24', today)).toMatch(/that makes them 9/i);
  });
  it('accepts 110 and refuses 111', () => {
    expect(dateOfBirthProblem('1916-11-23', today)).toBeNull();
    expect(dateOfBirthProblem('1915-11-23', today)).toMatch(/check the year/);
  });
  it('refuses the future', () => {
    expect(dateOfBirthProblem('2026-11-24', today)).toMatch(/future/);
  });
});

describe('age bands', () => {
  it.each([
    [10, '10_15'],
    [15, '10_15'],
    [16, '16_24'],
    [24, '16_24'],
    [25, '25_34'],
    [64, '55_64'],
    [65, '65_74'],
    [74, '65_74'],
    [75, '75_plus'],
    [104, '75_plus'],
  ] as const)('puts %i in %s', (age, band) => {
    expect(ageBandFor(age)).toBe(band);
  });

  it('keeps Young Voices to 10–24', () => {
    expect(isYoungVoicesAge(9)).toBe(false);
    expect(isYoungVoicesAge(10)).toBe(true);
    expect(isYoungVoicesAge(24)).toBe(true);
    expect(isYoungVoicesAge(25)).toBe(false);
  });
});
