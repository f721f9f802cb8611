import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  activeCustomers,
  attendanceRate,
  cadenceByGroup,
  coursesPerMonth,
  involvementHours,
  satisfactionAverages,
} from '../../../src-main/services/groups/figures';
import { openTestApp, type TestApp } from '../../support/temp-db';

/*
 * A fixed dataset whose figures were worked out by hand (see each
 * expectation). Times are UTC; periods are London dates, so 23:30Z on
 * 31 March 2026 (00:30 BST on 1 April) falls outside the first quarter.
 */
let app: TestApp;
const year = { from: '2026-01-01', to: '2026-12-31' };
const q1 = { from: '2026-01-01', to: '2026-03-31' };
let council: string;

beforeEach(async () => {
  app = await openTestApp({ clock: '2026-11-23T10:00:00.000Z' });
  await app.call('organisation.applyTemplate', {});
  council = (await app.call('groups.list', {})).find((g) => g.name === 'Customer Council')!.id;
  const [c1, c2, c3] = await Promise.all(
    [1, 2, 3].map(async (i) => {
      const r = await app.call('customers.create', {
        firstName: `F${i}`,
        lastName: `Fixed${i}`,
        confirmDuplicate: true,
      });
      if (!r.created) throw new Error('not created');
      return r.customer.id;
    }),
  );
  const activity = async (
    startsAt: string,
    status: 'held' | 'scheduled' | 'cancelled',
    hours = 2,
    courseId?: string,
  ) =>
    (
      await app.call('activities.save', {
        kind: courseId ? 'training_session' : 'meeting',
        title: `Activity ${startsAt}`,
        status,
        groupId: courseId ? null : council,
        courseId: courseId ?? null,
        startsAt,
        endsAt: new Date(Date.parse(startsAt) + hours * 3_600_000).toISOString(),
      })
    ).id;
  const mark = async (
    activityId: string,
    customerId: string,
    status: 'present' | 'apologies' | 'absent',
    minutesGiven?: number,
  ) =>
    (
      await app.call('attendance.mark', {
        activityId,
        customerId,
        status,
        ...(minutesGiven ? { minutesGiven } : {}),
      })
    ).id;
  const score = (attendanceId: string, opportunity: number | null, involvement: number | null) =>
    app.call('attendance.satisfaction', { attendanceId, opportunity, involvement });

  const m5 = await activity('2025-12-31T18:00:00.000Z', 'held');
  await score(await mark(m5, c1!, 'present'), 1, 1);
  const m1 = await activity('2026-02-10T18:00:00.000Z', 'held');
  await score(await mark(m1, c1!, 'present'), 5, 4);
  await mark(m1, c2!, 'apologies');
  await mark(m1, c3!, 'absent');
  const m2 = await activity('2026-03-10T18:00:00.000Z', 'held');
  await mark(m2, c1!, 'present');
  await score(await mark(m2, c2!, 'present', 90), 3, null);
  await mark(m2, c3!, 'apologies');
  await activity('2026-03-31T23:30:00.000Z', 'held');
  await activity('2026-04-10T18:00:00.000Z', 'cancelled');
  await activity('2026-12-10T18:00:00.000Z', 'scheduled');
  // Nobody can be marked present before the day, so this one is marked after it.
  app.clock.set('2027-01-01T12:00:00.000Z');
  const m6 = await activity('2026-12-31T23:30:00.000Z', 'held');
  await mark(m6, c3!, 'present');
  app.clock.set('2026-11-23T10:00:00.000Z');

  const x = (await app.call('training.saveCourse', { name: 'Course X' })).id;
  const y = (await app.call('training.saveCourse', { name: 'Course Y' })).id;
  await mark(await activity('2026-02-15T10:00:00.000Z', 'held', 3, x), c1!, 'present');
  await mark(await activity('2026-02-20T10:00:00.000Z', 'held', 3, x), c2!, 'present');
  await score(
    await mark(await activity('2026-03-05T10:00:00.000Z', 'held', 3, y), c3!, 'present'),
    4,
    2,
  );
});
afterEach(() => app.close());

