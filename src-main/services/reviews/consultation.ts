import { createElement } from 'react';
import type { z } from 'zod';
import type { GeneratedFile } from '../../../src-shared/api/cases';
import {
  consultationOutcomeLabels,
  type consultationInput,
  type outcomeInput,
  type ReviewDetail,
} from '../../../src-shared/domain/reviews';
import { ApiError } from '../../../src-shared/errors';
import { londonDate, longDate } from '../../../src-shared/rules/working-days';
import { ConsultationFeedback } from '../../documents/consultation-feedback';
import { renderPdf } from '../../documents/pdf';
import { demand, writing, type AppContext, type CallContext } from '../context';
import { readSetting } from '../settings';
import { requireReview } from './access';
import { commentSummary } from './comments';
import { getReview } from './reviews';

/*
 * A policy consultation runs on a task & finish group's three days (day 1
 * context, the online comment window, day 2 revising, day 3 the revised
 * policy) and ends with feedback to everyone who took part: each point they
 * made, what became of it, and why.
 */

async function consultationReview(ctx: AppContext, reviewId: string) {
  const r = await requireReview(ctx, reviewId);
  if (r.kind !== 'policy_consultation')
    throw ApiError.invalid(
      'Only a policy consultation has a policy, a comment window and feedback.',
    );
  return r;
}

export async function saveConsultation(
  ctx: CallContext,
  input: z.output<typeof consultationInput>,
): Promise<ReviewDetail> {
  demand(ctx, 'reviews.write');
  const r = await consultationReview(ctx, input.reviewId);
  if (input.commentOpens && input.commentOpens < r.started_on)
    throw ApiError.invalid('The comment window cannot open before the consultation started.', [
      { path: 'commentOpens', message: `Use ${r.started_on} or later.` },
    ]);
  if (input.feedbackSentOn && input.commentCloses && input.feedbackSentOn < input.commentCloses)
    throw ApiError.invalid('Feedback cannot be sent before the comment window closes.', [
      { path: 'feedbackSentOn', message: 'Use the closing date or later.' },
    ]);
  if (input.taskGroupId) {
    const group = await ctx.db
      .selectFrom('groups')
      .select(['kind', 'name'])
      .where('id', '=', input.taskGroupId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (!group)
      throw ApiError.invalid('That group is not on the register.', [
        { path: 'taskGroupId', message: 'Choose a task & finish group.' },
      ]);
    if (group.kind !== 'task_and_finish')
      throw ApiError.invalid(
        `${group.name} is not a task & finish group: the three days are planned on one.`,
        [{ path: 'taskGroupId', message: 'Choose a task & finish group.' }],
      );
  }
  if (input.policyId) {
    const policy = await ctx.db
      .selectFrom('policies')
      .select('id')
      .where('id', '=', input.policyId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (!policy)
      throw ApiError.invalid('That policy is not on the register.', [
        { path: 'policyId', message: 'Choose a policy from the register.' },
      ]);
  }
  await writing(ctx, (w) =>
    w.update('reviews', r.id, {
      policy_name: input.policyName,
      ...(input.policyId !== undefined ? { policy_id: input.policyId } : {}),
      board_date: input.boardDate,
      comment_opens: input.commentOpens,
      comment_closes: input.commentCloses,
      feedback_sent_on: input.feedbackSentOn,
      ...(input.taskGroupId !== undefined ? { task_group_id: input.taskGroupId } : {}),
    }),
  );
  return getReview(ctx, { id: r.id });
}

export async function addOutcome(
  ctx: CallContext,
  input: z.output<typeof outcomeInput>,
): Promise<ReviewDetail> {
  demand(ctx, 'reviews.write');
  const r = await consultationReview(ctx, input.reviewId);
  await writing(ctx, async (w) => {
    const last = await w.trx
      .selectFrom('consultation_outcomes')
      .select((eb) => eb.fn.max('position').as('p'))
      .where('review_id', '=', r.id)
      .executeTakeFirst();
    await w.create('consultation_outcomes', {
      review_id: r.id,
      position: Number(last?.p ?? 0) + 1,
      said: input.said,
      outcome: input.outcome,
      explanation: input.explanation,
    });
  });
  return getReview(ctx, { id: r.id });
}

export async function removeOutcome(
  ctx: CallContext,
  input: { id: string },
): Promise<ReviewDetail> {
  demand(ctx, 'reviews.write');
  const row = await ctx.db
    .selectFrom('consultation_outcomes')
    .select('review_id')
    .where('id', '=', input.id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw ApiError.notFound('The point');
  await writing(ctx, (w) => w.remove('consultation_outcomes', input.id));
  return getReview(ctx, { id: row.review_id });
}

/** The feedback to participants as a PDF, from the points recorded. */
export async function consultationFeedback(
  ctx: CallContext,
  input: { reviewId: string },
): Promise<GeneratedFile> {
  await consultationReview(ctx, input.reviewId);
  const review = await getReview(ctx, { id: input.reviewId });
  const c = review.consultation;
  if (c.outcomes.length === 0)
    throw ApiError.invalid(
      'Record at least one point participants made, and what became of it, before writing their feedback.',
    );
  const [organisation, comments] = await Promise.all([
    readSetting<string | null>(ctx, 'organisation.name', null),
    commentSummary(ctx, { reviewId: review.id }),
  ]);
  const bytes = await renderPdf(
    createElement(ConsultationFeedback, {
      data: {
        organisation: organisation ?? 'Customer involvement',
        reference: review.reference,
        policyName: c.policyName ?? review.title,
        generatedOn: longDate(londonDate(ctx.clock.now())),
        window:
          c.commentOpens && c.commentCloses
            ? `from ${longDate(c.commentOpens)} to ${longDate(c.commentCloses)}`
            : null,
        boardDate: c.boardDate ? longDate(c.boardDate) : null,
        participants: review.team.map((t) => t.name),
        commentCount: comments.comments.length,
        points: c.outcomes.map((o) => ({
          said: o.said,
          outcome: consultationOutcomeLabels[o.outcome],
          explanation: o.explanation,
        })),
      },
    }) as never,
  );
  return {
    fileName: `${review.reference} feedback to participants.pdf`,
    mimeType: 'application/pdf',
    contentBase64: bytes.toString('base64'),
  };
}
