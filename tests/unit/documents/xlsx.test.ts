import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildWorkbook, type Column } from '../../../src-main/documents/xlsx';

interface Claim {
  ref: string;
  on: string;
  at: string | null;
  pence: number;
}

const columns: Column<Claim>[] = [
  { header: 'Reference', width: 14, value: (r) => r.ref },
  { header: 'Claimed on', format: 'date', value: (r) => r.on },
  { header: 'Paid at', width: 18, format: 'datetime', value: (r) => r.at },
  { header: 'Amount', format: 'pence', value: (r) => r.pence },
];

async function readBack(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as never);
  return workbook;
}

describe('buildWorkbook', () => {
  it('writes each sheet with a bold frozen filtered header, widths, formats and real dates', async () => {
    const claims: Claim[] = Array.from({ length: 1203 }, (_, i) => ({
      ref: `EX-${i + 1}`,
      on: '2026-03-31',
      at: i === 0 ? '2026-04-02T09:30:00.000Z' : null,
      pence: 1250 + i,
    }));
    const bytes = await buildWorkbook([
      { name: 'Expense claims paid in the year to 31 March 2026', columns, rows: claims },
      { name: 'Empty', columns, rows: [] },
    ]);
    const workbook = await readBack(bytes);
    expect(workbook.creator).toBe('Involvement Desk');
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'Expense claims paid in the year',
      'Empty',
    ]);

    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBe(1204);
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([
      'Reference',
      'Claimed on',
      'Paid at',
      'Amount',
    ]);
    expect(sheet.getRow(1).getCell(4).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBe('A1:D1');
    expect(sheet.getColumn(1).width).toBe(14);
    expect(sheet.getColumn(2).width).toBe(12);

    const first = sheet.getRow(2);
    expect(first.getCell(2).value).toEqual(new Date('2026-03-31T00:00:00Z'));
    expect(first.getCell(2).numFmt).toBe('dd/mm/yyyy');
    expect(first.getCell(3).value).toEqual(new Date('2026-04-02T09:30:00Z'));
    expect(first.getCell(3).numFmt).toBe('dd/mm/yyyy hh:mm');
    expect(first.getCell(4).value).toBe(12.5);
    expect(first.getCell(4).numFmt).toBe('"£"#,##0.00');
    expect(sheet.getRow(3).getCell(3).value).toBeNull();
    expect(sheet.getRow(1204).getCell(1).value).toBe('EX-1203');

    expect(workbook.worksheets[1]!.rowCount).toBe(1);
  });
});
