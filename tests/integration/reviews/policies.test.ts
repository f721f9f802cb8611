import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { policyInput, PolicyEntry, ReviewDetail } from '../../../src-shared/domain/reviews';
import { openTestApp, type TestApp } from '../../support/temp-db';
import { csiCommission, setUp, refusal } from './helpers';

let app: TestApp;
let org: Awaited<ReturnType<typeof setUp>>;

beforeEach(async () => {
  app = await openTestApp({ clock: '2026-11-23T10:00:00.000Z' });
  org = await setUp(app);
});
afterEach(() => app.close());

type PolicyInput = z.input<typeof policyInput>;

const policy = (over: Partial<PolicyInput> & { name: string }): PolicyInput => ({
  serviceArea: null,
  ownerName: null,
  customerFacing: true,
  boardDate: null,
  lastApprovedOn: null,
  notes: null,
  ...over,
});

async function add(name: string, over: Partial<PolicyInput> = {}): Promise<PolicyEntry> {
  const list = await app.call('policies.save', policy({ name, ...over }));
  return list.find((p) => p.name === name)!;
}

async function consultation(title: string, policyId: string): Promise<ReviewDetail> {
  const r = await app.call(
    'reviews.commission',
    csiCommission(org.adminId, {
      kind: 'policy_consultation',
      title,
      commissionedBy: 'board',
      commissionerName: null,
      commissionerService: null,
      serviceArea: 'tenancy_lettings',
    }),
  );
  return app.call('reviews.saveConsultation', { reviewId: r.id, policyName: title, policyId });
}

async function finish(r: ReviewDetail): Promise<void> {
  let d = r;
  let day = 12;
  while (d.nextStage) {
    d = await app.call('reviews.moveStage', {
      reviewId: d.id,
      next: d.nextStage.code,
      onDate: `2026-10-${String(day).padStart(2, '0')}`,
    });
    day += 2;
  }
}

describe('the policy register', () => {
  it('lists customer-facing policies due to the Board with no consultation, and clears one once it is consulted on', async () => {
    const lettings = await add('Lettings', {
      boardDate: '2027-01-20',
      lastApprovedOn: '2024-01-10',
    });
    const arrears = await add('Rent arrears', {
      boardDate: '2026-12-10',
      // Approved after the consultation below started: that one was for the last version.
      lastApprovedOn: '2026-10-20',
    });
    await add('Treasury management', { customerFacing: false, boardDate: '2026-12-10' });
    await add('Damp and mould', { boardDate: '2026-10-01' });
    await add('Pets', {});

    expect(await app.call('reviews.policiesDue', {})).toEqual([
      {
        policyId: arrears.id,
        policyName: 'Rent arrears',
        boardDate: '2026-12-10',
        consultation: null,
      },
      {
        policyId: lettings.id,
        policyName: 'Lettings',
        boardDate: '2027-01-20',
        consultation: null,
      },
    ]);

    const old = await consultation('Rent arrears policy', arrears.id);
    await finish(old);
    const running = await consultation('Lettings policy', lettings.id);
    expect(running.consultation.policy).toEqual({
      id: lettings.id,
      name: 'Lettings',
      boardDate: '2027-01-20',
    });

    const list = await app.call('policies.list', {});
    expect(list.map((p) => [p.name, p.state, p.dueWithoutConsultation])).toEqual([
      ['Damp and mould', 'none', false],
      ['Rent arrears', 'none', true],
      ['Treasury management', 'none', false],
      ['Lettings', 'in_progress', true],
      ['Pets', 'none', false],
    ]);
    expect(list.find((p) => p.name === 'Lettings')!.consultation).toEqual({
      reviewId: running.id,
      reference: running.reference,
      stageLabel: running.stageLabel,
    });
    expect((await app.call('reviews.policiesDue', {}))[1]).toEqual({
      policyId: lettings.id,
      policyName: 'Lettings',
      boardDate: '2027-01-20',
      consultation: {
        reviewId: running.id,
        reference: running.reference,
        stageLabel: running.stageLabel,
      },
    });

    await finish(running);
    const after = await app.call('policies.list', {});
    expect(after.find((p) => p.name === 'Lettings')).toMatchObject({
      state: 'finished',
      dueWithoutConsultation: false,
    });
    expect((await app.call('reviews.policiesDue', {})).map((p) => p.policyName)).toEqual([
      'Rent arrears',
    ]);
  });

  it('refuses a second policy of the same name, a Board date before the last approval, and an unknown policy on a consultation', async () => {
    await add('Lettings');
    const twice = await refusal(app.call('policies.save', policy({ name: ' lettings ' })));
    expect(twice.fields).toEqual([{ path: 'name', message: 'Give each policy its own name.' }]);
    const order = await refusal(
      app.call(
        'policies.save',
        policy({ name: 'Pets', boardDate: '2026-01-01', lastApprovedOn: '2026-02-01' }),
      ),
    );
    expect(order.fields).toEqual([
      { path: 'boardDate', message: 'The next Board date cannot come before the last approval.' },
    ]);
    const r = await app.call(
      'reviews.commission',
      csiCommission(org.adminId, {
        kind: 'policy_consultation',
        title: 'Pets policy',
        commissionedBy: 'board',
        commissionerName: null,
        commissionerService: null,
      }),
    );
    const unknown = await refusal(
      app.call('reviews.saveConsultation', {
        reviewId: r.id,
        policyName: 'Pets',
        policyId: '0190a0a0-0000-7000-8000-000000000000',
      }),
    );
    expect(unknown.fields).toEqual([
      { path: 'policyId', message: 'Choose a policy from the register.' },
    ]);
    expect((await app.call('policies.list', {})).map((p) => p.name)).toEqual(['Lettings']);
  });

  it('keeps a policy a consultation is for, logs every change, and lets only coordinators and above keep the register', async () => {
    const lettings = await add('Lettings', { boardDate: '2027-01-20' });
    await consultation('Lettings policy', lettings.id);
    const cited = await refusal(app.call('policies.remove', { id: lettings.id }));
    expect(cited.message).toMatch(/is for this policy: link it to another policy first/);

    await app.call(
      'policies.save',
      policy({
        id: lettings.id,
        expectedUpdatedAt: lettings.updatedAt,
        name: 'Lettings',
        boardDate: '2027-02-17',
      }),
    );
    const history = await app.call('history.forRecord', { entity: 'policies', id: lettings.id });
    expect(history.some((h) => h.field === 'board_date' && h.after === '2027-02-17')).toBe(true);

    // The register was read by everyone, kept by coordinators.
    await app.signInAs('officer', 'Olu Officer');
    expect((await app.call('policies.list', {})).map((p) => p.name)).toEqual(['Lettings']);
    const officer = await refusal(app.call('policies.save', policy({ name: 'Pets' })));
    expect(officer.code).toBe('forbidden');
  });
});
