import { describe, expect, it } from 'vitest';
import type { BankHolidayCalendar } from '../../../src-shared/rules/bank-holidays';
import { planThreeDays } from '../../../src-shared/rules/task-and-finish';

const holidays: BankHolidayCalendar = {
  dates: new Set(['2026-12-25', '2026-12-28']),
  events: [],
  firstYear: 2026,
  lastYear: 2026,
};

describe('planning a task & finish group’s three days', () => {
  it('puts day 1 on the first working day, day 3 on the last and day 2 halfway', () => {
    // 2 to 27 November 2026: 20 working days; halfway (ceil 19/2 = 10) is 16 November.
    expect(planThreeDays('2026-11-02', '2026-11-27', holidays)).toEqual({
      ok: true,
      plan: {
        day1: '2026-11-02',
        commentsOpen: '2026-11-03',
        commentsClose: '2026-11-15',
        day2: '2026-11-16',
        day3: '2026-11-27',
      },
    });
  });

  it('skips weekends and bank holidays at either end', () => {
    // Saturday 19 December to Tuesday 29 December: working days 21–24 and 29.
    const r = planThreeDays('2026-12-19', '2026-12-29', holidays);
    expect(r).toMatchObject({ ok: true, plan: { day1: '2026-12-21', day3: '2026-12-29' } });
    if (r.ok) expect(r.plan.day2).toBe('2026-12-23');
  });

  it('needs four working days, so a comment window fits between day 1 and day 2', () => {
    expect(planThreeDays('2026-11-02', '2026-11-05', holidays)).toMatchObject({
      ok: true,
      plan: {
        day1: '2026-11-02',
        commentsOpen: '2026-11-03',
        commentsClose: '2026-11-03',
        day2: '2026-11-04',
        day3: '2026-11-05',
      },
    });
    expect(planThreeDays('2026-11-02', '2026-11-04', holidays)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/at least four working days/),
    });
    expect(planThreeDays('2026-11-06', '2026-11-09', holidays).ok).toBe(false);
  });

  it('refuses an end before the start', () => {
    expect(planThreeDays('2026-11-10', '2026-11-02', holidays)).toEqual({
      ok: false,
      message: 'The end date is before the start date.',
    });
  });
});
