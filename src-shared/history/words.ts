import type { HistoryEntry } from '../domain/history';
import { readableDate } from '../rules/working-days';
import { REDACTED } from '../domain/privacy';

/**
 * How one logged field is put into words: its label as the screens name it
 * and how its stored value reads. Fields the system keeps for itself
 * (deadlines worked out from others, search keys) are `hidden`.
 */
export type FieldWords =
  | { hidden: true }
  | {
      label: string;
      hidden?: false;
      /** The stored value as words; undefined leaves it as it is. */
      value?: ValueWords;
    };

/** What a value needs to be read: names of the records its ids point to. */
export interface HistoryLookup {
  /** The name of a landlord, area, neighbourhood, group, course or customer, when known. */
  name?: (kind: RefKind, id: string) => string | undefined;
}

export type RefKind =
  'landlord' | 'area' | 'neighbourhood' | 'group' | 'course' | 'customer' | 'staff' | 'policy';

export type ValueWords = (value: unknown, lookup: HistoryLookup) => string;

export const EMPTY = '(empty)';

function isBlank(value: unknown): boolean {
  return value === null || value === undefined || value === '';
}

/** A stored value with no words of its own: text as it is, never JSON. */
export function plain(value: unknown): string {
  if (isBlank(value)) return EMPTY;
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (Array.isArray(value)) return value.length ? value.map(plain).join(', ') : '(none)';
  if (typeof value === 'object') return '(details)';
  return String(value);
}

