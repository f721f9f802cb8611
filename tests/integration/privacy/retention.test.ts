import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../support/temp-db';
import { seedPerson, SURNAME } from './person';

let app: TestApp;
let person: Awaited<ReturnType<typeof seedPerson>>;

// The person was last seen in February 2019; the clock stands in March 2026.
beforeAll(async () => {
  app = await openTestApp({ clock: '2019-01-01T09:00:00.000Z' });
  await app.call('organisation.applyTemplate', {});
  person = await seedPerson(app, {
    createdAt: '2019-01-07T10:00:00.000Z',
    meetingAt: '2019-02-11T18:00:00.000Z',
  });
  app.clock.set('2026-03-20T12:00:00.000Z');
}, 60_000);
afterAll(() => app.close());

describe('the retention schedule', () => {
  it('lists what is due under the defaults, and why', async () => {
    const overview = await app.call('privacy.retention', {});
    expect(overview.schedule).toEqual({ customer: 6, complaint_case: 6, expense_claim: 7 });
    expect(overview.due.map((d) => [d.type, d.id, d.dueOn, d.reason])).toEqual([
      [
        'customer',
        person.customerId,
        '2025-02-11',
        'Last activity 11 February 2019; kept 6 years after their last activity.',
      ],
      [
        'expense_claim',
        person.claimId,
        '2026-02-11',
        'Paid or decided 11 February 2019; kept 7 years after the claim was paid or decided.',
      ],
    ]);
  });

  it('follows the administrator’s periods, and refuses a bad one naming the field', async () => {
    const longer = await app.call('privacy.saveRetention', {
      customer: 10,
      complaint_case: 6,
      expense_claim: 8,
    });
    expect(longer.due).toEqual([]);
    await expect(
      app.call('privacy.saveRetention', { customer: 0, complaint_case: 6, expense_claim: 8 }),
    ).rejects.toMatchObject({ fields: [{ path: 'customer' }] });
    expect((await app.call('privacy.retention', {})).schedule.customer).toBe(10);
  });

  it('makes a customer due at once when they ask, whatever the schedule', async () => {
    await app.call('privacy.recordRequest', {
      kind: 'erasure',
      customerId: person.customerId,
      receivedOn: '2026-03-19',
      note: null,
    });
    const { due } = await app.call('privacy.retention', {});
    expect(due).toMatchObject([
      {
        type: 'customer',
        label: `Zebedee ${SURNAME}`,
        reason: 'Asked to be erased on 19 Mar 2026.',
      },
    ]);
  });

  it('drops a claim from the list once erased, keeping its amount', async () => {
    await app.call('privacy.saveRetention', { customer: 10, complaint_case: 6, expense_claim: 7 });
    expect((await app.call('privacy.retention', {})).due.map((d) => d.type)).toContain(
      'expense_claim',
    );
    const result = await app.call('privacy.erase', {
      type: 'expense_claim',
      id: person.claimId,
      reason: 'Seven years after payment',
    });
    expect(result.filesDeleted).toBe(1);
    expect((await app.call('privacy.retention', {})).due.map((d) => d.type)).not.toContain(
      'expense_claim',
    );
    const claim = await app.call('expenses.claim', { id: person.claimId });
    expect(claim.totalPence).toBe(420);
    expect(claim.notes).toBeNull();
    expect(claim.lines[0]!.description).toBe('Removed at erasure');
  });

  it('is the administrator’s alone', async () => {
    await app.signInAs('team_leader');
    await expect(app.call('privacy.retention', {})).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      app.call('privacy.erase', { type: 'customer', id: person.customerId, reason: 'x' }),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });
});
