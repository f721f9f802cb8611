import { describe, expect, it } from 'vitest';
import { amberFrom, ragFor } from '../../../src-shared/rules/kpi-rag';
import { formatCell } from '../../../src-shared/rules/pack-format';
import { parsePeriod } from '../../../src-shared/rules/report-period';
import {
  SUPPRESSED,
  suppressedIndexes,
  suppressTotal,
} from '../../../src-shared/rules/small-numbers';

describe('reporting periods', () => {
  const period = (s: string) => {
    const p = parsePeriod(s);
    if (!p.ok) throw new Error(p.message);
    return p.period;
  };
  it('reads financial years from April, halves and quarters', () => {
    expect(period('2025-26')).toMatchObject({
      from: '2025-04-01',
      to: '2026-03-31',
      financialYear: 2025,
    });
    expect(period('2025-26 H1')).toMatchObject({ from: '2025-04-01', to: '2025-09-30' });
    expect(period('2025-26 h2')).toMatchObject({
      spec: '2025-26 H2',
      from: '2025-10-01',
      to: '2026-03-31',
    });
    expect(period('2025-26 Q1')).toMatchObject({ from: '2025-04-01', to: '2025-06-30' });
    expect(period('2025-26 Q3')).toMatchObject({ from: '2025-10-01', to: '2025-12-31' });
    expect(period('2023-24 Q4')).toMatchObject({ from: '2024-01-01', to: '2024-03-31' });
    expect(period('2025-26 Q4').label).toBe('Quarter 4 2025-26 (January 2026 to March 2026)');
    expect(period('2099-00')).toMatchObject({ from: '2099-04-01', to: '2100-03-31' });
  });
  it('reads custom dates, and the financial year they start in', () => {
    expect(period('2026-02-01..2026-05-31')).toMatchObject({
      from: '2026-02-01',
      to: '2026-05-31',
      financialYear: 2025,
      label: '1 February 2026 to 31 May 2026',
    });
  });
  it('names what is wrong with a period it cannot read', () => {
    const bad = (s: string) => {
      const p = parsePeriod(s);
      return p.ok ? null : p.message;
    };
    expect(bad('2025-27')).toMatch(/"2025-27" is not a financial year: after 2025 comes 2025-26/);
    expect(bad('last year')).toMatch(/"last year" is not one the app knows/);
    expect(bad('2026-02-30..2026-03-01')).toMatch(/date that does not exist/);
    expect(bad('2026-03-01..2026-02-01')).toMatch(/ends before it starts/);
    expect(bad('2025-26 Q5')).not.toBeNull();
  });
});

describe('red, amber and green', () => {
  it('is green from the target, amber from three quarters of it, red below', () => {
    expect(ragFor(10, 10)).toBe('green');
    expect(ragFor(11, 10)).toBe('green');
    expect(ragFor(9, 10)).toBe('amber');
    expect(ragFor(7.5, 10)).toBe('amber');
    expect(ragFor(7.49, 10)).toBe('red');
    expect(ragFor(3, 4)).toBe('amber');
    expect(ragFor(2, 4)).toBe('red');
    expect(ragFor(null, 10)).toBe('none');
    expect(ragFor(5, null)).toBe('none');
    expect(amberFrom(10)).toBe(7.5);
  });
  it('meets the boundary of a share exactly (60% of an 80% target is amber)', () => {
    expect(ragFor(3 / 5, 0.8)).toBe('amber');
    expect(ragFor(0.8, 0.8)).toBe('green');
    expect(ragFor(0.59, 0.8)).toBe('red');
  });
});

describe('small-number suppression', () => {
  it('hides every count from 1 to 4, never 0 or 5', () => {
    expect([...suppressedIndexes([0, 1, 4, 5, 9])].sort()).toEqual([1, 2]);
  });
  it('hides the next smallest count when only one would be hidden, so it cannot be worked out from the total', () => {
    expect([...suppressedIndexes([2, 10, 0, 7])].sort()).toEqual([0, 3]);
    expect([...suppressedIndexes([3, 0, 0])]).toEqual([0]);
  });
  it('hides a small total too', () => {
    expect(suppressTotal(4)).toBe(SUPPRESSED);
    expect(suppressTotal(5)).toBe(5);
    expect(suppressTotal(0)).toBe(0);
  });
});

describe('how figures are written', () => {
  it('writes counts, shares, money and dates the UK way', () => {
    expect(formatCell(3000, 'integer')).toBe('3,000');
    expect(formatCell(0.6, 'share')).toBe('60.0%');
    expect(formatCell(123456, 'pence')).toBe('£1,234.56');
    expect(formatCell('2026-03-31', 'date')).toBe('31/03/2026');
    expect(formatCell(SUPPRESSED, 'integer')).toBe('fewer than 5');
    expect(formatCell(null, 'integer')).toBe('–');
  });
});
