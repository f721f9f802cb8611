import { z } from 'zod';
import { idSchema, isoDateSchema } from './common';

/**
 * What replaces a person's values in the change log when they are erased.
 * Stored as JSON (a string), so every reader of the log still parses it;
 * the change log's trigger accepts this value and no other in an update.
 */
export const REDACTED = '[removed at erasure]';
export const REDACTED_JSON = JSON.stringify(REDACTED);

/** The record types with a retention period of their own. */
export const retentionTypes = ['customer', 'complaint_case', 'expense_claim'] as const;
export type RetentionType = (typeof retentionTypes)[number];

export const retentionTypeLabels: Record<RetentionType, string> = {
  customer: 'Involved customers',
  complaint_case: 'Complaint cases',
  expense_claim: 'Expense claims',
};

/** Years each record type is kept, from the date its period runs from. */
export type RetentionSchedule = Record<RetentionType, number>;

export const defaultRetention: RetentionSchedule = {
  customer: 6,
  complaint_case: 6,
  expense_claim: 7,
};

const years = (label: string) =>
  z
    .number({ error: `Give the years to keep ${label} as a whole number.` })
    .int({ error: `Give the years to keep ${label} as a whole number.` })
    .min(1, { error: `Keep ${label} for at least 1 year.` })
    .max(100, { error: `Keep ${label} for at most 100 years.` });

export const retentionScheduleInput = z.object({
  customer: years('involved customers'),
  complaint_case: years('complaint cases'),
  expense_claim: years('expense claims'),
});

export interface RetentionDue {
  type: RetentionType;
  id: string;
  /** A reference or "Customer" with their register id: never the person's name once erased. */
  label: string;
  /** The date the period runs from (last activity, closure, payment), or the request date. */
  from: string;
  dueOn: string;
  reason: string;
}

export interface RetentionOverview {
  schedule: RetentionSchedule;
  today: string;
  due: RetentionDue[];
  /** How many more are due than listed (the list is capped). */
  moreDue: number;
}

export const eraseInput = z.object({
  type: z.enum(retentionTypes),
  id: idSchema,
  reason: z
    .string()
    .trim()
    .min(1, { error: 'Say why this is being erased (the schedule, or the person asked).' })
    .max(300, { error: 'Keep the reason under 300 characters.' }),
});

export interface ErasureResult {
  type: RetentionType;
  id: string;
  recordsChanged: number;
  changeLogEntriesRedacted: number;
  filesDeleted: number;
}

export const privacyRequestKinds = ['access', 'erasure'] as const;
export type PrivacyRequestKind = (typeof privacyRequestKinds)[number];

export const privacyRequestKindLabels: Record<PrivacyRequestKind, string> = {
  access: 'Subject access',
  erasure: 'Erasure',
};

export const privacyRequestInput = z.object({
  kind: z.enum(privacyRequestKinds),
  customerId: idSchema,
  receivedOn: isoDateSchema,
  note: z.string().trim().max(500, { error: 'Keep the note under 500 characters.' }).nullable(),
});

export interface PrivacyRequest {
  id: string;
  kind: PrivacyRequestKind;
  customerId: string;
  customerName: string;
  receivedOn: string;
  dueOn: string;
  completedOn: string | null;
  note: string | null;
  /** Days until due (negative when overdue); null once completed. */
  daysLeft: number | null;
  state: 'open' | 'due_soon' | 'overdue' | 'done';
}

export const auditActions = ['export', 'bulk_read', 'subject_access', 'erasure'] as const;
export type AuditAction = (typeof auditActions)[number];

export const auditActionLabels: Record<AuditAction, string> = {
  export: 'Export',
  bulk_read: 'Read in bulk',
  subject_access: 'Subject access pack',
  erasure: 'Erasure',
};

export const auditQueryInput = z.object({
  customerId: idSchema.nullable().default(null),
  staffId: idSchema.nullable().default(null),
  /** A record: its kind (as the change log names it) and id. */
  entity: z.string().trim().max(60).nullable().default(null),
  entityId: idSchema.nullable().default(null),
  from: isoDateSchema.nullable().default(null),
  to: isoDateSchema.nullable().default(null),
  source: z.enum(['all', 'changes', 'audit']).default('all'),
  page: z.number().int().min(0).max(100_000).default(0),
  pageSize: z.number().int().min(5).max(200).default(50),
});

export interface AuditEntry {
  source: 'changes' | 'audit';
  at: string;
  actorId: string;
  actorName: string;
  /** create / update / delete / restore for the change log; the audit action otherwise. */
  action: string;
  entity: string | null;
  entityId: string | null;
  field: string | null;
  /** For an audit entry: what was read or exported, in words; for a change: before → after. */
  detail: string;
  customerId: string | null;
  rows: number | null;
  classes: string[];
}

export interface AuditPage {
  entries: AuditEntry[];
  page: number;
  pageSize: number;
  /** Whether another page follows. */
  more: boolean;
}