/** A JSON list stored in a text column (interests, skills, …), or the list itself. */
export function listOf(value: unknown): unknown[] | null {
  if (Array.isArray(value)) return value;
  if (typeof value !== 'string' || !value.startsWith('[')) return null;
  try {
    const parsed: unknown = JSON.parse(value);
    return Array.isArray(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

const london = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** The value kinds the entities' fields are made of. */
export const words = {
  text: (): ValueWords => (v) => plain(v),
  /** A calendar date: `2026-11-23` → `23 Nov 2026`, as the screens show it. */
  date: (): ValueWords => (v) =>
    typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v) ? readableDate(v.slice(0, 10)) : plain(v),
  /** An instant, in London time: `23 Nov 2026, 18:00`. */
  dateTime: (): ValueWords => (v) =>
    typeof v === 'string' && !Number.isNaN(Date.parse(v)) ? london.format(new Date(v)) : plain(v),
  /** Yes or no, stored as 1 and 0; `unset` words a null (an undecided question). */
  flag:
    (unset = EMPTY): ValueWords =>
    (v) =>
      isBlank(v) ? unset : v === 1 || v === true || v === '1' ? 'Yes' : 'No',
  /** A code, as its label. */
  code:
    (labels: Record<string, string>): ValueWords =>
    (v) =>
      isBlank(v) ? EMPTY : (labels[String(v)] ?? humanCode(String(v))),
  /** A list of codes stored as JSON, as their labels. */
  codes:
    (labels: Record<string, string>): ValueWords =>
    (v) => {
      const list = listOf(v);
      if (!list) return plain(v);
      return list.length
        ? list.map((c) => labels[String(c)] ?? humanCode(String(c))).join(', ')
        : '(none)';
    },
  /** A number with its unit: `5 working days`, `1 meeting a year`. */
  count:
    (one: string, many: string = `${one}s`, zero?: string): ValueWords =>
    (v) => {
      if (isBlank(v)) return EMPTY;
      const n = Number(v);
      if (n === 0 && zero) return zero;
      return `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
    },
  /** A score out of a maximum: `4 out of 5`. */
  score:
    (max: number): ValueWords =>
    (v) =>
      isBlank(v) ? EMPTY : `${String(v)} out of ${max}`,
  /** An id of another record, as that record's name. */
  ref:
    (kind: RefKind, unknown: string): ValueWords =>
    (v, lookup) =>
      isBlank(v) ? EMPTY : (lookup.name?.(kind, String(v)) ?? unknown),
  /** A JSON list of ids: how many. */
  idCount:
    (one: string, many: string = `${one}s`): ValueWords =>
    (v) => {
      const list = listOf(v);
      if (!list) return plain(v);
      return list.length === 0 ? '(none)' : `${list.length} ${list.length === 1 ? one : many}`;
    },
  /** A size in bytes: `120 KB`. */
  bytes: (): ValueWords => (v) => {
    if (isBlank(v)) return EMPTY;
    const n = Number(v);
    return n < 1024
      ? `${n} bytes`
      : n < 1024 * 1024
        ? `${Math.round(n / 1024)} KB`
        : `${(n / 1024 / 1024).toFixed(1)} MB`;
  },
};

/** A code no label map knows: `partly_upheld` → `Partly upheld`, never the raw code. */
function humanCode(code: string): string {
  const spaced = code.replace(/_/g, ' ');
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

/** One entity's fields. A field not named here is shown by its column name made readable. */
export type EntityWords = Record<string, FieldWords>;

/** One change as the history shows it: a field, from what, to what. */
export interface FieldChange {
  field: string;
  label: string;
  from: string;
  to: string;
}

/**
 * One thing someone did: a record created, deleted or restored, or the
 * fields one save changed. The reason they gave is said once.
 */
export interface HistoryItem {
  at: string;
  actorName: string;
  op: HistoryEntry['op'];
  changes: FieldChange[];
  reason: string | null;
}

function labelOf(fields: EntityWords, field: string): string {
  const words = fields[field];
  if (words && !words.hidden) return words.label;
  const spaced = field.replace(/_/g, ' ').replace(/ id$/, '');
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

/** The words for one logged value of one field. */
export function describeValue(
  fields: EntityWords,
  field: string,
  value: unknown,
  lookup: HistoryLookup = {},
): string {
  if (value === REDACTED) return 'Removed at erasure';
  const words = fields[field];
  if (words && !words.hidden && words.value) return words.value(value, lookup);
  return plain(value);
}

export function isHidden(fields: EntityWords, field: string | null): boolean {
  return field !== null && fields[field]?.hidden === true;
}

/** Entries of one save share who, when (to the second) and why. */
function sameSave(a: HistoryEntry, b: HistoryEntry): boolean {
  return (
    a.op === 'update' &&
    b.op === 'update' &&
    a.actorId === b.actorId &&
    a.at.slice(0, 19) === b.at.slice(0, 19) &&
    (a.reason ?? null) === (b.reason ?? null)
  );
}

/**
 * A record's change log, newest first, as the screens would say it: the
 * fields of one save together with one reason, system fields left out,
 * every value in words. A reason that only repeats a value shown (findings
 * given as the reason for a decision) is not said twice.
 */
export function describeHistory(
  fields: EntityWords,
  entries: readonly HistoryEntry[],
  lookup: HistoryLookup = {},
): HistoryItem[] {
  const items: HistoryItem[] = [];
  let last: HistoryEntry | null = null;
  for (const entry of entries) {
    if (entry.op === 'update' && (entry.field === null || isHidden(fields, entry.field))) continue;
    const change: FieldChange | null =
      entry.op === 'update' && entry.field
        ? {
            field: entry.field,
            label: labelOf(fields, entry.field),
            from: describeValue(fields, entry.field, entry.before, lookup),
            to: describeValue(fields, entry.field, entry.after, lookup),
          }
        : null;
    const current = items[items.length - 1];
    if (change && current && last && sameSave(last, entry)) {
      current.changes.push(change);
    } else {
      items.push({
        at: entry.at,
        actorName: entry.actorName,
        op: entry.op,
        changes: change ? [change] : [],
        reason: entry.reason,
      });
    }
    last = entry;
  }
  for (const item of items) {
    // The log is newest first; within one save the fields read in the order of the record.
    item.changes.reverse();
    if (item.reason && item.changes.some((c) => c.to === item.reason)) item.reason = null;
  }
  return items;
}
