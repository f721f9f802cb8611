import type { z } from 'zod';
import type { GrantPriority, priorityInput } from '../../../src-shared/domain/grants';
import { ApiError } from '../../../src-shared/errors';
import type { AppContext, CallContext } from '../context';
import { writing } from '../context';

/** The priorities the Board agreed, which rounds' criteria and applications link to. */
export async function listPriorities(ctx: AppContext): Promise<GrantPriority[]> {
  const rows = await ctx.db
    .selectFrom('grant_priorities')
    .select(['id', 'name', 'description', 'agreed_on', 'retired_on'])
    .where('deleted_at', 'is', null)
    .orderBy('retired_on')
    .orderBy('name')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    description: r.description,
    agreedOn: r.agreed_on,
    retiredOn: r.retired_on,
  }));
}

export async function savePriority(
  ctx: CallContext,
  input: z.output<typeof priorityInput>,
): Promise<GrantPriority[]> {
  if (input.agreedOn && input.retiredOn && input.retiredOn < input.agreedOn)
    throw ApiError.invalid('A priority cannot be retired before the Board agreed it.', [
      { path: 'retiredOn', message: 'Retired before it was agreed.' },
    ]);
  const values = {
    name: input.name,
    description: input.description,
    agreed_on: input.agreedOn,
    retired_on: input.retiredOn,
  };
  await writing(ctx, async (w) => {
    if (input.id) await w.update('grant_priorities', input.id, values);
    else await w.create('grant_priorities', values);
  });
  return listPriorities(ctx);
}
