import { describe, expect, it } from 'vitest';
import {
  isRetentionDue,
  requestState,
  retentionCutoff,
  retentionDueOn,
  retentionReason,
  subjectAccessDueOn,
} from '../../../src-shared/rules/retention';
import { retentionScheduleInput } from '../../../src-shared/domain/privacy';

describe('retention periods', () => {
  it('falls due the given years after the date the period runs from', () => {
    expect(retentionDueOn('2019-03-14', 6)).toBe('2025-03-14');
    expect(retentionDueOn('2019-03-14T18:30:00.000Z', 7)).toBe('2026-03-14');
  });

  it('moves 29 February to the 28th in a year without one', () => {
    expect(retentionDueOn('2024-02-29', 6)).toBe('2030-02-28');
    expect(retentionDueOn('2024-02-29', 4)).toBe('2028-02-29');
  });

  it('is due on its day and not the day before', () => {
    expect(isRetentionDue('2019-03-14', 6, '2025-03-13')).toBe(false);
    expect(isRetentionDue('2019-03-14', 6, '2025-03-14')).toBe(true);
    expect(retentionCutoff('2025-03-14', 6)).toBe('2019-03-14');
  });

  it('says why in words', () => {
    expect(retentionReason('complaint_case', '2019-03-14', 6)).toBe(
      'Closed 14 March 2019; kept 6 years after the case closed.',
    );
    expect(retentionReason('customer', '2020-01-02', 1)).toBe(
      'Last activity 2 January 2020; kept 1 year after their last activity.',
    );
  });

  it('refuses a schedule of no years, or of fractions, naming the record type', () => {
    const r = retentionScheduleInput.safeParse({
      customer: 0,
      complaint_case: 6.5,
      expense_claim: 7,
    });
    expect(r.success).toBe(false);
    const messages = r.error!.issues.map((i) => i.message);
    expect(messages).toContain('Keep involved customers for at least 1 year.');
    expect(messages).toContain('Give the years to keep complaint cases as a whole number.');
  });
});

describe('the subject access deadline', () => {
  it('is one calendar month from the day of receipt', () => {
    expect(subjectAccessDueOn('2026-09-03')).toBe('2026-10-03');
    expect(subjectAccessDueOn('2026-12-15')).toBe('2027-01-15');
  });

  it('is the last day of the next month when it has no such date', () => {
    expect(subjectAccessDueOn('2027-01-31')).toBe('2027-02-28');
    expect(subjectAccessDueOn('2028-01-31')).toBe('2028-02-29');
    expect(subjectAccessDueOn('2026-08-31')).toBe('2026-09-30');
  });

  it('is due soon within a week, overdue after its day, done once answered', () => {
    expect(requestState('2026-10-03', null, '2026-09-20')).toEqual({ state: 'open', daysLeft: 13 });
    expect(requestState('2026-10-03', null, '2026-09-26')).toEqual({
      state: 'due_soon',
      daysLeft: 7,
    });
    expect(requestState('2026-10-03', null, '2026-10-03').state).toBe('due_soon');
    expect(requestState('2026-10-03', null, '2026-10-04')).toEqual({
      state: 'overdue',
      daysLeft: -1,
    });
    expect(requestState('2026-10-03', '2026-09-30', '2026-10-10')).toEqual({
      state: 'done',
      daysLeft: null,
    });
  });
});
