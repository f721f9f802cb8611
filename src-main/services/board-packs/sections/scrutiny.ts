import { reviewKindLabels, type ReviewKind } from '../../../../src-shared/domain/reviews';
import { expectedMeetings } from '../../../../src-shared/rules/cadence';
import { amberFrom, ragFor } from '../../../../src-shared/rules/kpi-rag';
import { reviewFigures } from '../../reviews/figures';
import type { KpiLine, PackSectionModule, SectionInput } from '../section';

/** The Strategy's scrutiny targets (Appendix C) that go on the KPI scorecard. */
const scorecardKinds: readonly ReviewKind[] = [
  'scrutiny_panel_review',
  'csi_project',
  'neighbourhood_audit',
];

function figuresOf(input: SectionInput) {
  return input.once('reviews', () =>
    reviewFigures(input.ctx, {
      year: input.period.financialYear,
      from: input.period.from,
      to: input.period.to,
    }),
  );
}

/** A year's target pro-rated to the period, by days, in whole reviews (as groups' meetings are). */
function targetFor(input: SectionInput, perYear: number | null): number | null {
  return expectedMeetings(perYear, input.period.from, input.period.to);
}

export const scrutinySection: PackSectionModule = {
  key: 'scrutiny',
  title: 'Scrutiny reviews',
  description:
    'Reviews completed against the year’s targets, how long each took, and what became of their recommendations.',
  async figures(input) {
    const f = await figuresOf(input);
    const completed = f.completed.reduce((a, k) => a + k.completed, 0);
    const made = f.recommendations.reduce((a, r) => a + r.made, 0);
    const accepted = f.recommendations.reduce((a, r) => a + r.accepted, 0);
    const implemented = f.recommendations.reduce((a, r) => a + r.implemented, 0);
    const overdue = f.recommendations.reduce((a, r) => a + r.overdue, 0);
    const within = f.durations.filter((d) => d.withinExpected).length;
    return {
      key: this.key,
      title: this.title,
      summary: `${completed} review${completed === 1 ? '' : 's'} completed in the period; reviews made ${made} recommendation${made === 1 ? '' : 's'} in it, of which ${accepted} accepted (in full or in part), ${implemented} implemented and ${overdue} overdue.`,
      headlines: [
        { label: 'Reviews completed', value: completed, format: 'integer' },
        { label: 'Recommendations made', value: made, format: 'integer' },
        { label: 'Accepted', value: accepted, format: 'integer' },
        { label: 'Implemented', value: implemented, format: 'integer' },
        { label: 'Overdue', value: overdue, format: 'integer' },
      ],
      tables: [
        {
          id: 'reviews-by-kind',
          title: 'Reviews completed by kind, against the target for the period',
          columns: [
            { header: 'Kind', format: 'text' },
            { header: 'Completed', format: 'integer', total: true },
            { header: 'Target', format: 'integer' },
            { header: 'Yearly', format: 'integer' },
          ],
          rows: f.completed.map((k) => [
            reviewKindLabels[k.kind],
            k.completed,
            targetFor(input, k.target),
            k.target,
          ]),
          note: 'Target: the target a year pro-rated to the period by days, rounded to whole reviews.',
        },
        {
          id: 'review-lengths',
          title: 'How long each completed review took',
          columns: [
            { header: 'Review', format: 'text' },
            { header: 'Kind', format: 'text' },
            { header: 'Weeks', format: 'integer' },
            { header: 'Expected at most', format: 'integer' },
            { header: 'Within expected', format: 'text' },
          ],
          rows: f.durations.map((d) => [
            d.reference,
            reviewKindLabels[d.kind],
            d.weeks,
            d.expectedMaxWeeks,
            d.withinExpected ? 'Yes' : 'No',
          ]),
          note: `${within} of ${f.durations.length} within the length expected for their kind (working weeks, from the start to completion).`,
        },
        {
          id: 'review-recommendations',
          title: 'Recommendations made in the period, by review',
          columns: [
            { header: 'Review', format: 'text' },
            { header: 'Made', format: 'integer', total: true },
            { header: 'Accepted', format: 'integer', total: true },
            { header: 'Implemented', format: 'integer', total: true },
            { header: 'Verified', format: 'integer', total: true },
            { header: 'Overdue', format: 'integer', total: true },
          ],
          rows: f.recommendations.map((r) => [
            r.reference,
            r.made,
            r.accepted,
            r.implemented,
            r.verified,
            r.overdue,
          ]),
          note: 'Accepted counts those accepted in full or in part; implemented includes those since verified. Overdue and rejected ones are listed in the exception report.',
        },
      ],
      charts: [
        {
          id: 'reviews-chart',
          title: 'Reviews completed against the target for the period',
          xLabel: 'Kind',
          yLabel: 'Reviews',
          valueFormat: 'integer',
          bars: f.completed.map((k) => ({
            label: reviewKindLabels[k.kind],
            value: k.completed,
            target: targetFor(input, k.target),
          })),
        },
      ],
      notes: [
        `Policy consultations completed: ${f.consultations.completed}, of which ${f.consultations.beforeBoard} before the Board’s date for the policy.`,
      ],
    };
  },
  async kpis(input) {
    const f = await figuresOf(input);
    const lines: KpiLine[] = [];
    for (const kind of scorecardKinds) {
      const k = f.completed.find((c) => c.kind === kind);
      if (!k || k.target === null) continue;
      const target = targetFor(input, k.target);
      lines.push({
        measure: `${reviewKindLabels[kind]}s completed (${k.target} a year)`,
        format: 'integer',
        target,
        actual: k.completed,
        rag: ragFor(k.completed, target),
        greenFrom: target,
        amberFrom: amberFrom(target),
      });
    }
    return lines;
  },
};
