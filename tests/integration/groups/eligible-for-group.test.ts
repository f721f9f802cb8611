import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../support/temp-db';

let app: TestApp;
let landlords: Record<string, string>;
let groups: Record<string, string>;

beforeEach(async () => {
  app = await openTestApp({ clock: '2026-12-03T10:00:00.000Z' });
  const org = await app.call('organisation.applyTemplate', {});
  landlords = Object.fromEntries(org.landlords.map((l) => [l.name, l.id]));
  groups = Object.fromEntries((await app.call('groups.list', {})).map((g) => [g.name, g.id]));
});
afterEach(() => app.close());

async function person(
  lastName: string,
  over: { tenure?: string; board?: boolean; status?: string; dob?: string | null } = {},
) {
  const r = await app.call('customers.create', {
    firstName: 'Test',
    lastName,
    landlordId: landlords['Tristar Homes'],
    tenure: (over.tenure ?? 'tenant') as 'tenant',
    isBoardMember: over.board ?? false,
    status: (over.status ?? 'active') as 'active',
    dateOfBirth: 'dob' in over ? over.dob : '1980-01-01',
    confirmDuplicate: true,
  });
  if (!r.created) throw new Error('not created');
  return r.customer.id;
}

const join = (group: string, customerId: string) =>
  app.call('groups.addMember', { groupId: groups[group]!, customerId, joinedOn: '2026-01-05' });

describe('the register filtered to those who could join a group', () => {
  it('leaves out board members, members of another standing group, current members and leavers', async () => {
    await person('Eligible');
    await person('Board', { board: true });
    const council = await person('OnCouncil');
    await join('Customer Council', council);
    const already = await person('AlreadyOn');
    await join('Scrutiny Panel', already);
    await person('Left', { status: 'left' });
    await person('Leaseholder', { tenure: 'leaseholder' });

    const r = await app.call('customers.list', {
      landlordId: landlords['Tristar Homes'],
      tenure: 'tenant',
      eligibleForGroupId: groups['Scrutiny Panel'],
    });
    expect(r.rows.map((c) => c.lastName)).toEqual(['Eligible']);
  });

  it('keeps to the group age range, by date of birth on today', async () => {
    await person('JustTen', { dob: '2016-12-03' });
    await person('TwentySix', { dob: '2000-06-01' });
    await person('TwentyFour', { dob: '2001-12-04' });
    await person('TwentyFive', { dob: '2001-12-03' });
    await person('NoBirthDate', { dob: null });
    const r = await app.call('customers.list', { eligibleForGroupId: groups['Young Voices'] });
    expect(r.rows.map((c) => c.lastName).sort()).toEqual(['JustTen', 'TwentyFour']);
  });

  it('lets a member of a standing group join an open one', async () => {
    const council = await person('OnCouncil');
    await join('Customer Council', council);
    const r = await app.call('customers.list', { eligibleForGroupId: groups['Talent School'] });
    expect(r.rows.map((c) => c.lastName)).toContain('OnCouncil');
  });

  it('names the group when it does not exist', async () => {
    await expect(
      app.call('customers.list', { eligibleForGroupId: '01890000-0000-7000-8000-000000000000' }),
    ).rejects.toThrow(/group/i);
  });
});
