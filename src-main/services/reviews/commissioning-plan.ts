import { financialYearRange } from '../../../src-shared/rules/report-period';
import type { z } from 'zod';
import type { checkinInput, planInput } from '../../../src-shared/domain/reviews';
import type { CommissioningPlan, ReviewKind } from '../../../src-shared/domain/reviews';
import { ApiError } from '../../../src-shared/errors';
import { writing, type AppContext, type CallContext } from '../context';
import { todayOf } from './reviews';

/*
 * The annual commissioning plan (the Strategy's commissioning framework):
 * each business manager's planned engagement needs for the year, the reviews
 * they commissioned that year (matched by name and service), and the
 * check-in meetings held with them. The Strategy asks for at least two
 * check-ins a year; managers with fewer are flagged.
 */

export const REQUIRED_CHECKINS = 2;

const norm = (s: string | null) => (s ?? '').trim().toLowerCase();

export async function commissioningPlan(
  ctx: AppContext,
  input: { year: number },
): Promise<CommissioningPlan> {
  const { from, to } = financialYearRange(input.year);
  const [plans, checkins, reviews] = await Promise.all([
    ctx.db
      .selectFrom('engagement_plans')
      .selectAll()
      .where('year', '=', input.year)
      .where('deleted_at', 'is', null)
      .orderBy('manager_name')
      .execute(),
    ctx.db
      .selectFrom('engagement_checkins as c')
      .innerJoin('engagement_plans as p', 'p.id', 'c.plan_id')
      .select(['c.id', 'c.plan_id', 'c.met_on', 'c.notes'])
      .where('p.year', '=', input.year)
      .where('c.deleted_at', 'is', null)
      .orderBy('c.met_on')
      .execute(),
    ctx.db
      .selectFrom('reviews as v')
      .innerJoin('review_commissions as m', 'm.id', 'v.commission_id')
      .select([
        'v.id',
        'v.reference',
        'v.title',
        'v.kind',
        'm.commissioner_name',
        'm.commissioner_service',
      ])
      .where('m.commissioned_by', '=', 'business_manager')
      .where('m.commissioned_on', '>=', from)
      .where('m.commissioned_on', '<=', to)
      .where('v.deleted_at', 'is', null)
      .orderBy('v.reference')
      .execute(),
  ]);
  return {
    year: input.year,
    requiredCheckins: REQUIRED_CHECKINS,
    entries: plans.map((p) => {
      const held = checkins.filter((c) => c.plan_id === p.id);
      return {
        id: p.id,
        year: p.year,
        managerName: p.manager_name,
        service: p.service,
        plannedNeeds: p.planned_needs,
        checkins: held.map((c) => ({ id: c.id, metOn: c.met_on, notes: c.notes })),
        fewerThanRequired: held.length < REQUIRED_CHECKINS,
        reviews: reviews
          .filter((v) => norm(v.commissioner_name) === norm(p.manager_name))
          .map((v) => ({
            id: v.id,
            reference: v.reference,
            title: v.title,
            kind: v.kind as ReviewKind,
          })),
      };
    }),
  };
}

export async function addPlanEntry(
  ctx: CallContext,
  input: z.output<typeof planInput>,
): Promise<CommissioningPlan> {
  const clash = await ctx.db
    .selectFrom('engagement_plans')
    .select('id')
    .where('year', '=', input.year)
    .where('manager_name', '=', input.managerName)
    .where('service', '=', input.service)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (clash)
    throw ApiError.invalid(
      `${input.managerName} already has a plan for ${input.service} in ${input.year}.`,
      [{ path: 'managerName', message: 'Already in the plan.' }],
    );
  await writing(ctx, (w) =>
    w.create('engagement_plans', {
      year: input.year,
      manager_name: input.managerName,
      service: input.service,
      planned_needs: input.plannedNeeds,
    }),
  );
  return commissioningPlan(ctx, { year: input.year });
}

export async function addCheckin(
  ctx: CallContext,
  input: z.output<typeof checkinInput>,
): Promise<CommissioningPlan> {
  const plan = await ctx.db
    .selectFrom('engagement_plans')
    .select(['id', 'year'])
    .where('id', '=', input.planId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!plan) throw ApiError.notFound('The plan entry');
  if (Number(input.metOn.slice(0, 4)) !== plan.year)
    throw ApiError.invalid(`A check-in for the ${plan.year} plan is held in ${plan.year}.`, [
      { path: 'metOn', message: `Use a date in ${plan.year}.` },
    ]);
  if (input.metOn > todayOf(ctx))
    throw ApiError.invalid('Record a check-in once it has been held.', [
      { path: 'metOn', message: 'Use today or earlier.' },
    ]);
  await writing(ctx, (w) =>
    w.create('engagement_checkins', { plan_id: plan.id, met_on: input.metOn, notes: input.notes }),
  );
  return commissioningPlan(ctx, { year: plan.year });
}
