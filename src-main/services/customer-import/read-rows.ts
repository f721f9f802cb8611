import {
  customerInput,
  type CustomerInput,
  type CustomerValues,
} from '../../../src-shared/domain/customer';
import {
  describeIssue,
  importField,
  importFields,
  readImportChoice,
  readImportChoices,
  readImportDate,
  readImportFlag,
  type ImportFieldKey,
  type ImportIssue,
} from '../../../src-shared/domain/customer-import';
import { dateOfBirthProblem } from '../../../src-shared/rules/customer-age';
import { nameKey } from '../../../src-shared/rules/customer-duplicates';
import {
  isPostcodeOutward,
  normaliseEmail,
  normalisePhone,
  normalisePostcode,
} from '../../../src-shared/rules/uk-formats';
import type { ParsedSheet } from './parse-sheet';

/** The organisation's places, so a sheet can name them in words. */
export interface PlaceLookups {
  landlords: { id: string; name: string; shortName: string | null }[];
  areas: { id: string; name: string; landlordId: string | null }[];
  neighbourhoods: { id: string; name: string; areaId: string }[];
}

/** The customer input fields an import can set: the mapped fields, with places as ids. */
export type ImportedValues = Partial<
  Omit<CustomerValues, 'confirmDuplicate' | 'consents' | 'equality'>
>;

export interface ReadRow {
  row: number;
  /** The mapped cells as written, by field, for the preview. */
  cells: Partial<Record<ImportFieldKey, string>>;
  /** The fields the row gives (blank cells are left out); null when the row has errors. */
  values: ImportedValues | null;
  issues: ImportIssue[];
}

export interface ReadSheet {
  mappingIssues: ImportIssue[];
  rows: ReadRow[];
}

const placeFieldFor: Partial<Record<string, ImportFieldKey>> = {
  landlordId: 'landlord',
  areaId: 'area',
  neighbourhoodId: 'neighbourhood',
};

/** Checks that the mapping can be used: one column per field, and the names mapped. */
export function checkMapping(
  headers: readonly string[],
  mapping: readonly (ImportFieldKey | null)[],
): ImportIssue[] {
  const issues: ImportIssue[] = [];
  if (mapping.length !== headers.length) {
    issues.push({
      row: null,
      column: null,
      field: null,
      value: null,
      message: `The mapping has ${mapping.length} columns but the file has ${headers.length}. Choose a field for each column again.`,
    });
    return issues;
  }
  const columnsFor = new Map<ImportFieldKey, string[]>();
  mapping.forEach((field, column) => {
    if (field) columnsFor.set(field, [...(columnsFor.get(field) ?? []), headers[column]!]);
  });
  for (const [field, columns] of columnsFor) {
    if (columns.length > 1) {
      issues.push({
        row: null,
        column: columns[1]!,
        field,
        value: null,
        message: `Columns ${columns.map((c) => `'${c}'`).join(' and ')} are all mapped to ${importField(field).label}. Map each field to one column.`,
      });
    }
  }
  for (const field of importFields) {
    if ('required' in field && field.required && !columnsFor.has(field.key)) {
      issues.push({
        row: null,
        column: null,
        field: field.key,
        value: null,
        message: `No column is mapped to ${field.label}. Choose the column that holds it.`,
      });
    }
  }
  return issues;
}

/**
 * Turns each row's mapped cells into customer input and checks it with the
 * same schema the customer form uses, naming the row and column of every
 * problem. Blank cells mean "not given", so they never clear a value.
 */
