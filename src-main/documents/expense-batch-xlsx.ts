import { spreadsheetText } from '../../src-shared/rules/spreadsheet-safety';
import type { TaskProgress } from '../services/jobs/cpu-tasks';
import { buildWorkbook, type Column } from './xlsx';

/** One payment as finance receives it. */
export interface BatchPaymentRow {
  payee: string;
  reference: string;
  amountPence: number;
  costCode: string;
  method: string;
  accountName: string;
  sortCode: string;
  accountNumber: string;
}

export interface BatchXlsxInput {
  reference: string;
  rows: BatchPaymentRow[];
}

const columns: (Column<BatchPaymentRow> & { key: keyof BatchPaymentRow })[] = (
  [
    ['Payee', 28, 'payee'],
    ['Reference', 16, 'reference'],
    ['Amount', 12, 'amountPence'],
    ['Cost code', 14, 'costCode'],
    ['Payment method', 16, 'method'],
    ['Account name', 24, 'accountName'],
    ['Sort code', 10, 'sortCode'],
    ['Account number', 16, 'accountNumber'],
  ] as const
).map(([header, width, key]) =>
  key === 'amountPence'
    ? { header, width, key, format: 'pence', sum: true, value: (r) => r.amountPence }
    : { header, width, key, value: (r) => r[key] },
);

/**
 * The batch for finance, the house way (`buildWorkbook`): one row a claim,
 * then a total that is a formula over the amounts. Streamed, so 5,000 claims
 * stay small in memory.
 */
export async function writeBatchXlsx(
  input: BatchXlsxInput,
  progress: TaskProgress,
): Promise<Uint8Array> {
  const total = input.rows.length;
  const bytes = await buildWorkbook(
    [
      {
        name: `Batch ${input.reference}`,
        columns,
        rows: input.rows,
        total: (n) => ['Total', `${n} payments`],
      },
    ],
    (done) => progress(done, total),
  );
  progress(total, total);
  return new Uint8Array(bytes);
}

/** The same rows as CSV, with the amount in pounds and a total line. */
export function batchCsv(rows: readonly BatchPaymentRow[]): string {
  const cell = (raw: string) => {
    const v = spreadsheetText(raw);
    return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
  };
  const lines = [columns.map((c) => c.header).join(',')];
  let sum = 0;
  for (const r of rows) {
    sum += r.amountPence;
    lines.push(
      columns
        .map((c) =>
          c.key === 'amountPence' ? (r.amountPence / 100).toFixed(2) : cell(String(r[c.key])),
        )
        .join(','),
    );
  }
  lines.push(`Total,${rows.length} payments,${(sum / 100).toFixed(2)},,,,,`);
  return `${lines.join('\r\n')}\r\n`;
}
