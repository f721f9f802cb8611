import type { KpiTarget } from '../../../src-shared/domain/board-packs';
import { ApiError } from '../../../src-shared/errors';
import { writing, type AppContext, type CallContext } from '../context';

/**
 * The Strategy's targets (Appendix C) that are not a group's own meeting
 * target, with their defaults; each can be set per financial year. Meeting
 * targets live on each group ("target meetings a year").
 */
export const kpiDefinitions: readonly Omit<KpiTarget, 'target' | 'isDefault'>[] = [
  { kpi: 'involved_customers', label: 'Customer Voice: involved customers', unit: 'count' },
  {
    kpi: 'panel_share',
    label: 'Complaint panel chosen at the end of the internal process',
    unit: 'share',
  },
  { kpi: 'talent_school_courses', label: 'Talent School: courses a month', unit: 'per_month' },
];

const defaults: Record<string, number> = {
  involved_customers: 3000,
  panel_share: 0.8,
  talent_school_courses: 1,
};

export async function targetsFor(ctx: AppContext, year: number): Promise<KpiTarget[]> {
  const saved = await ctx.db
    .selectFrom('kpi_targets')
    .select(['kpi', 'target'])
    .where('year', '=', year)
    .where('deleted_at', 'is', null)
    .execute();
  const byKpi = new Map(saved.map((s) => [s.kpi, s.target]));
  return kpiDefinitions.map((d) => ({
    ...d,
    target: byKpi.get(d.kpi) ?? defaults[d.kpi]!,
    isDefault: !byKpi.has(d.kpi),
  }));
}

export async function targetMap(ctx: AppContext, year: number): Promise<Map<string, number>> {
  return new Map((await targetsFor(ctx, year)).map((t) => [t.kpi, t.target]));
}

export async function saveTarget(
  ctx: CallContext,
  input: { year: number; kpi: string; target: number },
): Promise<KpiTarget[]> {
  const definition = kpiDefinitions.find((d) => d.kpi === input.kpi);
  if (!definition)
    throw ApiError.invalid(`There is no target called "${input.kpi}".`, [
      { path: 'kpi', message: 'Choose one of the scorecard’s targets.' },
    ]);
  if (definition.unit === 'share' && input.target > 1)
    throw ApiError.invalid('A share is between 0 and 1 (0.8 is 80%).', [
      { path: 'target', message: 'Enter a share between 0 and 1, e.g. 0.8 for 80%.' },
    ]);
  await writing(ctx, async (w) => {
    const existing = await w.trx
      .selectFrom('kpi_targets')
      .select('id')
      .where('year', '=', input.year)
      .where('kpi', '=', input.kpi)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (existing) await w.update('kpi_targets', existing.id, { target: input.target });
    else await w.create('kpi_targets', { year: input.year, kpi: input.kpi, target: input.target });
  });
  return targetsFor(ctx, input.year);
}
