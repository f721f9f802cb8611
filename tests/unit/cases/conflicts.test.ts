import { describe, expect, it } from 'vitest';
import {
  conflictRefusal,
  conflictWarning,
  findConflicts,
  postcodeDistrict,
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
        severity: 'refusal',
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

  it('warns of the same street and the same estate, without refusing', () => {
    const c = findConflicts(
      {
        ...clear,
        addressLine1: 'Flat 2 40 Acklam Road',
        postcode: 'TS5 8QQ',
        neighbourhoodId: 'n1',
        neighbourhoodName: 'Acklam',
      },
      complainant,
      none,
    );
    expect(c.map((x) => [x.kind, x.severity])).toEqual([
      ['same_street', 'warning'],
      ['same_estate', 'warning'],
    ]);
    expect(conflictRefusal(c)).toBeNull();
    expect(conflictWarning(c)).toBe(
      'Bob Member lives on the same street as the complainant (Flat 2 40 Acklam Road, TS5 8QQ). Bob Member lives on the same estate as the complainant (Acklam). Give a reason to seat them anyway, or choose another member.',
    );
  });

  it('compares the street only within the same postcode district and town', () => {
    const at = (addressLine1: string, postcode: string | null, town: string | null = null) =>
      findConflicts(
        { ...clear, addressLine1, postcode, town },
        { ...complainant, town: null },
        none,
      ).map((x) => x.kind);
    // 12 Acklam Road, TS5 vs 15 Acklam Road, TS21: another street of the same name.
    expect(at('15 Acklam Road', 'TS21 3EE')).toEqual([]);
    // TS5 is not TS57, however the postcode is spaced.
    expect(at('15 Acklam Road', 'TS57 1AA')).toEqual([]);
    expect(at('15 Acklam Road', 'ts58aa')).toEqual(['same_street']);
    // The same district in another town is another street.
    const inTown = { ...complainant, town: 'Middlesbrough' };
    const kinds = (town: string | null, postcode: string | null) =>
      findConflicts({ ...clear, addressLine1: '15 Acklam Road', postcode, town }, inTown, none).map(
        (x) => x.kind,
      );
    expect(kinds('Stockton-on-Tees', 'TS5 8AA')).toEqual([]);
    expect(kinds('MIDDLESBROUGH', 'TS5 8AA')).toEqual(['same_street']);
    // Where only the town is known, the town decides.
    expect(kinds('Middlesbrough', null)).toEqual(['same_street']);
    expect(kinds('Hartlepool', null)).toEqual([]);
    // With neither recorded, the street name alone still warns.
    expect(kinds(null, null)).toEqual(['same_street']);
  });

  it('keeps the same address and the complainant as refusals, whatever the warnings', () => {
    const c = findConflicts(
      { ...clear, addressLine1: '12 Acklam Road', postcode: 'TS5 7AB', neighbourhoodId: 'n1' },
      complainant,
      none,
    );
    expect(c.map((x) => [x.kind, x.severity])).toEqual([
      ['same_address', 'refusal'],
      ['same_estate', 'warning'],
    ]);
    expect(conflictRefusal(c)).toBe(
      'This member cannot sit on the case. Bob Member lives at the same address as the complainant.',
    );
  });

  it('finds the postcode district', () => {
    expect(postcodeDistrict('TS5 7AB')).toBe('TS5');
    expect(postcodeDistrict('ts217ee')).toBe('TS21');
    expect(postcodeDistrict('TS')).toBe('');
    expect(postcodeDistrict(null)).toBe('');
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
