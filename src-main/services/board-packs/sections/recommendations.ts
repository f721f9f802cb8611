import {
  managementResponseLabels,
  recommendationStatusLabels,
} from '../../../../src-shared/rules/recommendations';
import type { Recommendation } from '../../../../src-shared/domain/recommendations';
import { caseFigures } from '../../cases/figures';
import { allMatching } from '../../recommendations/recommendations';
import type { PackSectionModule } from '../section';

/** The Group Audit and Risk Committee's exception report: overdue and rejected recommendations. */
export function isException(r: Recommendation): boolean {
  return r.overdue || r.managementResponse === 'rejected';
}

/**
 * At ten years the report runs to thousands of rows: the PDF prints the
 * first of them (the longest overdue first) and the workbook has them all.
 */
export const EXCEPTIONS_IN_PDF = 50;

/** The overdue first, longest overdue first; then the rejected, by due date. */
function byUrgency(a: Recommendation, b: Recommendation): number {
  return (
    Number(b.overdue) - Number(a.overdue) ||
    (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999') ||
    a.reference.localeCompare(b.reference)
  );
}

const recColumns = [
  { header: 'Reference', format: 'text' as const },
  { header: 'From', format: 'text' as const },
  { header: 'Recommendation', format: 'text' as const },
  { header: 'Response', format: 'text' as const },
  { header: 'Owner', format: 'text' as const },
  { header: 'Due', format: 'date' as const },
  { header: 'Status', format: 'text' as const },
];

function recRow(r: Recommendation) {
  return [
    r.reference,
    r.sourceLabel,
    r.text,
    r.managementResponse ? managementResponseLabels[r.managementResponse] : 'Awaiting response',
    r.owner,
    r.dueDate,
    r.overdue ? 'Overdue' : recommendationStatusLabels[r.status],
  ];
}

export const recommendationsSection: PackSectionModule = {
  key: 'recommendations',
  title: 'Recommendations and the exception report',
  description:
    'Where every recommendation stands, and the overdue and rejected ones the Group Audit and Risk Committee must see.',
  async figures(input) {
    const [f, all] = await Promise.all([
      input.once('cases', () => caseFigures(input.ctx, input.period)),
      allMatching(input.ctx, { offset: 0, limit: 1000 }),
    ]);
    const exceptions = all.filter(isException).sort(byUrgency);
    const r = f.recommendations;
    return {
      key: this.key,
      title: this.title,
      summary: `${exceptions.length} recommendation${exceptions.length === 1 ? ' is' : 's are'} overdue or rejected, of ${all.length} on the tracker.`,
      headlines: [
        { label: 'Overdue', value: all.filter((x) => x.overdue).length, format: 'integer' },
        {
          label: 'Rejected',
          value: all.filter((x) => x.managementResponse === 'rejected').length,
          format: 'integer',
        },
        { label: 'On the tracker', value: all.length, format: 'integer' },
      ],
      tables: [
        {
          id: 'complaint-recommendations',
          title: 'Complaint panel recommendations by status',
          columns: [
            { header: 'Status', format: 'text' },
            { header: 'Recommendations', format: 'integer', total: true },
          ],
          rows: [
            ['Open', r.open],
            ['In progress', r.inProgress],
            ['Implemented', r.implemented],
            ['Verified', r.verified],
            ['Rejected', r.rejected],
          ],
          note: `Of these, ${r.overdue} are overdue and ${r.systemic} could recur across other services or households (they go to the Board and the Group Audit and Risk Committee).`,
        },
        {
          id: 'exception-report',
          title: 'Exception report: overdue and rejected recommendations',
          columns: recColumns,
          rows: exceptions.map(recRow),
          pdfRowLimit: EXCEPTIONS_IN_PDF,
          note: 'Overdue: not implemented, verified or rejected, and past its due date as at the day the figures were worked out. The longest overdue first, then the rejected.',
        },
        {
          id: 'all-recommendations',
          title: 'All recommendations (the rows behind the counts)',
          detail: true,
          columns: recColumns,
          rows: all.map(recRow),
        },
      ],
      charts: [
        {
          id: 'recommendations-chart',
          title: 'Complaint panel recommendations by status',
          xLabel: 'Status',
          yLabel: 'Recommendations',
          valueFormat: 'integer',
          bars: [
            { label: 'Open', value: r.open },
            { label: 'In progress', value: r.inProgress },
            { label: 'Implemented', value: r.implemented },
            { label: 'Verified', value: r.verified },
            { label: 'Rejected', value: r.rejected },
          ],
        },
      ],
      notes: [],
    };
  },
};
