import { ApiError } from '../../../src-shared/errors';
import type { Writer } from '../../changes/writer';
import { writing, type CallContext } from '../context';
import { applyOrganisationTemplate, type TemplateIds } from './organisation-template';
import { groupsTemplateStep } from '../groups/steps';
import { seedDefaultPolicy } from '../expenses/policy';

/**
 * A step of the default template, run in order in one transaction after the
 * organisation's landlords and areas exist. Areas add theirs here (e.g. the
 * default groups).
 */
export type TemplateStep = (w: Writer, ids: TemplateIds) => Promise<void>;

export const templateSteps: TemplateStep[] = [groupsTemplateStep, (w) => seedDefaultPolicy(w)];

/** Sets up the default organisation; refused once any landlord exists, so it never doubles up. */
export async function applyDefaultTemplate(ctx: CallContext): Promise<TemplateIds> {
  const existing = await ctx.db
    .selectFrom('landlords')
    .select('id')
    .where('deleted_at', 'is', null)
    .limit(1)
    .executeTakeFirst();
  if (existing)
    throw new ApiError(
      'conflict',
      'This database already has landlords set up, so the default template was not applied.',
    );
  return writing(ctx, async (w) => {
    const ids = await applyOrganisationTemplate(w);
    for (const step of templateSteps) await step(w, ids);
    return ids;
  });
}
