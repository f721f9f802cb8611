import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { ApiError } from '../../../src-shared/errors';

/** A data row with the number the spreadsheet program shows beside it. */
export interface SheetRow {
  row: number;
  cells: string[];
}

/** A spreadsheet reduced to text: one header row and the rows below it. */
export interface ParsedSheet {
  sheetName: string | null;
  headers: string[];
  rows: SheetRow[];
}

/** Reads a .csv or .xlsx file's bytes; blank rows are dropped but keep their numbers. */
export async function parseSheet(fileName: string, bytes: Uint8Array): Promise<ParsedSheet> {
  if (/\.xlsx$/i.test(fileName)) return parseXlsx(bytes);
  if (/\.csv$/i.test(fileName)) return parseCsv(bytes);
  throw ApiError.invalid('Choose a CSV file (.csv) or an Excel workbook (.xlsx).', [
    { path: 'fileName', message: 'Only .csv and .xlsx files can be imported.' },
  ]);
}

/**
 * Excel saves "CSV (Comma delimited)" in Windows-1252, so a "£" or "é" is not
 * UTF-8; "CSV UTF-8" starts with a byte order mark. Try UTF-8 strictly and
 * fall back rather than showing mangled names.
 */
export function decodeText(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('windows-1252').decode(bytes);
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export function parseCsv(bytes: Uint8Array): ParsedSheet {
  const text = decodeText(bytes);
  // Each record is one row in a spreadsheet program, even with a line break
  // inside quotes, so the record's index gives the row number users see.
  const result = Papa.parse<string[]>(text, {
    skipEmptyLines: false,
    delimiter: guessDelimiter(text),
  });
  const fatal = result.errors.find((e) => e.type === 'Quotes');
  if (fatal) {
    const row = (fatal.row ?? 0) + 1;
    throw ApiError.invalid(
      `Row ${row}: a quoted value is never closed, so the file cannot be read. Check for a stray " in that row.`,
      [{ path: 'contentBase64', message: `Row ${row} has an unclosed quote.` }],
    );
  }
  return fromGrid(
    null,
    result.data.map((cells, index) => ({ row: index + 1, cells: cells.map((c) => c ?? '') })),
  );
}

/** Excel in European locales saves CSV with ";": the header line shows which. */
function guessDelimiter(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const count = (d: string) => firstLine.split(d).length - 1;
  return [',', ';', '\t'].reduce((best, d) => (count(d) > count(best) ? d : best), ',');
}

export async function parseXlsx(bytes: Uint8Array): Promise<ParsedSheet> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never,
    );
  } catch {
    throw ApiError.invalid(
      'This file is not an Excel workbook that can be read. Save it from Excel as .xlsx (or as CSV) and try again.',
      [{ path: 'contentBase64', message: 'The workbook could not be opened.' }],
    );
  }
  const sheet = workbook.worksheets.find((ws) => ws.state === 'visible' && ws.actualRowCount > 0);
  if (!sheet) return { sheetName: workbook.worksheets[0]?.name ?? null, headers: [], rows: [] };

  const grid: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      cells[column - 1] = cellText(cell.value);
    });
    grid.push({ row: rowNumber, cells: Array.from(cells, (c) => c ?? '') });
  });
  return fromGrid(sheet.name, grid);
}

/** A cell's value as the text the importer reads; date cells become `YYYY-MM-DD`. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return isoDay(value);
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('hyperlink' in value) {
    const text = value.text as unknown;
    if (typeof text === 'string') return text;
    if (text && typeof text === 'object' && 'richText' in text)
      return cellText(text as ExcelJS.CellValue);
    return value.hyperlink.replace(/^mailto:/i, '');
  }
  if ('formula' in value || 'sharedFormula' in value) {
    return cellText((value as { result?: ExcelJS.CellValue }).result ?? null);
  }
  if ('error' in value) return '';
  return '';
}

/** Excel keeps dates as a day count; exceljs hands them over as UTC midnight (plus any time). */
function isoDay(date: Date): string {
  // Half a second of rounding error in the day fraction must not tip a date into the day before.
  return new Date(date.getTime() + 500).toISOString().slice(0, 10);
}

function numberText(n: number): string {
  // Avoid 1e+21-style text for long references; whole numbers are written in full.
  return Number.isInteger(n) ? n.toFixed(0) : String(n);
}

function fromGrid(sheetName: string | null, grid: SheetRow[]): ParsedSheet {
  const rows = grid.filter((r) => r.cells.some((c) => c.trim() !== ''));
  const [header, ...data] = rows;
  if (!header) return { sheetName, headers: [], rows: [] };
  const width = data.reduce((w, r) => Math.max(w, r.cells.length), header.cells.length);
  // A column with data but no header is still named, so errors can point at it.
  const headers = Array.from(
    { length: width },
    (_, i) => (header.cells[i] ?? '').trim() || `Column ${columnLetters(i)}`,
  );
  return {
    sheetName,
    headers,
    rows: data.map((r) => ({
      row: r.row,
      cells: Array.from({ length: width }, (_, i) => r.cells[i] ?? ''),
    })),
  };
}

/** 0 → A, 25 → Z, 26 → AA: the letters a spreadsheet program shows. */
export function columnLetters(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}
