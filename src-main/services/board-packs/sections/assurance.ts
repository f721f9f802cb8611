import { tagEntityLabels } from '../../../../src-shared/domain/reviews';
import { assuranceMatrix } from '../../reviews/assurance';
import type { PackSectionModule } from '../section';

export const assuranceSection: PackSectionModule = {
  key: 'assurance',
  title: 'Regulatory assurance matrix',
  description:
    'Which consumer standard requirements customers gave assurance on in the period, through which activities, and where there is none.',
  async figures(input) {
    const m = await assuranceMatrix(input.ctx, { from: input.period.from, to: input.period.to });
    const standards = [...new Set(m.rows.map((r) => r.standard))];
    const byStandard = standards.map((standard) => {
      const rows = m.rows.filter((r) => r.standard === standard);
      const covered = rows.filter((r) => r.count > 0).length;
      return { standard, covered, total: rows.length };
    });
    const evidence = m.rows.reduce((a, r) => a + r.count, 0);
    return {
      key: this.key,
      title: this.title,
      summary: `Customers gave assurance on ${m.coverage.covered} of the ${m.coverage.total} requirements of ${m.framework.title} (${m.coverage.percent}%), from ${evidence} piece${evidence === 1 ? '' : 's'} of evidence; ${m.uncovered.length} had none in the period.`,
      headlines: [
        { label: 'Requirements with assurance', value: m.coverage.covered, format: 'integer' },
        { label: 'Requirements in all', value: m.coverage.total, format: 'integer' },
        { label: 'Coverage', value: m.coverage.percent / 100, format: 'share' },
        { label: 'Pieces of evidence', value: evidence, format: 'integer' },
      ],
      tables: [
        {
          id: 'assurance-by-standard',
          title: 'Requirements with assurance, by standard',
          columns: [
            { header: 'Standard', format: 'text' },
            { header: 'With assurance', format: 'integer', total: true },
            { header: 'Requirements', format: 'integer', total: true },
            { header: 'Share', format: 'share' },
          ],
          rows: byStandard.map((s) => [
            s.standard,
            s.covered,
            s.total,
            s.total ? s.covered / s.total : null,
          ]),
        },
        {
          id: 'assurance-matrix',
          title: 'Assurance by requirement',
          // By code, whose letters name the standard (the table above counts each standard).
          columns: [
            { header: 'Code', format: 'text' },
            { header: 'Requirement', format: 'text' },
            { header: 'Evidence', format: 'integer', total: true },
            { header: 'Latest', format: 'date' },
          ],
          rows: m.rows.map((r) => [r.code, r.title, r.count, r.latest]),
          note: `${m.framework.title} (version ${m.framework.version}, in force from ${m.framework.effectiveFrom}). Evidence counts every review, piece of review evidence, activity or change tagged with the requirement and dated in the period.`,
        },
        {
          id: 'assurance-gaps',
          title: 'Requirements with no assurance in the period',
          columns: [
            { header: 'Code', format: 'text' },
            { header: 'Standard', format: 'text' },
            { header: 'Requirement', format: 'text' },
          ],
          rows: m.uncovered.map((r) => [r.code, r.standard, r.title]),
        },
        {
          id: 'assurance-evidence',
          title: 'The latest evidence behind each requirement',
          detail: true,
          columns: [
            { header: 'Code', format: 'text' },
            { header: 'Date', format: 'date' },
            { header: 'From', format: 'text' },
            { header: 'Evidence', format: 'text' },
          ],
          rows: m.rows.flatMap((r) =>
            r.links.map((l) => [r.code, l.date, tagEntityLabels[l.entityType], l.label]),
          ),
          note: 'Up to the five latest pieces of evidence for each requirement; the app’s assurance matrix lists them all.',
        },
      ],
      charts: [
        {
          id: 'assurance-chart',
          title: 'Share of each standard’s requirements with assurance',
          xLabel: 'Standard',
          yLabel: 'Share of requirements',
          valueFormat: 'share',
          bars: byStandard.map((s) => ({
            label: s.standard,
            value: s.total ? s.covered / s.total : null,
          })),
        },
      ],
      notes: m.retired.length
        ? [
            `Evidence tagged with requirements that the version in force no longer has: ${m.retired.map((r) => `${r.code} (version ${r.version}, ${r.count})`).join(', ')}.`,
          ]
        : [],
    };
  },
};
