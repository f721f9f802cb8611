import type { Customer } from '../../../src-shared/domain/customer';
import {
  describeIssue,
  importField,
  importFields,
  type ImportFieldKey,
  type ImportIssue,
  type ImportMatchRule,
} from '../../../src-shared/domain/customer-import';
import { nameKey } from '../../../src-shared/rules/customer-duplicates';
import type { ImportedValues, ReadRow } from './read-rows';

/** What an import compares against: the stored values of the fields a sheet can set. */
export type ExistingCustomer = Pick<Customer, 'id' | 'updatedAt' | 'firstName' | 'lastName'> & {
  [K in keyof ImportedValues]-?: ImportedValues[K] | null;
};

/** What recognising a customer needs: a few columns, so all customers can be held at once. */
export type CustomerKey = Pick<
  ExistingCustomer,
  'id' | 'updatedAt' | 'externalRef' | 'email' | 'firstName' | 'lastName' | 'postcode'
> & {
  /** Set for a customer deleted from the register (a tombstone). */
  deletedAt?: string | null;
};

export type RowPlan =
  | { row: number; action: 'create'; values: ImportedValues }
  | {
      row: number;
      action: 'update' | 'unchanged' | 'deleted' | 'restore';
      matchedBy: ImportMatchRule;
      existing: ExistingCustomer;
      /** Only the fields whose value differs from what is stored. */
      patch: ImportedValues;
      /** When the matched customer was deleted from the register, if they were. */
      deletedAt: string | null;
    };

const fieldForValue: Record<string, ImportFieldKey> = {
  landlordId: 'landlord',
  areaId: 'area',
  neighbourhoodId: 'neighbourhood',
};

function refKey(ref: string | null | undefined): string | null {
  const key = ref?.trim().toLowerCase();
  return key ? key : null;
}

function personKey(c: { firstName?: string | null; lastName?: string | null }): string {
  return `${nameKey(c.firstName ?? '')}|${nameKey(c.lastName ?? '')}`;
}

/** One set of customers, indexed the ways a row is recognised by. */
class KeyIndex {
  private byRef = new Map<string, CustomerKey>();
  private byEmail = new Map<string, CustomerKey[]>();
  private byNamePostcode = new Map<string, CustomerKey[]>();
  private byNameOnly = new Map<string, CustomerKey[]>();
  /** Each customer's reference as compared, worked out once rather than for every row. */
  private refOf = new Map<CustomerKey, string | null>();

  constructor(existing: Iterable<CustomerKey>) {
    for (const c of existing) {
      const ref = refKey(c.externalRef);
      this.refOf.set(c, ref);
      if (ref && !this.byRef.has(ref)) this.byRef.set(ref, c);
      if (c.email) push(this.byEmail, c.email, c);
      if (c.postcode) push(this.byNamePostcode, `${personKey(c)}|${c.postcode}`, c);
      else push(this.byNameOnly, personKey(c), c);
    }
  }

  match(values: ImportedValues): { existing: CustomerKey; by: ImportMatchRule } | null {
    const ref = refKey(values.externalRef);
    if (ref) {
      const found = this.byRef.get(ref);
      if (found) return { existing: found, by: 'reference' };
    }
    const compatible = (list: CustomerKey[] | undefined) =>
      (list ?? []).filter((c) => {
        const theirs = this.refOf.get(c);
        return !ref || !theirs || theirs === ref;
      });
    const person = personKey(values);

    if (values.email) {
      const found = compatible(this.byEmail.get(values.email));
      // People who share an email (a couple, a carer's address) are told apart by name.
      const pick = found.length === 1 ? found[0] : found.find((c) => personKey(c) === person);
      if (pick) return { existing: pick, by: 'email' };
    }
    if (values.postcode) {
      const found = compatible(this.byNamePostcode.get(`${person}|${values.postcode}`));
      if (found[0]) return { existing: found[0], by: 'name and postcode' };
    } else {
      const found = compatible(this.byNameOnly.get(person));
      if (found.length === 1) return { existing: found[0]!, by: 'name' };
    }
    return null;
  }
}

/**
 * Recognises rows imported before, so importing a file twice adds nobody
 * twice: by the housing system's reference, else by email, else by name and
 * postcode (else, for a row with no postcode, by name alone among customers
 * with no postcode). A customer whose reference differs from the row's is a
 * different person, however alike they look. Deleted customers are
 * recognised by the same rules, after the live ones, so a row is matched to
 * the person on the register when there is one and a file never brings back
 * someone who was removed without saying so.
 */
export class CustomerMatcher {
  private live: KeyIndex;
  private deleted: KeyIndex;

