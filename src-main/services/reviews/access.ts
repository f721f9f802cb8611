import { ApiError } from '../../../src-shared/errors';
import { allowed, requireActor, type AppContext, type CallContext } from '../context';

/*
 * Officers may record evidence and comments on the reviews they are on (as
 * lead officer or supporting officer); coordinators and above on any. The
 * permission table decides the roles; this decides "on the review".
 */

export async function requireReview(ctx: AppContext, reviewId: string) {
  const row = await ctx.db
    .selectFrom('reviews')
    .selectAll()
    .where('id', '=', reviewId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw ApiError.notFound('The review');
  return row;
}

export async function isOnReview(ctx: CallContext, reviewId: string, leadOfficerId: string) {
  const actor = requireActor(ctx);
  if (actor.id === leadOfficerId) return true;
  const row = await ctx.db
    .selectFrom('review_officers')
    .select('id')
    .where('review_id', '=', reviewId)
    .where('staff_id', '=', actor.id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return Boolean(row);
}

export async function mayRecordEvidence(
  ctx: CallContext,
  review: { id: string; lead_officer_id: string },
): Promise<boolean> {
  return (
    allowed(ctx, 'reviews.write') || (await isOnReview(ctx, review.id, review.lead_officer_id))
  );
}

export async function demandEvidenceAccess(
  ctx: CallContext,
  review: { id: string; lead_officer_id: string; reference: string },
): Promise<void> {
  if (!(await mayRecordEvidence(ctx, review)))
    throw ApiError.forbidden(
      `Only the officers working on ${review.reference}, and coordinators, may record its evidence.`,
    );
}
