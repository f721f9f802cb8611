import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Customer } from '../../../src-shared/domain/customer';
import { ApiError } from '../../../src-shared/errors';
import { openTestApp, type TestApp } from '../../support/temp-db';

let app: TestApp;

beforeEach(async () => {
  app = await openTestApp();
  await app.call('organisation.applyTemplate', {});
});
afterEach(() => app.close());

async function organisation() {
  return app.call('organisation.get', {});
}

async function create(values: Record<string, unknown>): Promise<Customer> {
  const result = await app.call('customers.create', {
    firstName: 'Jo',
    lastName: 'Bloggs',
    ...values,
  });
  if (!result.created) throw new Error('expected a new customer');
  return result.customer;
}

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof ApiError) return e;
    throw e;
  }
  throw new Error('expected the call to fail');
}

describe('creating a customer', () => {
  it('stores the normal form of what was typed and reads it back', async () => {
    const org = await organisation();
    const landlord = org.landlords[0]!;
    const area = org.areas.find((a) => a.landlordId === landlord.id)!;
    const c = await create({
      preferredName: 'Joey',
      email: ' Jo.Bloggs@Example.ORG',
      phone: '+44 1642 123456',
      postcode: 'ts17 6aa',
      landlordId: landlord.id,
      areaId: area.id,
      tenure: 'tenant',
      dateOfBirth: '1980-11-24',
      interests: ['policy', 'repairs'],
      skills: ['chairing'],
      consents: [{ purpose: 'contact', givenOn: '2026-11-20', method: 'paper_form' }],
      isBoardMember: true,
    });
    expect(c).toMatchObject({
      firstName: 'Jo',
      preferredName: 'Joey',
      email: 'jo.bloggs@example.org',
      phone: '01642 123456',
      postcode: 'TS17 6AA',
      status: 'interested',
      age: 45, // the clock is 2026-11-23: the 46th birthday is tomorrow
      interests: ['repairs', 'policy'],
      skills: ['chairing'],
      isBoardMember: true,
      consents: [
        {
          purpose: 'contact',
          givenOn: '2026-11-20',
          method: 'paper_form',
          withdrawnOn: null,
          note: null,
        },
      ],
    });
    expect(await app.call('customers.get', { id: c.id })).toEqual(c);
  });

  it('names the fields at fault', async () => {
    const org = await organisation();
    const [first, second] = org.landlords;
    const otherArea = org.areas.find((a) => a.landlordId === second!.id)!;
    const error = await failure(
      app.call('customers.create', {
        firstName: 'Jo',
        lastName: 'Bloggs',
        dateOfBirth: '2020-01-01',
        landlordId: first!.id,
        areaId: otherArea.id,
      }),
    );
    expect(error.code).toBe('invalid');
    expect(error.fields.map((f) => f.path).sort()).toEqual(['areaId', 'dateOfBirth']);
    expect(error.fields.find((f) => f.path === 'dateOfBirth')!.message).toMatch(/makes them 6/);
  });

  it('refuses a likely duplicate unless confirmed, and says why', async () => {
    const first = await create({ postcode: 'TS1 2AB', email: 'jo@example.org' });
    const again = await app.call('customers.create', {
      firstName: 'JO',
      lastName: 'bloggs',
      postcode: 'ts12ab',
    });
    expect(again).toEqual({
      created: false,
      duplicates: [expect.objectContaining({ id: first.id, reasons: ['name_and_postcode'] })],
    });
    const byEmail = await app.call('customers.create', {
      firstName: 'Jolene',
      lastName: 'Smith',
      email: 'JO@example.org',
    });
    expect(byEmail.created).toBe(false);

    const confirmed = await app.call('customers.create', {
      firstName: 'Jo',
      lastName: 'Bloggs',
      postcode: 'TS1 2AB',
      confirmDuplicate: true,
    });
    expect(confirmed.created).toBe(true);
  });

  it('refuses a reference another customer has', async () => {
    await create({ externalRef: 'T-1001' });
    const error = await failure(
      app.call('customers.create', { firstName: 'Sam', lastName: 'Hall', externalRef: 'T-1001' }),
    );
    expect(error.fields).toEqual([
      { path: 'externalRef', message: 'Jo Bloggs already has reference T-1001.' },
    ]);
  });
});

