import { afterEach, beforeEach, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../support/temp-db';

let app: TestApp;
beforeEach(async () => {
  app = await openTestApp({ role: 'officer' });
});
afterEach(() => app.close());

it('the demo has decided, scored and open rounds, with money carried over and an evaluation overdue', async () => {
  await app.call('demo.load', { customers: 300, seed: 13 });
  const rounds = await app.call('grants.rounds', {});
  expect(rounds.map((r) => r.state).sort()).toEqual([
    'closed',
    'decided',
    'decided',
    'decided',
    'open',
  ]);
  const spring = rounds.find((r) => r.name === 'Participatory budget, spring')!;
  const autumn = rounds.find((r) => r.name === 'Participatory budget, autumn')!;
  expect(spring.money.carriedOutPence).toBeGreaterThan(0);
  expect(autumn.money.carriedInPence).toBe(spring.money.carriedOutPence);
  const home = await app.call('grants.home', {});
  expect(home.openRounds.map((r) => r.name)).toEqual(['Participatory budget, autumn']);
  expect(home.evaluationsOverdue).toBeGreaterThan(0);
  const closed = rounds.find((r) => r.state === 'closed')!;
  const ranking = await app.call('grants.ranking', { roundId: closed.id });
  expect(ranking.rows.some((r) => r.result > 0)).toBe(true);
});
