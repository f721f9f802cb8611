import type { z } from 'zod';
import type { auditItemInput, contactInput } from '../../../src-shared/domain/reviews';
import type {
  AuditSheet,
  ContactChannel,
  MysteryShop,
  ReviewKind,
} from '../../../src-shared/domain/reviews';
import { ApiError } from '../../../src-shared/errors';
import {
  areaTotals,
  checkScore,
  compareVisits,
  passRates,
} from '../../../src-shared/rules/audit-scoring';
import { writing, type AppContext, type CallContext } from '../context';
import { demandEvidenceAccess, requireReview } from './access';
import { storeContent } from '../files/file-store';
import { todayOf } from './reviews';
import { templateFor } from './templates';

/*
 * Fieldwork that is scored: a neighbourhood audit's checklist (a score,
 * comment and photo per item per area, totals per area, compared with the
 * previous audit of the same areas) and a mystery shop's contacts (each
 * judged against the service standard, with the pass rate by channel).
 */

async function itemsOf(ctx: AppContext, reviewId: string) {
  return ctx.db
    .selectFrom('review_audit_items')
    .select(['id', 'area', 'item', 'score', 'max_score', 'comment', 'photo_name'])
    .where('review_id', '=', reviewId)
    .where('deleted_at', 'is', null)
    .orderBy('area')
    .orderBy('created_at')
    .execute();
}

const asScores = (rows: Awaited<ReturnType<typeof itemsOf>>) =>
  rows.map((r) => ({ area: r.area, item: r.item, score: r.score, maxScore: r.max_score }));

export async function auditSheet(
  ctx: CallContext,
  input: { reviewId: string },
): Promise<AuditSheet> {
  const r = await requireReview(ctx, input.reviewId);
  const items = await itemsOf(ctx, r.id);
  const areas = [...new Set(items.map((i) => i.area.toLowerCase()))];
  // The previous audit is the latest earlier one that visited any of the same areas.
  const earlier = areas.length
    ? await ctx.db
        .selectFrom('reviews as v')
        .select(['v.id', 'v.reference', 'v.started_on'])
        .where('v.kind', '=', 'neighbourhood_audit')
        .where('v.deleted_at', 'is', null)
        .where('v.id', '!=', r.id)
        .where('v.started_on', '<=', r.started_on)
        .where((eb) =>
          eb.exists(
            eb
              .selectFrom('review_audit_items as i')
              .select('i.id')
              .whereRef('i.review_id', '=', 'v.id')
              .where('i.deleted_at', 'is', null)
              .where((e) => e.fn('lower', ['i.area']), 'in', areas),
          ),
        )
        .orderBy('v.started_on', 'desc')
        .orderBy('v.reference', 'desc')
        .executeTakeFirst()
    : undefined;
  const previousItems = earlier ? await itemsOf(ctx, earlier.id) : [];
  const template = await templateFor(ctx, r.kind as ReviewKind);
  return {
    items: items.map((i) => ({
      id: i.id,
      area: i.area,
      item: i.item,
      score: i.score,
      maxScore: i.max_score,
      comment: i.comment,
      photoName: i.photo_name,
    })),
    totals: areaTotals(asScores(items)).map((t) => ({
      area: t.area,
      score: t.score,
      max: t.max,
      percent: t.percent,
      unscored: t.unscored,
    })),
    previous: earlier
      ? { reviewId: earlier.id, reference: earlier.reference, startedOn: earlier.started_on }
      : null,
    comparison: earlier ? compareVisits(asScores(items), asScores(previousItems)) : [],
    checklist: template.checklist,
  };
}

export async function saveAuditItem(
  ctx: CallContext,
  input: z.output<typeof auditItemInput>,
): Promise<AuditSheet> {
  const r = await requireReview(ctx, input.reviewId);
  await demandEvidenceAccess(ctx, r);
  if (r.kind !== 'neighbourhood_audit')
    throw ApiError.invalid('Checklist scores belong to neighbourhood audits.');
  const problem = checkScore(input.score, input.maxScore);
  if (problem) throw ApiError.invalid(problem, [{ path: 'score', message: problem }]);
  const stored = input.photo ? storeContent(ctx, input.photo.contentBase64) : null;
  await writing(ctx, async (w) => {
    const existing = await w.trx
      .selectFrom('review_audit_items')
      .select('id')
      .where('review_id', '=', r.id)
      .where('area', '=', input.area)
      .where('item', '=', input.item)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    const values = {
      score: input.score,
      max_score: input.maxScore,
      comment: input.comment,
      ...(input.photo && stored
        ? {
            photo_name: input.photo.fileName,
            photo_mime: input.photo.mimeType,
            photo_hash: stored.hash,
          }
        : {}),
    };
    if (existing) await w.update('review_audit_items', existing.id, values);
    else
      await w.create('review_audit_items', {
        review_id: r.id,
        area: input.area,
        item: input.item,
        photo_name: null,
        photo_mime: null,
        photo_hash: null,
        ...values,
      });
  });
  return auditSheet(ctx, { reviewId: r.id });
}

export async function mysteryShop(
  ctx: CallContext,
  input: { reviewId: string },
): Promise<MysteryShop> {
  const r = await requireReview(ctx, input.reviewId);
  const rows = await ctx.db
    .selectFrom('review_contacts')
    .selectAll()
    .where('review_id', '=', r.id)
    .where('deleted_at', 'is', null)
    .orderBy('contacted_on')
    .orderBy('created_at')
    .execute();
  const contacts = rows.map((c) => ({
    id: c.id,
    scenario: c.scenario,
    channel: c.channel as ContactChannel,
    contactedOn: c.contacted_on,
    standard: c.standard,
    metStandard: c.met_standard === null ? null : c.met_standard === 1,
    note: c.note,
  }));
  return { contacts, ...passRates(contacts) };
}

export async function addContact(
  ctx: CallContext,
  input: z.output<typeof contactInput>,
): Promise<MysteryShop> {
  const r = await requireReview(ctx, input.reviewId);
  await demandEvidenceAccess(ctx, r);
  if (r.kind !== 'mystery_shop' && r.kind !== 'reality_check')
    throw ApiError.invalid(
      'Contacts judged against a standard belong to mystery shops and reality checks.',
    );
  if (input.contactedOn > todayOf(ctx))
    throw ApiError.invalid('A contact cannot be dated in the future.', [
      { path: 'contactedOn', message: 'Use today or earlier.' },
    ]);
  if (input.contactedOn < r.started_on)
    throw ApiError.invalid(
      `A contact cannot be dated before the review started (${r.started_on}).`,
      [{ path: 'contactedOn', message: `Use ${r.started_on} or later.` }],
    );
  await writing(ctx, (w) =>
    w.create('review_contacts', {
      review_id: r.id,
      scenario: input.scenario,
      channel: input.channel,
      contacted_on: input.contactedOn,
      standard: input.standard,
      met_standard: input.metStandard === null ? null : input.metStandard ? 1 : 0,
      note: input.note,
    }),
  );
  return mysteryShop(ctx, { reviewId: r.id });
}
