import type { WeekState } from '../../../../src-shared/rules/review-weeks';

export const weekBadgeClass: Record<WeekState, string> = {
  on_track: 'badge badge--green',
  warning: 'badge badge--amber',
  overrunning: 'badge badge--red',
};

export const weekBadgeText: Record<WeekState, string> = {
  on_track: 'On track',
  warning: 'Plan the finish',
  overrunning: 'Overrunning',
};
