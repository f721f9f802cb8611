import { describe, expect, it } from 'vitest';
import {
  defaultOmbudsmanContact,
  ombudsmanLetterLines,
  ombudsmanRightStatement,
  ombudsmanWindow,
  twelveMonthsAfter,
} from '../../../src-shared/rules/ombudsman';

describe('the route to the Housing Ombudsman', () => {
  it('says the internal process is still open, leaving the right to go at any time to the screen', () => {
    const w = ombudsmanWindow(null, '2025-06-01');
    expect(w.level).toBe('open');
    expect(w.message).toMatch(/no stage 2 final response is recorded/);
    // The page and letters state the right once, beside this message: it must not say it again.
    expect(w.message).not.toMatch(/at any time/);
    expect(ombudsmanWindow('2025-01-10', '2025-06-01').message).not.toMatch(/at any time/);
  });

  it('gives the letters the contact details they are handed, after the right to go at any time', () => {
    expect(ombudsmanLetterLines(defaultOmbudsmanContact)).toEqual([
      ombudsmanRightStatement,
      'Housing Ombudsman Service, PO Box 152, Liverpool, L33 7WQ',
      'Telephone 0300 111 3000 · Email info@housing-ombudsman.org.uk · www.housing-ombudsman.org.uk',
    ]);
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
