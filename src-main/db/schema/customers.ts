import type { Generated } from 'kysely';
import type { EditableColumns } from './common';

/** One involved customer. JSON columns hold arrays of codes (see migration 0002). */
export interface CustomersTable extends EditableColumns {
  /** Local to this database, assigned by a trigger: the search index's key. */
  search_rowid: Generated<number | null>;
  external_ref: string | null;
  first_name: string;
  last_name: string;
  preferred_name: string | null;
  email: string | null;
  phone: string | null;
  mobile: string | null;
  address_line1: string | null;
  address_line2: string | null;
  town: string | null;
  postcode: string | null;
  landlord_id: string | null;
  area_id: string | null;
  neighbourhood_id: string | null;
  tenure: string | null;
  date_of_birth: string | null;
  contact_methods: string;
  digital_access: string | null;
  support_needs: string;
  support_notes: string | null;
  availability: string;
  interests: string;
  skills: string;
  recruitment_source: string | null;
  status: string;
  is_board_member: number;
  code_of_conduct_signed_on: string | null;
  consents: string;
  notes: string | null;
  equality_age_band: string | null;
  equality_gender: string | null;
  equality_ethnicity: string | null;
  equality_disability: string | null;
  equality_sexual_orientation: string | null;
  equality_religion: string | null;
  last_activity_at: string | null;
  /** When the record was anonymised (retention or the person's request); see services/privacy. */
  erased_at: string | null;
}

/** Derived from customers' interests and skills by triggers, for the list's filters. Never written directly. */
export interface CustomerTagsTable {
  kind: 'interest' | 'skill';
  value: string;
  customer_id: string;
}

export interface CustomersFtsTable {
  rowid: number;
  customers_fts: string;
  rank: number;
}

export interface CustomerTables {
  customers: CustomersTable;
  customer_tags: CustomerTagsTable;
  customers_fts: CustomersFtsTable;
}

/** The columns that hold equality data: special category data, hidden from roles without permission. */
export const equalityColumns = {
  ageBand: 'equality_age_band',
  gender: 'equality_gender',
  ethnicity: 'equality_ethnicity',
  disability: 'equality_disability',
  sexualOrientation: 'equality_sexual_orientation',
  religion: 'equality_religion',
} as const;
