import type { Cell, CellFormat } from '../domain/board-packs';

/**
 * How a pack's figure is written, the same on the screen and in the PDF
 * (the workbook keeps the number and gives Excel the matching format).
 */
export function formatCell(value: Cell, format: CellFormat): string {
  if (value === null) return '–';
  if (typeof value === 'string') return format === 'date' ? formatDate(value) : value;
  switch (format) {
    case 'integer':
      return Math.round(value).toLocaleString('en-GB');
    case 'share':
      return formatShare(value);
    case 'decimal':
      return Number.isInteger(value)
        ? value.toLocaleString('en-GB')
        : value.toLocaleString('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 2 });
    case 'pence':
      return `£${(value / 100).toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
    default:
      return String(value);
  }
}

/** Shares to one decimal place of a percent: 0.8 → "80.0%", -0.035 → "-3.5%". */
export function formatShare(value: number): string {
  return `${(Math.round(value * 1000) / 10).toFixed(1)}%`;
}

/** `2025-04-01` → `01/04/2025`, the UK way. */
export function formatDate(iso: string): string {
  if (!/^\d{4}-\d{2}-\d{2}/.test(iso)) return iso;
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

/** The sum shown in a totals row (and written as a formula in the workbook): numbers only. */
export function columnTotal(rows: readonly Cell[][], column: number): number {
  return rows.reduce<number>(
    (a, r) => a + (typeof r[column] === 'number' ? (r[column] as number) : 0),
    0,
  );
}
