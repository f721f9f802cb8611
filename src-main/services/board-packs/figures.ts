import {
  audienceTitles,
  type Audience,
  type PackFigures,
} from '../../../src-shared/domain/board-packs';
import { parsePeriod, type ReportPeriod } from '../../../src-shared/rules/report-period';
import { londonDate } from '../../../src-shared/rules/working-days';
import { ApiError } from '../../../src-shared/errors';
import type { CallContext } from '../context';
import { getOrganisation } from '../organisation/organisation';
import { targetMap } from './kpi-targets';
import { APPENDIX, sectionModules } from './sections';

export interface PackRequest {
  title: string;
  audience: Audience;
  period: string;
  sections: readonly string[];
  commentary: Readonly<Record<string, string>>;
}

export function periodOf(spec: string): ReportPeriod {
  const parsed = parsePeriod(spec);
  if (!parsed.ok)
    throw ApiError.invalid(parsed.message, [{ path: 'period', message: parsed.message }]);
  return parsed.period;
}

export function defaultTitle(audience: Audience, period: ReportPeriod): string {
  return `Customer involvement report to the ${audienceTitles[audience]}: ${period.label}`.replace(
    'to the Annual report to tenants',
    'for tenants',
  );
}

/**
 * Works out every section's figures for a pack, through the areas' own
 * figure functions. `onSection` reports progress for a job.
 */
export async function workOutFigures(
  ctx: CallContext,
  request: PackRequest,
  onSection: (done: number, total: number) => void = () => {},
): Promise<PackFigures> {
  const period = periodOf(request.period);
  const [organisation, targets] = await Promise.all([
    getOrganisation(ctx),
    targetMap(ctx, period.financialYear),
  ]);
  const memo = new Map<string, Promise<unknown>>();
  const input = {
    ctx,
    period,
    targets,
    today: londonDate(ctx.clock.now()),
    once<T>(key: string, work: () => Promise<T>): Promise<T> {
      if (!memo.has(key)) memo.set(key, work());
      return memo.get(key) as Promise<T>;
    },
  };
  const keys = request.sections.filter((k) => k !== APPENDIX);
  const sections = [];
  for (const [i, key] of keys.entries()) {
    const module = sectionModules.find((m) => m.key === key);
    if (!module) throw ApiError.invalid(`The app has no section called "${key}".`);
    const figures = await module.figures(input);
    sections.push({ ...figures, commentary: request.commentary[key] ?? '' });
    onSection(i + 1, keys.length);
  }
  return {
    organisation: organisation.name,
    title: request.title,
    audience: request.audience,
    period: { spec: period.spec, label: period.label, from: period.from, to: period.to },
    workedOutAt: ctx.clock.now().toISOString(),
    author: ctx.actor?.name ?? 'Involvement Desk',
    sections,
    appendix: request.sections.includes(APPENDIX),
  };
}