describe('editing a customer', () => {
  it('changes only what was given and records each change in the history', async () => {
    const c = await create({ email: 'jo@example.org', interests: ['repairs'] });
    app.clock.advanceDays(1);
    const edited = await app.call('customers.update', {
      id: c.id,
      expectedUpdatedAt: c.updatedAt,
      patch: { phone: '07700900123', interests: ['repairs', 'complaints'], status: 'active' },
    });
    expect(edited).toMatchObject({
      email: 'jo@example.org',
      phone: '07700 900123',
      status: 'active',
      interests: ['repairs', 'complaints'],
    });

    const history = await app.call('history.forRecord', { entity: 'customers', id: c.id });
    const updates = history
      .filter((h) => h.op === 'update')
      .map((h) => [h.field, h.before, h.after]);
    expect(updates).toEqual(
      expect.arrayContaining([
        ['phone', null, '07700 900123'],
        ['interests', '["repairs"]', '["repairs","complaints"]'],
        ['status', 'interested', 'active'],
      ]),
    );
    expect(updates).toHaveLength(3);
    expect(history.at(-1)!.op).toBe('create');
  });

  it('refuses to overwrite a save made since the record was opened', async () => {
    const c = await create({});
    app.clock.advanceDays(1);
    await app.call('customers.update', {
      id: c.id,
      expectedUpdatedAt: c.updatedAt,
      patch: { town: 'Stockton' },
    });
    const error = await failure(
      app.call('customers.update', {
        id: c.id,
        expectedUpdatedAt: c.updatedAt,
        patch: { town: 'Redcar' },
      }),
    );
    expect(error.code).toBe('conflict');
    expect((await app.call('customers.get', { id: c.id })).town).toBe('Stockton');
  });

  it('keeps the search index in step with edits', async () => {
    const c = await create({ postcode: 'TS1 2AB' });
    await app.call('customers.update', {
      id: c.id,
      expectedUpdatedAt: c.updatedAt,
      patch: { lastName: 'Featherstone' },
    });
    expect((await app.call('customers.list', { search: 'bloggs' })).total).toBe(0);
    expect((await app.call('customers.list', { search: 'feath' })).rows.map((r) => r.id)).toEqual([
      c.id,
    ]);
  });
});

describe('deleting a customer', () => {
  it('tombstones the record for coordinators, and refuses officers', async () => {
    const c = await create({});
    await app.signInAs('officer');
    expect((await failure(app.call('customers.delete', { id: c.id }))).code).toBe('forbidden');
    await app.signInAs('administrator', 'Test administrator');
    await app.signInAs('coordinator');
    await app.call('customers.delete', { id: c.id, reason: 'Asked to be removed' });
    expect((await failure(app.call('customers.get', { id: c.id }))).code).toBe('not_found');
    expect((await app.call('customers.list', {})).total).toBe(0);
    const history = await app.call('history.forRecord', { entity: 'customers', id: c.id });
    expect(history[0]).toMatchObject({ op: 'delete', reason: 'Asked to be removed' });
  });
});

describe('equality data', () => {
  const equality = {
    ageBand: '35_44',
    gender: 'woman',
    ethnicity: 'white_british',
    disability: 'yes',
    sexualOrientation: '',
    religion: '',
  } as const;

  it('is hidden from officers in the record and its history, and not writable by them', async () => {
    const c = await create({ equality });
    expect((await app.call('customers.get', { id: c.id })).equality).toMatchObject({
      disability: 'yes',
    });
    await app.call('customers.update', {
      id: c.id,
      expectedUpdatedAt: c.updatedAt,
      patch: { equality: { ...equality, disability: 'no' } },
    });

    await app.signInAs('officer');
    const seen = await app.call('customers.get', { id: c.id });
    expect(seen.equality).toBeNull();
    expect(seen.equalityVisible).toBe(false);
    const history = await app.call('history.forRecord', { entity: 'customers', id: c.id });
    expect(JSON.stringify(history)).not.toMatch(/equality_|white_british/);
    expect(history.length).toBeGreaterThan(0);

    const error = await failure(
      app.call('customers.update', {
        id: seen.id,
        expectedUpdatedAt: seen.updatedAt,
        patch: { equality },
      }),
    );
    expect(error.code).toBe('forbidden');
    const edited = await app.call('customers.update', {
      id: seen.id,
      expectedUpdatedAt: seen.updatedAt,
      patch: { town: 'Hartlepool' },
    });
    expect(edited.town).toBe('Hartlepool');
    await app.signInAs('administrator', 'Test administrator');
    expect((await app.call('customers.get', { id: c.id })).equality).toMatchObject({
      disability: 'no',
    });
  });
});
