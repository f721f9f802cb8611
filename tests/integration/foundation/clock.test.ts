import { describe, expect, it } from 'vitest';
import { describeDemoCounts } from '../../../src-shared/domain/demo';
import { openTestApp } from '../../support/temp-db';

describe("the app's one clock", () => {
  it('gives the window the backend’s now and London’s today', async () => {
    const app = await openTestApp({ clock: '2027-06-30T23:30:00.000Z' });
    try {
      // 23:30 UTC in summer is already the next day in London.
      expect(await app.call('clock.now', {})).toEqual({
        now: '2027-06-30T23:30:00.000Z',
        today: '2027-07-01',
      });
      app.clock.set('2027-12-31T23:30:00.000Z');
      expect(await app.call('clock.now', {})).toEqual({
        now: '2027-12-31T23:30:00.000Z',
        today: '2027-12-31',
      });
    } finally {
      await app.close();
    }
  });
});

describe('the demo data summary', () => {
  it('names each kind of record in words, singular or plural', () => {
    expect(describeDemoCounts({ complaintCases: 8, landlords: 1, customers: 12_000 })).toBe(
      '1 landlord, 12,000 customers, 8 complaint panel cases',
    );
  });
});
