import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../support/temp-db';

let app: TestApp;
let youngVoices: string;
let erimus: string;

beforeEach(async () => {
  app = await openTestApp({ clock: '2026-11-23T10:00:00.000Z' });
  const org = await app.call('organisation.applyTemplate', {});
  erimus = org.landlords.find((l) => l.name === 'Erimus Housing')!.id;
  youngVoices = (await app.call('groups.list', {})).find((g) => g.name === 'Young Voices')!.id;
});
afterEach(() => app.close());

async function child(dateOfBirth: string) {
  const r = await app.call('customers.create', {
    firstName: 'Ava',
    lastName: 'Lowther',
    landlordId: erimus,
    tenure: 'tenant',
    dateOfBirth,
    confirmDuplicate: true,
  });
  if (!r.created) throw new Error('not created');
  return r.customer.id;
}

describe('checking a candidate and adding them judge the same date', () => {
  it('refuses in the check a child who is 10 today but 9 on the joining date, as the add does', async () => {
    // Ten on 1 October 2026; still nine on 1 September.
    const ava = await child('2016-10-01');
    const candidate = { groupId: youngVoices, customerId: ava, joinedOn: '2026-09-01' };

    const check = await app.call('groups.checkMember', candidate);
    const add = await app.call('groups.addMember', candidate);

    expect(check.map((v) => v.message)).toEqual([
      'Ava Lowther is 9. Young Voices is for people aged 10 to 24.',
    ]);
    expect(add.added).toBe(false);
    expect(add.violations).toEqual(check);
  });

  it('passes in the check a child who is 10 on the joining date, and the add takes them', async () => {
    const ava = await child('2016-10-01');
    const candidate = { groupId: youngVoices, customerId: ava, joinedOn: '2026-10-01' };

    expect(await app.call('groups.checkMember', candidate)).toEqual([]);
    const add = await app.call('groups.addMember', candidate);
    expect(add.added).toBe(true);
  });

  it('asks for the joining date, naming the field', async () => {
    const ava = await child('2016-10-01');
    await expect(
      app.call('groups.checkMember', { groupId: youngVoices, customerId: ava } as never),
    ).rejects.toMatchObject({ fields: [expect.objectContaining({ path: 'joinedOn' })] });
  });
});
