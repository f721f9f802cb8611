import type { EditableColumns } from './common';

/** Facts about this install; never synced. */
export interface AppMetaTable {
  key: string;
  value: string;
}

export interface ChangeLogTable {
  device_id: string;
  /** Gapless per device: a peer that has seen n has seen every change before it. */
  seq: number;
  hlc: string;
  at: string;
  actor_id: string;
  entity: string;
  entity_id: string;
  op: 'create' | 'update' | 'delete' | 'restore';
  /** null for create and delete, which carry the whole record. */
  field: string | null;
  before: string | null;
  after: string | null;
  reason: string | null;
  /** JSON array of the change ids this change was made from (null: logged before sync). */
  bases: string | null;
  schema_version: number | null;
}

export interface StaffTable extends EditableColumns {
  name: string;
  role: string;
  email: string | null;
  active: number;
}

export interface SettingsTable extends EditableColumns {
  /** JSON. The id is the setting's key. */
  value: string;
}

export interface LandlordsTable extends EditableColumns {
  name: string;
  short_name: string | null;
  is_partner: number;
  homes: number | null;
  sort_order: number;
}

export interface AreasTable extends EditableColumns {
  landlord_id: string | null;
  name: string;
  population: number | null;
}

export interface NeighbourhoodsTable extends EditableColumns {
  area_id: string;
  name: string;
}

export interface FoundationTables {
  app_meta: AppMetaTable;
  change_log: ChangeLogTable;
  staff: StaffTable;
  settings: SettingsTable;
  landlords: LandlordsTable;
  areas: AreasTable;
  neighbourhoods: NeighbourhoodsTable;
}
