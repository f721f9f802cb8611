import { afterEach, beforeEach, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../support/temp-db';

let app: TestApp;
beforeEach(async () => {
  app = await openTestApp();
});
afterEach(async () => {
  await app.close();
});

it('loads demo complaint cases at every stage, with deadlines and recommendations', async () => {
  const counts = await app.call('demo.load', { customers: 30, seed: 13 });
  expect(counts).toMatchObject({ complaintCases: 8, recommendations: 4 });
  const list = await app.call('cases.list', {});
  expect(new Set(list.rows.map((r) => r.status))).toEqual(
    new Set([
      'referred',
      'accepted',
      'hearing_scheduled',
      'heard',
      'monitoring',
      'closed',
      'declined',
    ]),
  );
  const dash = await app.call('cases.dashboard', {});
  expect(dash.overdue.length + dash.dueThisWeek.length).toBeGreaterThan(0);
  const detail = await app.call('cases.get', { id: list.rows[0]!.id });
  expect(detail.codeCheck.milestones.every((m) => m.status !== 'not_started')).toBe(true);
  const overdue = await app.call('recommendations.list', { overdueOnly: true });
  expect(overdue.total).toBe(1);
});
