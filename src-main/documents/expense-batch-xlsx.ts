import { once } from 'node:events';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { spreadsheetText } from '../../src-shared/rules/spreadsheet-safety';
import type { TaskProgress } from '../services/jobs/cpu-tasks';

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

const columns: { header: string; width: number; key: keyof BatchPaymentRow }[] = [
  { header: 'Payee', width: 28, key: 'payee' },
  { header: 'Reference', width: 16, key: 'reference' },
  { header: 'Amount', width: 12, key: 'amountPence' },
  { header: 'Cost code', width: 14, key: 'costCode' },
  { header: 'Payment method', width: 16, key: 'method' },
  { header: 'Account name', width: 24, key: 'accountName' },
  { header: 'Sort code', width: 10, key: 'sortCode' },
  { header: 'Account number', width: 16, key: 'accountNumber' },
];
const AMOUNT_COLUMN = 'C';

/**
 * The batch for finance: one row a claim, then a total that is a formula
 * over the amounts (with its value cached, so a reader that does not
 * calculate still sees it). Streamed, so 5,000 claims stay small in memory.
 */
export async function writeBatchXlsx(
  input: BatchXlsxInput,
  progress: TaskProgress,
): Promise<Uint8Array> {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = once(output, 'end');
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: output,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = 'Involvement Desk';
  const ws = workbook.addWorksheet(`Batch ${input.reference}`.slice(0, 31), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  ws.columns = columns.map((c) => ({
    header: c.header,
    width: c.width,
    style: c.key === 'amountPence' ? { numFmt: '"£"#,##0.00' } : { numFmt: '@' },
  }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.commit();
  const total = input.rows.length;
  let sum = 0;
  for (const [i, row] of input.rows.entries()) {
    sum += row.amountPence;
    ws.addRow(
      columns.map((c) =>
        c.key === 'amountPence' ? row.amountPence / 100 : spreadsheetText(String(row[c.key])),
      ),
    ).commit();
    if ((i + 1) % 500 === 0) {
      progress(i + 1, total);
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  const last = input.rows.length + 1;
  const totalRow = ws.addRow([
    'Total',
    `${input.rows.length} payments`,
    {
      formula: input.rows.length ? `SUM(${AMOUNT_COLUMN}2:${AMOUNT_COLUMN}${last})` : '0',
      result: sum / 100,
    },
  ]);
  totalRow.font = { bold: true };
  totalRow.commit();
  ws.commit();
  await workbook.commit();
  await ended;
  progress(total, total);
  return new Uint8Array(Buffer.concat(chunks));
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
        .map((c) => (c.key === 'amountPence' ? (r.amountPence / 100).toFixed(2) : cell(r[c.key])))
        .join(','),
    );
  }
  lines.push(`Total,${rows.length} payments,${(sum / 100).toFixed(2)},,,,,`);
  return `${lines.join('\r\n')}\r\n`;
}
