import type { Insertable, Selectable } from 'kysely';
import type {
  ConsentRecord,
  Customer,
  CustomerPatchValues,
  CustomerSummary,
  CustomerValues,
  EqualityData,
} from '../../../src-shared/domain/customer';
import { ageOn } from '../../../src-shared/rules/customer-age';
import type { EditableColumns } from '../../db/schema/common';
import type { CustomersTable } from '../../db/schema/customers';
import { equalityColumns } from '../../db/schema/customers';

type Row = Selectable<CustomersTable>;

function parseList<T>(json: string): T[] {
  return JSON.parse(json) as T[];
}

function age(dateOfBirth: string | null, today: string): number | null {
  return dateOfBirth ? ageOn(dateOfBirth, today) : null;
}

function equalityOf(row: Row): EqualityData {
  return {
    ageBand: row.equality_age_band,
    gender: row.equality_gender,
    ethnicity: row.equality_ethnicity,
    disability: row.equality_disability,
    sexualOrientation: row.equality_sexual_orientation,
    religion: row.equality_religion,
  } as EqualityData;
}

/** A stored row as the record view sees it; equality data only for those allowed. */
export function toCustomer(row: Row, today: string, equalityVisible: boolean): Customer {
  return {
    id: row.id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
    externalRef: row.external_ref,
    firstName: row.first_name,
    lastName: row.last_name,
    preferredName: row.preferred_name,
    email: row.email,
    phone: row.phone,
    mobile: row.mobile,
    addressLine1: row.address_line1,
    addressLine2: row.address_line2,
    town: row.town,
    postcode: row.postcode,
    landlordId: row.landlord_id,
    areaId: row.area_id,
    neighbourhoodId: row.neighbourhood_id,
    tenure: row.tenure as Customer['tenure'],
    dateOfBirth: row.date_of_birth,
    age: age(row.date_of_birth, today),
    contactMethods: parseList(row.contact_methods),
    digitalAccess: row.digital_access as Customer['digitalAccess'],
    supportNeeds: parseList(row.support_needs),
    supportNotes: row.support_notes,
    availability: parseList(row.availability),
    interests: parseList(row.interests),
    skills: parseList(row.skills),
    recruitmentSource: row.recruitment_source as Customer['recruitmentSource'],
    status: row.status as Customer['status'],
    isBoardMember: row.is_board_member === 1,
    codeOfConductSignedOn: row.code_of_conduct_signed_on,
    consents: parseList<ConsentRecord>(row.consents),
    notes: row.notes,
    lastActivityAt: row.last_activity_at,
    equality: equalityVisible ? equalityOf(row) : null,
    equalityVisible,
  };
}

export interface SummaryRow {
  id: string;
  first_name: string;
  last_name: string;
  preferred_name: string | null;
  postcode: string | null;
  email: string | null;
  phone: string | null;
  mobile: string | null;
  landlord_id: string | null;
  landlord_name: string | null;
  area_id: string | null;
  area_name: string | null;
  tenure: string | null;
  status: string;
  is_board_member: number;
  date_of_birth: string | null;
  last_activity_at: string | null;
  updated_at: string;
}

export function toSummary(row: SummaryRow, today: string): CustomerSummary {
  return {
    id: row.id,
    firstName: row.first_name,
    lastName: row.last_name,
    preferredName: row.preferred_name,
    postcode: row.postcode,
    email: row.email,
    phone: row.phone ?? row.mobile,
    landlordId: row.landlord_id,
    landlordName: row.landlord_name,
    areaId: row.area_id,
    areaName: row.area_name,
    tenure: row.tenure as CustomerSummary['tenure'],
    status: row.status as CustomerSummary['status'],
    isBoardMember: row.is_board_member === 1,
    age: age(row.date_of_birth, today),
    lastActivityAt: row.last_activity_at,
    updatedAt: row.updated_at,
  };
}

type Columns = Partial<
  Omit<Row, 'id' | 'created_at' | 'updated_at' | 'updated_by' | 'deleted_at' | 'search_rowid'>
>;

const plainColumns = {
  externalRef: 'external_ref',
  firstName: 'first_name',
  lastName: 'last_name',
  preferredName: 'preferred_name',
  email: 'email',
  phone: 'phone',
  mobile: 'mobile',
  addressLine1: 'address_line1',
  addressLine2: 'address_line2',
  town: 'town',
  postcode: 'postcode',
  landlordId: 'landlord_id',
  areaId: 'area_id',
  neighbourhoodId: 'neighbourhood_id',
  tenure: 'tenure',
  dateOfBirth: 'date_of_birth',
  digitalAccess: 'digital_access',
  supportNotes: 'support_notes',
  recruitmentSource: 'recruitment_source',
  status: 'status',
  codeOfConductSignedOn: 'code_of_conduct_signed_on',
  notes: 'notes',
} as const satisfies Partial<Record<keyof CustomerValues, keyof Columns>>;

const listColumns = {
  contactMethods: 'contact_methods',
  supportNeeds: 'support_needs',
  availability: 'availability',
  interests: 'interests',
  skills: 'skills',
  consents: 'consents',
} as const satisfies Partial<Record<keyof CustomerValues, keyof Columns>>;

/**
 * The columns a patch changes: only the fields given, so the change log
 * records exactly what the user changed.
 */
export function patchToColumns(patch: CustomerPatchValues): Columns {
  const out: Record<string, unknown> = {};
  for (const [field, column] of Object.entries(plainColumns)) {
    const value = patch[field as keyof typeof plainColumns];
    if (value !== undefined) out[column] = value;
  }
  for (const [field, column] of Object.entries(listColumns)) {
    const value = patch[field as keyof typeof listColumns];
    if (value !== undefined) out[column] = JSON.stringify(value);
  }
  if (patch.isBoardMember !== undefined) out.is_board_member = patch.isBoardMember ? 1 : 0;
  if (patch.equality !== undefined) {
    for (const [field, column] of Object.entries(equalityColumns)) {
      out[column] = patch.equality ? patch.equality[field as keyof EqualityData] : null;
    }
  }
  return out as Columns;
}

/** Every column of a new customer: what was not given is stored empty. */
export function valuesToColumns(
  values: CustomerValues,
): Omit<Insertable<CustomersTable>, keyof EditableColumns | 'search_rowid'> {
  const given = patchToColumns(values);
  const empty: Record<string, unknown> = {};
  for (const column of Object.values(plainColumns)) empty[column] = null;
  for (const column of Object.values(listColumns)) empty[column] = '[]';
  for (const column of Object.values(equalityColumns)) empty[column] = null;
  return {
    ...(empty as Required<Columns>),
    status: 'interested',
    is_board_member: 0,
    ...given,
    first_name: values.firstName,
    last_name: values.lastName,
  };
}
