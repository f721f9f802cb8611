import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../support/temp-db';

let app: TestApp;
let activityId: string;
let existingId: string;

beforeEach(async () => {
  app = await openTestApp({ clock: '2026-11-23T10:00:00.000Z' });
  await app.call('organisation.applyTemplate', {});
  const created = await app.call('customers.create', {
    firstName: 'Mary',
    lastName: "O'Neill",
    postcode: 'TS17 6AA',
    email: 'mary.oneill@example.org',
    mobile: '07700 900123',
    confirmDuplicate: true,
  });
  if (!created.created) throw new Error('not created');
  existingId = created.customer.id;
  const activity = await app.call('activities.save', {
    kind: 'meeting',
    title: 'Open morning',
    status: 'scheduled',
    groupId: null,
    startsAt: '2026-11-23T09:00:00.000Z',
    endsAt: '2026-11-23T11:00:00.000Z',
  });
  activityId = activity.id;
  // The door is an officer's job; they may sign people in without editing the register.
  await app.signInAs('officer');
});
afterEach(() => app.close());

async function registerSize() {
  const row = await (
    await app.ctx()
  ).db
    .selectFrom('customers')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function attendanceRows() {
  return (await app.ctx()).db
    .selectFrom('attendance')
    .select(['customer_id', 'status'])
    .where('activity_id', '=', activityId)
    .execute();
}

const door = { firstName: 'mary', lastName: 'oneill', consent: true as const };

describe('a new person at the door who may already be on the register', () => {
  it('writes nothing and returns the match by name and postcode', async () => {
    const before = await registerSize();
    const result = await app.call('attendance.walkIn', {
      activityId,
      ...door,
      postcode: 'ts176aa',
    });
    expect(result).toEqual({
      added: false,
      matches: [
        {
          customerId: existingId,
          name: "Mary O'Neill",
          postcode: 'TS17 6AA',
          maskedContact: 'm•••@example.org',
          reasons: ['name_and_postcode'],
        },
      ],
    });
    expect(await registerSize()).toBe(before);
    expect(await attendanceRows()).toEqual([]);
    expect((await app.call('activities.get', { id: activityId })).status).toBe('scheduled');
  });

  it('writes nothing and returns the match by email, or by phone with only its ending shown', async () => {
    const before = await registerSize();
    const byEmail = await app.call('attendance.walkIn', {
      activityId,
      firstName: 'M',
      lastName: 'Smith',
      email: ' Mary.ONeill@example.org ',
      consent: true,
    });
    expect(byEmail).toMatchObject({
      added: false,
      matches: [{ customerId: existingId, reasons: ['email'] }],
    });
    const byPhone = await app.call('attendance.walkIn', {
      activityId,
      firstName: 'M',
      lastName: 'Smith',
      phone: '+44 7700 900123',
      consent: true,
    });
    expect(byPhone).toMatchObject({
      added: false,
      matches: [{ customerId: existingId, maskedContact: 'phone ending 123', reasons: ['phone'] }],
    });
    expect(await registerSize()).toBe(before);
    expect(await attendanceRows()).toEqual([]);
  });

  it('adds them anyway once the officer confirms they are someone new', async () => {
    const before = await registerSize();
    const result = await app.call('attendance.walkIn', {
      activityId,
      ...door,
      postcode: 'TS17 6AA',
      confirmNew: true,
    });
    if (!result.added) throw new Error('not added');
    expect(result.person.customerId).not.toBe(existingId);
    expect(await registerSize()).toBe(before + 1);
    expect(await attendanceRows()).toEqual([
      { customer_id: result.person.customerId, status: 'present' },
    ]);
  });

  it('signing in the match marks them present and adds nobody', async () => {
    const before = await registerSize();
    const result = await app.call('attendance.walkIn', {
      activityId,
      ...door,
      postcode: 'TS17 6AA',
    });
    if (result.added) throw new Error('added a duplicate');
    await app.call('attendance.mark', {
      activityId,
      customerId: result.matches[0]!.customerId,
      status: 'present',
    });
    expect(await registerSize()).toBe(before);
    expect(await attendanceRows()).toEqual([{ customer_id: existingId, status: 'present' }]);
    const roster = await app.call('activities.roster', { id: activityId });
    expect(roster.people).toMatchObject([{ customerId: existingId, status: 'present' }]);
  });

  it('still checks the details before looking for matches', async () => {
    await expect(
      app.call('attendance.walkIn', { activityId, ...door, postcode: 'not a postcode' }),
    ).rejects.toMatchObject({ code: 'invalid', fields: [{ path: 'postcode' }] });
  });
});
