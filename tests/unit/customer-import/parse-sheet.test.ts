import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../src-shared/errors';
import {
  columnLetters,
  parseCsv,
  parseSheet,
  parseXlsx,
} from '../../../src-main/services/customer-import/parse-sheet';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('parseCsv', () => {
  it('gives the header and each row with the row number a spreadsheet shows', () => {
    const sheet = parseCsv(utf8('First name,Surname\r\nAda,Lovelace\r\n\r\nMary,"Seacole"\r\n'));
    expect(sheet.headers).toEqual(['First name', 'Surname']);
    expect(sheet.rows).toEqual([
      { row: 2, cells: ['Ada', 'Lovelace'] },
      { row: 4, cells: ['Mary', 'Seacole'] },
    ]);
  });

  it('counts a quoted line break as part of one row', () => {
    const sheet = parseCsv(utf8('Name,Notes\nAda,"two\nlines"\nMary,x\n'));
    expect(sheet.rows.map((r) => r.row)).toEqual([2, 3]);
    expect(sheet.rows[0]!.cells[1]).toBe('two\nlines');
  });

  it('drops a UTF-8 byte order mark', () => {
    expect(parseCsv(utf8('\uFEFFSurname\nLovelace\n')).headers).toEqual(['Surname']);
  });

  it('reads Windows-1252 text, as Excel saves plain CSV', () => {
    const bytes = new Uint8Array([
      ...utf8('Name,Notes\nZo'),
      0xeb,
      ...utf8(',Paid '),
      0xa3,
      ...utf8('5\n'),
    ]);
    expect(parseCsv(bytes).rows[0]!.cells).toEqual(['Zoë', 'Paid £5']);
  });

  it('names a column that has data but no header by its letters', () => {
    const sheet = parseCsv(utf8('Surname,,\nLovelace,x,y\n'));
    expect(sheet.headers).toEqual(['Surname', 'Column B', 'Column C']);
  });

  it('pads short rows so every row has a cell per column', () => {
    expect(parseCsv(utf8('A,B,C\n1\n')).rows[0]!.cells).toEqual(['1', '', '']);
  });

  it('reads semicolon-separated files', () => {
    expect(parseCsv(utf8('First name;Surname\nAda;Lovelace\n')).rows[0]!.cells).toEqual([
      'Ada',
      'Lovelace',
    ]);
  });

  it('gives an empty sheet for an empty file', () => {
    expect(parseCsv(utf8('\n\n'))).toEqual({ sheetName: null, headers: [], rows: [] });
  });
});

describe('parseXlsx', () => {
  it('reads text, numbers, dates, rich text, links and formula results as text', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Volunteers');
    sheet.addRow(['Forename', 'Phone', 'DOB', 'Email', 'Notes', 'Total']);
    sheet.addRow([
      { richText: [{ text: 'A' }, { text: 'da', font: { bold: true } }] },
      7700900123,
      new Date(Date.UTC(1980, 3, 3)),
      { text: 'ada@example.org', hyperlink: 'mailto:ada@example.org' },
      null,
      { formula: '1+1', result: 2 },
    ]);
    sheet.getCell('C2').numFmt = 'dd/mm/yyyy';
    sheet.addRow([]);
    sheet.addRow(['Mary']);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());

    const parsed = await parseXlsx(bytes);
    expect(parsed.sheetName).toBe('Volunteers');
    expect(parsed.headers).toEqual(['Forename', 'Phone', 'DOB', 'Email', 'Notes', 'Total']);
    expect(parsed.rows).toEqual([
      { row: 2, cells: ['Ada', '7700900123', '1980-04-03', 'ada@example.org', '', '2'] },
      { row: 4, cells: ['Mary', '', '', '', '', ''] },
    ]);
  });

  it('uses the first visible sheet that has data', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Notes');
    const hidden = workbook.addWorksheet('Old', { state: 'hidden' });
    hidden.addRow(['Old']);
    workbook.addWorksheet('Register').addRow(['Surname']);
    const parsed = await parseXlsx(new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect(parsed.sheetName).toBe('Register');
  });

  it('refuses a file that is not a workbook, saying what to do', async () => {
    await expect(parseSheet('list.xlsx', utf8('not a zip'))).rejects.toThrow(
      /not an Excel workbook that can be read/,
    );
  });
});

describe('parseSheet', () => {
  it('refuses other file types', async () => {
    await expect(parseSheet('list.xls', utf8('x'))).rejects.toBeInstanceOf(ApiError);
  });
});

describe('columnLetters', () => {
  it('counts like a spreadsheet', () => {
    expect([0, 25, 26, 701, 702].map(columnLetters)).toEqual(['A', 'Z', 'AA', 'ZZ', 'AAA']);
  });
});
