import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Input } from '../../../src-shared/api';
import { openTestApp, type TestApp } from '../../support/temp-db';

let app: TestApp;
let ids: Record<string, string>;

beforeAll(async () => {
  app = await openTestApp();
  const org = await app.call('organisation.applyTemplate', {});
  const [erimus, tvh] = org.landlords;
  const people: Input<'customers.create'>[] = [
    {
      firstName: 'Margaret',
      lastName: 'Hall',
      postcode: 'TS1 2AB',
      landlordId: erimus!.id,
      status: 'active',
      interests: ['repairs'],
      skills: ['chairing'],
      dateOfBirth: '1950-03-01',
      notes: 'Chaired the estate walkabout',
    },
    {
      firstName: 'Sean',
      lastName: "O'Neill",
      postcode: 'TS17 6AA',
      landlordId: tvh!.id,
      status: 'active',
      interests: ['complaints'],
      email: 'sean@example.org',
      dateOfBirth: '2004-05-05',
    },
    {
      firstName: 'Zoë',
      lastName: 'Atkinson',
      postcode: 'TS24 8HJ',
      landlordId: tvh!.id,
      status: 'paused',
      interests: ['repairs', 'policy'],
      skills: ['minute_taking'],
    },
    {
      firstName: 'Harry',
      lastName: 'Hallam',
      postcode: 'TS1 3BD',
      landlordId: erimus!.id,
      status: 'left',
    },
  ];
  ids = {};
  for (const p of people) {
    const r = await app.call('customers.create', p);
    if (!r.created) throw new Error('not created');
    ids[p.firstName] = r.customer.id;
  }
});
afterAll(() => app.close());

const names = (page: { rows: { firstName: string }[] }) => page.rows.map((r) => r.firstName);

describe('searching the register', () => {
  it('finds by the start of any name, ignoring case and accents', async () => {
    expect(names(await app.call('customers.list', { search: 'hall', sort: 'name' }))).toEqual([
      'Margaret',
      'Harry',
    ]);
    expect(names(await app.call('customers.list', { search: 'ZOE' }))).toEqual(['Zoë']);
    expect(names(await app.call('customers.list', { search: "o'neill" }))).toEqual(['Sean']);
  });

  it('finds by postcode, typed either way, email and notes', async () => {
    expect(names(await app.call('customers.list', { search: 'ts176aa' }))).toEqual(['Sean']);
    // A whole district matches that district, not TS17 as well.
    expect(names(await app.call('customers.list', { search: 'TS1', sort: 'name' }))).toEqual([
      'Margaret',
      'Harry',
    ]);
    expect(names(await app.call('customers.list', { search: 'TS17' }))).toEqual(['Sean']);
    expect(names(await app.call('customers.list', { search: 'sean@example.org' }))).toEqual([
      'Sean',
    ]);
    expect(names(await app.call('customers.list', { search: 'walkabout' }))).toEqual(['Margaret']);
  });

  it('survives search text that is FTS5 syntax', async () => {
    expect((await app.call('customers.list', { search: '"hall OR *' })).total).toBe(0);
    expect((await app.call('customers.list', { search: 'NEAR(' })).total).toBe(0);
  });
});

describe('filtering and sorting', () => {
  it('filters by landlord, status, interest and skill together with search', async () => {
    const org = await app.call('organisation.get', {});
    const tvh = org.landlords[1]!.id;
    expect(names(await app.call('customers.list', { landlordId: tvh, sort: 'name' }))).toEqual([
      'Zoë',
      'Sean',
    ]);
    expect(
      names(await app.call('customers.list', { status: ['active', 'paused'], sort: 'name' })),
    ).toEqual(['Zoë', 'Margaret', 'Sean']);
    expect(names(await app.call('customers.list', { interest: 'repairs', sort: 'name' }))).toEqual([
      'Zoë',
      'Margaret',
    ]);
    expect(
      names(await app.call('customers.list', { interest: 'repairs', skill: 'chairing' })),
    ).toEqual(['Margaret']);
    expect(names(await app.call('customers.list', { search: 'hall', status: ['left'] }))).toEqual([
      'Harry',
    ]);
  });

  it('keeps interest filters in step with edits', async () => {
    const c = await app.call('customers.get', { id: ids.Harry! });
    await app.call('customers.update', {
      id: c.id,
      expectedUpdatedAt: c.updatedAt,
      patch: { interests: ['repairs'] },
    });
    expect(names(await app.call('customers.list', { interest: 'repairs', sort: 'name' }))).toEqual([
      'Zoë',
      'Margaret',
      'Harry',
    ]);
    await app.call('customers.update', {
      id: c.id,
      expectedUpdatedAt: (await app.call('customers.get', { id: c.id })).updatedAt,
      patch: { interests: [] },
    });
    expect(names(await app.call('customers.list', { interest: 'repairs', sort: 'name' }))).toEqual([
      'Zoë',
      'Margaret',
    ]);
  });

  it('finds those with no activity in the last twelve months', async () => {
    const ctx = await app.ctx();
    ctx.raw
      .prepare(`UPDATE customers SET last_activity_at = ? WHERE id = ?`)
      .run('2026-06-01T10:00:00.000Z', ids.Margaret);
    ctx.raw
      .prepare(`UPDATE customers SET last_activity_at = ? WHERE id = ?`)
      .run('2025-06-01T10:00:00.000Z', ids.Sean);
    expect(
      names(await app.call('customers.list', { noRecentActivity: true, sort: 'name' })),
    ).toEqual(['Zoë', 'Harry', 'Sean']);
  });

  it('sorts by age, oldest first, with unknown ages last', async () => {
    expect(
      names(await app.call('customers.list', { sort: 'age', direction: 'desc' })).slice(0, 2),
    ).toEqual(['Margaret', 'Sean']);
    expect(names(await app.call('customers.list', { sort: 'age' })).slice(0, 2)).toEqual([
      'Sean',
      'Margaret',
    ]);
  });

  it('pages with a total', async () => {
    const first = await app.call('customers.list', { sort: 'name', limit: 2 });
    const second = await app.call('customers.list', { sort: 'name', limit: 2, offset: 2 });
    expect(first.total).toBe(4);
    expect(second.total).toBe(4);
    expect([...names(first), ...names(second)]).toEqual(['Zoë', 'Margaret', 'Harry', 'Sean']);
  });
});
