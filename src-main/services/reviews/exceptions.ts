import { sql } from 'kysely';
import type { z } from 'zod';
import type { exceptionReportInput } from '../../../src-shared/domain/reviews';
import type { ExceptionReport, ReviewKind } from '../../../src-shared/domain/reviews';
import type {
  ManagementResponse,
  RecommendationStatus,
} from '../../../src-shared/rules/recommendations';
import {
  daysOverdue,
  exceptionReasons,
  type ExceptionReason,
} from '../../../src-shared/rules/review-exceptions';
import { addCalendarDays } from '../../../src-shared/rules/working-days';
import type { AppContext } from '../context';
import { todayOf } from './reviews';

/**
 * The exception report for the Group Audit and Risk Committee. SQL narrows
 * to the candidates (restating the rule so the indexes can be used); the rule
 * in src-shared/rules/review-exceptions.ts gives each row its reasons.
 */
export async function exceptionReport(
  ctx: AppContext,
  input: z.output<typeof exceptionReportInput>,
): Promise<ExceptionReport> {
  const today = todayOf(ctx);
  const since = input.since ?? addCalendarDays(today, -365);
  const base = () =>
    ctx.db
      .selectFrom('recommendations as r')
      .innerJoin('reviews as v', 'v.id', 'r.source_id')
      .select([
        'r.id',
        'r.reference',
        'r.text',
        'r.management_response',
        'r.status',
        'r.owner',
        'r.due_date',
        'v.id as review_id',
        'v.reference as review_reference',
        'v.kind',
      ])
      .where('r.source_type', '=', 'scrutiny_review')
      .where('r.deleted_at', 'is', null)
      .where('v.deleted_at', 'is', null);
  const notRejected = sql<boolean>`(r.management_response IS NULL OR r.management_response != 'rejected')`;
  // Three narrow queries, each on its own index, rather than one OR that scans every recommendation.
  const parts = await Promise.all([
    // Literal statuses, so SQLite can use the partial index of open recommendations by due date.
    base()
      .where(sql<boolean>`r.status IN ('open', 'in_progress')`)
      .where('r.due_date', '<', today)
      .where(notRejected)
      .execute(),
    base()
      .where('v.kind', '=', 'scrutiny_panel_review')
      .where('r.status', '!=', 'verified')
      .where(notRejected)
      .execute(),
    base()
      .where('r.management_response', 'in', ['rejected', 'partly_accepted'])
      .where('r.created_at', '>=', since)
      .execute(),
  ]);
  const seen = new Set<string>();
  const rows = parts.flat().filter((r) => !seen.has(r.id) && Boolean(seen.add(r.id)));
  const counts: Record<ExceptionReason, number> = {
    overdue: 0,
    rejected: 0,
    partly_accepted: 0,
    not_verified: 0,
  };
  const out = rows
    .map((r) => {
      const status = r.status as RecommendationStatus;
      const response = r.management_response as ManagementResponse | null;
      const reasons = exceptionReasons(
        {
          status,
          response,
          dueDate: r.due_date,
          fromScrutinyPanel: r.kind === 'scrutiny_panel_review',
        },
        today,
      );
      for (const reason of reasons) counts[reason] += 1;
      return {
        recommendationId: r.id,
        reference: r.reference,
        reviewId: r.review_id,
        reviewReference: r.review_reference,
        reviewKind: r.kind as ReviewKind,
        text: r.text,
        managementResponse: response,
        status,
        owner: r.owner,
        dueDate: r.due_date,
        daysOverdue: daysOverdue(r.due_date, today, reasons.includes('overdue')),
        reasons,
      };
    })
    .filter((r) => r.reasons.length)
    .sort(
      (a, b) =>
        b.daysOverdue - a.daysOverdue ||
        (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999') ||
        a.reference.localeCompare(b.reference),
    );
  return { today, since, rows: out, counts };
}
