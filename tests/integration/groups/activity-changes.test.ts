import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  activeCustomers,
  attendanceRate,
  cadenceByGroup,
  involvementHours,
} from '../../../src-main/services/groups/figures';
import { openTestApp, type TestApp } from '../../support/temp-db';

let app: TestApp;
let council: string;
const year = { from: '2026-01-01', to: '2026-12-31' };

beforeEach(async () => {
  app = await openTestApp({ clock: '2026-11-23T10:00:00.000Z' });
  await app.call('organisation.applyTemplate', {});
  council = (await app.call('groups.list', {})).find((g) => g.name === 'Customer Council')!.id;
});
afterEach(() => app.close());

let n = 0;
async function customer() {
  n += 1;
  const r = await app.call('customers.create', {
    firstName: `Person${n}`,
    lastName: `Tester${n}`,
    confirmDuplicate: true,
  });
  if (!r.created) throw new Error('not created');
  return r.customer.id;
}

async function meeting(startsAt: string, status: 'held' | 'scheduled' | 'cancelled' = 'held') {
  return app.call('activities.save', {
    kind: 'meeting',
    title: `Meeting ${startsAt.slice(0, 10)}`,
    status,
    groupId: council,
    startsAt,
    endsAt: new Date(Date.parse(startsAt) + 2 * 3_600_000).toISOString(),
  });
}

async function lastActivity(id: string) {
  return (await app.call('customers.get', { id })).lastActivityAt;
}

describe('staff attending', () => {
  it('records staff with their hours and keeps them out of every customer figure', async () => {
    const jo = await app.signInAs('coordinator', 'Jo Coordinator');
    const c = await customer();
    const m = await meeting('2026-11-10T18:00:00.000Z');
    await app.call('attendance.mark', { activityId: m.id, customerId: c, status: 'present' });
    const ctx = await app.ctx();
    const before = {
      hours: await involvementHours(ctx, year),
      rate: await attendanceRate(ctx, year),
      active: await activeCustomers(ctx, year),
    };
    expect(before).toEqual({
      hours: 2,
      rate: { present: 1, apologies: 0, absent: 0, rate: 1 },
      active: 1,
    });

    const staff = await app.call('attendance.addStaff', {
      activityId: m.id,
      staffId: jo,
      hours: 3.5,
    });
    expect(staff).toMatchObject({
      name: 'Jo Coordinator',
      isStaff: true,
      status: 'present',
      minutesGiven: 210,
    });
    // Adding the same person again changes their hours rather than listing them twice.
    await app.call('attendance.addStaff', { activityId: m.id, staffId: jo, hours: 2.5 });
    const activity = await app.call('activities.get', { id: m.id });
    expect(activity.attendees.filter((a) => a.isStaff)).toEqual([
      expect.objectContaining({ staffId: jo, minutesGiven: 150 }),
    ]);
    expect(activity.present).toBe(1);

    expect({
      hours: await involvementHours(ctx, year),
      rate: await attendanceRate(ctx, year),
      active: await activeCustomers(ctx, year),
    }).toEqual(before);

    await app.call('attendance.removeStaff', { attendanceId: staff.id });
    expect((await app.call('activities.get', { id: m.id })).attendees.map((a) => a.name)).toEqual([
      'Person1 Tester1',
    ]);
    const history = await app.call('history.forRecord', { entity: 'attendance', id: staff.id });
    expect(history[0]).toMatchObject({ op: 'delete', reason: 'Removed from staff attending' });
  });

  it('does not mark a scheduled meeting as held because staff will be there', async () => {
    const jo = await app.signInAs('officer', 'Jo Officer');
    const m = await meeting('2026-12-10T18:00:00.000Z', 'scheduled');
    await app.call('attendance.addStaff', { activityId: m.id, staffId: jo, hours: 2 });
    expect((await app.call('activities.get', { id: m.id })).status).toBe('scheduled');
  });

  it('refuses bad hours, former staff, cancelled activities and customer rows', async () => {
    const jo = await app.signInAs('coordinator', 'Jo Coordinator');
    const c = await customer();
    const m = await meeting('2026-11-10T18:00:00.000Z');
    await expect(
      app.call('attendance.addStaff', { activityId: m.id, staffId: jo, hours: 0 }),
    ).rejects.toMatchObject({
      code: 'invalid',
      fields: [{ path: 'hours', message: 'Enter at least a quarter of an hour (0.25).' }],
    });
    await expect(
      app.call('attendance.addStaff', { activityId: m.id, staffId: jo, hours: 25 }),
    ).rejects.toMatchObject({ fields: [{ path: 'hours', message: 'Enter at most 24 hours.' }] });

    await app.signInAs('administrator', 'Test administrator');
    const gone = await app.call('staff.create', { name: 'Former', role: 'officer', email: null });
    await app.call('staff.update', { id: gone.id, active: false });
    await expect(
      app.call('attendance.addStaff', { activityId: m.id, staffId: gone.id, hours: 1 }),
    ).rejects.toMatchObject({ message: 'Choose a current member of staff.' });

    const mark = await app.call('attendance.mark', {
      activityId: m.id,
      customerId: c,
      status: 'present',
    });
    await expect(
      app.call('attendance.removeStaff', { attendanceId: mark.id }),
    ).rejects.toMatchObject({ code: 'invalid', message: /sign-in screen/ });

    const cancelled = await meeting('2026-11-12T18:00:00.000Z', 'cancelled');
    await expect(
      app.call('attendance.addStaff', { activityId: cancelled.id, staffId: jo, hours: 1 }),
    ).rejects.toMatchObject({ message: /cancelled/ });
  });
});

