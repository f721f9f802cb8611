import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../support/temp-db';

let app: TestApp;
let council: string;

beforeEach(async () => {
  app = await openTestApp({ clock: '2026-12-03T10:00:00.000Z' });
  await app.call('organisation.applyTemplate', {});
  council = (await app.call('groups.list', {})).find((g) => g.name === 'Customer Council')!.id;
});
afterEach(() => app.close());

const first = {
  kind: 'meeting' as const,
  title: 'Customer Council meeting',
  // Monday 4 January 2027, 6 pm to 8 pm in London (GMT).
  startsAt: '2027-01-04T18:00:00.000Z',
  endsAt: '2027-01-04T20:00:00.000Z',
  venueName: 'Thornaby Community Centre',
};

describe('a recurring series of meetings', () => {
  it('schedules monthly for a year, each its own record, off bank holidays, at 6 pm all year', async () => {
    const saved = await app.call('activities.saveSeries', {
      activity: { ...first, groupId: council },
      repeat: { frequency: 'monthly_weekday', count: 12 },
    });
    expect(saved).toHaveLength(12);
    expect(new Set(saved.map((a) => a.id)).size).toBe(12);
    expect(saved.map((a) => a.startsAt)).toEqual([
      '2027-01-04T18:00:00.000Z',
      '2027-02-01T18:00:00.000Z',
      '2027-03-01T18:00:00.000Z',
      '2027-04-05T17:00:00.000Z', // British Summer Time: still 6 pm in London
      '2027-05-04T17:00:00.000Z', // Monday 3 May is the Early May bank holiday
      '2027-06-07T17:00:00.000Z',
      '2027-07-05T17:00:00.000Z',
      '2027-08-02T17:00:00.000Z',
      '2027-09-06T17:00:00.000Z',
      '2027-10-04T17:00:00.000Z',
      '2027-11-01T18:00:00.000Z',
      '2027-12-06T18:00:00.000Z',
    ]);
    expect(saved.every((a) => Date.parse(a.endsAt) - Date.parse(a.startsAt) === 7_200_000)).toBe(
      true,
    );
    expect(saved.every((a) => a.status === 'scheduled' && a.groupId === council)).toBe(true);

    const listed = await app.call('activities.list', {
      from: '2027-01-01',
      to: '2027-12-31',
      groupId: council,
    });
    expect(listed.map((a) => a.id).sort()).toEqual(saved.map((a) => a.id).sort());
    // Each is its own record: changing one leaves the rest.
    const one = await app.call('activities.get', { id: saved[2]!.id });
    await app.call('activities.save', {
      ...one,
      expectedUpdatedAt: one.updatedAt,
      title: 'Customer Council: annual report',
    });
    const titles = (
      await app.call('activities.list', {
        from: '2027-01-01',
        to: '2027-12-31',
        groupId: council,
      })
    ).map((a) => a.title);
    expect(titles.filter((t) => t === 'Customer Council meeting')).toHaveLength(11);
  });

  it('plans the same dates before saving, saying which moved and why', async () => {
    const plan = await app.call('activities.planSeries', {
      startsAt: first.startsAt,
      endsAt: first.endsAt,
      repeat: { frequency: 'monthly_weekday', count: 12 },
    });
    expect(plan.meetings[4]).toEqual({
      startsAt: '2027-05-04T17:00:00.000Z',
      endsAt: '2027-05-04T19:00:00.000Z',
      movedFrom: '2027-05-03',
      movedBecause: 'Early May bank holiday',
    });
    expect(plan.meetings.filter((m) => m.movedFrom)).toHaveLength(1);
    expect(plan.uncoveredYears).toEqual([]);
  });

  it('saves nothing when the series is refused', async () => {
    await expect(
      app.call('activities.saveSeries', {
        activity: { ...first, groupId: council },
        repeat: { frequency: 'weekly', count: 53 },
      }),
    ).rejects.toMatchObject({ fields: [expect.objectContaining({ path: 'repeat.count' })] });
    await expect(
      app.call('activities.saveSeries', {
        activity: { ...first, groupId: council, endsAt: first.startsAt },
        repeat: { frequency: 'weekly', count: 4 },
      }),
    ).rejects.toMatchObject({ fields: [expect.objectContaining({ path: 'activity.endsAt' })] });
    const listed = await app.call('activities.list', { from: '2027-01-01', to: '2027-12-31' });
    expect(listed).toEqual([]);
  });
});
