import type { TrackerFilter } from '../../../../src-shared/domain/recommendations';
import {
  recommendationSources,
  recommendationStatuses,
} from '../../../../src-shared/rules/recommendations';

/** An address edited by hand with an unknown value shows everything rather than an error. */
function known<T extends string>(value: string | null, allowed: readonly T[]): T | null {
  return value && (allowed as readonly string[]).includes(value) ? (value as T) : null;
}

/**
 * The tracker's filters as they appear in its address, so links from Home
 * (or anywhere) open it already filtered and coming back finds it as left.
 */
export const trackerParams = {
  source: 'source',
  status: 'status',
  owner: 'owner',
  overdue: 'overdue',
  systemic: 'systemic',
} as const;

export function recommendationsLink(filter: { overdue?: boolean; systemic?: boolean }): string {
  const params = new URLSearchParams();
  if (filter.overdue) params.set(trackerParams.overdue, '1');
  if (filter.systemic) params.set(trackerParams.systemic, '1');
  const query = params.toString();
  return query ? `/recommendations?${query}` : '/recommendations';
}

export function trackerFilterFrom(params: URLSearchParams): TrackerFilter {
  return {
    sourceType: known(params.get(trackerParams.source), recommendationSources),
    status: known(params.get(trackerParams.status), [
      ...recommendationStatuses,
      'overdue',
    ] as const),
    owner: params.get(trackerParams.owner) || null,
    overdueOnly: params.get(trackerParams.overdue) === '1',
    systemicOnly: params.get(trackerParams.systemic) === '1',
  };
}
