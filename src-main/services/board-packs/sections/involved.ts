import { sql } from 'kysely';
import { recentActivityCutoff } from '../../../../src-shared/rules/customer-activity';
import { amberFrom, ragFor } from '../../../../src-shared/rules/kpi-rag';
import { londonDateOf } from '../../../../src-shared/rules/working-days';
import { londonRange } from '../../groups/period';
import type { AppContext } from '../../context';
import type { PackSectionModule, SectionInput } from '../section';

/** Involved customers are those the register shows as Active. */
export const INVOLVED_STATUS = 'active';

export interface InvolvedRow {
  id: string;
  external_ref: string | null;
  landlord: string | null;
  area: string | null;
  area_id: string | null;
  landlord_id: string | null;
  created_at: string;
  last_activity_at: string | null;
  /**
   * Counted for representativeness in the same pass, never printed: a pack
   * shows equality data as aggregates only.
   */
  equality_age_band: string | null;
  equality_disability: string | null;
  equality_ethnicity: string | null;
}

/** Involved customers on the register by the end of the period (the base of this section and of representativeness). */
export function involvedBase(ctx: AppContext, to: string) {
  const [, end] = londonRange(to, to);
  return ctx.db
    .selectFrom('customers as c')
    .where('c.deleted_at', 'is', null)
    .where('c.status', '=', INVOLVED_STATUS)
    .where('c.created_at', '<', end);
}

export async function involvedAtEnd(ctx: AppContext, to: string): Promise<InvolvedRow[]> {
  return involvedBase(ctx, to)
    .leftJoin('landlords as l', 'l.id', 'c.landlord_id')
    .leftJoin('areas as a', 'a.id', 'c.area_id')
    .select([
      'c.id',
      'c.external_ref',
      'l.name as landlord',
      'a.name as area',
      'c.area_id',
      'c.landlord_id',
      'c.created_at',
      'c.last_activity_at',
      'c.equality_age_band',
      'c.equality_disability',
      'c.equality_ethnicity',
    ])
    .orderBy(sql`coalesce(c.external_ref, c.id)`)
    .execute();
}

function counts(rows: InvolvedRow[], input: SectionInput) {
  const [start, end] = londonRange(input.period.from, input.period.to);
  const joined = rows.filter((r) => r.created_at >= start).length;
  // The register's own rule ("no activity in the last 12 months"), as at the period's end.
  const cutoff = recentActivityCutoff(new Date(end));
  const quiet = rows.filter(
    (r) => r.last_activity_at === null || r.last_activity_at < cutoff,
  ).length;
  return { total: rows.length, joined, atStart: rows.length - joined, quiet };
}

export const involvedSection: PackSectionModule = {
  key: 'involved',
  title: 'Involved customers',
  description:
    'How many customers are involved, growth in the period against the target, and who has had no activity in 12 months.',
  async figures(input) {
    const rows = await input.once('involved', () => involvedAtEnd(input.ctx, input.period.to));
    const c = counts(rows, input);
    const target = input.targets.get('involved_customers') ?? null;
    return {
      key: this.key,
      title: this.title,
      summary: `${c.total.toLocaleString('en-GB')} customers were involved at the end of the period${target ? ` against a target of ${target.toLocaleString('en-GB')}` : ''}; ${c.joined.toLocaleString('en-GB')} joined during it.`,
      headlines: [
        { label: 'Involved at the end of the period', value: c.total, format: 'integer' },
        { label: 'Joined in the period', value: c.joined, format: 'integer' },
        {
          label: 'No activity in the 12 months to the period end',
          value: c.quiet,
          format: 'integer',
        },
      ],
      tables: [
        {
          id: 'involved-counts',
          title: 'Involved customers',
          columns: [
            { header: 'Measure', format: 'text' },
            { header: 'Customers', format: 'integer' },
          ],
          rows: [
            ['Involved at the start of the period', c.atStart],
            ['Joined in the period', c.joined],
            ['Involved at the end of the period', c.total],
            ['Target', target],
            ['No activity in the 12 months to the period end', c.quiet],
          ],
          note: 'Involved means Active on the register. Every involved customer should be offered at least one activity a year.',
        },
        {
          id: 'involved-customers',
          title: 'Involved customers (the rows behind the counts)',
          detail: true,
          columns: [
            { header: 'Customer reference', format: 'text' },
            { header: 'Landlord', format: 'text' },
            { header: 'Area', format: 'text' },
            { header: 'On the register since', format: 'date' },
            { header: 'Last activity', format: 'date' },
          ],
          rows: rows.map((r) => [
            r.external_ref ?? r.id.slice(-8),
            r.landlord,
            r.area,
            londonDateOf(r.created_at),
            r.last_activity_at ? londonDateOf(r.last_activity_at) : null,
          ]),
        },
      ],
      charts: [
        {
          id: 'involved-chart',
          title: 'Involved customers against the target',
          xLabel: 'Measure',
          yLabel: 'Customers',
          valueFormat: 'integer',
          bars: [
            { label: 'Start of period', value: c.atStart },
            { label: 'End of period', value: c.total },
            { label: 'Target', value: target },
          ],
        },
      ],
      notes: [],
    };
  },
  async kpis(input) {
    const rows = await input.once('involved', () => involvedAtEnd(input.ctx, input.period.to));
    const target = input.targets.get('involved_customers') ?? null;
    return [
      {
        measure: 'Customer Voice: involved customers',
        format: 'integer',
        target,
        actual: rows.length,
        rag: ragFor(rows.length, target),
        greenFrom: target,
        amberFrom: amberFrom(target),
      },
    ];
  },
};
