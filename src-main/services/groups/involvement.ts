import type { CustomerInvolvement } from '../../../src-shared/api/groups';
import { hadActivityInLastYear } from '../../../src-shared/rules/membership';
import type { AppContext } from '../context';
import { londonDate } from './mapping';

/** A customer's groups, activities, hours and training, for their record. */
export async function customerInvolvement(
  ctx: AppContext,
  customerId: string,
): Promise<CustomerInvolvement> {
  const [groups, activities, customer] = await Promise.all([
    ctx.db
      .selectFrom('group_memberships as m')
      .innerJoin('groups as g', 'g.id', 'm.group_id')
      .select(['g.id as group_id', 'g.name', 'm.role', 'm.joined_on', 'm.left_on'])
      .where('m.customer_id', '=', customerId)
      .where('m.deleted_at', 'is', null)
      .where('g.deleted_at', 'is', null)
      .orderBy('m.joined_on', 'desc')
      .execute(),
    involvementHistory(ctx, customerId),
    ctx.db
      .selectFrom('customers')
      .select('last_activity_at')
      .where('id', '=', customerId)
      .executeTakeFirst(),
  ]);
  const attended = activities.filter(
    (a) => a.status === 'present' && a.activityStatus !== 'cancelled',
  );
  const lastActivityAt = customer?.last_activity_at ?? null;
  return {
    groups: groups.map((g) => ({
      groupId: g.group_id,
      groupName: g.name,
      role: g.role,
      joinedOn: g.joined_on,
      leftOn: g.left_on,
    })),
    activities: activities.map((a) => ({
      activityId: a.activityId,
      title: a.title,
      kind: a.kind,
      startsAt: a.startsAt,
      status: a.status,
      minutesGiven: a.minutesGiven,
    })),
    totalMinutes: attended.reduce((sum, a) => sum + (a.minutesGiven ?? 0), 0),
    activitiesAttended: attended.length,
    trainingSessions: attended.filter((a) => a.kind === 'training_session').length,
    lastActivityAt,
    activeInLastYear: hadActivityInLastYear(
      lastActivityAt ? londonDate(new Date(lastActivityAt)) : null,
      londonDate(ctx.clock.now()),
    ),
  };
}

/** Every activity the customer was marked for, newest first (the benchmarked query). */
export async function involvementHistory(ctx: AppContext, customerId: string) {
  const rows = await ctx.db
    .selectFrom('attendance as t')
    .innerJoin('activities as a', 'a.id', 't.activity_id')
    .select([
      'a.id',
      'a.title',
      'a.kind',
      'a.starts_at',
      'a.status as activity_status',
      't.status',
      't.minutes_given',
    ])
    .where('t.customer_id', '=', customerId)
    .where('t.deleted_at', 'is', null)
    .where('a.deleted_at', 'is', null)
    .orderBy('a.starts_at', 'desc')
    .execute();
  return rows.map((r) => ({
    activityId: r.id,
    title: r.title,
    kind: r.kind,
    startsAt: r.starts_at,
    activityStatus: r.activity_status,
    status: r.status,
    minutesGiven: r.minutes_given,
  }));
}

/** Customers with no activity in the 12 months up to `on` (for the register filter). */
export async function customersWithoutActivity(ctx: AppContext, on: string): Promise<string[]> {
  const rows = await ctx.db
    .selectFrom('customers')
    .select(['id', 'last_activity_at'])
    .where('deleted_at', 'is', null)
    .execute();
  return rows
    .filter(
      (r) =>
        !hadActivityInLastYear(
          r.last_activity_at ? londonDate(new Date(r.last_activity_at)) : null,
          on,
        ),
    )
    .map((r) => r.id);
}
