import type { z } from 'zod';
import type { kindTemplateInput, targetsInput } from '../../../src-shared/domain/reviews';
import type { ReviewSettings } from '../../../src-shared/domain/reviews';
import { writing, type AppContext, type CallContext } from '../context';
import { frameworkVersions } from './reference-data';
import { reviewTemplates, saveKindTemplate, saveTargets, targetsFor } from './templates';

export async function reviewSettings(
  ctx: AppContext,
  input: { year: number },
): Promise<ReviewSettings> {
  return {
    templates: await reviewTemplates(ctx),
    frameworks: frameworkVersions(ctx),
    targets: { year: input.year, targets: await targetsFor(ctx, input.year) },
  };
}

export async function saveTemplate(
  ctx: CallContext,
  input: z.output<typeof kindTemplateInput>,
): Promise<ReviewSettings> {
  await writing(ctx, (w) => saveKindTemplate(w, input.kind, input.template));
  return reviewSettings(ctx, { year: Number(ctx.clock.now().toISOString().slice(0, 4)) });
}

export async function saveYearTargets(
  ctx: CallContext,
  input: z.output<typeof targetsInput>,
): Promise<ReviewSettings> {
  await writing(ctx, (w) => saveTargets(w, input.year, input.targets));
  return reviewSettings(ctx, { year: input.year });
}
