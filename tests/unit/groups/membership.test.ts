import { describe, expect, it } from 'vitest';
import {
  activityOfferedRule,
  ageOn,
  ageRangeRule,
  boardMembersRule,
  groupRuleStatus,
  hadActivityInLastYear,
  oneCorporateGroupRule,
  birthDateBounds,
  partnerTenantsRule,
  violationsForNewMember,
  yearBefore,
  type RuleGroup,
  type RuleLandlord,
  type RuleMember,
} from '../../../src-shared/rules/membership';

const landlords: RuleLandlord[] = [
  { id: 'erimus', name: 'Erimus Housing', isPartner: true },
  { id: 'tristar', name: 'Tristar Homes', isPartner: true },
  { id: 'care', name: 'Thirteen Care and Support', isPartner: false },
];

const panel: RuleGroup = {
  id: 'panel',
  name: 'Scrutiny Panel',
  kind: 'corporate',
  minTenantsPerPartner: 2,
  excludeBoardMembers: true,
  minAge: null,
  maxAge: null,
};

const youngVoices: RuleGroup = {
  ...panel,
  id: 'yv',
  name: 'Young Voices',
  minTenantsPerPartner: null,
  minAge: 10,
  maxAge: 24,
};

const taskGroup: RuleGroup = {
  id: 'tf',
  name: 'Repairs policy group',
  kind: 'task_and_finish',
  minTenantsPerPartner: null,
  excludeBoardMembers: false,
  minAge: null,
  maxAge: null,
};

let n = 0;
function member(over: Partial<RuleMember> = {}): RuleMember {
  n += 1;
  return {
    customerId: `c${n}`,
    name: `Customer ${n}`,
    landlordId: 'erimus',
    tenure: 'tenant',
    dateOfBirth: '1970-01-01',
    isBoardMember: false,
    otherCorporateGroups: [],
    ...over,
  };
}

describe('partner landlord tenants', () => {
  it('explains each partner landlord that is short, in the words the group page shows', () => {
    const members = [
      member({ landlordId: 'erimus' }),
      member({ landlordId: 'erimus' }),
      member({ landlordId: 'tristar' }),
    ];
    const v = partnerTenantsRule(panel, members, landlords);
    expect(v).toEqual([
      {
        rule: 'partner_tenants',
        customerId: null,
        landlordId: 'tristar',
        message: 'Scrutiny Panel: only 1 tenant from Tristar Homes, 2 needed.',
      },
    ]);
  });

  it('does not count leaseholders or shared owners as tenants', () => {
    const members = [
      member({ landlordId: 'tristar', tenure: 'tenant' }),
      member({ landlordId: 'tristar', tenure: 'leaseholder' }),
      member({ landlordId: 'tristar', tenure: 'shared_owner' }),
      member({ landlordId: 'erimus' }),
      member({ landlordId: 'erimus' }),
    ];
    const v = partnerTenantsRule(panel, members, landlords);
    expect(v.map((x) => x.message)).toEqual([
      'Scrutiny Panel: only 1 tenant from Tristar Homes, 2 needed.',
    ]);
  });

  it('says "no tenants" for a landlord with none, and ignores non-partner landlords', () => {
    const v = partnerTenantsRule(panel, [member(), member()], landlords);
    expect(v.map((x) => x.message)).toEqual([
      'Scrutiny Panel: no tenants from Tristar Homes, 2 needed.',
    ]);
  });

  it('is met at exactly the number needed, and off for groups without it', () => {
    const members = [
      member({ landlordId: 'erimus' }),
      member({ landlordId: 'erimus' }),
      member({ landlordId: 'tristar' }),
      member({ landlordId: 'tristar' }),
    ];
    expect(partnerTenantsRule(panel, members, landlords)).toEqual([]);
    expect(partnerTenantsRule(taskGroup, [], landlords)).toEqual([]);
  });
});

describe('one standing group each', () => {
  it('flags a customer already on another corporate group', () => {
    const m = member({
      name: 'Ann Lee',
      otherCorporateGroups: [{ id: 'cc', name: 'Customer Council' }],
    });
    const v = oneCorporateGroupRule(panel, [m]);
    expect(v).toHaveLength(1);
    expect(v[0]!.customerId).toBe(m.customerId);
    expect(v[0]!.message).toMatch(
      /^Ann Lee already sits on Customer Council\. A customer may be on only one standing group/,
    );
  });

  it('lets them join any number of task and finish groups', () => {
    const m = member({ otherCorporateGroups: [{ id: 'cc', name: 'Customer Council' }] });
    expect(oneCorporateGroupRule(taskGroup, [m])).toEqual([]);
  });
});

describe('board members', () => {
  it('are refused on the scrutiny groups and welcome elsewhere', () => {
    const m = member({ name: 'Bob Day', isBoardMember: true });
    expect(boardMembersRule(panel, [m]).map((v) => v.message)).toEqual([
      'Bob Day is a board member. Board members cannot sit on Scrutiny Panel, because it holds the Boards to account.',
    ]);
    expect(boardMembersRule(taskGroup, [m])).toEqual([]);
  });
});

