import { describe, expect, it } from 'vitest';
import {
  conflictRefusal,
  findConflicts,
  streetOf,
  type PersonPlace,
} from '../../../src-shared/rules/conflict-of-interest';

const complainant: PersonPlace = {
  customerId: 'c1',
  name: 'Ann Complainant',
  addressLine1: '12 Acklam Road',
  postcode: 'TS5 7AB',
  neighbourhoodId: 'n1',
  neighbourhoodName: 'Acklam',
};
const clear: PersonPlace = {
  customerId: 'm1',
  name: 'Bob Member',
  addressLine1: '3 Linthorpe Road',
  postcode: 'TS1 3AA',
  neighbourhoodId: 'n2',
};
const none = { relation: null, priorInvolvement: null };

describe('conflicts of interest', () => {
  it('finds none for an unconnected member', () => {
    expect(findConflicts(clear, complainant, none)).toEqual([]);
    expect(conflictRefusal([])).toBeNull();
  });

  it('refuses the complainant themselves', () => {
    const c = findConflicts({ ...clear, customerId: 'c1' }, complainant, none);
    expect(c).toEqual([
      {
        kind: 'is_complainant',
        message: 'Bob Member is the complainant and cannot hear their own complaint.',
      },
    ]);
  });

  it('refuses the same address, written differently', () => {
    const c = findConflicts(
      { ...clear, addressLine1: '12, Acklam Rd.'.replace('Rd.', 'Road'), postcode: 'ts57ab' },
      complainant,
      none,
    );
    expect(c.map((x) => x.kind)).toEqual(['same_address']);
  });

  it('refuses the same street and the same estate', () => {
    const c = findConflicts(
      {
        ...clear,
        addressLine1: 'Flat 2 40 Acklam Road',
        neighbourhoodId: 'n1',
        neighbourhoodName: 'Acklam',
      },
      complainant,
      none,
    );
    expect(c.map((x) => x.kind)).toEqual(['same_street', 'same_estate']);
    expect(conflictRefusal(c)).toBe(
      'This member cannot sit on the case. Bob Member lives on the same street as the complainant (Flat 2 40 Acklam Road). Bob Member lives on the same estate as the complainant (Acklam).',
    );
  });

  it('refuses a declared relation or prior involvement', () => {
    const c = findConflicts(clear, complainant, {
      relation: 'cousin',
      priorInvolvement: 'handled the stage 1 repair',
    });
    expect(c.map((x) => x.message)).toEqual([
      'Bob Member has declared a relation to the complainant: cousin.',
      'Bob Member has declared prior involvement in this complaint: handled the stage 1 repair.',
    ]);
  });

  it('takes the house number and flat off a street', () => {
    expect(streetOf('12a High Street')).toBe('high street');
    expect(streetOf('Flat 3, 14-16 High Street')).toBe('high street');
    expect(streetOf(null)).toBe('');
  });

  it('does not match people with no address', () => {
    expect(
      findConflicts(
        { ...clear, addressLine1: null, postcode: null },
        { ...complainant, addressLine1: null, postcode: null },
        none,
      ),
    ).toEqual([]);
  });
});
