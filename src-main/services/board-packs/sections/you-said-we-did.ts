import { listYouSaidWeDid } from '../../reviews/you-said-we-did';
import type { PackSectionModule } from '../section';

const fromLabels = {
  review: 'A review or consultation',
  recommendation: 'A recommendation',
  complaint_case: 'A complaint panel case',
} as const;

export const youSaidWeDidSection: PackSectionModule = {
  key: 'you-said-we-did',
  title: '“You said, we did”',
  description:
    'Changes that took effect in the period because of what involved customers said, and how customers were told.',
  async figures(input) {
    const changes = await listYouSaidWeDid(input.ctx, {
      from: input.period.from,
      to: input.period.to,
    });
    // The list is newest first; a report reads in the order things happened.
    const inOrder = [...changes].sort(
      (a, b) => a.effectiveOn.localeCompare(b.effectiveOn) || a.id.localeCompare(b.id),
    );
    const kinds = Object.keys(fromLabels) as (keyof typeof fromLabels)[];
    return {
      key: this.key,
      title: this.title,
      summary: `${changes.length} change${changes.length === 1 ? '' : 's'} took effect in the period because of what involved customers said.`,
      headlines: [
        { label: 'Changes made', value: changes.length, format: 'integer' },
        ...kinds.map((k) => ({
          label: `From ${fromLabels[k].replace(/^A /, 'a ')}`,
          value: changes.filter((c) => c.sourceType === k).length,
          format: 'integer' as const,
        })),
      ],
      tables: [
        {
          id: 'you-said-we-did',
          title: 'You said, we did',
          columns: [
            { header: 'Took effect', format: 'date' },
            { header: 'You said', format: 'text' },
            { header: 'We did', format: 'text' },
            { header: 'How customers were told', format: 'text' },
            { header: 'From', format: 'text' },
          ],
          rows: inOrder.map((c) => [c.effectiveOn, c.youSaid, c.weDid, c.howTold, c.sourceLabel]),
        },
        {
          id: 'you-said-we-did-by-source',
          title: 'Changes by where they came from',
          columns: [
            { header: 'From', format: 'text' },
            { header: 'Changes', format: 'integer', total: true },
          ],
          rows: kinds.map((k) => [fromLabels[k], changes.filter((c) => c.sourceType === k).length]),
        },
      ],
      charts: [],
      notes: [],
    };
  },
};
