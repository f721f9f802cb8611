import type { EditableColumns } from './common';

export interface MailingListRow extends EditableColumns {
  name: string;
  purpose: string;
  /** JSON: the filters and channels (domain/community.ts `MailingFilters`). */
  filters: string;
  notes: string | null;
}

export interface CommunicationRow extends EditableColumns {
  title: string;
  kind: string;
  sent_on: string;
  mailing_list_id: string | null;
  /** The list's name when sent, so the record reads the same after the list is renamed or deleted. */
  list_name: string | null;
  recipient_count: number;
}

export interface CommunicationRecipientRow extends EditableColumns {
  communication_id: string;
  customer_id: string;
  channel: string;
}

export interface RhythmDeliveryRow extends EditableColumns {
  rhythm_key: string;
  delivered_on: string;
  note: string | null;
  communication_id: string | null;
}

export interface MenuEntryRow extends EditableColumns {
  group_id: string;
  listed: number;
  skills: string;
  training_offered: string | null;
  how_to_join: string | null;
}

export interface TaraRow extends EditableColumns {
  name: string;
  area_id: string | null;
  neighbourhood_id: string | null;
  chair_customer_id: string | null;
  chair_name: string | null;
  secretary_customer_id: string | null;
  secretary_name: string | null;
  treasurer_customer_id: string | null;
  treasurer_name: string | null;
  constitution_adopted_on: string | null;
  agm_on: string | null;
  accounts_on: string | null;
  insurance_until: string | null;
  recognised_from: string | null;
  recognised_to: string | null;
  notes: string | null;
}

export interface TaraCriterionRow extends EditableColumns {
  tara_id: string;
  criterion_key: string;
  met: number;
  note: string | null;
  checked_on: string | null;
  file_name: string | null;
  mime_type: string | null;
  content_hash: string | null;
  size_bytes: number | null;
}

export interface TaraVisitRow extends EditableColumns {
  tara_id: string;
  scheduled_on: string | null;
  held_on: string | null;
  findings: string | null;
  support_agreed: string | null;
  follow_up: string | null;
  follow_up_due_on: string | null;
}

export interface DispersedCommunityRow extends EditableColumns {
  place_kind: string;
  place_id: string;
  homes: number | null;
  note: string | null;
}

export interface CommunityVisitRow extends EditableColumns {
  community_id: string;
  on_date: string;
  kind: string;
  venue: string | null;
  people_met: number | null;
  customers_said: string;
  feedback_given: string | null;
}

export interface BuildingRow extends EditableColumns {
  name: string;
  address: string;
  postcode: string | null;
  landlord_id: string | null;
  area_id: string | null;
  height_metres: number | null;
  storeys: number | null;
  notes: string | null;
}

export interface BuildingResidentRow extends EditableColumns {
  building_id: string;
  customer_id: string;
  since_on: string;
  left_on: string | null;
}

export interface BuildingEngagementRow extends EditableColumns {
  building_id: string;
  on_date: string;
  kind: string;
  summary: string;
  residents_taking_part: number | null;
}

export interface BuildingReviewRow extends EditableColumns {
  building_id: string;
  recommendation_id: string;
  reviewed_on: string;
  comments: string | null;
}

export interface CommunityTables {
  mailing_lists: MailingListRow;
  communications: CommunicationRow;
  communication_recipients: CommunicationRecipientRow;
  rhythm_deliveries: RhythmDeliveryRow;
  menu_entries: MenuEntryRow;
  taras: TaraRow;
  tara_criteria: TaraCriterionRow;
  tara_visits: TaraVisitRow;
  dispersed_communities: DispersedCommunityRow;
  community_visits: CommunityVisitRow;
  buildings: BuildingRow;
  building_residents: BuildingResidentRow;
  building_engagements: BuildingEngagementRow;
  building_reviews: BuildingReviewRow;
}