export function readRows(
  sheet: ParsedSheet,
  mapping: readonly (ImportFieldKey | null)[],
  places: PlaceLookups,
  today: string,
): ReadSheet {
  const mappingIssues = checkMapping(sheet.headers, mapping);
  if (mappingIssues.length > 0) return { mappingIssues, rows: [] };

  const columnOf = new Map<ImportFieldKey, number>();
  mapping.forEach((field, column) => {
    if (field) columnOf.set(field, column);
  });
  const placeIndex = indexPlaces(places);

  const rows = sheet.rows.map((sheetRow): ReadRow => {
    const issues: ImportIssue[] = [];
    const cells: Partial<Record<ImportFieldKey, string>> = {};
    const input: Record<string, unknown> = {};

    const problem = (field: ImportFieldKey, value: string | null, text: string) => {
      const column = columnOf.has(field) ? sheet.headers[columnOf.get(field)!]! : null;
      issues.push({
        row: sheetRow.row,
        column,
        field,
        value,
        message: describeIssue(sheetRow.row, column, text),
      });
    };

    for (const { key: field } of importFields) {
      const column = columnOf.get(field);
      if (column === undefined) continue;
      const raw = sheetRow.cells[column] ?? '';
      cells[field] = raw;
      const text = raw.trim();
      if (text === '') continue;
      const read = readCell(field, text, input, placeIndex);
      if (read.ok) {
        if (read.value !== undefined) input[read.key] = read.value;
      } else {
        problem(field, text, read.problem);
      }
    }

    if (typeof input.dateOfBirth === 'string') {
      const trouble = dateOfBirthProblem(input.dateOfBirth, today);
      if (trouble)
        problem(
          'dateOfBirth',
          cells.dateOfBirth!.trim(),
          `'${cells.dateOfBirth!.trim()}' is not plausible. ${trouble}`,
        );
    }

    const parsed = customerInput.safeParse(input as CustomerInput);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0] ?? '');
        const field = (placeFieldFor[key] ?? key) as ImportFieldKey;
        // A cell already reported once is not reported again in the schema's words.
        if (issues.some((i) => i.field === field)) continue;
        problem(field, cells[field]?.trim() || null, issue.message);
      }
    }
    return {
      row: sheetRow.row,
      cells,
      values: issues.length === 0 && parsed.success ? pickGiven(parsed.data, input) : null,
      issues,
    };
  });
  return { mappingIssues, rows };
}

/** Only the fields the row gave: a schema default must not overwrite a stored value. */
function pickGiven(values: CustomerValues, input: Record<string, unknown>): ImportedValues {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(input)) out[key] = (values as Record<string, unknown>)[key];
  return out as ImportedValues;
}

type CellReading = { ok: true; key: string; value: unknown } | { ok: false; problem: string };

function readCell(
  field: ImportFieldKey,
  text: string,
  row: Record<string, unknown>,
  places: PlaceIndex,
): CellReading {
  const spec = importField(field);
  const quoted = `'${text}'`;
  switch (spec.kind) {
    case 'text':
      return { ok: true, key: field, value: text };
    case 'email':
      return normaliseEmail(text)
        ? { ok: true, key: field, value: text }
        : { ok: false, problem: `${quoted} is not an email address` };
    case 'phone': {
      const value = restoreLeadingZero(text);
      return normalisePhone(value)
        ? { ok: true, key: field, value }
        : { ok: false, problem: `${quoted} is not a UK phone number` };
    }
    case 'postcode':
      if (normalisePostcode(text)) return { ok: true, key: field, value: text };
      return {
        ok: false,
        problem: isPostcodeOutward(text)
          ? `${quoted} is not a full UK postcode`
          : `${quoted} is not a UK postcode`,
      };
    case 'date': {
      const read = readImportDate(text);
      return read.ok
        ? { ok: true, key: field, value: read.value }
        : { ok: false, problem: `${quoted} ${read.problem}` };
    }
    case 'flag': {
      const read = readImportFlag(text);
      return read.ok
        ? { ok: true, key: field, value: read.value }
        : { ok: false, problem: `${quoted} is not yes or no` };
    }
    case 'choice': {
      const read = readImportChoice(text, spec.options ?? []);
      return read.ok
        ? { ok: true, key: field, value: read.value }
        : { ok: false, problem: `${quoted} is not one of: ${optionList(spec.options ?? [])}` };
    }
    case 'choices': {
      const read = readImportChoices(text, spec.options ?? []);
      return read.ok
        ? { ok: true, key: field, value: read.value }
        : {
            ok: false,
            problem: `${read.unknown.map((u) => `'${u}'`).join(', ')} ${read.unknown.length === 1 ? 'is' : 'are'} not one of: ${optionList(spec.options ?? [])}`,
          };
    }
    case 'lookup':
      return readPlace(field, text, row, places);
  }
}

