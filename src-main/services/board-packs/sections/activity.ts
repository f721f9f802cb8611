import { sql } from 'kysely';
import { ragLabels } from '../../../../src-shared/domain/board-packs';
import { amberFrom } from '../../../../src-shared/rules/kpi-rag';
import { londonDateOf } from '../../../../src-shared/rules/working-days';
import { attendanceFigures, cadenceByGroup } from '../../groups/figures';
import { londonRange } from '../../groups/period';
import type { PackSectionModule } from '../section';

export const activitySection: PackSectionModule = {
  key: 'activity',
  title: 'Meetings against cadence',
  description:
    'Meetings held by each group against its target cadence, attendance and hours given.',
  async figures(input) {
    const { ctx, period } = input;
    const [cadence, figures, held] = await Promise.all([
      input.once('cadence', () => cadenceByGroup(ctx, period)),
      input.once('attendance', () => attendanceFigures(ctx, period)),
      heldActivities(input),
    ]);
    const { rate: attendance, hours, activeCustomers: active } = figures;
    const withTarget = cadence.filter((c) => c.expected !== null);
    const onTarget = withTarget.filter((c) => c.rag === 'green').length;
    return {
      key: this.key,
      title: this.title,
      summary: `${onTarget} of ${withTarget.length} groups with a target met their cadence in the period.`,
      headlines: [
        {
          label: 'Groups on cadence',
          value: withTarget.length
            ? `${onTarget} of ${withTarget.length}`
            : 'No group has a target',
          format: 'text',
        },
        { label: 'Attendance rate', value: attendance.rate, format: 'share' },
        { label: 'Customers who attended', value: active, format: 'integer' },
        {
          label: 'Hours given by customers',
          value: Math.round(hours * 10) / 10,
          format: 'decimal',
        },
      ],
      tables: [
        {
          id: 'cadence',
          title: 'Meetings held against cadence',
          columns: [
            { header: 'Group', format: 'text' },
            { header: 'Target a year', format: 'integer' },
            { header: 'Expected in period', format: 'integer', total: true },
            { header: 'Held', format: 'integer', total: true },
            { header: 'RAG', format: 'rag' },
          ],
          rows: cadence.map((c) => [
            c.groupName,
            c.targetPerYear,
            c.expected,
            c.held,
            ragLabels[c.rag],
          ]),
          note: 'A target a year is pro-rated to the period by days and rounded to whole meetings.',
        },
        {
          id: 'attendance',
          title: 'Attendance at held meetings',
          columns: [
            { header: 'Marked', format: 'text' },
            { header: 'Customers', format: 'integer', total: true },
          ],
          rows: [
            ['Present', attendance.present],
            ['Apologies', attendance.apologies],
            ['Absent', attendance.absent],
          ],
        },
        {
          id: 'held-activities',
          title: 'Held meetings and activities (the rows behind the counts)',
          detail: true,
          columns: [
            { header: 'Date', format: 'date' },
            { header: 'Group', format: 'text' },
            { header: 'Activity', format: 'text' },
            { header: 'Customers present', format: 'integer', total: true },
          ],
          rows: held.map((h) => [londonDateOf(h.starts_at), h.group, h.title, Number(h.present)]),
        },
      ],
      charts: [
        {
          id: 'cadence-chart',
          title: 'Meetings held against expected, by group',
          xLabel: 'Group',
          yLabel: 'Meetings',
          valueFormat: 'integer',
          bars: withTarget.map((c) => ({ label: c.groupName, value: c.held, target: c.expected })),
        },
      ],
      notes: [],
    };
  },
  async kpis(input) {
    const cadence = await input.once('cadence', () => cadenceByGroup(input.ctx, input.period));
    return cadence
      .filter((c) => c.expected !== null)
      .map((c) => ({
        measure: `${c.groupName}: meetings (${c.targetPerYear} a year)`,
        format: 'integer' as const,
        target: c.expected,
        actual: c.held,
        rag: c.rag,
        greenFrom: c.expected,
        amberFrom: amberFrom(c.expected),
      }));
  },
};

async function heldActivities(input: Parameters<PackSectionModule['figures']>[0]) {
  const [start, end] = londonRange(input.period.from, input.period.to);
  return input.ctx.db
    .selectFrom('activities as a')
    .innerJoin('groups as g', 'g.id', 'a.group_id')
    .select([
      'a.starts_at',
      'a.title',
      'g.name as group',
      sql<number>`(select count(*) from attendance t where t.activity_id = a.id and t.deleted_at is null and t.customer_id is not null and t.status = 'present')`.as(
        'present',
      ),
    ])
    .where('a.status', '=', 'held')
    .where('a.deleted_at', 'is', null)
    .where('a.starts_at', '>=', start)
    .where('a.starts_at', '<', end)
    .orderBy('a.starts_at')
    .orderBy('g.name')
    .execute();
}
