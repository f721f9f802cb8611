import type { CallContext } from '../context';
import type { CustomerKey, ExistingCustomer } from './plan-rows';
import type { PlaceLookups } from './read-rows';

export async function loadPlaces(ctx: CallContext): Promise<PlaceLookups> {
  const [landlords, areas, neighbourhoods] = await Promise.all([
    ctx.db
      .selectFrom('landlords')
      .select(['id', 'name', 'short_name as shortName'])
      .where('deleted_at', 'is', null)
      .orderBy('sort_order')
      .orderBy('name')
      .execute(),
    ctx.db
      .selectFrom('areas')
      .select(['id', 'name', 'landlord_id as landlordId'])
      .where('deleted_at', 'is', null)
      .execute(),
    ctx.db
      .selectFrom('neighbourhoods')
      .select(['id', 'name', 'area_id as areaId'])
      .where('deleted_at', 'is', null)
      .execute(),
  ]);
  return { landlords, areas, neighbourhoods };
}

const list = <T>(json: string) => JSON.parse(json) as T[];

/**
 * What recognises every live customer, in one query of a few columns, so
 * matching 10,000 rows against 50,000 customers costs no query per row.
 */
export async function loadCustomerKeys(ctx: CallContext): Promise<CustomerKey[]> {
  const rows = await ctx.db
    .selectFrom('customers')
    .select(['id', 'updated_at', 'external_ref', 'email', 'first_name', 'last_name', 'postcode'])
    .where('deleted_at', 'is', null)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    updatedAt: r.updated_at,
    externalRef: r.external_ref,
    email: r.email,
    firstName: r.first_name,
    lastName: r.last_name,
    postcode: r.postcode,
  }));
}

/** Keeps each `IN (...)` well under SQLite's limit on bound values. */
const CHUNK = 500;

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
  ctx: CallContext,
  ids: readonly string[],
): Promise<Map<string, ExistingCustomer>> {
  const records = new Map<string, ExistingCustomer>();
  for (let start = 0; start < ids.length; start += CHUNK) {
    const rows = await ctx.db
      .selectFrom('customers')
      .select(recordColumns)
      .where('id', 'in', ids.slice(start, start + CHUNK))
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
