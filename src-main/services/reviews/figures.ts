import type { ReviewFigures, ReviewKind } from '../../../src-shared/domain/reviews';
import { reviewKinds } from '../../../src-shared/domain/reviews';
import {
  isOverdue,
  type ManagementResponse,
  type RecommendationStatus,
} from '../../../src-shared/rules/recommendations';
import { durationAgainstExpected } from '../../../src-shared/rules/review-weeks';
import { financialYearRange } from '../../../src-shared/rules/report-period';
import { addCalendarDays } from '../../../src-shared/rules/working-days';
import { bankHolidays } from '../reference/bank-holidays';
import type { AppContext } from '../context';
import { assuranceMatrix } from './assurance';
import { todayOf } from './reviews';
import { reviewTemplates, targetsFor } from './templates';

/*
 * The scrutiny figures for the board packs, for a financial year (April to
 * March, the year the Board's targets are set for): reviews
 * completed per kind against the year's targets, each completed review's
 * length against its kind's expected length, recommendations by review,
 * assurance coverage, and consultations finished before the Board's date.
 */
export async function reviewFigures(
  ctx: AppContext,
  input: { year: number; from?: string; to?: string },
): Promise<ReviewFigures> {
  // A board pack asks for its own period (a quarter, a half-year), with the year's targets.
  const year = financialYearRange(input.year);
  const from = input.from ?? year.from;
  const to = input.to ?? year.to;
  const today = todayOf(ctx);
  const [templates, targets, completed, recs, matrix] = await Promise.all([
    reviewTemplates(ctx),
    targetsFor(ctx, input.year),
    ctx.db
      .selectFrom('reviews')
      .select(['id', 'reference', 'kind', 'started_on', 'completed_on', 'board_date'])
      .where('deleted_at', 'is', null)
      .where('completed_on', '>=', from)
      .where('completed_on', '<=', to)
      .orderBy('completed_on')
      .execute(),
    ctx.db
      .selectFrom('recommendations as r')
      .innerJoin('reviews as v', 'v.id', 'r.source_id')
      .select(['v.id', 'v.reference', 'r.status', 'r.management_response', 'r.due_date'])
      .where('r.source_type', '=', 'scrutiny_review')
      .where('r.deleted_at', 'is', null)
      .where('r.created_at', '>=', from)
      .where('r.created_at', '<', addCalendarDays(to, 1))
      .orderBy('v.reference')
      .execute(),
    assuranceMatrix(ctx, { from, to }),
  ]);
  const calendar = bankHolidays(ctx);
  const byReview = new Map<string, ReviewFigures['recommendations'][number]>();
  for (const r of recs) {
    const row = byReview.get(r.id) ?? {
      reviewId: r.id,
      reference: r.reference,
      made: 0,
      accepted: 0,
      implemented: 0,
      verified: 0,
      overdue: 0,
    };
    const status = r.status as RecommendationStatus;
    const response = r.management_response as ManagementResponse | null;
    row.made += 1;
    if (response === 'accepted' || response === 'partly_accepted') row.accepted += 1;
    if (status === 'implemented' || status === 'verified') row.implemented += 1;
    if (status === 'verified') row.verified += 1;
    if (isOverdue(status, response, r.due_date, today)) row.overdue += 1;
    byReview.set(r.id, row);
  }
  const consultations = completed.filter((r) => r.kind === 'policy_consultation');
  const beforeBoard = consultations.filter(
    (r) => r.board_date && r.completed_on! <= r.board_date,
  ).length;
  return {
    year: input.year,
    completed: reviewKinds.map((kind) => ({
      kind,
      label: templates[kind].label,
      completed: completed.filter((r) => r.kind === kind).length,
      target: targets[kind],
    })),
    durations: completed.map((r) => {
      const expected = templates[r.kind as ReviewKind].expected;
      const d = durationAgainstExpected(r.started_on, r.completed_on!, expected, calendar);
      return {
        reviewId: r.id,
        reference: r.reference,
        kind: r.kind as ReviewKind,
        weeks: d.weeks,
        expectedMaxWeeks: expected.maxWeeks,
        withinExpected: d.withinExpected,
      };
    }),
    recommendations: [...byReview.values()],
    coverage: matrix.coverage,
    consultations: {
      completed: consultations.length,
      beforeBoard,
      afterBoardOrNoDate: consultations.length - beforeBoard,
    },
  };
}
