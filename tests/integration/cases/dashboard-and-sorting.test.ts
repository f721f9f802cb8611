import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../support/temp-db';
import { referral, signInAs } from './helpers';

let app: TestApp;
beforeEach(async () => {
  // Today is Monday 23 November 2026.
  app = await openTestApp({ role: 'coordinator' });
});
afterEach(async () => {
  await app.close();
});

/** A case whose stage 2 final response was on `responded`. */
function answered(name: string, responded: string, referredOn = '2026-11-02') {
  return referral({
    complainantName: name,
    referredOn,
    stage1: { received: '2025-06-02', acknowledged: '2025-06-04', responded: '2025-06-16' },
    stage2: { received: '2025-06-23', acknowledged: '2025-06-25', responded },
  });
}

describe('the cases dashboard and sorted lists', () => {
  it("lists the cases whose Ombudsman's 12 months end within the warning period, soonest first", async () => {
    const urgent = await app.call('cases.refer', answered('Ann Urgent', '2025-12-01'));
    const warning = await app.call('cases.refer', answered('Bea Warning', '2026-02-10'));
    await app.call('cases.refer', answered('Cal Passed', '2025-11-20'));
    await app.call('cases.refer', answered('Dee Plenty', '2026-06-01'));
    const gone = await app.call('cases.refer', answered('Eve Referred', '2025-12-05'));
    await app.call('cases.transition', {
      id: gone.id,
      expectedUpdatedAt: gone.updatedAt,
      to: 'referred_to_ombudsman',
      date: '2026-11-20',
    });

    const dash = await app.call('cases.dashboard', {});
    expect(
      dash.ombudsmanNearing.map((n) => [n.case.reference, n.windowEnds, n.daysLeft, n.level]),
    ).toEqual([
      [urgent.reference, '2026-12-01', 8, 'urgent'],
      [warning.reference, '2027-02-10', 79, 'warning'],
    ]);

    // An officer sees that the case exists, not whose it is.
    await signInAs(app, 'officer');
    const seen = await app.call('cases.dashboard', {});
    expect(seen.ombudsmanNearing.map((n) => n.case.complainantName)).toEqual([null, null]);
  });

  it('sorts the cases list by any column where the data is, across pages', async () => {
    for (const [name, on] of [
      ['Carys', '2026-11-03'],
      ['alan', '2026-11-05'],
      ['Bryn', '2026-11-04'],
    ] as const)
      await app.call('cases.refer', answered(name, '2026-06-01', on));
    const names = async (input: object) =>
      (await app.call('cases.list', { ...input })).rows.map((r) => r.complainantName);

    expect(await names({})).toEqual(['alan', 'Bryn', 'Carys']);
    expect(await names({ sort: 'complainant' })).toEqual(['alan', 'Bryn', 'Carys']);
    expect(await names({ sort: 'complainant', direction: 'desc' })).toEqual([
      'Carys',
      'Bryn',
      'alan',
    ]);
    expect(await names({ sort: 'referred' })).toEqual(['Carys', 'Bryn', 'alan']);
    // The second page continues the order rather than restarting it.
    expect(await names({ sort: 'complainant', limit: 2, offset: 2 })).toEqual(['Carys']);

    // Sorting by who the case is about would reveal it to an officer: it falls back to newest first.
    await signInAs(app, 'officer');
    const officer = await app.call('cases.list', { sort: 'complainant', direction: 'desc' });
    expect(officer.rows.map((r) => r.referredOn)).toEqual([
      '2026-11-05',
      '2026-11-04',
      '2026-11-03',
    ]);
  });

  it('sorts the recommendations tracker by owner or due date, empty values last', async () => {
    const c = await app.call('cases.refer', answered('Ann', '2026-06-01'));
    const add = (text: string, owner: string | null, dueDate: string | null) =>
      app.call('recommendations.add', {
        sourceType: 'complaint_case',
        sourceId: c.id,
        text,
        serviceArea: 'repairs',
        owner: owner ?? '',
        dueDate,
        systemic: false,
      });
    await add('First', 'Repairs lead', '2027-01-10');
    await add('Second', 'area housing manager', '2026-12-01');
    await add('Third', null, null);
    const texts = async (input: object) =>
      (await app.call('recommendations.list', input)).rows.map((r) => r.text);

    expect(await texts({})).toEqual(['Second', 'First', 'Third']);
    expect(await texts({ sort: 'due', direction: 'desc' })).toEqual(['First', 'Second', 'Third']);
    expect(await texts({ sort: 'owner' })).toEqual(['Second', 'First', 'Third']);
    expect(await texts({ sort: 'owner', direction: 'desc' })).toEqual(['First', 'Second', 'Third']);
  });

  it('sorts references by their number: R2 before R10', async () => {
    const c = await app.call('cases.refer', answered('Ann', '2026-06-01'));
    for (let i = 1; i <= 11; i += 1)
      await app.call('recommendations.add', {
        sourceType: 'complaint_case',
        sourceId: c.id,
        text: `Recommendation ${i}`,
        serviceArea: 'repairs',
        owner: '',
        dueDate: null,
        systemic: false,
      });
    const refs = async (input: object) =>
      (await app.call('recommendations.list', input)).rows.map((r) => r.reference.split('/')[1]);
    const inOrder = Array.from({ length: 11 }, (_, i) => `R${i + 1}`);
    expect(await refs({ sort: 'reference' })).toEqual(inOrder);
    expect(await refs({ sort: 'reference', direction: 'desc' })).toEqual([...inOrder].reverse());
    // Ties on the due date (none here) fall back to the same order.
    expect(await refs({})).toEqual(inOrder);
  });
});
