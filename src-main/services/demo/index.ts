import type { DemoCounts, DemoKind } from '../../../src-shared/domain/demo';
import type { TemplateIds } from '../template/organisation-template';
import { applyDefaultTemplate } from '../template';
import type { CallContext } from '../context';
import { demoCustomersStep } from './customers-step';
import { groupsDemoStep } from '../groups/steps';
import { casesDemoStep } from '../cases/demo-step';
import { demoHistoryStep } from './history-step';
import { expensesDemoStep } from '../expenses/demo-step';
import { reviewsDemoStep } from '../reviews/demo-step';
import { grantsDemoStep } from '../grants/demo-step';
import { communityDemoStep } from '../community/demo-step';

export interface DemoOptions {
  customers: number;
  seed: number;
  /** Years of history behind today (activities, attendance, cases); 0 for the plain demo. */
  years?: number;
}

export type { DemoCounts };

/**
 * A step of the demo data, run in order after the default template. Each is
 * deterministic from the seed, so every demo database is the same.
 */
export type DemoStep = (
  ctx: CallContext,
  ids: TemplateIds,
  options: DemoOptions,
) => Promise<DemoCounts>;

export const demoSteps: DemoStep[] = [
  demoCustomersStep,
  groupsDemoStep,
  casesDemoStep,
  demoHistoryStep,
  expensesDemoStep,
  reviewsDemoStep,
  grantsDemoStep,
  communityDemoStep,
];

export async function loadDemo(ctx: CallContext, options: DemoOptions): Promise<DemoCounts> {
  const ids = await applyDefaultTemplate(ctx);
  const counts: DemoCounts = { landlords: ids.landlords.size, areas: ids.areas.size };
  for (const step of demoSteps) {
    // Steps may add to the same kind (the history adds activities to the year's).
    for (const [kind, n] of Object.entries(await step(ctx, ids, options)) as [DemoKind, number][])
      counts[kind] = (counts[kind] ?? 0) + n;
  }
  return counts;
}