  constructor(existing: Iterable<CustomerKey>) {
    const live: CustomerKey[] = [];
    const deleted: CustomerKey[] = [];
    for (const c of existing) (c.deletedAt ? deleted : live).push(c);
    this.live = new KeyIndex(live);
    this.deleted = new KeyIndex(deleted);
  }

  match(values: ImportedValues): { existing: CustomerKey; by: ImportMatchRule } | null {
    return this.live.match(values) ?? this.deleted.match(values);
  }
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    const left = [...((a as unknown[]) ?? [])].map(String).sort();
    const right = [...((b as unknown[]) ?? [])].map(String).sort();
    return left.length === right.length && left.every((v, i) => v === right[i]);
  }
  return (a ?? null) === (b ?? null);
}

/** The given fields that differ from the stored ones. */
export function changedFields(values: ImportedValues, existing: ExistingCustomer): ImportedValues {
  const patch: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) continue;
    // References are matched without regard to case, so "t100" is no change to "T100".
    if (key === 'externalRef' && refKey(value as string) === refKey(existing.externalRef)) continue;
    if (!sameValue(value, (existing as Record<string, unknown>)[key])) patch[key] = value;
  }
  return patch as ImportedValues;
}

/** Labels of the fields a patch changes, for the preview. */
export function changeLabels(patch: ImportedValues): string[] {
  return importFields
    .filter((f) => Object.keys(patch).some((key) => (fieldForValue[key] ?? key) === f.key))
    .map((f) => f.label);
}

/**
 * Decides what each valid row will do, and refuses a file that names one
 * customer twice: two rows for the same person would otherwise either create
 * a duplicate or fight over one record.
 */
export function planRows(
  rows: readonly ReadRow[],
  matcher: Pick<CustomerMatcher, 'match'>,
  /** The whole stored record of each customer a row matches, for finding what changed. */
  records: ReadonlyMap<string, ExistingCustomer>,
  options: { restoreDeleted?: boolean } = {},
): { plans: RowPlan[]; issues: ImportIssue[] } {
  const plans: RowPlan[] = [];
  const issues: ImportIssue[] = [];
  const claimed = new Map<string, number>();
  const newPeople = new Map<string, number>();

  // A repeated person is a fault of the row, not of one of its cells: the
  // message names the row it repeats and no column.
  const repeat = (row: number, earlier: number, why: string) => {
    issues.push({
      row,
      column: null,
      field: null,
      value: null,
      message: describeIssue(
        row,
        null,
        `this repeats row ${earlier}, the same customer (${why}): keep one of the two rows`,
      ),
    });
  };

  for (const read of rows) {
    if (!read.values) continue;
    const values = read.values;
    const found = matcher.match(values);
    if (found) {
      const earlier = claimed.get(found.existing.id);
      if (earlier !== undefined) {
        repeat(
          read.row,
          earlier,
          `both match ${found.existing.firstName} ${found.existing.lastName} by ${found.by}`,
        );
        continue;
      }
      claimed.set(found.existing.id, read.row);
      const record = records.get(found.existing.id);
      if (!record)
        throw new Error(`The record of matched customer ${found.existing.id} was not loaded.`);
      const patch = changedFields(values, record);
      plans.push({
        row: read.row,
        action: found.existing.deletedAt
          ? options.restoreDeleted
            ? 'restore'
            : 'deleted'
          : Object.keys(patch).length > 0
            ? 'update'
            : 'unchanged',
        matchedBy: found.by,
        existing: record,
        patch,
        deletedAt: found.existing.deletedAt ?? null,
      });
      continue;
    }

    const identity = newIdentity(values);
    if (identity) {
      const earlier = newPeople.get(identity.key);
      if (earlier !== undefined) {
        repeat(read.row, earlier, `same ${identity.label}`);
        continue;
      }
      newPeople.set(identity.key, read.row);
    }
    plans.push({ row: read.row, action: 'create', values });
  }
  return { plans, issues };
}

/** The key a new row would be recognised by next time, mirroring `CustomerMatcher.match`. */
function newIdentity(values: ImportedValues): { key: string; label: string } | null {
  const ref = refKey(values.externalRef);
  if (ref) return { key: `ref:${ref}`, label: importField('externalRef').label.toLowerCase() };
  const person = personKey(values);
  if (values.email) return { key: `email:${values.email}|${person}`, label: 'name and email' };
  if (values.postcode)
    return { key: `postcode:${person}|${values.postcode}`, label: 'name and postcode' };
  return { key: `name:${person}`, label: 'name, with no postcode' };
}
