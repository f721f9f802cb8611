import { createElement } from 'react';
import type { GeneratedFile } from '../../../src-shared/api/cases';
import { serviceAreas } from '../../../src-shared/domain/customer';
import { commissionerLabels, evidenceKindLabels } from '../../../src-shared/domain/reviews';
import {
  managementResponseLabels,
  recommendationStatusLabels,
} from '../../../src-shared/rules/recommendations';
import { frameworkInForce, requirementTitle } from '../../../src-shared/rules/assurance-framework';
import { fillReviewTemplate } from '../../../src-shared/rules/review-report-template';
import { renderPdf } from '../../documents/pdf';
import { ReviewReport, type ReviewReportData } from '../../documents/review-report';
import type { CallContext } from '../context';
import { allMatching } from '../recommendations/recommendations';
import { readSetting } from '../settings';
import { commentSummary } from './comments';
import { loadedFrameworks } from './reference-data';
import { getReview } from './reviews';

/*
 * The final report, from the review's own editable wording (copied from its
 * kind's template when the review started) with its placeholders filled in.
 * Everything is read first; rendering happens after, outside any transaction.
 */

const longDate = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
const shortDate = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});
function fmt(iso: string | null | undefined, format = longDate): string {
  return iso ? format.format(new Date(`${iso.slice(0, 10)}T12:00:00Z`)) : 'not set';
}

function refNumber(reference: string): number {
  return Number(/\/R(\d+)$/.exec(reference)?.[1] ?? 0);
}

export async function reviewReport(
  ctx: CallContext,
  input: { reviewId: string },
): Promise<GeneratedFile> {
  const review = await getReview(ctx, { id: input.reviewId });
  const [recs, organisation, comments] = await Promise.all([
    allMatching(ctx, {
      sourceType: 'scrutiny_review',
      sourceId: review.id,
      offset: 0,
      limit: 1000,
    }),
    readSetting<string | null>(ctx, 'organisation.name', null),
    commentSummary(ctx, { reviewId: input.reviewId }),
  ]);
  const c = review.commission;
  const commissionedBy =
    c.commissionedBy === 'business_manager'
      ? `${c.commissionerName} (${c.commissionerService})`
      : commissionerLabels[c.commissionedBy].replace(/^The /, 'the ').replace(/^A /, 'a ');
  const values = {
    reference: review.reference,
    kind: review.kindLabel,
    service: serviceAreas.labels[review.serviceArea],
    commissionedBy,
    question: c.question,
    title: review.title,
  };
  const fill = (t: string) => fillReviewTemplate(t, values);
  const loaded = loadedFrameworks(ctx);
  const version = frameworkInForce(loaded, review.completedOn ?? review.startedOn).version;
  const data: ReviewReportData = {
    organisation: organisation ?? 'Customer involvement',
    reference: review.reference,
    title: review.title,
    kindLabel: review.kindLabel,
    generatedOn: fmt(ctx.clock.now().toISOString()),
    intro: fill(review.reportTemplate.intro),
    closing: review.reportTemplate.closing ? fill(review.reportTemplate.closing) : null,
    summary: [
      ['Commissioned by', commissionedBy],
      ['Commissioned on', fmt(c.commissionedOn)],
      ['Question', c.question],
      ['Service', serviceAreas.labels[review.serviceArea]],
      ['Landlords in scope', c.landlordNames.length ? c.landlordNames.join(', ') : 'All'],
      ['Started', fmt(review.startedOn)],
      ['Deadline asked for', fmt(review.deadline)],
      [
        'Completed',
        review.completedOn ? fmt(review.completedOn) : `Not yet (${review.stageLabel})`,
      ],
      ['Lead officer', review.leadOfficerName ?? ''],
    ],
    team: review.team.map((t) =>
      t.role === 'customer_lead' ? `${t.name} (customer lead)` : t.name,
    ),
    findings: review.findings.map((f) => ({ heading: f.heading, text: f.text })),
    evidence: review.evidence.map((e) => ({
      date: fmt(e.onDate),
      kind: evidenceKindLabels[e.kind],
      title: e.title,
      detail: [
        e.kind === 'data_request'
          ? `Asked ${fmt(e.askedOn)}; ${e.answeredOn ? `answered ${fmt(e.answeredOn)}` : 'not yet answered'}${e.daysLate ? `, ${e.daysLate} working day${e.daysLate === 1 ? '' : 's'} late` : ''}`
          : null,
        e.fileName ? `Document: ${e.fileName}` : null,
        e.notes,
      ]
        .filter(Boolean)
        .join('. '),
    })),
    // In the order they were made (R1, R2 … R10), not the tracker's due-date order.
    recommendations: [...recs]
      .sort((a, b) => refNumber(a.reference) - refNumber(b.reference))
      .map((r) => ({
        reference: r.reference,
        text: r.text,
        response: r.managementResponse
          ? `${managementResponseLabels[r.managementResponse]}${r.responseReason ? `: ${r.responseReason}` : ''}`
          : 'Awaiting response',
        owner: r.owner ?? '',
        due: r.dueDate ? fmt(r.dueDate, shortDate) : '',
        status: recommendationStatusLabels[r.status],
      })),
    comments: {
      total: comments.comments.length,
      byTheme: comments.byTheme,
      quotes: comments.quotes.map((q) => q.text),
    },
    requirements: review.tags.map((code) => `${requirementTitle(loaded, version, code)}`),
  };
  const bytes = await renderPdf(createElement(ReviewReport, { data }) as never);
  return {
    fileName: `${review.reference} final report.pdf`,
    mimeType: 'application/pdf',
    contentBase64: bytes.toString('base64'),
  };
}
