import { z } from 'zod';
import {
  availabilityOptions,
  contactMethods,
  customerStatuses,
  digitalAccessLevels,
  recruitmentSources,
  serviceAreas,
  skillOptions,
  supportNeeds,
  tenures,
} from './customer';

/**
 * Importing customers from the team's spreadsheets: which columns can be
 * mapped to which customer fields, how header names suggest a mapping, how
 * spreadsheet dates are read, and what a preview and an import report back.
 */

/** What a column's text is checked and converted as, before the customer schema sees it. */
export type ImportFieldKind =
  'text' | 'date' | 'email' | 'phone' | 'postcode' | 'flag' | 'choice' | 'choices' | 'lookup';

export interface ImportField {
  key: string;
  label: string;
  kind: ImportFieldKind;
  /** Header names this field is suggested for, compared after `headerKey`. */
  aliases: readonly string[];
  required?: boolean;
  /** For choice fields: the codes and the words a sheet may use for them. */
  options?: readonly { value: string; label: string }[];
}

/**
 * Every customer field a spreadsheet column can fill. `externalRef` is the
 * id the landlord's housing system gives the customer: the surest way to
 * recognise a row imported before. Equality data is not imported: it needs
 * the customer's recorded consent, which a spreadsheet cannot show.
 */
export const importFields = [
  {
    key: 'externalRef',
    label: 'Customer reference',
    kind: 'text',
    aliases: [
      'external ref',
      'external reference',
      'customer ref',
      'customer reference',
      'customer id',
      'customer number',
      'customer no',
      'tenant ref',
      'tenant reference',
      'tenant id',
      'tenancy ref',
      'person ref',
      'person id',
      'housing ref',
      'crm id',
      'ref',
      'reference',
      'id',
    ],
  },
  {
    key: 'firstName',
    label: 'First name',
    kind: 'text',
    aliases: ['first name', 'forename', 'forenames', 'given name', 'christian name', 'first'],
    required: true,
  },
  {
    key: 'lastName',
    label: 'Last name',
    kind: 'text',
    aliases: ['last name', 'surname', 'family name', 'second name', 'last'],
    required: true,
  },
  {
    key: 'preferredName',
    label: 'Preferred name',
    kind: 'text',
    aliases: ['preferred name', 'known as', 'nickname', 'aka'],
  },
  {
    key: 'email',
    label: 'Email',
    kind: 'email',
    aliases: ['email', 'e mail', 'email address', 'e mail address', 'mail'],
  },
  {
    key: 'phone',
    label: 'Phone',
    kind: 'phone',
    aliases: [
      'phone',
      'phone number',
      'telephone',
      'telephone number',
      'tel',
      'tel no',
      'contact number',
      'landline',
      'home phone',
    ],
  },
  {
    key: 'mobile',
    label: 'Mobile',
    kind: 'phone',
    aliases: ['mobile', 'mobile number', 'mobile no', 'mobile phone', 'cell'],
  },
  {
    key: 'addressLine1',
    label: 'Address line 1',
    kind: 'text',
    aliases: ['address', 'address 1', 'address line 1', 'street', 'street address', 'house'],
  },
  {
    key: 'addressLine2',
    label: 'Address line 2',
    kind: 'text',
    aliases: ['address 2', 'address line 2', 'locality'],
  },
  { key: 'town', label: 'Town', kind: 'text', aliases: ['town', 'city', 'town city', 'post town'] },
  {
    key: 'postcode',
    label: 'Postcode',
    kind: 'postcode',
    aliases: ['postcode', 'post code', 'postal code', 'zip', 'zip code'],
  },
  {
    key: 'landlord',
    label: 'Landlord',
    kind: 'lookup',
    aliases: ['landlord', 'partner', 'partner landlord', 'provider'],
  },
  { key: 'area', label: 'Area', kind: 'lookup', aliases: ['area', 'local authority', 'district'] },
  {
    key: 'neighbourhood',
    label: 'Neighbourhood',
    kind: 'lookup',
    aliases: ['neighbourhood', 'patch', 'estate'],
  },
  {
    key: 'tenure',
    label: 'Tenure',
    kind: 'choice',
    aliases: ['tenure', 'tenure type', 'tenancy type', 'tenancy'],
    options: tenures.options,
  },
  {
    key: 'dateOfBirth',
    label: 'Date of birth',
    kind: 'date',
    aliases: ['date of birth', 'dob', 'd o b', 'birth date', 'birthday', 'born'],
  },
  {
    key: 'status',
    label: 'Status',
    kind: 'choice',
    aliases: ['status', 'involvement status'],
    options: customerStatuses.options,
  },
  {
    key: 'isBoardMember',
    label: 'Board member',
    kind: 'flag',
    aliases: ['board member', 'board', 'on board'],
  },
  {
    key: 'codeOfConductSignedOn',
    label: 'Code of conduct signed on',
    kind: 'date',
    aliases: [
      'code of conduct',
      'code of conduct signed',
      'code of conduct signed on',
      'coc signed',
    ],
  },
  {
    key: 'recruitmentSource',
    label: 'Recruited through',
    kind: 'choice',
    aliases: ['recruited through', 'recruitment source', 'source', 'how heard', 'how did you hear'],
    options: recruitmentSources.options,
  },
  {
    key: 'digitalAccess',
    label: 'Digital access',
    kind: 'choice',
    aliases: ['digital access', 'internet access', 'online'],
    options: digitalAccessLevels.options,
  },
  {
    key: 'interests',
    label: 'Interests',
    kind: 'choices',
    aliases: ['interests', 'interested in', 'service areas', 'areas of interest'],
    options: serviceAreas.options,
  },
  {
    key: 'availability',
    label: 'Availability',
    kind: 'choices',
    aliases: ['availability', 'available', 'when available'],
    options: availabilityOptions.options,
  },
  {
    key: 'contactMethods',
    label: 'Contact by',
    kind: 'choices',
    aliases: ['contact by', 'contact methods', 'contact method', 'preferred contact'],
    options: contactMethods.options,
  },
  {
    key: 'skills',
    label: 'Skills',
    kind: 'choices',
    aliases: ['skills', 'skills audit'],
    options: skillOptions.options,
  },
  {
    key: 'supportNeeds',
    label: 'Support needs',
    kind: 'choices',
    aliases: ['support needs', 'access needs', 'accessibility needs'],
    options: supportNeeds.options,
  },
  {
    key: 'supportNotes',
    label: 'Support notes',
    kind: 'text',
    aliases: ['support notes', 'access notes'],
  },
  { key: 'notes', label: 'Notes', kind: 'text', aliases: ['notes', 'note', 'comments', 'comment'] },
] as const satisfies readonly ImportField[];

