import { z } from 'zod';

/** Record ids are UUIDv7 strings: unique across installs, so offline records merge. */
export const idSchema = z.uuid({ error: 'This is not a valid record id.' });
export type Id = string;

/** A calendar date, `YYYY-MM-DD`. */
export const isoDateSchema = z.iso.date({ error: 'Enter a date as YYYY-MM-DD.' });

/** An instant in UTC, ISO 8601. */
export const isoDateTimeSchema = z.iso.datetime({ error: 'Enter a date and time.' });

/** Money is whole pence: never floating point pounds. */
export const penceSchema = z.number().int({ error: 'Amounts are whole pence.' });

/** Free text a user may leave empty: stored as null, never as ''. */
export function optionalText(max = 2000) {
  return z
    .string()
    .trim()
    .max(max, { error: `Keep this under ${max} characters.` })
    .transform((s) => (s === '' ? null : s))
    .nullable()
    .optional()
    .transform((s) => s ?? null);
}

export function requiredText(label: string, max = 200) {
  return z
    .string({ error: `${label} is required.` })
    .trim()
    .min(1, { error: `${label} is required.` })
    .max(max, { error: `${label} must be under ${max} characters.` });
}

/** Fields every user-editable record carries, for the change log and sync. */
export interface RecordMeta {
  id: Id;
  createdAt: string;
  updatedAt: string;
  updatedBy: Id;
}

export const pageInput = z.object({
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
});

export interface Page<T> {
  rows: T[];
  total: number;
}
