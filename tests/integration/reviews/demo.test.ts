import { afterEach, beforeEach, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../support/temp-db';

let app: TestApp;
beforeEach(async () => {
  app = await openTestApp({ clock: '2026-11-23T10:00:00.000Z' });
});
afterEach(() => app.close());

it('the demo has a year of scrutiny: a review reported, a project gathering evidence, a consultation running and a policy going to the Board unconsulted', async () => {
  const counts = await app.call('demo.load', { customers: 300, seed: 13 });
  expect(counts).toMatchObject({ reviews: 3, policies: 4 });
  const reviews = await app.call('reviews.list', { state: 'all' });
  expect(reviews.map((r) => [r.kind, r.stageLabel])).toEqual(
    expect.arrayContaining([
      ['scrutiny_panel_review', 'Complete'],
      ['csi_project', 'Evidence gathering'],
      ['policy_consultation', expect.any(String)],
    ]),
  );
  const csi = await app.call('reviews.get', {
    id: reviews.find((r) => r.kind === 'csi_project')!.id,
  });
  expect(csi.team.length).toBeGreaterThan(0);
  expect(csi.evidence.find((e) => e.kind === 'data_request')).toBeDefined();
  expect((await app.call('reviews.policiesDue', {})).map((p) => p.policyName)).toEqual([
    'Rent arrears',
    'Lettings',
    'Anti-social behaviour',
  ]);
});
