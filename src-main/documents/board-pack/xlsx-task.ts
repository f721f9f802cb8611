import ExcelJS from 'exceljs';
import { spreadsheetText } from '../../../src-shared/rules/spreadsheet-safety';
import { figuresOf, type FiguresOrBytes } from '../../services/board-packs/figures-json';
import type { CellFormat, PackTable } from '../../../src-shared/domain/board-packs';
import { audienceTitles } from '../../../src-shared/domain/board-packs';
import { formatCell, formatDate } from '../../../src-shared/rules/pack-format';
import type { TaskProgress } from '../../services/jobs/cpu-tasks';

export interface PackXlsxInput {
  figures: FiguresOrBytes;
  final: boolean;
}

const numFmt: Record<CellFormat, string | undefined> = {
  text: '@',
  rag: '@',
  integer: '#,##0',
  decimal: '#,##0.0#',
  share: '0.0%',
  pence: '"£"#,##0.00',
  date: 'dd/mm/yyyy',
};

const HEADER_FILL: ExcelJS.Fill = {
  type: 'pattern',
  pattern: 'solid',
  fgColor: { argb: 'FFE3F1F3' },
};

/** Sheet names: at most 31 characters, none of []:*?/\ and unique in the workbook. */
function sheetName(wanted: string, taken: Set<string>): string {
  const base = wanted
    .replace(/[[\]:*?/\\]/g, ' ')
    .slice(0, 31)
    .trim();
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n += 1) name = `${base.slice(0, 27)} (${n})`;
  taken.add(name.toLowerCase());
  return name;
}

function tableName(wanted: string, taken: Set<string>): string {
  const base = `T_${wanted.replace(/[^A-Za-z0-9]/g, '_')}`.slice(0, 200);
  let name = base;
  for (let n = 2; taken.has(name); n += 1) name = `${base}_${n}`;
  taken.add(name);
  return name;
}

/** A calendar date as Excel's date (UTC midnight shows as that date). */
function toExcel(value: PackTable['rows'][number][number], format: CellFormat): ExcelJS.CellValue {
  if (value === null) return null;
  if (format === 'date' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value))
    return new Date(`${value}T00:00:00Z`);
  if (format === 'pence' && typeof value === 'number') return value / 100;
  if (typeof value === 'string') return spreadsheetText(value);
  return value;
}

/**
 * Writes one table as a real Excel table (filters, a totals row with
 * formulas where the pack totals a column) starting at `top`; returns the
 * next free row.
 */
function writeTable(
  ws: ExcelJS.Worksheet,
  table: PackTable,
  top: number,
  names: Set<string>,
  widths: number[],
): number {
  ws.getCell(top, 1).value = table.title;
  ws.getCell(top, 1).font = { bold: true, size: 12, color: { argb: 'FF073B45' } };
  const headerRow = top + 1;
  const hasTotals = table.columns.some((c) => c.total) && table.rows.length > 0;
  const rows = table.rows.length
    ? table.rows.map((r) => table.columns.map((c, i) => toExcel(r[i] ?? null, c.format)))
    : [table.columns.map((_, i) => (i === 0 ? 'None in the period' : null))];
  ws.addTable({
    name: tableName(table.id, names),
    ref: ws.getCell(headerRow, 1).address,
    headerRow: true,
    totalsRow: hasTotals,
    style: { theme: 'TableStyleLight9', showRowStripes: true },
    columns: table.columns.map((c, i) => ({
      name: c.header,
      filterButton: true,
      ...(hasTotals
        ? i === 0
          ? { totalsRowLabel: 'Total' }
          : c.total
            ? {
                totalsRowFunction: 'sum' as const,
                totalsRowResult: table.rows.reduce<number>(
                  (a, r) => a + (typeof r[i] === 'number' ? (r[i] as number) : 0),
                  0,
                ),
              }
            : { totalsRowFunction: 'none' as const }
        : {}),
    })),
    rows,
  });
  const last = headerRow + rows.length + (hasTotals ? 1 : 0);
  table.columns.forEach((c, i) => {
    const fmt = numFmt[c.format];
    for (let r = headerRow + 1; r <= last; r += 1) {
      const cell = ws.getCell(r, i + 1);
      if (fmt && typeof cell.value !== 'string') cell.numFmt = fmt;
      if (c.format !== 'text' && c.format !== 'rag' && c.format !== 'date')
        cell.alignment = { horizontal: 'right' };
    }
    const header = ws.getCell(headerRow, i + 1);
    header.font = { bold: true };
    header.fill = HEADER_FILL;
    header.alignment = { wrapText: true, vertical: 'top' };
    const longest = Math.max(
      c.header.length,
      ...table.rows.slice(0, 500).map((r) => formatCell(r[i] ?? null, c.format).length),
    );
    widths[i] = Math.max(widths[i] ?? 8, Math.min(70, longest + 2));
  });
  let next = last + 1;
  if (table.note) {
    ws.getCell(next, 1).value = table.note;
    ws.getCell(next, 1).font = { italic: true, color: { argb: 'FF4A545C' } };
    next += 1;
  }
  return next + 1;
}

