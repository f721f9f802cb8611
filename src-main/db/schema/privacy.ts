import type { Generated } from 'kysely';
import type { EditableColumns } from './common';

/** Reads and exports worth accounting for: append-only, never synced. */
export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor_id: string;
  action: 'export' | 'bulk_read' | 'subject_access' | 'erasure';
  /** In words, never a person's name (so erasure leaves it as it is). */
  what: string;
  entity: string | null;
  entity_id: string | null;
  customer_id: string | null;
  rows: number | null;
  /** JSON array of the data classes the read or file included. */
  classes: Generated<string>;
}

/** Held only inside the erasure's own transaction: the change log's trigger lets a redaction through while it is there. */
export interface ChangeLogRedactionTable {
  one: number;
  customer_id: string;
  started_at: string;
}

export interface PrivacyRequestsTable extends EditableColumns {
  kind: string;
  customer_id: string;
  received_on: string;
  due_on: string;
  completed_on: string | null;
  note: string | null;
}

export interface PrivacyTables {
  audit_log: AuditLogTable;
  change_log_redaction: ChangeLogRedactionTable;
  privacy_requests: PrivacyRequestsTable;
}
