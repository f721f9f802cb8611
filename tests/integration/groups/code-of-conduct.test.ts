import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../support/temp-db';

let app: TestApp;

beforeEach(async () => {
  app = await openTestApp({ clock: '2026-12-03T10:00:00.000Z' });
});
afterEach(() => app.close());

async function groupNamed(name: string) {
  return (await app.call('groups.list', {})).find((g) => g.name === name)!.id;
}

async function customer(codeOfConductSignedOn?: string) {
  const r = await app.call('customers.create', {
    firstName: 'Moira',
    lastName: 'Dunning',
    confirmDuplicate: true,
    ...(codeOfConductSignedOn ? { codeOfConductSignedOn } : {}),
  });
  if (!r.created) throw new Error('not created');
  return r.customer.id;
}

describe('the Code of Conduct date is one fact, kept on the customer', () => {
  beforeEach(async () => {
    await app.call('organisation.applyTemplate', {});
  });

  it('shows on the group the date on the customer record', async () => {
    const moira = await customer('2025-03-14');
    const talent = await groupNamed('Talent School');
    await app.call('groups.addMember', {
      groupId: talent,
      customerId: moira,
      joinedOn: '2026-12-03',
    });

    const member = (await app.call('groups.get', { id: talent })).members.find(
      (m) => m.customerId === moira,
    )!;
    expect(member.codeOfConductSignedOn).toBe('2025-03-14');
    expect((await app.call('customers.get', { id: moira })).codeOfConductSignedOn).toBe(
      '2025-03-14',
    );
  });

  it('records a date given when adding a member on the customer, with its history', async () => {
    const moira = await customer();
    const talent = await groupNamed('Talent School');
    await app.call('groups.addMember', {
      groupId: talent,
      customerId: moira,
      joinedOn: '2026-12-03',
      codeOfConductSignedOn: '2026-11-30',
    });

    expect((await app.call('customers.get', { id: moira })).codeOfConductSignedOn).toBe(
      '2026-11-30',
    );
    const history = await app.call('history.forRecord', { entity: 'customers', id: moira });
    expect(JSON.stringify(history)).toContain('2026-11-30');

    // Corrected on the customer's record, the group shows the correction.
    const c = await app.call('customers.get', { id: moira });
    await app.call('customers.update', {
      id: moira,
      expectedUpdatedAt: c.updatedAt,
      patch: { codeOfConductSignedOn: '2026-11-29' },
    });
    const member = (await app.call('groups.get', { id: talent })).members.find(
      (m) => m.customerId === moira,
    )!;
    expect(member.codeOfConductSignedOn).toBe('2026-11-29');
  });

  it('leaves the customer date alone when a membership is saved without one', async () => {
    const moira = await customer('2025-03-14');
    const talent = await groupNamed('Talent School');
    const added = await app.call('groups.addMember', {
      groupId: talent,
      customerId: moira,
      joinedOn: '2026-06-01',
    });
    if (!added.added) throw new Error('not added');
    await app.call('groups.updateMember', {
      id: added.membership.id,
      expectedUpdatedAt: added.membership.updatedAt,
      leftOn: '2026-12-01',
    });
    expect((await app.call('customers.get', { id: moira })).codeOfConductSignedOn).toBe(
      '2025-03-14',
    );
  });
});

describe('the demo', () => {
  it('shows each member the same Code date as their record, not the day it was loaded', async () => {
    await app.call('demo.load', { customers: 300, seed: 13 });
    const groups = await app.call('groups.list', {});
    let compared = 0;
    let signedToday = 0;
    for (const g of groups) {
      for (const m of (await app.call('groups.get', { id: g.id })).members) {
        const c = await app.call('customers.get', { id: m.customerId });
        expect(m.codeOfConductSignedOn).toBe(c.codeOfConductSignedOn);
        if (m.codeOfConductSignedOn === '2026-12-03') signedToday += 1;
        compared += 1;
      }
      if (compared > 120) break;
    }
    expect(compared).toBeGreaterThan(20);
    expect(signedToday).toBeLessThan(compared / 10);
  });
});