export type ImportFieldKey = (typeof importFields)[number]['key'];

export const importFieldKeys = importFields.map((f) => f.key) as [
  ImportFieldKey,
  ...ImportFieldKey[],
];

const fieldsByKey = new Map<string, ImportField>(importFields.map((f) => [f.key, f]));

export function importField(key: ImportFieldKey): ImportField {
  return fieldsByKey.get(key)!;
}

/** "Post Code", "post_code", "POSTCODE:" and "Post-code" all compare as "post code" / "postcode". */
export function headerKey(header: string): string {
  return header
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

function compact(key: string): string {
  return key.replace(/ /g, '');
}

/**
 * One suggested field (or null) per column. An exact alias wins; otherwise a
 * header that contains an alias as whole words ("Tenant surname", "Main
 * contact number") is suggested. No field is suggested for two columns: the
 * leftmost column takes it.
 */
export function suggestMapping(headers: readonly string[]): (ImportFieldKey | null)[] {
  const keys = headers.map(headerKey);
  const result: (ImportFieldKey | null)[] = headers.map(() => null);
  const taken = new Set<ImportFieldKey>();

  const assign = (matches: (header: string, alias: string) => boolean) => {
    keys.forEach((header, column) => {
      if (result[column] !== null || header === '') return;
      for (const field of importFields) {
        if (taken.has(field.key)) continue;
        // The label is an alias too, so a file this app exported maps itself.
        if ([headerKey(field.label), ...field.aliases].some((alias) => matches(header, alias))) {
          result[column] = field.key;
          taken.add(field.key);
          return;
        }
      }
    });
  };

  assign((header, alias) => header === alias || compact(header) === compact(alias));
  assign((header, alias) => alias.length >= 3 && ` ${header} `.includes(` ${alias} `));
  return result;
}

export type DateReading = { ok: true; value: string | null } | { ok: false; problem: string };

const monthNames = [
  'jan',
  'feb',
  'mar',
  'apr',
  'may',
  'jun',
  'jul',
  'aug',
  'sep',
  'oct',
  'nov',
  'dec',
] as const;

function isoIfReal(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day
  ) {
    return null;
  }
  return date.toISOString().slice(0, 10);
}