describe('ages', () => {
  it('counts whole years, the birthday itself included', () => {
    expect(ageOn('2000-06-15', '2010-06-14')).toBe(9);
    expect(ageOn('2000-06-15', '2010-06-15')).toBe(10);
    expect(ageOn('2000-06-15', '2024-06-15')).toBe(24);
  });

  it('treats a 29 February birthday as 1 March in other years', () => {
    expect(ageOn('2004-02-29', '2014-02-28')).toBe(9);
    expect(ageOn('2004-02-29', '2014-03-01')).toBe(10);
    expect(ageOn('2004-02-29', '2016-02-29')).toBe(12);
    expect(ageOn('2004-02-29', '2016-02-28')).toBe(11);
  });

  const on = '2026-06-15';
  const withDob = (dateOfBirth: string | null) => member({ name: 'Kim', dateOfBirth });

  it('accepts 10 on the day and 24 up to the day before the 25th birthday', () => {
    expect(ageRangeRule(youngVoices, [withDob('2016-06-15')], on)).toEqual([]);
    expect(ageRangeRule(youngVoices, [withDob('2002-06-15')], on)).toEqual([]);
    expect(ageRangeRule(youngVoices, [withDob('2001-06-16')], on)).toEqual([]);
  });

  it('refuses 9 (the day before the 10th birthday) and 25 on the day', () => {
    expect(ageRangeRule(youngVoices, [withDob('2016-06-16')], on).map((v) => v.message)).toEqual([
      'Kim is 9. Young Voices is for people aged 10 to 24.',
    ]);
    expect(ageRangeRule(youngVoices, [withDob('2001-06-15')], on).map((v) => v.message)).toEqual([
      'Kim is 25. Young Voices is for people aged 10 to 24.',
    ]);
  });

  it('handles a leap-day birthday at the lower boundary', () => {
    expect(ageRangeRule(youngVoices, [withDob('2016-02-29')], '2026-02-28')).toHaveLength(1);
    expect(ageRangeRule(youngVoices, [withDob('2016-02-29')], '2026-03-01')).toEqual([]);
  });

  it('asks for a date of birth where none is recorded', () => {
    const v = ageRangeRule(youngVoices, [withDob(null)], on);
    expect(v[0]!.message).toBe(
      'Kim has no date of birth recorded, so we cannot confirm they are aged 10 to 24 for Young Voices. Add it to their record.',
    );
  });

  it('does nothing for groups without an age range', () => {
    expect(ageRangeRule(panel, [withDob('2020-01-01')], on)).toEqual([]);
  });
});

describe('group status and new members', () => {
  it('gathers every rule for the group page', () => {
    const members = [
      member({ landlordId: 'erimus', isBoardMember: true }),
      member({ landlordId: 'erimus' }),
      member({ landlordId: 'tristar', otherCorporateGroups: [{ id: 'x', name: 'DCP' }] }),
    ];
    const rules = groupRuleStatus(panel, members, landlords, '2026-01-01').map((v) => v.rule);
    expect(rules.sort()).toEqual(['no_board_members', 'one_corporate_group', 'partner_tenants']);
  });

  it('judges a new member only on the rules about them', () => {
    const ok = member({ landlordId: 'erimus' });
    expect(violationsForNewMember(panel, ok, '2026-01-01')).toEqual([]);
    const old = member({ dateOfBirth: '1990-01-01', isBoardMember: true });
    expect(violationsForNewMember(youngVoices, old, '2026-01-01').map((v) => v.rule)).toEqual([
      'no_board_members',
      'age_range',
    ]);
  });
});

describe('an activity a year', () => {
  it('counts the same date a year earlier but not the day before', () => {
    expect(hadActivityInLastYear('2025-06-15', '2026-06-15')).toBe(true);
    expect(hadActivityInLastYear('2025-06-14', '2026-06-15')).toBe(false);
    expect(hadActivityInLastYear(null, '2026-06-15')).toBe(false);
  });

  it('steps back from 29 February to 28 February', () => {
    expect(yearBefore('2028-02-29')).toBe('2027-02-28');
    expect(yearBefore('2029-03-01')).toBe('2028-03-01');
  });

  it('explains who needs an offer', () => {
    expect(
      activityOfferedRule(
        { customerId: 'a', name: 'Sam', lastActivityOn: '2024-01-01' },
        '2026-01-02',
      )[0]!.message,
    ).toBe('Sam has had no activity since 2024-01-01. Offer them at least one activity this year.');
    expect(
      activityOfferedRule(
        { customerId: 'a', name: 'Sam', lastActivityOn: '2025-12-01' },
        '2026-01-02',
      ),
    ).toEqual([]);
  });
});

describe('birth date bounds for an age range', () => {
  const within = (dob: string, on: string, min: number | null, max: number | null) => {
    const b = birthDateBounds(min, max, on);
    return (
      (b.bornOnOrBefore === null || dob <= b.bornOnOrBefore) &&
      (b.bornAfter === null || dob > b.bornAfter)
    );
  };

  it('gives the bounds of Young Voices, 10 to 24, on a day', () => {
    expect(birthDateBounds(10, 24, '2026-12-03')).toEqual({
      bornOnOrBefore: '2016-12-03',
      bornAfter: '2001-12-03',
    });
    expect(birthDateBounds(null, null, '2026-12-03')).toEqual({
      bornOnOrBefore: null,
      bornAfter: null,
    });
  });

  it('agrees with ageOn on every day around the birthdays, 29 February included', () => {
    const births = [
      '2016-12-03',
      '2016-12-04',
      '2016-02-29',
      '2001-12-03',
      '2001-12-04',
      '2002-03-01',
    ];
    const days = [
      '2026-12-02',
      '2026-12-03',
      '2026-12-04',
      '2026-02-28',
      '2026-03-01',
      '2028-02-29',
    ];
    for (const dob of births) {
      for (const on of days) {
        const age = ageOn(dob, on);
        expect(within(dob, on, 10, 24), `${dob} on ${on} (age ${age})`).toBe(
          age >= 10 && age <= 24,
        );
      }
    }
  });
});
