import type { ExpenseCategory } from '../../../src-shared/domain/expenses';
import { financialYearOf } from '../../../src-shared/rules/report-period';
import { addCalendarDays, londonDate } from '../../../src-shared/rules/working-days';
import type { DemoStep } from '../demo';
import { writing } from '../context';
import { moveClaim, saveClaim } from './claims';

const costs: { category: ExpenseCategory; description: string; pence?: number; miles?: number }[] =
  [
    { category: 'mileage', description: 'Home to the meeting and back', miles: 14 },
    { category: 'public_transport', description: 'Bus there and back', pence: 620 },
    { category: 'parking', description: 'Town centre car park', pence: 350 },
    { category: 'mileage', description: 'Drove, with a neighbour on the panel', miles: 22 },
    { category: 'childcare', description: 'Childminder for the evening', pence: 2400 },
    { category: 'meals', description: 'Lunch on the training day', pence: 780 },
    { category: 'phone_data', description: 'Mobile data for the online meeting', pence: 300 },
  ];

/**
 * Claims from the last few weeks' meetings, as the officers entered them at
 * the door: some waiting for the team leader, a few still drafts, and a
 * budget for each group this financial year. Decisions are left to a team
 * leader trying the demo: whoever loads it entered the claims, so may not
 * approve them.
 */
export const expensesDemoStep: DemoStep = async (ctx) => {
  const today = londonDate(ctx.clock.now());
  const since = addCalendarDays(today, -60);
  const attended = await ctx.db
    .selectFrom('attendance as t')
    .innerJoin('activities as a', 'a.id', 't.activity_id')
    .select(['t.customer_id', 'a.id', 'a.starts_at', 'a.group_id'])
    .where('t.status', '=', 'present')
    .where('t.customer_id', 'is not', null)
    .where('t.deleted_at', 'is', null)
    .where('a.starts_at', '>=', since)
    .where('a.starts_at', '<=', `${today}T23:59:59Z`)
    .orderBy('a.starts_at')
    .limit(14)
    .execute();
  for (const [i, a] of attended.entries()) {
    const cost = costs[i % costs.length]!;
    const on = londonDate(new Date(a.starts_at));
    const claim = await saveClaim(ctx, {
      customerId: a.customer_id!,
      entryMode: i % 3 === 0 ? 'with_officer' : 'by_officer',
      groupId: a.group_id,
      costCode: null,
      otherMiles: 0,
      notes: null,
      declaration: i % 5 === 4 ? null : { declaredOn: on, method: 'in_person' },
      lines: [
        {
          on,
          category: cost.category,
          description: cost.description,
          activityId: a.id,
          miles: cost.miles ?? null,
          vehicle: cost.miles ? 'car' : null,
          passengers: cost.miles && i % 2 ? 1 : 0,
          amountPence: cost.pence ?? null,
          priorApproval: false,
        },
      ],
    });
    if (claim.checks.every((c) => c.severity !== 'stop') && claim.declaration)
      await moveClaim(ctx, { action: 'submit', id: claim.id });
  }
  const groups = await ctx.db
    .selectFrom('groups')
    .select('id')
    .where('deleted_at', 'is', null)
    .orderBy('name')
    .limit(6)
    .execute();
  const year = financialYearOf(today);
  // Written directly: whoever loads the demo may not be a budget holder.
  await writing(ctx, async (w) => {
    for (const [i, g] of groups.entries())
      await w.create('expense_budgets', {
        year,
        group_id: g.id,
        cost_code: null,
        limit_pence: (3 + i) * 100_000,
      });
  });
  return {};
};