/**
 * Reads a date the way the team's spreadsheets write them: UK `dd/mm/yyyy`
 * (also with `-` or `.`), ISO `yyyy-mm-dd` (spreadsheet date cells arrive in
 * this form), or `14 March 1980`. American order is never guessed: 03/04/1980
 * is 3 April. Two-digit years are refused because the century is a guess.
 */
export function readImportDate(text: string): DateReading {
  const value = text.trim();
  if (value === '') return { ok: true, value: null };

  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+Z?)?$/.exec(value);
  if (match) {
    const iso = isoIfReal(Number(match[1]), Number(match[2]), Number(match[3]));
    return iso ? { ok: true, value: iso } : { ok: false, problem: 'is not a real date' };
  }

  match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(value);
  if (match) {
    if (match[3]!.length === 2) {
      return { ok: false, problem: 'has a two-digit year: write the year in full, as dd/mm/yyyy' };
    }
    const iso = isoIfReal(Number(match[3]), Number(match[2]), Number(match[1]));
    return iso
      ? { ok: true, value: iso }
      : { ok: false, problem: 'is not a real date (dates are read as dd/mm/yyyy)' };
  }

  match = /^(\d{1,2})(?:st|nd|rd|th)? ([a-z]+),? (\d{4})$/i.exec(value);
  if (match) {
    const month = monthNames.indexOf(
      match[2]!.slice(0, 3).toLowerCase() as (typeof monthNames)[number],
    );
    const iso = month >= 0 ? isoIfReal(Number(match[3]), month + 1, Number(match[1])) : null;
    if (iso) return { ok: true, value: iso };
  }

  return { ok: false, problem: 'is not a date: use dd/mm/yyyy' };
}

/** Yes/no columns: "Y", "yes", "true", "1", "x" are yes; "N", "no", "false", "0" and blank are no. */
export function readImportFlag(text: string): { ok: true; value: boolean } | { ok: false } {
  const value = text.trim().toLowerCase();
  if (['y', 'yes', 'true', '1', 'x', '✓'].includes(value)) return { ok: true, value: true };
  if (['', 'n', 'no', 'false', '0'].includes(value)) return { ok: true, value: false };
  return { ok: false };
}

function choiceKey(text: string): string {
  return headerKey(text)
    .split(' ')
    .filter((word) => word !== 'and')
    .join(' ');
}

/**
 * Finds the option a cell means: its code (`shared_owner`), its label
 * ("Shared owner", any case, "&" or "and"), or the start of exactly one
 * label ("Care and support" for "Care & support client").
 */
export function readImportChoice(
  text: string,
  options: readonly { value: string; label: string }[],
): { ok: true; value: string | null } | { ok: false } {
  const key = choiceKey(text);
  if (key === '') return { ok: true, value: null };
  const exact = options.find((o) => choiceKey(o.label) === key || choiceKey(o.value) === key);
  if (exact) return { ok: true, value: exact.value };
  if (key.length >= 3) {
    const starts = options.filter((o) => choiceKey(o.label).startsWith(key));
    if (starts.length === 1) return { ok: true, value: starts[0]!.value };
  }
  return { ok: false };
}