describe('deleting activities and actions', () => {
  it('deletes a held meeting with its attendance and works out last activity again', async () => {
    const a = await customer();
    const b = await customer();
    const jo = await app.signInAs('coordinator', 'Jo Coordinator');
    const earlier = await meeting('2026-10-01T18:00:00.000Z');
    const later = await meeting('2026-11-10T18:00:00.000Z');
    await app.call('attendance.mark', { activityId: earlier.id, customerId: a, status: 'present' });
    for (const c of [a, b])
      await app.call('attendance.mark', { activityId: later.id, customerId: c, status: 'present' });
    await app.call('attendance.addStaff', { activityId: later.id, staffId: jo, hours: 2 });
    const withAction = await app.call('activities.saveAction', {
      activityId: later.id,
      description: 'Send the repairs report',
      done: false,
    });
    expect(await lastActivity(a)).toBe('2026-11-10T18:00:00.000Z');
    expect(await lastActivity(b)).toBe('2026-11-10T18:00:00.000Z');
    const ctx = await app.ctx();
    expect((await cadenceByGroup(ctx, year)).find((g) => g.groupId === council)!.held).toBe(2);

    // An officer may not delete a held meeting: it is evidence for the Boards' figures.
    await app.signInAs('administrator', 'Test administrator');
    await app.signInAs('officer');
    await expect(
      app.call('activities.remove', { id: later.id, reason: 'Entered twice' }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      app.call('activities.remove', { id: later.id, reason: ' ' }),
    ).rejects.toMatchObject({
      code: 'invalid',
      fields: [{ path: 'reason', message: 'A reason is required.' }],
    });

    await app.signInAs('coordinator', 'Jo Coordinator');
    const removed = await app.call('activities.remove', { id: later.id, reason: 'Entered twice' });
    expect(removed).toEqual({ attendanceRemoved: 3, customersRechecked: 2 });

    expect(await lastActivity(a)).toBe('2026-10-01T18:00:00.000Z');
    expect(await lastActivity(b)).toBeNull();
    await expect(app.call('activities.get', { id: later.id })).rejects.toMatchObject({
      code: 'not_found',
    });
    const involvement = await app.call('groups.customerInvolvement', { customerId: b });
    expect(involvement.activities).toEqual([]);
    const ctx2 = await app.ctx();
    expect((await cadenceByGroup(ctx2, year)).find((g) => g.groupId === council)!.held).toBe(1);
    expect(await activeCustomers(ctx2, year)).toBe(1);

    const history = await app.call('history.forRecord', { entity: 'activities', id: later.id });
    expect(history[0]).toMatchObject({ op: 'delete', reason: 'Entered twice' });
    const actionHistory = await app.call('history.forRecord', {
      entity: 'activity_actions',
      id: withAction.actions[0]!.id,
    });
    expect(actionHistory[0]).toMatchObject({
      op: 'delete',
      reason: 'The activity was deleted: Entered twice',
    });
  });

  it('lets an officer delete a scheduled meeting, and anyone who writes meetings delete an action', async () => {
    await app.signInAs('officer');
    const m = await meeting('2026-12-10T18:00:00.000Z', 'scheduled');
    const saved = await app.call('activities.saveAction', {
      activityId: m.id,
      description: 'Book the room',
      done: false,
    });
    const after = await app.call('activities.removeAction', {
      id: saved.actions[0]!.id,
      reason: 'Room already booked',
    });
    expect(after.actions).toEqual([]);
    await expect(
      app.call('activities.removeAction', { id: saved.actions[0]!.id, reason: 'Again' }),
    ).rejects.toMatchObject({ code: 'not_found' });
    expect(await app.call('activities.remove', { id: m.id, reason: 'Moved online' })).toEqual({
      attendanceRemoved: 0,
      customersRechecked: 0,
    });
    expect(await app.call('activities.list', { from: '2026-12-01', to: '2026-12-31' })).toEqual([]);
  });
});

describe("a customer's history", () => {
  it('shows what people changed, not the last activity date attendance keeps', async () => {
    const c = await customer();
    const m = await meeting('2026-11-10T18:00:00.000Z');
    const { updatedAt } = await app.call('customers.get', { id: c });
    await app.call('attendance.mark', { activityId: m.id, customerId: c, status: 'present' });
    expect(await lastActivity(c)).toBe('2026-11-10T18:00:00.000Z');
    const setStatus = (status: 'held' | 'cancelled') =>
      app.call('activities.save', {
        id: m.id,
        kind: 'meeting',
        title: m.title,
        status,
        groupId: council,
        startsAt: m.startsAt,
        endsAt: m.endsAt,
      });
    await setStatus('cancelled');
    expect(await lastActivity(c)).toBeNull();
    await setStatus('held');
    expect(await lastActivity(c)).toBe('2026-11-10T18:00:00.000Z');

    const after = await app.call('customers.get', { id: c });
    // Attendance is not an edit of the customer: someone editing them meets no conflict.
    expect(after.updatedAt).toBe(updatedAt);
    const history = await app.call('history.forRecord', { entity: 'customers', id: c });
    expect(history.map((h) => h.op)).toEqual(['create']);
    expect(history.some((h) => h.field === 'last_activity_at')).toBe(false);
  });
});
