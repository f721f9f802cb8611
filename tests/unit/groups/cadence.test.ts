import { describe, expect, it } from 'vitest';
import {
  cadenceFor,
  cadenceRag,
  daysInclusive,
  expectedMeetings,
  groupCadence,
  groupStartOn,
  runningPeriod,
  type GroupDates,
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

const dates = (over: Partial<GroupDates> = {}): GroupDates => ({
  startsOn: null,
  endsOn: null,
  createdOn: '2026-12-03',
  firstMeetingOn: null,
  ...over,
});
const year = ['2025-12-04', '2026-12-03'] as const;

describe('a group is expected to meet only while it runs', () => {
  it('starts on its recorded start, else the earlier of set-up and its first meeting', () => {
    expect(groupStartOn(dates({ startsOn: '2027-01-05', firstMeetingOn: '2026-01-01' }))).toBe(
      '2027-01-05',
    );
    expect(groupStartOn(dates({ firstMeetingOn: '2026-04-14' }))).toBe('2026-04-14');
    expect(groupStartOn(dates({ firstMeetingOn: '2026-12-03' }))).toBe('2026-12-03');
    expect(groupStartOn(dates({ firstMeetingOn: '2027-01-05' }))).toBe('2026-12-03');
  });

  it('counts from the group start or the period start, whichever is later', () => {
    expect(runningPeriod(dates({ startsOn: '2020-01-01' }), ...year)).toEqual({
      from: '2025-12-04',
      to: '2026-12-03',
    });
    expect(runningPeriod(dates({ startsOn: '2025-12-04' }), ...year)).toEqual({
      from: '2025-12-04',
      to: '2026-12-03',
    });
    expect(runningPeriod(dates({ startsOn: '2025-12-05' }), ...year)?.from).toBe('2025-12-05');
    expect(runningPeriod(dates(), ...year)).toEqual({ from: '2026-12-03', to: '2026-12-03' });
  });

  it('stops at the group end, and is not running outside its dates', () => {
    const ended = dates({ startsOn: '2026-01-01', endsOn: '2026-06-30' });
    expect(runningPeriod(ended, ...year)).toEqual({ from: '2026-01-01', to: '2026-06-30' });
    expect(runningPeriod(dates({ startsOn: '2026-12-04' }), ...year)).toBeNull();
    expect(runningPeriod(dates({ startsOn: '2020-01-01', endsOn: '2025-12-03' }), ...year)).toBe(
      null,
    );
    expect(runningPeriod(dates({ startsOn: '2020-01-01', endsOn: '2025-12-04' }), ...year)).toEqual(
      { from: '2025-12-04', to: '2025-12-04' },
    );
  });

  it('does not flag a group set up today as behind', () => {
    const c = groupCadence(0, 10, dates(), ...year);
    expect(c).toMatchObject({ held: 0, expected: 0, rag: 'green', since: '2026-12-03' });
    expect(c.summary).toBe('0 meetings held (none due yet)');
  });

  it('pro-rates the target from the group start', () => {
    // 1 June to 3 December 2026 is 186 days: 10 × 186 / 365.25 = 5.09, so 5.
    const c = groupCadence(3, 10, dates({ startsOn: '2026-06-01' }), ...year);
    expect(c).toMatchObject({ expected: 5, rag: 'red', since: '2026-06-01' });
    expect(c.summary).toBe('3 of 5 meetings held');
    // Running the whole period: the full target, and no "since".
    expect(groupCadence(10, 10, dates({ startsOn: '2025-12-04' }), ...year)).toMatchObject({
      expected: 10,
      rag: 'green',
      since: null,
    });
  });

  it('expects nothing of a group that starts after the period', () => {
    expect(groupCadence(0, 10, dates({ startsOn: '2027-01-05' }), ...year)).toMatchObject({
      expected: 0,
      rag: 'green',
      since: '2027-01-05',
    });
    expect(groupCadence(0, null, dates(), ...year).rag).toBe('none');
  });
});
