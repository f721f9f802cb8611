import type { EditableColumns } from './common';

export interface SyncVersionsTable {
  entity: string;
  row_id: string;
  field: string;
  change_id: string;
  device_id: string | null;
  seq: number | null;
  hlc: string | null;
  present: number;
  superseded: number;
}

export interface SyncConflictsTable {
  entity: string;
  row_id: string;
  field: string;
  kind: 'field' | 'delete';
  /** JSON array of the competing change ids. */
  leaves: string;
}

export interface SyncPendingTable {
  device_id: string;
  seq: number;
  schema_version: number;
  body: string;
}

export interface SyncPeersTable {
  device_id: string;
  name: string | null;
  last_seen_at: string | null;
  refused: string | null;
}

export interface SyncStateTable {
  key: string;
  value: string;
}

export interface SyncDuplicatesTable {
  a_id: string;
  b_id: string;
  score: number;
  reasons: string;
  status: 'open' | 'dismissed' | 'merged';
  found_at: string;
}

export interface PersonRedirectsTable extends EditableColumns {
  new_id: string;
}

export interface SyncTables {
  sync_versions: SyncVersionsTable;
  sync_conflicts: SyncConflictsTable;
  sync_pending: SyncPendingTable;
  sync_peers: SyncPeersTable;
  sync_state: SyncStateTable;
  sync_duplicates: SyncDuplicatesTable;
  person_redirects: PersonRedirectsTable;
}
