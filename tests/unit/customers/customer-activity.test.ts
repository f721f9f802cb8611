import { expect, it } from 'vitest';
import {
  hasRecentActivity,
  recentActivityCutoff,
} from '../../../src-shared/rules/customer-activity';

it('counts activity in the twelve months up to today as recent', () => {
  const today = new Date('2026-11-23T12:00:00.000Z');
  expect(recentActivityCutoff(today)).toBe('2025-11-23T12:00:00.000Z');
  expect(hasRecentActivity('2025-11-23T12:00:00.000Z', today)).toBe(true);
  expect(hasRecentActivity('2025-11-23T11:59:59.999Z', today)).toBe(false);
  expect(hasRecentActivity(null, today)).toBe(false);
});
