import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../support/temp-db';

let app: TestApp;
let policyGroup: string;

beforeEach(async () => {
  app = await openTestApp({ clock: '2026-11-23T10:00:00.000Z', role: 'coordinator' });
  await app.signInAs('administrator', 'Test administrator');
  await app.call('organisation.applyTemplate', {});
  await app.signInAs('coordinator');
  policyGroup = (await app.call('groups.list', {})).find(
    (g) => g.name === 'Task & Finish Policy Group',
  )!.id;
});
afterEach(() => app.close());

async function setDates(startsOn: string | null, endsOn: string | null) {
  const { group } = await app.call('groups.get', { id: policyGroup });
  return app.call('groups.save', { ...group, startsOn, endsOn });
}

describe('task & finish groups', () => {
  it('need a start and an end date, said plainly', async () => {
    await expect(setDates(null, null)).rejects.toMatchObject({
      code: 'invalid',
      fields: [
        {
          path: 'startsOn',
          message: 'A task & finish group needs a start date: the day of its first session.',
        },
        {
          path: 'endsOn',
          message:
            'A task & finish group needs an end date: the day the manager shows the revised policy.',
        },
      ],
    });
    await expect(setDates('2026-12-01', null)).rejects.toMatchObject({
      fields: [expect.objectContaining({ path: 'endsOn' })],
    });
  });

  it('plan the three days between the dates, once, with titles and the comment window', async () => {
    await expect(app.call('groups.planThreeDays', { groupId: policyGroup })).rejects.toMatchObject({
      code: 'invalid',
      message:
        'Give Task & Finish Policy Group its start and end dates first (Edit group): the three days are planned between them.',
    });
    await setDates('2027-01-11', '2027-02-05');
    const days = await app.call('groups.planThreeDays', { groupId: policyGroup });
    expect(days.map((d) => [d.title, d.startsAt, d.endsAt, d.status, d.groupId])).toEqual([
      [
        "Day 1: training on the policy's context",
        '2027-01-11T10:00:00.000Z',
        '2027-01-11T15:00:00.000Z',
        'scheduled',
        policyGroup,
      ],
      [
        'Day 2: revising the policy',
        '2027-01-25T10:00:00.000Z',
        '2027-01-25T15:00:00.000Z',
        'scheduled',
        policyGroup,
      ],
      [
        'Day 3: the revised policy',
        '2027-02-05T10:00:00.000Z',
        '2027-02-05T15:00:00.000Z',
        'scheduled',
        policyGroup,
      ],
    ]);
    const day1 = await app.call('activities.get', { id: days[0]!.id });
    expect(day1.agenda).toContain(
      'The online comment window is open from 12 Jan 2027 to 24 Jan 2027.',
    );

    // Each day is an ordinary activity: it can be moved afterwards.
    const moved = await app.call('activities.save', {
      id: day1.id,
      expectedUpdatedAt: day1.updatedAt,
      kind: day1.kind,
      title: day1.title,
      groupId: policyGroup,
      startsAt: '2027-01-12T13:00:00.000Z',
      endsAt: '2027-01-12T16:00:00.000Z',
      venueName: 'Middlesbrough office',
      agenda: day1.agenda,
    });
    expect(moved.startsAt).toBe('2027-01-12T13:00:00.000Z');

    await expect(app.call('groups.planThreeDays', { groupId: policyGroup })).rejects.toMatchObject({
      message:
        'Task & Finish Policy Group already has 3 activities between its start and end dates. Edit them instead of planning the three days again.',
    });
  });

  it('in summer time start at 10am London time, and only for task & finish groups', async () => {
    await setDates('2027-06-07', '2027-06-30');
    const [day1] = await app.call('groups.planThreeDays', { groupId: policyGroup });
    expect(day1!.startsAt).toBe('2027-06-07T09:00:00.000Z');
    const council = (await app.call('groups.list', {})).find((g) => g.name === 'Customer Council')!;
    await expect(app.call('groups.planThreeDays', { groupId: council.id })).rejects.toMatchObject({
      message: 'Only a task & finish group has the three volunteer days.',
    });
  });
});