function optionList(options: readonly { label: string }[]): string {
  return options.map((o) => o.label).join(', ');
}

/**
 * Spreadsheets store 07700 900123 typed as a number as 7700900123. Ten digits
 * that would be a UK number with its 0 back are taken as one.
 */
export function restoreLeadingZero(text: string): string {
  return /^[1-9]\d{8,9}$/.test(text) && normalisePhone(`0${text}`) ? `0${text}` : text;
}

interface PlaceIndex {
  landlords: Map<string, string>;
  landlordName: Map<string, string>;
  areaName: Map<string, string>;
  landlordNames: string[];
  areas: Map<string, { id: string; landlordId: string | null }[]>;
  neighbourhoods: Map<string, { id: string; areaId: string }[]>;
}

function indexPlaces(places: PlaceLookups): PlaceIndex {
  const landlords = new Map<string, string>();
  for (const l of places.landlords) {
    landlords.set(nameKey(l.name), l.id);
    if (l.shortName) landlords.set(nameKey(l.shortName), l.id);
  }
  const group = <T extends { name: string }>(list: T[]) => {
    const map = new Map<string, T[]>();
    for (const item of list)
      map.set(nameKey(item.name), [...(map.get(nameKey(item.name)) ?? []), item]);
    return map;
  };
  return {
    landlords,
    landlordName: new Map(places.landlords.map((l) => [l.id, l.name])),
    areaName: new Map(places.areas.map((a) => [a.id, a.name])),
    landlordNames: places.landlords.map((l) => l.name),
    areas: group(places.areas),
    neighbourhoods: group(places.neighbourhoods),
  };
}

/**
 * Places are named, not given as ids. An area name used by two landlords is
 * settled by the row's landlord, and a neighbourhood's by the row's area, so
 * the landlord and area columns are read first (they come first in the field list).
 */
function readPlace(
  field: ImportFieldKey,
  text: string,
  row: Record<string, unknown>,
  places: PlaceIndex,
): CellReading {
  const key = nameKey(text);
  const quoted = `'${text}'`;
  if (field === 'landlord') {
    const id = places.landlords.get(key);
    return id
      ? { ok: true, key: 'landlordId', value: id }
      : {
          ok: false,
          problem: `${quoted} is not a landlord set up in Settings${places.landlordNames.length ? ` (the landlords are ${places.landlordNames.join(', ')})` : ''}`,
        };
  }
  if (field === 'area') {
    const found = places.areas.get(key) ?? [];
    const landlordId = row.landlordId as string | undefined;
    const pick = landlordId
      ? found.find((a) => a.landlordId === landlordId || a.landlordId === null)
      : found.length === 1
        ? found[0]
        : undefined;
    if (pick) return { ok: true, key: 'areaId', value: pick.id };
    if (landlordId && found.length > 0) {
      return {
        ok: false,
        problem: `${quoted} is not an area of ${places.landlordName.get(landlordId)}`,
      };
    }
    return {
      ok: false,
      problem:
        found.length > 1
          ? `${quoted} is the name of areas of more than one landlord: fill in the Landlord column too`
          : `${quoted} is not an area set up in Settings`,
    };
  }
  const found = places.neighbourhoods.get(key) ?? [];
  const areaId = row.areaId as string | undefined;
  const pick = areaId
    ? found.find((n) => n.areaId === areaId)
    : found.length === 1
      ? found[0]
      : undefined;
  if (pick) return { ok: true, key: 'neighbourhoodId', value: pick.id };
  if (areaId && found.length > 0) {
    return {
      ok: false,
      problem: `${quoted} is not a neighbourhood of ${places.areaName.get(areaId)}`,
    };
  }
  return {
    ok: false,
    problem:
      found.length > 1
        ? `${quoted} is the name of neighbourhoods in more than one area: fill in the Area column too`
        : `${quoted} is not a neighbourhood set up in Settings`,
  };
}
