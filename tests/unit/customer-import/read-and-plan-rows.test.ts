import { describe, expect, it } from 'vitest';
import { suggestMapping } from '../../../src-shared/domain/customer-import';
import type { ParsedSheet } from '../../../src-main/services/customer-import/parse-sheet';
import {
  checkMapping,
  readRows,
  restoreLeadingZero,
  type PlaceLookups,
} from '../../../src-main/services/customer-import/read-rows';
import {
  CustomerMatcher,
  changedFields,
  planRows,
  type ExistingCustomer,
} from '../../../src-main/services/customer-import/plan-rows';

const places: PlaceLookups = {
  landlords: [
    { id: '0193a000-0000-7000-8000-000000000001', name: 'Erimus Housing', shortName: 'Erimus' },
    { id: '0193a000-0000-7000-8000-000000000002', name: 'Housing Hartlepool', shortName: null },
  ],
  areas: [
    {
      id: '0193a000-0000-7000-8000-000000000011',
      name: 'Central',
      landlordId: '0193a000-0000-7000-8000-000000000001',
    },
    {
      id: '0193a000-0000-7000-8000-000000000012',
      name: 'Central',
      landlordId: '0193a000-0000-7000-8000-000000000002',
    },
  ],
  neighbourhoods: [],
};

function sheet(headers: string[], ...rows: string[][]): ParsedSheet {
  return { sheetName: null, headers, rows: rows.map((cells, i) => ({ row: i + 2, cells })) };
}

const today = '2026-11-23';
const headers = [
  'Ref',
  'Forename',
  'Surname',
  'Email',
  'Post Code',
  'DOB',
  'Tenure',
  'Landlord',
  'Area',
];

describe('readRows', () => {
  it('turns a good row into customer values in their stored form', () => {
    const s = sheet(headers, [
      'T100',
      ' Ada ',
      'Lovelace',
      'ADA@Example.org',
      'ts1 2ab',
      '10/12/1985',
      'Tenant',
      'erimus',
      'Central',
    ]);
    const read = readRows(s, suggestMapping(headers), places, today);
    expect(read.mappingIssues).toEqual([]);
    expect(read.rows[0]!.issues).toEqual([]);
    expect(read.rows[0]!.values).toEqual({
      externalRef: 'T100',
      firstName: 'Ada',
      lastName: 'Lovelace',
      email: 'ada@example.org',
      postcode: 'TS1 2AB',
      dateOfBirth: '1985-12-10',
      tenure: 'tenant',
      landlordId: places.landlords[0]!.id,
      areaId: places.areas[0]!.id,
    });
  });

  it('names the spreadsheet row and the column header of each problem', () => {
    const s = sheet(
      headers,
      ['T1', 'Ada', 'Lovelace', '', 'TS1 2AB', '', '', '', ''],
      ['T2', 'Mary', 'Seacole', 'mary@', 'TS1', '31/02/1990', 'Lodger', 'Acme Homes', ''],
      ['T3', '', 'Nightingale', '', '', '', '', '', ''],
    );
    const read = readRows(s, suggestMapping(headers), places, today);
    expect(read.rows[0]!.issues).toEqual([]);
    expect(read.rows[1]!.values).toBeNull();
    expect(read.rows[1]!.issues.map((i) => i.message)).toEqual([
      "Row 3, column 'Email': 'mary@' is not an email address.",
      "Row 3, column 'Post Code': 'TS1' is not a full UK postcode.",
      "Row 3, column 'Landlord': 'Acme Homes' is not a landlord set up in Settings (the landlords are Erimus Housing, Housing Hartlepool).",
      "Row 3, column 'Tenure': 'Lodger' is not one of: Tenant, Leaseholder, Shared owner, Care & support client.",
      "Row 3, column 'DOB': '31/02/1990' is not a real date (dates are read as dd/mm/yyyy).",
    ]);
    expect(read.rows[1]!.issues[1]).toMatchObject({
      row: 3,
      column: 'Post Code',
      field: 'postcode',
      value: 'TS1',
    });
    expect(read.rows[2]!.issues.map((i) => i.message)).toEqual([
      "Row 4, column 'Forename': First name is required.",
    ]);
  });

  it("settles an area name two landlords use by the row's landlord", () => {
    const s = sheet(
      headers,
      ['', 'A', 'B', '', '', '', '', 'Housing Hartlepool', 'central'],
      ['', 'C', 'D', '', '', '', '', '', 'Central'],
    );
    const read = readRows(s, suggestMapping(headers), places, today);
    expect(read.rows[0]!.values?.areaId).toBe(places.areas[1]!.id);
    expect(read.rows[1]!.issues[0]!.message).toBe(
      "Row 3, column 'Area': 'Central' is the name of areas of more than one landlord: fill in the Landlord column too.",
    );
  });

  it('refuses an implausible date of birth and an area of another landlord', () => {
    const s = sheet(
      headers,
      ['', 'A', 'B', '', '', '01/01/2020', '', 'Erimus', 'Nowhere'],
      ['', 'C', 'D', '', '', '', '', 'Erimus Housing', 'Central'],
    );
    const hartlepoolOnly: PlaceLookups = { ...places, areas: [places.areas[1]!] };
    const read = readRows(s, suggestMapping(headers), hartlepoolOnly, today);
    expect(read.rows[0]!.issues.map((i) => i.message)).toEqual([
      "Row 2, column 'Area': 'Nowhere' is not an area set up in Settings.",
      "Row 2, column 'DOB': '01/01/2020' is not plausible. That makes them 6: involved customers are 10 or older.",
    ]);
    expect(read.rows[1]!.issues.map((i) => i.message)).toEqual([
      "Row 3, column 'Area': 'Central' is not an area of Erimus Housing.",
    ]);
  });

  it('leaves blank cells out, so they never clear a stored value', () => {
    const read = readRows(
      sheet(headers, ['', 'Ada', 'Lovelace', '', '', '', '', '', '']),
      suggestMapping(headers),
      places,
      today,
    );
    expect(read.rows[0]!.values).toEqual({ firstName: 'Ada', lastName: 'Lovelace' });
  });

  it('puts back the 0 a spreadsheet drops from a phone number', () => {
    expect(restoreLeadingZero('7700900123')).toBe('07700900123');
    expect(restoreLeadingZero('1642123456')).toBe('01642123456');
    expect(restoreLeadingZero('12345')).toBe('12345');
    const read = readRows(
      sheet(['First name', 'Last name', 'Mobile'], ['Ada', 'L', '7700900123']),
      ['firstName', 'lastName', 'mobile'],
      places,
      today,
    );
    expect(read.rows[0]!.values?.mobile).toBe('07700 900123');
  });

  it('refuses a mapping without the names or with a field twice', () => {
    expect(
      checkMapping(['A', 'B', 'C'], ['firstName', 'email', 'email']).map((i) => i.message),
    ).toEqual([
      "Columns 'B' and 'C' are all mapped to Email. Map each field to one column.",
      'No column is mapped to Last name. Choose the column that holds it.',
    ]);
    expect(checkMapping(['A'], ['firstName', 'lastName'])[0]!.message).toMatch(
      /has 2 columns but the file has 1/,
    );
  });
});