function applyWidths(ws: ExcelJS.Worksheet, widths: number[]): void {
  widths.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
}

/** The pack as a workbook: a cover sheet, one sheet per section, and the rows behind each figure on their own sheets. */
export async function writePackXlsx(
  input: PackXlsxInput,
  progress: TaskProgress,
): Promise<Uint8Array> {
  const figures = figuresOf(input.figures);
  const wb = new ExcelJS.Workbook();
  wb.creator = figures.author;
  wb.title = figures.title;
  wb.subject = `Customer involvement: ${figures.period.label}`;
  wb.company = figures.organisation;
  wb.created = new Date(figures.workedOutAt);
  const taken = new Set<string>();
  const tableNames = new Set<string>();
  const total = figures.sections.length + 1;

  const cover = wb.addWorksheet(sheetName('Cover', taken));
  const sheetsListed: { sheet: string; what: string }[] = [];

  for (const [index, section] of figures.sections.entries()) {
    const ws = wb.addWorksheet(sheetName(section.title, taken));
    sheetsListed.push({ sheet: ws.name, what: section.title });
    const widths: number[] = [];
    ws.getCell(1, 1).value = section.title;
    ws.getCell(1, 1).font = { bold: true, size: 14, color: { argb: 'FF073B45' } };
    ws.getCell(2, 1).value = section.summary;
    let row = 3;
    if (section.commentary) {
      ws.getCell(row, 1).value = `Commentary: ${section.commentary}`;
      ws.getCell(row, 1).alignment = { wrapText: false };
      row += 1;
    }
    row += 1;
    const summaryTables = section.tables.filter((t) => !t.detail);
    // The first table's header row stays in view as the sheet scrolls.
    ws.views = [{ state: 'frozen', ySplit: row + 1, xSplit: 0 }];
    for (const table of summaryTables) row = writeTable(ws, table, row, tableNames, widths);
    for (const note of section.notes) {
      ws.getCell(row, 1).value = note;
      ws.getCell(row, 1).font = { italic: true, color: { argb: 'FF4A545C' } };
      row += 1;
    }
    applyWidths(ws, widths);

    for (const table of section.tables.filter((t) => t.detail)) {
      const detail = wb.addWorksheet(
        sheetName(table.title.replace(/ \(the rows behind.*\)$/, ''), taken),
      );
      sheetsListed.push({ sheet: detail.name, what: `${table.title}, for ${section.title}` });
      const dWidths: number[] = [];
      detail.views = [{ state: 'frozen', ySplit: 2, xSplit: 0 }];
      writeTable(detail, table, 1, tableNames, dWidths);
      applyWidths(detail, dWidths);
    }
    progress(index + 1, total);
  }

  cover.getCell('A1').value = figures.organisation;
  cover.getCell('A1').font = { size: 12, color: { argb: 'FF4A545C' } };
  cover.getCell('A2').value = figures.title;
  cover.getCell('A2').font = { bold: true, size: 16, color: { argb: 'FF073B45' } };
  const facts: [string, ExcelJS.CellValue, string?][] = [
    ['For', audienceTitles[figures.audience]],
    ['Period', figures.period.label],
    ['From', new Date(`${figures.period.from}T00:00:00Z`), 'dd/mm/yyyy'],
    ['To', new Date(`${figures.period.to}T00:00:00Z`), 'dd/mm/yyyy'],
    ['Prepared by', figures.author],
    [
      'Status',
      input.final
        ? `Final: figures as at ${formatDate(figures.workedOutAt.slice(0, 10))}`
        : `Draft: figures worked out ${formatDate(figures.workedOutAt.slice(0, 10))}`,
    ],
  ];
  facts.forEach(([label, value, fmt], i) => {
    cover.getCell(4 + i, 1).value = label;
    cover.getCell(4 + i, 1).font = { bold: true };
    cover.getCell(4 + i, 2).value = value;
    if (fmt) cover.getCell(4 + i, 2).numFmt = fmt;
  });
  const listTop = 4 + facts.length + 1;
  cover.getCell(listTop, 1).value =
    'Equality figures are aggregates only: any count from 1 to 4, and any figure from which one could be worked out, reads "fewer than 5".';
  const coverWidths = [16, 40];
  writeTable(
    cover,
    {
      id: 'sheets',
      title: 'Sheets in this workbook',
      columns: [
        { header: 'Sheet', format: 'text' },
        { header: 'What it holds', format: 'text' },
      ],
      rows: sheetsListed.map((s) => [s.sheet, s.what]),
    },
    listTop + 2,
    tableNames,
    coverWidths,
  );
  applyWidths(cover, coverWidths);
  progress(total, total);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
