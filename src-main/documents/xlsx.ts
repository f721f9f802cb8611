import ExcelJS from 'exceljs';

export type CellValue = string | number | boolean | Date | null;

export interface Column<T> {
  header: string;
  /** Characters wide. */
  width?: number;
  /** `date` cells must be given Dates (or ISO dates, converted); `pence` shows pounds. */
  format?: 'text' | 'date' | 'datetime' | 'integer' | 'pence' | 'percent';
  value(row: T): CellValue;
}

export interface Sheet<T> {
  name: string;
  columns: Column<T>[];
  rows: Iterable<T>;
}

const numberFormats: Record<NonNullable<Column<unknown>['format']>, string | undefined> = {
  text: '@',
  date: 'dd/mm/yyyy',
  datetime: 'dd/mm/yyyy hh:mm',
  integer: '0',
  pence: '"£"#,##0.00',
  percent: '0%',
};

/**
 * One workbook, the house way: bold frozen header row with a filter, set
 * column widths, real dates and numbers (not text) so that Excel sorts and
 * sums them.
 */
export async function buildWorkbook(sheets: Sheet<never>[] | Sheet<unknown>[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
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
    for (const row of sheet.rows) {
      ws.addRow(sheet.columns.map((c) => toCell(c, c.value(row))));
    }
    const header = ws.getRow(1);
    header.font = { bold: true };
    header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE3F1F3' } };
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columns.length } };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function toCell(column: Column<unknown>, value: CellValue): CellValue {
  if (value === null) return null;
  if ((column.format === 'date' || column.format === 'datetime') && typeof value === 'string') {
    // Calendar dates are stored at UTC midnight, which Excel shows as that date.
    const date = new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
    return Number.isNaN(date.getTime()) ? value : date;
  }
  if (column.format === 'pence' && typeof value === 'number') return value / 100;
  return value;
}
