import { once } from 'node:events';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { spreadsheetText } from '../../src-shared/rules/spreadsheet-safety';

export type CellValue = string | number | boolean | Date | null;

export interface Column<T> {
  header: string;
  /** Characters wide. */
  width?: number;
  /** `date` cells must be given Dates (or ISO dates, converted); `pence` shows pounds. */
  format?: 'text' | 'date' | 'datetime' | 'integer' | 'pence' | 'percent';
  /** The sheet's total row sums this column, as a formula. */
  sum?: boolean;
  value(row: T): CellValue;
}

export interface Sheet<T> {
  name: string;
  columns: Column<T>[];
  rows: Iterable<T>;
  /**
   * A bold last row: these words in its first cells, given the number of
   * rows, and under each `sum` column a SUM formula over it with its value
   * cached, so a reader that does not calculate still sees the total.
   */
  total?: (count: number) => string[];
}

const numberFormats: Record<NonNullable<Column<unknown>['format']>, string | undefined> = {
  text: '@',
  date: 'dd/mm/yyyy',
  datetime: 'dd/mm/yyyy hh:mm',
  integer: '0',
  pence: '"£"#,##0.00',
  percent: '0%',
};

/** Rows written before giving the zip a turn, so finished rows leave memory as they go. */
const ROWS_PER_TURN = 500;

/**
 * One workbook, the house way: bold frozen header row with a filter, set
 * column widths, real dates and numbers (not text) so that Excel sorts and
 * sums them. Written as a stream, row by row, so a register of 50,000
 * customers never sits in memory as a workbook; only the compressed bytes do.
 */
export async function buildWorkbook(
  sheets: Sheet<never>[] | Sheet<unknown>[],
  progress: (rowsWritten: number) => void = () => {},
): Promise<Buffer> {
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
  for (const sheet of sheets as Sheet<unknown>[]) {
    const ws = workbook.addWorksheet(sheet.name.slice(0, 31), {
      views: [{ state: 'frozen', ySplit: 1 }],
    });
    ws.columns = sheet.columns.map((c) => ({
      header: c.header,
      width: c.width ?? Math.max(10, c.header.length + 2),
      style: numberFormats[c.format ?? 'text']
        ? { numFmt: numberFormats[c.format ?? 'text']! }
        : {},
    }));
    const header = ws.getRow(1);
    header.font = { bold: true };
    header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE3F1F3' } };
    header.commit();
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columns.length } };

    // Each new cell gets its own copy of its column's style, which exceljs
    // then looks up by identity: handing every cell the column's one style
    // object makes that lookup a hit instead of a fresh style per cell.
    const styles = sheet.columns.map((_, i) => ws.getColumn(i + 1).style);
    let written = 0;
    const sums = sheet.columns.map(() => 0);
    for (const row of sheet.rows) {
      const added = ws.addRow(
        sheet.columns.map((c, i) => {
          const value = c.value(row);
          // Summed as given (pence are whole numbers), converted once for the total.
          if (c.sum && typeof value === 'number') sums[i]! += value;
          return toCell(c, value);
        }),
      );
      added.eachCell({ includeEmpty: true }, (cell, column) => {
        cell.style = styles[column - 1]!;
      });
      added.commit();
      if (++written % ROWS_PER_TURN === 0) {
        progress(written);
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    if (sheet.total) {
      const words = sheet.total(written);
      const last = written + 1;
      const totalRow = ws.addRow(
        sheet.columns.map((c, i) => {
          if (!c.sum) return words[i] ?? null;
          const letter = ws.getColumn(i + 1).letter;
          return {
            formula: written ? `SUM(${letter}2:${letter}${last})` : '0',
            result: toCell(c, sums[i]!) as number,
          };
        }),
      );
      totalRow.eachCell({ includeEmpty: true }, (cell, column) => {
        cell.style = styles[column - 1]!;
      });
      totalRow.font = { bold: true };
      totalRow.commit();
    }
    ws.commit();
  }
  await workbook.commit();
  await ended;
  return Buffer.concat(chunks);
}

function toCell(column: Column<unknown>, value: CellValue): CellValue {
  if (value === null) return null;
  if ((column.format === 'date' || column.format === 'datetime') && typeof value === 'string') {
    // Calendar dates are stored at UTC midnight, which Excel shows as that date.
    const date = new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
    return Number.isNaN(date.getTime()) ? value : date;
  }
  if (column.format === 'pence' && typeof value === 'number') return value / 100;
  if (typeof value === 'string') return spreadsheetText(value);
  return value;
}