function existing(over: Partial<ExistingCustomer>): ExistingCustomer {
  return {
    id: over.id ?? 'c1',
    updatedAt: '2026-01-01T00:00:00.000Z',
    externalRef: null,
    firstName: 'Ada',
    lastName: 'Lovelace',
    preferredName: null,
    email: null,
    phone: null,
    mobile: null,
    addressLine1: null,
    addressLine2: null,
    town: null,
    postcode: null,
    landlordId: null,
    areaId: null,
    neighbourhoodId: null,
    tenure: null,
    dateOfBirth: null,
    status: 'active',
    isBoardMember: false,
    codeOfConductSignedOn: null,
    recruitmentSource: null,
    digitalAccess: null,
    interests: [],
    availability: [],
    contactMethods: [],
    skills: [],
    supportNeeds: [],
    supportNotes: null,
    notes: null,
    ...over,
  };
}

describe('CustomerMatcher', () => {
  const people = [
    existing({ id: 'ref', externalRef: 'T100', firstName: 'Ref', lastName: 'Person' }),
    existing({ id: 'mail', email: 'ada@example.org' }),
    existing({ id: 'couple1', firstName: 'Jo', lastName: 'Bloggs', email: 'bloggs@example.org' }),
    existing({ id: 'couple2', firstName: 'Sam', lastName: 'Bloggs', email: 'bloggs@example.org' }),
    existing({ id: 'place', firstName: 'Mary', lastName: "O'Neill", postcode: 'TS1 2AB' }),
    existing({
      id: 'other-ref',
      externalRef: 'T200',
      firstName: 'Mary',
      lastName: 'Seacole',
      postcode: 'TS5 5AA',
    }),
  ];
  const matcher = new CustomerMatcher(people);

  it('matches by reference first, ignoring case', () => {
    expect(
      matcher.match({
        externalRef: 't100',
        firstName: 'X',
        lastName: 'Y',
        email: 'ada@example.org',
      }),
    ).toMatchObject({
      existing: { id: 'ref' },
      by: 'reference',
    });
  });

  it('then by email, telling apart people who share one by name', () => {
    expect(
      matcher.match({ firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.org' })?.existing
        .id,
    ).toBe('mail');
    expect(
      matcher.match({ firstName: 'Sam', lastName: 'Bloggs', email: 'bloggs@example.org' })?.existing
        .id,
    ).toBe('couple2');
  });

  it('then by name and postcode, ignoring case and punctuation in names', () => {
    expect(
      matcher.match({ firstName: 'MARY', lastName: 'oneill', postcode: 'TS1 2AB' }),
    ).toMatchObject({
      existing: { id: 'place' },
      by: 'name and postcode',
    });
  });

  it("never matches a customer whose reference differs from the row's", () => {
    expect(
      matcher.match({
        externalRef: 'T999',
        firstName: 'Mary',
        lastName: 'Seacole',
        postcode: 'TS5 5AA',
      }),
    ).toBeNull();
  });
});

describe('planRows', () => {
  it('updates only changed fields, and leaves an unchanged row alone', () => {
    const ada = existing({ id: 'a', externalRef: 'T1', postcode: 'TS1 2AB' });
    const matcher = new CustomerMatcher([ada]);
    const records = new Map([[ada.id, ada]]);
    const unchanged = planRows(
      [
        {
          row: 2,
          cells: {},
          issues: [],
          values: {
            externalRef: 'T1',
            firstName: 'Ada',
            lastName: 'Lovelace',
            postcode: 'TS1 2AB',
          },
        },
      ],
      matcher,
      records,
    );
    expect(changedFields({ externalRef: 't1' }, ada)).toEqual({});
    expect(unchanged.plans[0]).toMatchObject({
      action: 'unchanged',
      matchedBy: 'reference',
      patch: {},
    });

    const changed = planRows(
      [
        {
          row: 2,
          cells: {},
          issues: [],
          values: { externalRef: 'T1', firstName: 'Ada', lastName: 'King', interests: ['repairs'] },
        },
      ],
      matcher,
      records,
    );
    expect(changed.plans[0]).toMatchObject({
      action: 'update',
      patch: { lastName: 'King', interests: ['repairs'] },
    });
  });

  it('refuses a file that names the same customer twice', () => {
    const ada = existing({ id: 'a', email: 'ada@example.org' });
    const matcher = new CustomerMatcher([ada]);
    const rows = [
      {
        row: 2,
        cells: {},
        issues: [],
        values: { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.org' },
      },
      {
        row: 5,
        cells: {},
        issues: [],
        values: { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.org' },
      },
      {
        row: 6,
        cells: {},
        issues: [],
        values: { externalRef: 'N1', firstName: 'New', lastName: 'Person' },
      },
      {
        row: 9,
        cells: {},
        issues: [],
        values: { externalRef: 'n1', firstName: 'New', lastName: 'Person' },
      },
    ];
    const plan = planRows(rows, matcher, new Map([[ada.id, ada]]));
    expect(plan.plans.map((p) => [p.row, p.action])).toEqual([
      [2, 'unchanged'],
      [6, 'create'],
    ]);
    expect(plan.issues.map((i) => i.message)).toEqual([
      'Row 5: this repeats row 2, the same customer (both match Ada Lovelace by email): keep one of the two rows.',
      'Row 9: this repeats row 6, the same customer (same customer reference): keep one of the two rows.',
    ]);
    // The repeat is the row's fault, not one cell's.
    expect(plan.issues.map((i) => [i.column, i.field])).toEqual([
      [null, null],
      [null, null],
    ]);
  });

  it('recognises a deleted customer and leaves them out unless told to restore them', () => {
    const gone = {
      ...existing({ id: 'gone', externalRef: 'T9', postcode: 'TS1 2AB' }),
      deletedAt: '2026-11-01T10:00:00.000Z',
    };
    // A live namesake at the same postcode is the one matched, not the deleted record.
    const liveTwin = existing({
      id: 'live',
      firstName: 'Grace',
      lastName: 'Hopper',
      postcode: 'TS1 2AB',
    });
    const deletedTwin = {
      ...existing({ id: 'old', firstName: 'Grace', lastName: 'Hopper', postcode: 'TS1 2AB' }),
      deletedAt: '2026-10-01T10:00:00.000Z',
    };
    const matcher = new CustomerMatcher([deletedTwin, gone, liveTwin]);
    const records = new Map([gone, liveTwin, deletedTwin].map((c) => [c.id, c]));
    const rows = [
      {
        row: 2,
        cells: {},
        issues: [],
        values: { externalRef: 'T9', firstName: 'Ada', lastName: 'Lovelace', notes: 'Back' },
      },
      {
        row: 3,
        cells: {},
        issues: [],
        values: { firstName: 'Grace', lastName: 'Hopper', postcode: 'TS1 2AB' },
      },
    ];
    const left = planRows(rows, matcher, records);
    expect(
      left.plans.map((p) => [p.row, p.action, 'existing' in p ? p.existing.id : null]),
    ).toEqual([
      [2, 'deleted', 'gone'],
      [3, 'unchanged', 'live'],
    ]);
    expect(left.plans[0]).toMatchObject({ deletedAt: '2026-11-01T10:00:00.000Z' });
    const restored = planRows(rows, matcher, records, { restoreDeleted: true });
    expect(restored.plans[0]).toMatchObject({ action: 'restore', patch: { notes: 'Back' } });
  });
});
