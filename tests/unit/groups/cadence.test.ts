import { describe, expect, it } from 'vitest';
import {
  cadenceFor,
  cadenceRag,
  daysInclusive,
  expectedMeetings,
} from '../../../src-shared/rules/cadence';

describe('cadence', () => {
  it('expects exactly the target over a whole year, leap or not', () => {
    expect(expectedMeetings(10, '2026-01-01', '2026-12-31')).toBe(10);
    expect(expectedMeetings(10, '2028-01-01', '2028-12-31')).toBe(10);
    expect(expectedMeetings(10, '2026-04-01', '2027-03-31')).toBe(10);
  });

  it('pro-rates shorter periods to the nearest meeting', () => {
    expect(expectedMeetings(10, '2026-01-01', '2026-03-31')).toBe(2);
    expect(expectedMeetings(12, '2026-01-01', '2026-03-31')).toBe(3);
    expect(expectedMeetings(4, '2026-01-01', '2026-06-30')).toBe(2);
    expect(expectedMeetings(null, '2026-01-01', '2026-06-30')).toBeNull();
  });

  it('counts days inclusively', () => {
    expect(daysInclusive('2026-01-01', '2026-01-01')).toBe(1);
    expect(daysInclusive('2028-02-28', '2028-03-01')).toBe(3);
  });

  it('is green at the target, amber from three quarters, red below', () => {
    expect(cadenceRag(10, 10)).toBe('green');
    expect(cadenceRag(8, 10)).toBe('amber');
    expect(cadenceRag(7.5, 10)).toBe('amber');
    expect(cadenceRag(7, 10)).toBe('red');
    expect(cadenceRag(3, null)).toBe('none');
  });

  it('summarises in plain words', () => {
    expect(cadenceFor(9, 10, '2026-01-01', '2026-12-31').summary).toBe('9 of 10 meetings held');
    expect(cadenceFor(1, null, '2026-01-01', '2026-12-31').summary).toBe(
      '1 meeting held (no target set)',
    );
  });
});
