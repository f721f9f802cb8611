import type { Rag } from '../domain/board-packs';
import { cadenceRag } from './cadence';

/**
 * One rule for every line of the KPI scorecard (the same as a group's
 * meetings against its cadence), stated on the page beside the figures.
 */
export const AMBER_FROM_SHARE_OF_TARGET = 0.75;

export const ragRule = [
  'Green: the target is met or beaten.',
  'Amber: at least three quarters (75%) of the target, but short of it.',
  'Red: below three quarters of the target.',
  'No target: no target is set, or the figure is not recorded in the app.',
] as const;

export function ragFor(actual: number | null, target: number | null): Rag {
  if (actual === null || target === null) return 'none';
  return cadenceRag(actual, target);
}

export function amberFrom(target: number | null): number | null {
  return target === null ? null : target * AMBER_FROM_SHARE_OF_TARGET;
}
