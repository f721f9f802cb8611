import { describe, expect, it } from 'vitest';
import { ombudsmanWindow, twelveMonthsAfter } from '../../../src-shared/rules/ombudsman';

describe('the route to the Housing Ombudsman', () => {
  it('says the resident may go at any time while the internal process is open', () => {
    const w = ombudsmanWindow(null, '2025-06-01');
    expect(w.level).toBe('open');
    expect(w.message).toMatch(/at any time/);
  });

  it('ends 12 months after the final response, 29 February falling back', () => {
    expect(twelveMonthsAfter('2025-03-14')).toBe('2026-03-14');
    expect(twelveMonthsAfter('2024-02-29')).toBe('2025-02-28');
  });

  it('warns at 90 days and urgently at 30, then says it has passed', () => {
    expect(ombudsmanWindow('2025-01-10', '2025-10-12')).toMatchObject({ daysLeft: 90 });
    expect(ombudsmanWindow('2025-01-10', '2025-10-11').level).toBe('ok');
    expect(ombudsmanWindow('2025-01-10', '2025-10-12').level).toBe('warning');
    expect(ombudsmanWindow('2025-01-10', '2025-12-11').level).toBe('urgent');
    expect(ombudsmanWindow('2025-01-10', '2026-01-10')).toMatchObject({
      level: 'urgent',
      daysLeft: 0,
    });
    expect(ombudsmanWindow('2025-01-10', '2026-01-10').message).toMatch(/end today/);
    expect(ombudsmanWindow('2025-01-10', '2026-01-11')).toMatchObject({
      level: 'passed',
      daysLeft: -1,
    });
  });

  it('honours other thresholds', () => {
    expect(
      ombudsmanWindow('2025-01-10', '2025-07-10', { warnDays: 200, urgentDays: 10 }).level,
    ).toBe('warning');
  });
});
