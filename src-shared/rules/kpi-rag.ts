import type { Rag } from '../domain/board-packs';

/**
 * One rule for every line of the KPI scorecard, the same as a group's
 * meetings against its cadence (rules/cadence.ts), stated on the page
 * beside the figures.
 */
export const AMBER_FROM_SHARE_OF_TARGET = 0.75;

export const ragRule = [
  'Green: the target is met or beaten.',
  'Amber: at least three quarters (75%) of the target, but short of it.',
  'Red: below three quarters of the target.',
  'No target: no target is set, or the figure is not recorded in the app.',
] as const;

/** Shares such as 60% of an 80% target meet in floating point as 0.6 against 0.6000000000000001. */
const TOLERANCE = 1e-9;

export function ragFor(actual: number | null, target: number | null): Rag {
  if (actual === null || target === null) return 'none';
  if (actual >= target - TOLERANCE) return 'green';
  if (actual >= target * AMBER_FROM_SHARE_OF_TARGET - TOLERANCE) return 'amber';
  return 'red';
}

export function amberFrom(target: number | null): number | null {
  return target === null ? null : target * AMBER_FROM_SHARE_OF_TARGET;
}
