import type { z } from 'zod';
import type { youSaidWeDidInput } from '../../../src-shared/domain/reviews';
import type { YouSaidWeDid, YsSourceType } from '../../../src-shared/domain/reviews';
import { ApiError } from '../../../src-shared/errors';
import { allowed, writing, type AppContext, type CallContext } from '../context';
import { tagsOf, todayOf } from './reviews';

/*
 * "You said, we did": a change made because of involvement, linked to where
 * it came from (a review or consultation, a recommendation, a complaint
 * case), with the date it took effect and how customers were told.
 */

async function sourceLabel(ctx: CallContext, type: YsSourceType, id: string): Promise<string> {
  if (type === 'review') {
    const r = await ctx.db
      .selectFrom('reviews')
      .select(['reference', 'title'])
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (!r) throw ApiError.notFound('The review');
    return `${r.reference} ${r.title}`;
  }
  if (type === 'recommendation') {
    const r = await ctx.db
      .selectFrom('recommendations')
      .select(['reference', 'source_type'])
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (!r) throw ApiError.notFound('The recommendation');
    return r.reference;
  }
  // A complaint case is named by its reference only, and only to those who may open cases.
  if (!allowed(ctx, 'cases.read'))
    throw ApiError.forbidden('Only those who may open complaint cases may link one.');
  const c = await ctx.db
    .selectFrom('complaint_cases')
    .select('reference')
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!c) throw ApiError.notFound('The complaint case');
  return c.reference;
}

export async function listYouSaidWeDid(
  ctx: AppContext,
  input: { from?: string | null; to?: string | null },
): Promise<YouSaidWeDid[]> {
  let q = ctx.db
    .selectFrom('you_said_we_did as y')
    .leftJoin('reviews as v', (j) =>
      j.onRef('v.id', '=', 'y.source_id').on('y.source_type', '=', 'review'),
    )
    .leftJoin('recommendations as r', (j) =>
      j.onRef('r.id', '=', 'y.source_id').on('y.source_type', '=', 'recommendation'),
    )
    .leftJoin('complaint_cases as k', (j) =>
      j.onRef('k.id', '=', 'y.source_id').on('y.source_type', '=', 'complaint_case'),
    )
    .select([
      'y.id',
      'y.source_type',
      'y.source_id',
      'y.you_said',
      'y.we_did',
      'y.effective_on',
      'y.how_told',
      'v.reference as review_reference',
      'r.reference as recommendation_reference',
      'k.reference as case_reference',
    ])
    .where('y.deleted_at', 'is', null);
  if (input.from) q = q.where('y.effective_on', '>=', input.from);
  if (input.to) q = q.where('y.effective_on', '<=', input.to);
  const rows = await q.orderBy('y.effective_on', 'desc').limit(1000).execute();
  const tags = await tagsOf(
    ctx,
    'you_said_we_did',
    rows.map((y) => y.id),
  );
  return rows.map((y) => ({
    id: y.id,
    sourceType: y.source_type as YsSourceType,
    sourceId: y.source_id,
    sourceLabel: y.review_reference ?? y.recommendation_reference ?? y.case_reference ?? '',
    youSaid: y.you_said,
    weDid: y.we_did,
    effectiveOn: y.effective_on,
    howTold: y.how_told,
    tags: tags.get(y.id) ?? [],
  }));
}

export async function addYouSaidWeDid(
  ctx: CallContext,
  input: z.output<typeof youSaidWeDidInput>,
): Promise<YouSaidWeDid[]> {
  await sourceLabel(ctx, input.sourceType, input.sourceId);
  if (input.effectiveOn > todayOf(ctx))
    throw ApiError.invalid('Record a change once it has taken effect.', [
      { path: 'effectiveOn', message: 'Use today or earlier.' },
    ]);
  await writing(ctx, (w) =>
    w.create('you_said_we_did', {
      source_type: input.sourceType,
      source_id: input.sourceId,
      you_said: input.youSaid,
      we_did: input.weDid,
      effective_on: input.effectiveOn,
      how_told: input.howTold,
    }),
  );
  return listYouSaidWeDid(ctx, {});
}