/** A list in one cell, split on ";", "," , "|" or line breaks; returns the codes or the parts not understood. */
export function readImportChoices(
  text: string,
  options: readonly { value: string; label: string }[],
): { ok: true; value: string[] } | { ok: false; unknown: string[] } {
  const parts = text
    .split(/[;,|\n]/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  const value: string[] = [];
  const unknown: string[] = [];
  for (const part of parts) {
    const read = readImportChoice(part, options);
    if (read.ok && read.value) value.push(read.value);
    else unknown.push(part);
  }
  return unknown.length ? { ok: false, unknown } : { ok: true, value };
}

/** One problem with the file, naming the spreadsheet row and column where there is one. */
export interface ImportIssue {
  /** The row number the spreadsheet program shows (the header is usually row 1); null for the whole file. */
  row: number | null;
  /** The column's header as written in the file; null when the problem is not one column's. */
  column: string | null;
  field: ImportFieldKey | null;
  /** The cell's text, where it is the cause. */
  value: string | null;
  /** The whole sentence, e.g. "Row 14, column 'Post code': 'TS1' is not a full UK postcode." */
  message: string;
}

export function describeIssue(row: number | null, column: string | null, problem: string): string {
  const where = [row === null ? null : `Row ${row}`, column === null ? null : `column '${column}'`]
    .filter(Boolean)
    .join(', ');
  const sentence = problem.endsWith('.') ? problem : `${problem}.`;
  return where ? `${where}: ${sentence}` : sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

/**
 * What importing a row will do. A row that is a customer deleted from the
 * register is left out (`deleted`) unless an administrator chose to bring
 * the deleted customers back (`restore`): re-importing an old file must not
 * quietly bring back people who were removed.
 */
export type ImportRowAction = 'create' | 'update' | 'unchanged' | 'deleted' | 'restore' | 'invalid';

export type ImportMatchRule = 'reference' | 'email' | 'name and postcode' | 'name';

export interface ImportRowPreview {
  row: number;
  action: ImportRowAction;
  /** How the row was recognised as an existing customer. */
  matchedBy: ImportMatchRule | null;
  /** Labels of the fields an update would change. */
  changes: string[];
  /** For a row that is a deleted customer: the day they were deleted (London). */
  deletedOn: string | null;
  /** The mapped cells, by field key, as written in the file. */
  values: Partial<Record<ImportFieldKey, string>>;
}

export interface ImportCounts {
  rows: number;
  create: number;
  update: number;
  unchanged: number;
  /** Rows that are deleted customers, left out. */
  deleted: number;
  /** Rows that are deleted customers, to be brought back. */
  restore: number;
  invalid: number;
}

export interface ImportPreview {
  fileName: string;
  sheetName: string | null;
  headers: string[];
  suggestedMapping: (ImportFieldKey | null)[];
  /** The mapping the preview was made with: the one given, else the suggestion. */
  mapping: (ImportFieldKey | null)[];
  /** The first rows only; the counts and errors cover the whole file. */
  rows: ImportRowPreview[];
  errors: ImportIssue[];
  counts: ImportCounts;
}

export interface ImportOutcome {
  fileName: string;
  counts: ImportCounts;
}

export const PREVIEW_ROWS = 50;
/** Far above any real register, low enough that a mistaken file fails fast. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

export const importMappingSchema = z.array(z.enum(importFieldKeys).nullable(), {
  error: 'Choose a customer field (or none) for each column.',
});

export const importFileInput = z.object({
  fileName: z
    .string({ error: 'Choose a file to import.' })
    .trim()
    .min(1, { error: 'Choose a file to import.' })
    .max(260, { error: 'The file name is too long.' })
    .regex(/\.(csv|xlsx)$/i, { error: 'Choose a CSV file (.csv) or an Excel workbook (.xlsx).' }),
  contentBase64: z
    .string({ error: 'The file is empty.' })
    .min(1, { error: 'The file is empty.' })
    .max(Math.ceil((MAX_IMPORT_BYTES * 4) / 3) + 4, {
      error: `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`,
    }),
  mapping: importMappingSchema.optional(),
  /** Bring back the deleted customers the file names, rather than leave them out. */
  restoreDeleted: z.boolean().optional(),
});

export type ImportFileInput = z.input<typeof importFileInput>;

export const importCommitInput = importFileInput.extend({ mapping: importMappingSchema });
