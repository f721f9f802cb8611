import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { DB } from '../../db/schema';
import type { CustomerKey, ExistingCustomer } from './plan-rows';
import type { ImportedValues, PlaceLookups } from './read-rows';

/** Where an import reads from: the database, or the write transaction that re-checks the file. */
type Reader = Kysely<DB>;

export async function loadPlaces(db: Reader): Promise<PlaceLookups> {
  const [landlords, areas, neighbourhoods] = await Promise.all([
    db
      .selectFrom('landlords')
      .select(['id', 'name', 'short_name as shortName'])
      .where('deleted_at', 'is', null)
      .orderBy('sort_order')
      .orderBy('name')
      .execute(),
    db
      .selectFrom('areas')
      .select(['id', 'name', 'landlord_id as landlordId'])
      .where('deleted_at', 'is', null)
      .execute(),
    db
      .selectFrom('neighbourhoods')
      .select(['id', 'name', 'area_id as areaId'])
      .where('deleted_at', 'is', null)
      .execute(),
  ]);
  return { landlords, areas, neighbourhoods };
}

const list = <T>(json: string) => JSON.parse(json) as T[];

/** Keeps each `IN (...)` well under SQLite's limit on bound values. */
const CHUNK = 500;

function chunks<T>(values: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < values.length; start += CHUNK)
    out.push(values.slice(start, start + CHUNK));
  return out;
}

const refKey = (ref: string) => ref.trim().toLowerCase();

/**
 * Every customer, live or deleted, a row of the file could match (see `CustomerMatcher`),
 * found through indexes rather than by reading the whole register: those
 * with one of the file's references, emails or postcodes, and, when a row
 * has no postcode, those with none. Matching among these gives what
 * matching among all customers would, at a cost that grows with the file,
 * not with the register.
 */
export async function loadMatchCandidates(
  db: Reader,
  rows: readonly ImportedValues[],
): Promise<CustomerKey[]> {
  const refs = new Set<string>();
  const emails = new Set<string>();
  const postcodes = new Set<string>();
  let anyWithoutPostcode = false;
  for (const row of rows) {
    if (row.externalRef) refs.add(refKey(row.externalRef));
    if (row.email) emails.add(row.email);
    if (row.postcode) postcodes.add(row.postcode);
    else anyWithoutPostcode = true;
  }

  const found = new Map<number, CustomerKey>();
  const keysWhere = async (
    filter: (
      q: SelectQueryBuilder<DB, 'customers', object>,
    ) => SelectQueryBuilder<DB, 'customers', object>,
  ) => {
    const rows = await filter(db.selectFrom('customers'))
      .select([
        sql<number>`rowid`.as('rowid'),
        'id',
        'updated_at as updatedAt',
        'external_ref as externalRef',
        'email',
        'first_name as firstName',
        'last_name as lastName',
        'postcode',
        'deleted_at as deletedAt',
      ])
      .execute();
    for (const { rowid, ...key } of rows) found.set(rowid, key);
  };

  // References match without regard to case, which the stored (exact) index
  // cannot answer: its entries alone are read to find the stored spellings.
  const storedRefs =
    refs.size === 0
      ? []
      : (
          await db
            .selectFrom('customers')
            .select('external_ref')
            .where('external_ref', 'is not', null)
            .execute()
        )
          .map((r) => r.external_ref!)
          .filter((ref) => refs.has(refKey(ref)));

  for (const chunk of chunks(storedRefs))
    await keysWhere((q) => q.where('external_ref', 'in', chunk));
  for (const chunk of chunks([...emails])) await keysWhere((q) => q.where('email', 'in', chunk));
  for (const chunk of chunks([...postcodes]))
    await keysWhere((q) => q.where('postcode', 'in', chunk));
  if (anyWithoutPostcode) await keysWhere((q) => q.where('postcode', 'is', null));
  // In stored order, as a scan of the table would give them: where two
  // customers could match one row, the same one is chosen as before.
  return [...found.entries()].sort((a, b) => a[0] - b[0]).map(([, key]) => key);
}

const recordColumns = [
  'id',
  'updated_at',
  'external_ref',
  'first_name',
  'last_name',
  'preferred_name',
  'email',
  'phone',
  'mobile',
  'address_line1',
  'address_line2',
  'town',
  'postcode',
  'landlord_id',
  'area_id',
  'neighbourhood_id',
  'tenure',
  'date_of_birth',
  'status',
  'is_board_member',
  'code_of_conduct_signed_on',
  'recruitment_source',
  'digital_access',
  'interests',
  'availability',
  'contact_methods',
  'skills',
  'support_needs',
  'support_notes',
  'notes',
] as const;

/** The stored values of the matched customers, in the form the customer schema gives. */
export async function loadCustomerRecords(
  db: Reader,
  ids: readonly string[],
): Promise<Map<string, ExistingCustomer>> {
  const records = new Map<string, ExistingCustomer>();
  for (const chunk of chunks(ids)) {
    const rows = await db
      .selectFrom('customers')
      .select(recordColumns)
      .where('id', 'in', chunk)
      .execute();
    for (const r of rows) {
      records.set(r.id, {
        id: r.id,
        updatedAt: r.updated_at,
        externalRef: r.external_ref,
        firstName: r.first_name,
        lastName: r.last_name,
        preferredName: r.preferred_name,
        email: r.email,
        phone: r.phone,
        mobile: r.mobile,
        addressLine1: r.address_line1,
        addressLine2: r.address_line2,
        town: r.town,
        postcode: r.postcode,
        landlordId: r.landlord_id,
        areaId: r.area_id,
        neighbourhoodId: r.neighbourhood_id,
        tenure: r.tenure as ExistingCustomer['tenure'],
        dateOfBirth: r.date_of_birth,
        status: r.status as ExistingCustomer['status'],
        isBoardMember: r.is_board_member === 1,
        codeOfConductSignedOn: r.code_of_conduct_signed_on,
        recruitmentSource: r.recruitment_source as ExistingCustomer['recruitmentSource'],
        digitalAccess: r.digital_access as ExistingCustomer['digitalAccess'],
        interests: list(r.interests),
        availability: list(r.availability),
        contactMethods: list(r.contact_methods),
        skills: list(r.skills),
        supportNeeds: list(r.support_needs),
        supportNotes: r.support_notes,
        notes: r.notes,
      });
    }
  }
  return records;
}
