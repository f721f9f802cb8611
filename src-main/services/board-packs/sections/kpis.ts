import { ragLabels } from '../../../../src-shared/domain/board-packs';
import { ragRule } from '../../../../src-shared/rules/kpi-rag';
import type { KpiLine, PackSectionModule, SectionInput } from '../section';

export const NOTHING_DUE = 'None due in the period';

/**
 * The scorecard gathers the KPI lines of every section the app has (whether
 * or not the pack shows that section), so a new section's targets join it
 * by implementing `kpis`.
 */
export function kpiSection(all: () => readonly PackSectionModule[]): PackSectionModule {
  return {
    key: 'kpis',
    title: 'KPI scorecard',
    description:
      'Every target from the Strategy (Appendix C) with red, amber or green, and the rule for each colour.',
    async figures(input: SectionInput) {
      const lines: KpiLine[] = [];
      for (const module of all()) if (module.kpis) lines.push(...(await module.kpis(input)));
      // A target pro-rated to nothing in the period (a short custom period) measures nothing:
      // said in words rather than as a green "0 of 0".
      const nothingDue = (l: KpiLine) => l.target === 0 && (l.actual ?? 0) === 0;
      const counted = (rag: string) => lines.filter((l) => l.rag === rag && !nothingDue(l)).length;
      return {
        key: 'kpis',
        title: 'KPI scorecard',
        summary: `${counted('green')} green, ${counted('amber')} amber and ${counted('red')} red of ${lines.length} measures${lines.some(nothingDue) ? `; ${lines.filter(nothingDue).length} with none due in the period` : ''}.`,
        headlines: [
          { label: 'Green', value: counted('green'), format: 'integer' },
          { label: 'Amber', value: counted('amber'), format: 'integer' },
          { label: 'Red', value: counted('red'), format: 'integer' },
        ],
        tables: [
          {
            id: 'scorecard',
            title: 'KPI scorecard',
            columns: [
              { header: 'Measure', format: 'text' },
              { header: 'Target', format: 'decimal' },
              { header: 'Actual', format: 'decimal' },
              { header: 'RAG', format: 'rag' },
              { header: 'Green from', format: 'decimal' },
              { header: 'Amber from', format: 'decimal' },
            ],
            rows: lines.map((l) => {
              const shown = (n: number | null) =>
                n === null
                  ? null
                  : l.format === 'share'
                    ? `${Math.round(n * 1000) / 10}%`
                    : Math.round(n * 100) / 100;
              return [
                l.note ? `${l.measure} (${l.note})` : l.measure,
                shown(l.target),
                shown(l.actual),
                nothingDue(l)
                  ? NOTHING_DUE
                  : l.actual === null && l.target !== null
                    ? 'No figure'
                    : ragLabels[l.rag],
                shown(l.greenFrom),
                shown(l.amberFrom),
              ];
            }),
          },
        ],
        charts: [],
        notes: [
          ...ragRule,
          'No figure: the figure the target needs is not recorded yet.',
          `${NOTHING_DUE}: the target pro-rated to this period comes to nothing, and nothing was held, so there is nothing to measure.`,
          'Targets a year are pro-rated to the period. Visits to dispersed communities join the scorecard once they are recorded in the app.',
        ],
      };
    },
  };
}
