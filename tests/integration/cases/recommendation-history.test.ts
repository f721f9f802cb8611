import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writing } from '../../../src-main/services/context';
import type { RecommendationDetail } from '../../../src-shared/domain/recommendations';
import { openTestApp, type TestApp } from '../../support/temp-db';
import { referral, signInAs } from './helpers';

let app: TestApp;
beforeEach(async () => {
  app = await openTestApp({ role: 'coordinator' });
});
afterEach(async () => {
  await app.close();
});

/** Scrutiny reviews have no screens yet, so their recommendation is written as that area will write it. */
async function scrutinyRecommendation(): Promise<string> {
  const ctx = await app.ctx();
  return writing(ctx, (w) =>
    w.create('recommendations', {
      reference: 'REC-2026-0900',
      source_type: 'scrutiny_review',
      source_id: '0190a0b4-0000-7000-8000-000000000001',
      text: 'Publish repair appointment slots online',
      service_area: 'repairs',
      status: 'open',
      systemic: 0,
    }),
  );
}

async function withStepAndProgress(id: string): Promise<RecommendationDetail> {
  await app.call('recommendations.addStep', { recommendationId: id, text: 'Draft the page' });
  return app.call('recommendations.addProgress', {
    recommendationId: id,
    onDate: '2026-11-20',
    note: 'Page drafted',
  });
}

describe('recommendation history follows the recommendation’s source', () => {
  it('is open to officers for a scrutiny review’s recommendation and closed for a case’s', async () => {
    const scrutinyId = await scrutinyRecommendation();
    const scrutiny = await withStepAndProgress(scrutinyId);
    const c = await app.call('cases.refer', referral());
    const fromCase = await app.call('recommendations.add', {
      sourceType: 'complaint_case',
      sourceId: c.id,
      text: 'Survey every damp case',
      serviceArea: 'repairs',
    });
    const caseDetail = await withStepAndProgress(fromCase.id);

    await signInAs(app, 'officer');
    const history = (entity: string, id: string) => app.call('history.forRecord', { entity, id });

    expect((await history('recommendations', scrutinyId)).map((h) => h.op)).toEqual(['create']);
    expect(await history('recommendation_steps', scrutiny.steps[0]!.id)).toHaveLength(1);
    expect(await history('recommendation_updates', scrutiny.updates[0]!.id)).toHaveLength(1);
    expect((await app.call('recommendations.get', { id: scrutinyId })).text).toBe(
      'Publish repair appointment slots online',
    );

    for (const [entity, id] of [
      ['recommendations', fromCase.id],
      ['recommendation_steps', caseDetail.steps[0]!.id],
      ['recommendation_updates', caseDetail.updates[0]!.id],
    ] as const) {
      await expect(history(entity, id)).rejects.toMatchObject({ code: 'forbidden' });
    }
    // An id that leads to no recommendation gets the strictest answer.
    await expect(
      history('recommendations', '0190a0b4-0000-7000-8000-0000000000ff'),
    ).rejects.toMatchObject({ code: 'forbidden' });
    // The tracker an officer sees holds the scrutiny recommendation only.
    const tracker = await app.call('recommendations.list', {});
    expect(tracker.rows.map((r) => r.id)).toEqual([scrutinyId]);

    await signInAs(app, 'coordinator');
    expect((await history('recommendations', fromCase.id)).length).toBeGreaterThan(0);
    expect(await history('recommendation_steps', caseDetail.steps[0]!.id)).toHaveLength(1);
  });
});
