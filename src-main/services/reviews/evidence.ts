import type { z } from 'zod';
import type {
  evidenceAnswerInput,
  evidenceInput,
  findingInput,
} from '../../../src-shared/domain/reviews';
import type { ReviewDetail } from '../../../src-shared/domain/reviews';
import { ApiError } from '../../../src-shared/errors';
import { demand, writing, type CallContext } from '../context';
import { demandEvidenceAccess, requireReview } from './access';
import { readStoredContent, storeContent } from '../files/file-store';
import { getReview, todayOf } from './reviews';

/*
 * The evidence log: interviews, data requests (asked, due and answered, so
 * lateness shows), site visits, observations and documents, each document
 * kept in the content-addressed file store. Findings are the panel's
 * conclusions, in order, for the report.
 */

export async function addEvidence(
  ctx: CallContext,
  input: z.output<typeof evidenceInput>,
): Promise<ReviewDetail> {
  const r = await requireReview(ctx, input.reviewId);
  await demandEvidenceAccess(ctx, r);
  const today = todayOf(ctx);
  for (const [path, value, label] of [
    ['onDate', input.onDate, 'The date'],
    ['askedOn', input.askedOn, 'The date asked'],
    ['answeredOn', input.answeredOn, 'The date answered'],
  ] as const) {
    if (value && value > today)
      throw ApiError.invalid(`${label} cannot be in the future.`, [
        { path, message: 'Use today or earlier.' },
      ]);
  }
  if (input.onDate < r.started_on)
    throw ApiError.invalid(
      `Evidence cannot be dated before the review started (${r.started_on}).`,
      [{ path: 'onDate', message: `Use ${r.started_on} or later.` }],
    );
  // The file is stored before the record that cites it, never inside the transaction.
  const stored = input.file ? storeContent(ctx, input.file.contentBase64) : null;
  await writing(ctx, (w) =>
    w.create('review_evidence', {
      review_id: r.id,
      kind: input.kind,
      title: input.title,
      on_date: input.onDate,
      notes: input.notes,
      asked_on: input.askedOn,
      due_on: input.dueOn,
      answered_on: input.answeredOn,
      file_name: input.file?.fileName ?? null,
      mime_type: input.file?.mimeType ?? null,
      size_bytes: stored?.sizeBytes ?? null,
      content_hash: stored?.hash ?? null,
    }),
  );
  return getReview(ctx, { id: r.id });
}

async function evidenceRow(ctx: CallContext, id: string) {
  const row = await ctx.db
    .selectFrom('review_evidence')
    .selectAll()
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw ApiError.notFound('The evidence');
  return row;
}

export async function recordAnswer(
  ctx: CallContext,
  input: z.output<typeof evidenceAnswerInput>,
): Promise<ReviewDetail> {
  const e = await evidenceRow(ctx, input.id);
  const r = await requireReview(ctx, e.review_id);
  await demandEvidenceAccess(ctx, r);
  if (e.asked_on && input.answeredOn < e.asked_on)
    throw ApiError.invalid('The answer cannot come before the question.', [
      { path: 'answeredOn', message: `Use ${e.asked_on} or later.` },
    ]);
  if (input.answeredOn > todayOf(ctx))
    throw ApiError.invalid('The date answered cannot be in the future.', [
      { path: 'answeredOn', message: 'Use today or earlier.' },
    ]);
  await writing(ctx, (w) => w.update('review_evidence', e.id, { answered_on: input.answeredOn }));
  return getReview(ctx, { id: r.id });
}

export async function readEvidenceFile(
  ctx: CallContext,
  input: { id: string },
): Promise<{ fileName: string; mimeType: string; contentBase64: string }> {
  const e = await evidenceRow(ctx, input.id);
  if (!e.content_hash || !e.file_name) throw ApiError.notFound('A document for this evidence');
  return {
    fileName: e.file_name,
    mimeType: e.mime_type ?? 'application/octet-stream',
    contentBase64: readStoredContent(ctx, e.content_hash, e.file_name),
  };
}

export async function addFinding(
  ctx: CallContext,
  input: z.output<typeof findingInput>,
): Promise<ReviewDetail> {
  const r = await requireReview(ctx, input.reviewId);
  await demandEvidenceAccess(ctx, r);
  await writing(ctx, async (w) => {
    const last = await w.trx
      .selectFrom('review_findings')
      .select((eb) => eb.fn.max('position').as('p'))
      .where('review_id', '=', r.id)
      .executeTakeFirst();
    await w.create('review_findings', {
      review_id: r.id,
      position: Number(last?.p ?? 0) + 1,
      heading: input.heading,
      text: input.text,
    });
  });
  return getReview(ctx, { id: r.id });
}

export async function removeFinding(
  ctx: CallContext,
  input: { id: string },
): Promise<ReviewDetail> {
  demand(ctx, 'reviews.write');
  const row = await ctx.db
    .selectFrom('review_findings')
    .select('review_id')
    .where('id', '=', input.id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw ApiError.notFound('The finding');
  await writing(ctx, (w) => w.remove('review_findings', input.id));
  return getReview(ctx, { id: row.review_id });
}
