import { describe, expect, it } from 'vitest';
import { ombudsmanDeadlineLine, ombudsmanWindow } from '../../../src-shared/rules/ombudsman';
import { dayNotice } from '../../../src-shared/rules/scheduling-days';
import { readableDate } from '../../../src-shared/rules/working-days';
import { calendar } from './calendar';

describe('a day chosen for a hearing or meeting', () => {
  it('warns of bank holidays and weekends, and says nothing of a working day', () => {
    expect(dayNotice('2026-12-25', calendar)).toBe(
      '25 Dec 2026 is a bank holiday (Christmas Day). Check that this is the day you mean.',
    );
    expect(dayNotice('2026-12-05T10:00', calendar)).toBe(
      '5 Dec 2026 is a Saturday. Check that this is the day you mean.',
    );
    expect(dayNotice('2026-12-06', calendar)).toBe(
      '6 Dec 2026 is a Sunday. Check that this is the day you mean.',
    );
    expect(dayNotice('2026-12-07', calendar)).toBeNull();
  });

  it('says when the bank holiday list does not reach the year', () => {
    const year = calendar.lastYear + 1;
    // A Wednesday in a year the list does not cover.
    const day = [1, 2, 3, 4, 5, 6, 7]
      .map((d) => `${year}-01-0${d}`)
      .find((d) => ![0, 6].includes(new Date(`${d}T12:00:00Z`).getUTCDay()))!;
    expect(dayNotice(day, calendar)).toBe(
      `The bank holiday list does not cover ${year} yet, so this date could not be checked against bank holidays.`,
    );
  });
});

describe('the letter’s sentence about the Ombudsman’s 12 months', () => {
  it('gives the date by which the resident can still go, and that they can go now', () => {
    expect(ombudsmanDeadlineLine(ombudsmanWindow('2026-10-01', '2026-12-03'), readableDate)).toBe(
      'The landlord’s final response was sent on 1 Oct 2026. The Ombudsman normally expects a complaint within 12 months of it, so you can go to the Ombudsman until 1 Oct 2027, and you can go now.',
    );
  });

  it('says plainly when the 12 months have passed, or have not started', () => {
    expect(
      ombudsmanDeadlineLine(ombudsmanWindow('2025-10-01', '2026-12-03'), readableDate),
    ).toMatch(/ended on 1 Oct 2026\. You can still contact the Ombudsman/);
    expect(ombudsmanDeadlineLine(ombudsmanWindow(null, '2026-12-03'), readableDate)).toMatch(
      /^The Ombudsman normally expects a complaint within 12 months of the landlord’s final response at stage 2\. You do not need to wait/,
    );
  });
});
