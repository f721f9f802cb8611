import type { DemoCounts } from '../../../src-shared/domain/demo';
import type { TemplateIds } from '../template/organisation-template';
import { applyDefaultTemplate } from '../template';
import type { CallContext } from '../context';
import { demoCustomersStep } from './customers-step';
import { groupsDemoStep } from '../groups/steps';
import { casesDemoStep } from '../cases/demo-step';

export interface DemoOptions {
  customers: number;
  seed: number;
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

export const demoSteps: DemoStep[] = [demoCustomersStep, groupsDemoStep, casesDemoStep];

export async function loadDemo(ctx: CallContext, options: DemoOptions): Promise<DemoCounts> {
  const ids = await applyDefaultTemplate(ctx);
  const counts: DemoCounts = { landlords: ids.landlords.size, areas: ids.areas.size };
  for (const step of demoSteps) Object.assign(counts, await step(ctx, ids, options));
  return counts;
}