describe('activity figures', () => {
  it('counts meetings held against the cadence, by London date', async () => {
    const ctx = await app.ctx();
    // Held in 2026: 10 Feb, 10 Mar, 1 Apr (London), 31 Dec = 4 of 10: red.
    const yearRow = (await cadenceByGroup(ctx, year)).find((g) => g.groupId === council)!;
    expect(yearRow).toMatchObject({
      held: 4,
      expected: 10,
      rag: 'red',
      summary: '4 of 10 meetings held',
    });
    // Q1: 10 Feb and 10 Mar; 10 a year over 90 days expects 2: green.
    const q1Row = (await cadenceByGroup(ctx, q1)).find((g) => g.groupId === council)!;
    expect(q1Row).toMatchObject({ held: 2, expected: 2, rag: 'green' });
  });

  it('works out the attendance rate from customers marked at held activities', async () => {
    const ctx = await app.ctx();
    // Present 1+2+1 (meetings) + 3 (training) = 7; apologies 2; absent 1.
    expect(await attendanceRate(ctx, year)).toEqual({
      present: 7,
      apologies: 2,
      absent: 1,
      rate: 0.7,
    });
    expect(await attendanceRate(ctx, year, council)).toEqual({
      present: 4,
      apologies: 2,
      absent: 1,
      rate: 4 / 7,
    });
    expect((await attendanceRate(ctx, { from: '2027-01-01', to: '2027-01-31' })).rate).toBeNull();
  });

  it('adds up hours and counts active customers', async () => {
    const ctx = await app.ctx();
    // 120 + (120 + 90) + 120 + 3 × 180 = 990 minutes.
    expect(await involvementHours(ctx, year)).toBe(16.5);
    expect(await activeCustomers(ctx, year)).toBe(3);
    expect(await activeCustomers(ctx, { from: '2026-12-01', to: '2026-12-31' })).toBe(1);
  });

  it('counts courses and sessions a month, months without training included', async () => {
    const months = await coursesPerMonth(await app.ctx(), q1);
    expect(months).toEqual([
      { month: '2026-01', courses: 0, sessions: 0 },
      { month: '2026-02', courses: 1, sessions: 2 },
      { month: '2026-03', courses: 1, sessions: 1 },
    ]);
  });

  it('averages the two satisfaction measures', async () => {
    // Opportunity 5, 3, 4; involvement 4, 2 (the 2025 scores are outside the year).
    expect(await satisfactionAverages(await app.ctx(), year)).toEqual({
      opportunity: 4,
      opportunityResponses: 3,
      involvement: 3,
      involvementResponses: 2,
    });
  });
});

describe('the demo organisation', () => {
  it('loads members, a year of meetings and training, deterministically', async () => {
    const demo = await openTestApp({ clock: '2026-11-23T10:00:00.000Z' });
    try {
      const counts = await demo.call('demo.load', { customers: 300, seed: 13 });
      expect(counts).toMatchObject({ customers: 300 });
      const groups = await demo.call('groups.list', {});
      const panel = groups.find((g) => g.name === 'Scrutiny Panel')!;
      const detail = await demo.call('groups.get', { id: panel.id });
      expect(detail.ruleStatus.map((v) => v.message)).toContain(
        'Scrutiny Panel: only 1 tenant from Tristar Homes, 2 needed.',
      );
      const council = groups.find((g) => g.name === 'Customer Council')!;
      expect(council.cadence.held).toBeGreaterThan(5);
      const inactive = await demo.call('customers.list', { noRecentActivity: true });
      const all = await demo.call('customers.list', {});
      expect(inactive.total).toBeGreaterThan(0);
      expect(inactive.total).toBeLessThan(all.total);
    } finally {
      await demo.close();
    }
  });
});
