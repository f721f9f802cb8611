import {
  exclusionReasonLabels,
  mailingChannelLabels,
} from '../../src-shared/rules/mailing-eligibility';
import { spreadsheetText } from '../../src-shared/rules/spreadsheet-safety';
import type { ExcludedRow, MailingRow } from '../services/community/mailing-build';
import type { TaskProgress } from '../services/jobs/cpu-tasks';
import { buildWorkbook, type Column } from './xlsx';

export interface MailingMergeInput {
  listName: string;
  recipients: MailingRow[];
  excluded: ExcludedRow[];
}

type Key = Exclude<keyof MailingRow, 'customerId' | 'channel'>;
const mergeFields: [string, number, Key][] = [
  ['Name', 28, 'name'],
  ['First name', 16, 'firstName'],
  ['Last name', 18, 'lastName'],
  ['Address line 1', 28, 'addressLine1'],
  ['Address line 2', 24, 'addressLine2'],
  ['Town', 18, 'town'],
  ['Postcode', 10, 'postcode'],
  ['Email', 30, 'email'],
  ['Mobile', 16, 'mobile'],
];

const mergeColumns: Column<MailingRow>[] = [
  ...mergeFields.map(([header, width, key]): Column<MailingRow> => ({
    header,
    width,
    value: (r) => r[key],
  })),
  { header: 'Send by', width: 14, value: (r) => mailingChannelLabels[r.channel] },
];

const excludedColumns: Column<ExcludedRow>[] = [
  { header: 'Name', width: 28, value: (r) => r.name },
  { header: 'Left out because', width: 36, value: (r) => exclusionReasonLabels[r.reason] },
  { header: 'Detail', width: 60, value: (r) => r.detail },
];

/**
 * The mail-merge workbook: one sheet of recipients with the fields a letter
 * or email merge uses, and one of everyone left out with the reason, so the
 * file that goes to print says who it does not reach. Every text cell goes
 * through the formula guard (buildWorkbook does it).
 */
export async function writeMailingXlsx(
  input: MailingMergeInput,
  progress: TaskProgress,
): Promise<Uint8Array> {
  const total = input.recipients.length + input.excluded.length;
  const bytes = await buildWorkbook(
    [
      { name: 'Mail merge', columns: mergeColumns, rows: input.recipients } as never,
      { name: 'Left out', columns: excludedColumns, rows: input.excluded } as never,
    ],
    (done) => progress(done, total),
  );
  progress(total, total);
  return new Uint8Array(bytes);
}

/** The recipients as CSV for a mail-merge, every cell through the formula guard. */
export function mailingCsv(recipients: readonly MailingRow[]): string {
  const cell = (raw: string | null) => {
    const v = spreadsheetText(raw ?? '');
    return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
  };
  const lines = [mergeColumns.map((c) => cell(c.header)).join(',')];
  for (const r of recipients)
    lines.push(mergeColumns.map((c) => cell(c.value(r) as string | null)).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
