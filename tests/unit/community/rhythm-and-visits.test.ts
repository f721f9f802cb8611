import { describe, expect, it } from 'vitest';
import {
  defaultRhythm,
  rhythmAttention,
  rhythmParts,
  rhythmPlan,
} from '../../../src-shared/rules/engagement-rhythm';
import {
  criteriaProgress,
  noneInLastTwelveMonths,
  oneYearAfter,
  supportVisitDue,
} from '../../../src-shared/rules/annual-contact';

describe('the Framework’s rhythm as due dates', () => {
  it('splits the financial year into halves and quarters, due on their last day', () => {
    expect(rhythmParts(2026, 2)).toEqual([
      { from: '2026-04-01', to: '2026-09-30' },
      { from: '2026-10-01', to: '2027-03-31' },
    ]);
    expect(rhythmParts(2026, 4).map((p) => p.to)).toEqual([
      '2026-06-30',
      '2026-09-30',
      '2026-12-31',
      '2027-03-31',
    ]);
    expect(rhythmParts(2027, 12)[10]).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(() => rhythmParts(2026, 5)).toThrow();
  });

  it('ships the Open Day twice a year and the video and newsletter quarterly', () => {
    expect(defaultRhythm.map((i) => [i.key, i.timesPerYear])).toEqual([
      ['open_day', 2],
      ['update_video', 4],
      ['newsletter', 4],
    ]);
  });

  it('marks each quarter done, overdue, due or upcoming', () => {
    const plan = rhythmPlan(
      { timesPerYear: 4 },
      ['2026-05-14', '2026-05-20', '2025-12-01'],
      '2026-11-23',
    );
    const thisYear = plan.slice(4);
    expect(thisYear.map((p) => [p.dueOn, p.state, p.deliveredOn])).toEqual([
      ['2026-06-30', 'done', '2026-05-14'],
      ['2026-09-30', 'overdue', null],
      ['2026-12-31', 'due', null],
      ['2027-03-31', 'upcoming', null],
    ]);
    // Last year's quarters are there too, for what was missed.
    expect(plan[2]).toMatchObject({ dueOn: '2025-12-31', state: 'done' });
    expect(plan[3]).toMatchObject({ dueOn: '2026-03-31', state: 'overdue' });
  });

  it('brings to Home what is under way and what was missed in the last 12 months', () => {
    const today = '2026-11-23';
    const plan = rhythmPlan({ timesPerYear: 4 }, ['2026-05-14'], today);
    expect(rhythmAttention(plan, today).map((p) => [p.dueOn, p.state])).toEqual([
      ['2025-12-31', 'overdue'],
      ['2026-03-31', 'overdue'],
      ['2026-09-30', 'overdue'],
      ['2026-12-31', 'due'],
    ]);
    // Due on the day itself is still due, not overdue.
    const lastDay = rhythmPlan({ timesPerYear: 2 }, [], '2027-03-31');
    expect(lastDay.at(-1)!.state).toBe('due');
  });
});

describe('annual visits and engagement', () => {
  it('is due a year after the last support visit held, or after recognition before any', () => {
    expect(supportVisitDue('2025-10-01', '2020-01-01', '2026-11-23')).toEqual({
      dueOn: '2026-10-01',
      overdue: true,
      daysOverdue: 53,
    });
    expect(supportVisitDue(null, '2026-02-01', '2026-11-23')).toEqual({
      dueOn: '2027-02-01',
      overdue: false,
      daysOverdue: 0,
    });
    // Due today is not yet overdue.
    expect(supportVisitDue('2025-11-23', '2020-01-01', '2026-11-23').overdue).toBe(false);
    expect(oneYearAfter('2024-02-29')).toBe('2025-02-28');
  });

  it('counts none in the last 12 months from the same day a year ago', () => {
    expect(noneInLastTwelveMonths(null, '2026-11-23')).toBe(true);
    expect(noneInLastTwelveMonths('2025-11-23', '2026-11-23')).toBe(false);
    expect(noneInLastTwelveMonths('2025-11-22', '2026-11-23')).toBe(true);
  });

  it('shows progress toward self-sufficiency as criteria met', () => {
    expect(criteriaProgress(6, 8)).toEqual({
      met: 6,
      total: 8,
      percent: 75,
      selfSufficient: false,
    });
    expect(criteriaProgress(8, 8).selfSufficient).toBe(true);
    expect(criteriaProgress(0, 0)).toEqual({ met: 0, total: 0, percent: 0, selfSufficient: false });
  });
});
