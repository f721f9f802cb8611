import { afterEach, beforeEach, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../support/temp-db';

let app: TestApp;
beforeEach(async () => {
  app = await openTestApp({ role: 'officer' });
});
afterEach(() => app.close());

it('the demo has claims from recent meetings waiting for a team leader, and budgets', async () => {
  await app.call('demo.load', { customers: 300, seed: 13 });
  const claims = await app.call('expenses.claims', { limit: 100 });
  expect(claims.total).toBeGreaterThan(5);
  const queue = await app.call('expenses.queue', {});
  expect(queue.length).toBeGreaterThan(3);
  const first = await app.call('expenses.claim', { id: queue[0]!.id });
  expect(first.lines[0]!.activityId).not.toBeNull();
  expect(first.lines[0]!.explanation).toMatch(/£/);
  expect(first.actions).not.toContain('approve');
  const budgets = await app.call('expenses.budgets', {
    year: Number(first.lines[0]!.on.slice(0, 4)) - (first.lines[0]!.on.slice(5) < '04-01' ? 1 : 0),
  });
  expect(budgets.length).toBeGreaterThan(0);
});
