import { afterEach, beforeEach, expect, it } from 'vitest';
import { openTestApp, openTestFile, type TestApp } from '../../support/temp-db';
import { decideCase } from './helpers';

/*
 * The owner list is kept between calls (Home asks for one-row pages only for
 * their totals) and must still follow every change: the app's own, and one
 * committed by another connection such as the command line.
 */

let app: TestApp;
beforeEach(async () => {
  app = await openTestApp({ role: 'coordinator' });
});
afterEach(async () => {
  await app.close();
});

it('lists a new owner as soon as a recommendation names them, however it was saved', async () => {
  const c = await decideCase(app);
  const add = (owner: string) =>
    app.call('recommendations.add', {
      sourceType: 'complaint_case',
      sourceId: c.id,
      text: `Recommendation for ${owner}`,
      serviceArea: 'repairs',
      owner,
      dueDate: '2026-12-31',
      managementResponse: 'accepted',
    });
  await add('Head of Repairs');
  expect((await app.call('recommendations.list', { limit: 1 })).owners).toEqual([
    'Head of Repairs',
  ]);
  // Asked again with nothing changed: the same list.
  expect((await app.call('recommendations.list', { overdueOnly: true, limit: 1 })).owners).toEqual([
    'Head of Repairs',
  ]);

  await add('Complaints Manager');
  expect((await app.call('recommendations.list', { limit: 1 })).owners).toEqual([
    'Complaints Manager',
    'Head of Repairs',
  ]);

  // Another connection's commit (the command line, a restore) moves SQLite's data version.
  const ctx = await app.ctx();
  const other = openTestFile(ctx.dbPath);
  other
    .prepare(
      `UPDATE recommendations SET owner = 'Director of Housing' WHERE owner = 'Head of Repairs'`,
    )
    .run();
  other.close();
  expect((await app.call('recommendations.list', { limit: 1 })).owners).toEqual([
    'Complaints Manager',
    'Director of Housing',
  ]);
});
