import { amberFrom, ragFor } from '../../../../src-shared/rules/kpi-rag';
import { coursesPerMonth } from '../../groups/figures';
import type { PackSectionModule } from '../section';

const monthLabel = (m: string) =>
  new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${m}-01T00:00:00Z`),
  );

export const trainingSection: PackSectionModule = {
  key: 'training',
  title: 'Talent School',
  description:
    'Courses and sessions held each month against the target of at least one course a month.',
  async figures(input) {
    const months = await input.once('courses', () => coursesPerMonth(input.ctx, input.period));
    const perMonth = input.targets.get('talent_school_courses') ?? 1;
    const met = months.filter((m) => m.courses >= perMonth).length;
    return {
      key: this.key,
      title: this.title,
      summary: `At least ${perMonth} course${perMonth === 1 ? '' : 's'} ran in ${met} of ${months.length} months.`,
      headlines: [
        { label: 'Months on target', value: `${met} of ${months.length}`, format: 'text' },
        {
          label: 'Sessions held',
          value: months.reduce((a, m) => a + m.sessions, 0),
          format: 'integer',
        },
      ],
      tables: [
        {
          id: 'courses-by-month',
          title: 'Courses and sessions by month',
          columns: [
            { header: 'Month', format: 'text' },
            { header: 'Courses', format: 'integer' },
            { header: 'Sessions', format: 'integer', total: true },
            { header: 'On target', format: 'text' },
          ],
          rows: months.map((m) => [
            monthLabel(m.month),
            m.courses,
            m.sessions,
            m.courses >= perMonth ? 'Yes' : 'No',
          ]),
          note: 'Courses counts distinct courses with at least one session held in the month.',
        },
      ],
      charts: [
        {
          id: 'courses-chart',
          title: 'Courses held each month',
          xLabel: 'Month',
          yLabel: 'Courses',
          valueFormat: 'integer',
          bars: months.map((m) => ({
            label: monthLabel(m.month),
            value: m.courses,
            target: perMonth,
          })),
        },
      ],
      notes: [],
    };
  },
  async kpis(input) {
    const months = await input.once('courses', () => coursesPerMonth(input.ctx, input.period));
    const perMonth = input.targets.get('talent_school_courses') ?? 1;
    const met = months.filter((m) => m.courses >= perMonth).length;
    return [
      {
        measure: `Talent School: months with at least ${perMonth} course${perMonth === 1 ? '' : 's'}`,
        format: 'integer',
        target: months.length,
        actual: met,
        rag: ragFor(met, months.length),
        greenFrom: months.length,
        amberFrom: amberFrom(months.length),
      },
    ];
  },
};
