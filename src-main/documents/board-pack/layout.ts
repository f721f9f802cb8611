import type {
  Cell,
  PackChart,
  PackFigures,
  PackHeadline,
  PackTable,
} from '../../../src-shared/domain/board-packs';
import { formatCell } from '../../../src-shared/rules/pack-format';
import { CHAR_WIDTH, estimatedMeasure, wrapText, type Measure } from './measure';

/*
 * The pack's pages, laid out here rather than by react-pdf: its automatic
 * wrapping grows faster than the rows, and only by knowing every page in
 * advance can the contents page give page numbers. Tables are wrapped here
 * with the font's own widths (measure.ts) into lines of one fixed pitch, so
 * the PDF draws each column of a page as one run of text rather than a
 * box per cell (react-pdf's cost is per element); other heights are
 * estimated a little generously, so a page is never overfilled.
 */

export const PAGE = { width: 595.28, height: 841.89, marginX: 48, top: 64, bottom: 56 };
export const CONTENT_WIDTH = PAGE.width - PAGE.marginX * 2;
const CONTENT_HEIGHT = PAGE.height - PAGE.top - PAGE.bottom - 8;

export const FONT = { body: 10, table: 8.5, small: 8, heading: 15, subheading: 11.5 };
const LINE = 1.3;
export const CELL_PAD_X = 3;
export const CELL_PAD_Y = 3;
/** One line of a table cell. */
export const TABLE_LINE = FONT.table * LINE;
/** A table part never ends a page with fewer rows than this, nor starts one with fewer. */
const MIN_ROWS = 3;
/** The appendix prints at most this many rows of each table; the workbook has them all. */
export const APPENDIX_ROW_LIMIT = 1000;

export type Block =
  | { type: 'section'; title: string; key: string }
  | { type: 'paragraph'; text: string; tone: 'summary' | 'note' | 'commentary' | 'label' }
  | { type: 'headlines'; items: PackHeadline[] }
  | { type: 'chart'; chart: PackChart; height: number }
  | {
      type: 'table';
      table: PackTable;
      rows: Cell[][];
      widths: number[];
      /** Each row's cells as the lines they are set in (the row is as tall as its tallest cell). */
      lines: string[][][];
      /** The header's cells as lines. */
      head: string[][];
      continued: boolean;
      /** The table's last part carries its totals row and its note. */
      last: boolean;
      /** The totals row, on the table's last part. */
      totals: Cell[] | null;
      totalLines: string[][] | null;
    };

export interface LaidOutPage {
  kind: 'cover' | 'contents' | 'body';
  blocks: Block[];
}

export interface Layout {
  pages: LaidOutPage[];
  /** Section title and the page it starts on (1-based, counting the cover). */
  contents: { title: string; page: number }[];
}

function lines(text: string, width: number, size: number): number {
  const perLine = Math.max(1, Math.floor(width / (size * CHAR_WIDTH)));
  let count = 0;
  for (const paragraph of text.split('\n')) {
    let line = 0;
    let n = 1;
    for (const word of paragraph.split(/\s+/)) {
      const len = word.length;
      if (line === 0) line = len;
      else if (line + 1 + len <= perLine) line += 1 + len;
      else {
        n += 1;
        line = len;
      }
      while (line > perLine) {
        n += 1;
        line -= perLine;
      }
    }
    count += n;
  }
  return count;
}

export function textHeight(text: string, width: number, size: number): number {
  return lines(text, width, size) * size * LINE;
}

/**
 * Column widths: figures, dates and short labels get the width their
 * longest value (or header word) needs; text columns share what is left,
 * in proportion to their longest value.
 */
export function columnWidths(table: PackTable, measure: Measure = estimatedMeasure): number[] {
  const sample = table.rows.slice(0, 200);
  const pad = CELL_PAD_X * 2 + 0.5;
  const needs = table.columns.map((c, i) => {
    const texts = sample.map((r) => formatCell(r[i] ?? null, c.format));
    const longestValue = Math.max(0, ...texts.map((t) => t.length));
    const widest = Math.max(0, ...texts.map((t) => measure.width(t, FONT.table, false)));
    const headWord = Math.max(
      ...c.header.split(/\s+/).map((w) => measure.width(w, FONT.table, true)),
    );
    const longestWord = Math.max(
      0,
      ...texts.flatMap((t) => t.split(/\s+/).map((w) => measure.width(w, FONT.table, false))),
    );
    return {
      text: c.format === 'text' && longestValue > 14,
      /** Every value on one line. */
      full: Math.max(widest, headWord, 4 * FONT.table * CHAR_WIDTH) + pad,
      /** No word broken (a reference such as DCP-2026-0001/R1). */
      least: Math.min(Math.max(longestWord, headWord) + pad, CONTENT_WIDTH * 0.4),
    };
  });
  const widths = needs.map((n) => (n.text ? 0 : n.full));
  const fixed = widths.reduce((a, b) => a + b, 0);
  const flexible = needs.flatMap((n, i) => (n.text ? [i] : []));
  const room = CONTENT_WIDTH - fixed;
  if (flexible.length === 0) {
    // Only short columns: the first (the row's label) takes the spare width.
    widths[0] = widths[0]! + Math.max(0, room);
  } else {
    // Shared out evenly, shortest first: a column whose values all fit in less than its share
    // takes only what it needs, and the rest share what it leaves; none breaks a word.
    const order = [...flexible].sort((x, y) => needs[x]!.full - needs[y]!.full);
    let left = room;
    order.forEach((i, k) => {
      const n = needs[i]!;
      widths[i] = Math.max(n.least, Math.min(n.full, left / (order.length - k)));
      left -= widths[i]!;
    });
    if (left > 0) {
      const full = flexible.reduce((a, i) => a + needs[i]!.full, 0);
      for (const i of flexible) widths[i] = widths[i]! + (left * needs[i]!.full) / full;
    }
  }
  const sum = widths.reduce((a, b) => a + b, 0);
  return sum > CONTENT_WIDTH ? widths.map((w) => (w / sum) * CONTENT_WIDTH) : widths;
}

/** A row's cells as lines, each wrapped to its column. */
export function cellLines(
  texts: string[],
  widths: number[],
  bold: boolean,
  measure: Measure,
): string[][] {
  return texts.map((t, i) => wrapText(t, widths[i]! - CELL_PAD_X * 2, FONT.table, bold, measure));
}

export function rowLineCount(cells: string[][]): number {
  return Math.max(1, ...cells.map((c) => c.length));
}

function rowTexts(table: PackTable, row: Cell[]): string[] {
  return table.columns.map((c, i) => formatCell(row[i] ?? null, c.format));
}

/** A row (or the header) is as tall as its tallest cell, with the cells' padding. */
export function rowHeightOf(cells: string[][]): number {
  return rowLineCount(cells) * TABLE_LINE + CELL_PAD_Y * 2 + 1;
}

export function totalsRow(table: PackTable): Cell[] | null {
  if (!table.columns.some((c) => c.total) || table.rows.length === 0) return null;
  return table.columns.map((c, i) => {
    if (i === 0) return 'Total';
    if (!c.total) return null;
    return table.rows.reduce<number>(
      (a, r) => a + (typeof r[i] === 'number' ? (r[i] as number) : 0),
      0,
    );
  });
}

const TITLE_HEIGHT = FONT.subheading * LINE + 8;

export function chartHeight(chart: PackChart): number {
  const perBar = chart.bars.some((b) => b.target !== undefined && b.target !== null) ? 22 : 16;
  return 60 + chart.bars.length * perBar;
}

const MAX_CHART_HEIGHT = 560;

export function chartParts(chart: PackChart): PackChart[] {
  if (chart.bars.length === 0) return [];
  const perBar =
    chartHeight({ ...chart, bars: [chart.bars[0]!, chart.bars[0]!] }) -
    chartHeight({ ...chart, bars: [chart.bars[0]!] });
  const size = Math.max(1, Math.floor((MAX_CHART_HEIGHT - 60) / perBar));
  const parts: PackChart[] = [];
  for (let i = 0; i < chart.bars.length; i += size)
    parts.push({
      ...chart,
      title: i === 0 ? chart.title : `${chart.title} (continued)`,
      bars: chart.bars.slice(i, i + size),
    });
  return parts;
}

function blockHeight(block: Block): number {
  switch (block.type) {
    case 'section':
      return FONT.heading * LINE + 14;
    case 'paragraph': {
      const size = block.tone === 'note' ? FONT.small : FONT.body;
      return textHeight(block.text, CONTENT_WIDTH, size) + 8;
    }
    case 'headlines':
      return 58;
    case 'chart':
      return block.height + TITLE_HEIGHT + 10;
    case 'table': {
      let h = TITLE_HEIGHT + rowHeightOf(block.head) + 10;
      if (block.rows.length === 0) h += rowHeightOf([]);
      for (const r of block.lines) h += rowHeightOf(r);
      if (block.totalLines) h += rowHeightOf(block.totalLines);
      if (block.table.note && block.last)
        h += textHeight(block.table.note, CONTENT_WIDTH, FONT.small) + 4;
      return h;
    }
  }
}

class PageFiller {
  constructor(readonly measure: Measure) {}
  pages: LaidOutPage[] = [];
  private current: LaidOutPage | null = null;
  private used = 0;

  newPage(): void {
    this.current = { kind: 'body', blocks: [] };
    this.pages.push(this.current);
    this.used = 0;
  }

  get room(): number {
    return CONTENT_HEIGHT - this.used;
  }

  get pageIndex(): number {
    return this.pages.length - 1;
  }

  get isFresh(): boolean {
    return this.used === 0;
  }

  add(block: Block, keepWithNext = 0): void {
    const h = blockHeight(block);
    if (!this.current || (h + keepWithNext > this.room && !this.isFresh)) this.newPage();
    this.current!.blocks.push(block);
    this.used += h;
  }

  /** A table, split across pages with its header repeated and no orphaned rows. */
  addTable(table: PackTable, rowLimit = Infinity): void {
    const { measure } = this;
    const widths = columnWidths(table, measure);
    const rows = table.rows.slice(0, rowLimit);
    const totals = totalsRow(table);
    const head = cellLines(
      table.columns.map((c) => c.header),
      widths,
      true,
      measure,
    );
    const totalLines = totals ? cellLines(rowTexts(table, totals), widths, true, measure) : null;
    const lines = rows.map((r) => cellLines(rowTexts(table, r), widths, false, measure));
    const heights = lines.map(rowHeightOf);
    const top = TITLE_HEIGHT + rowHeightOf(head) + 10;
    const noteHeight = table.note ? textHeight(table.note, CONTENT_WIDTH, FONT.small) + 4 : 0;
    const tail = (totalLines ? rowHeightOf(totalLines) : 0) + noteHeight;
    const part = (start: number, end: number, continued: boolean, last: boolean): Block => ({
      type: 'table',
      table,
      rows: rows.slice(start, end),
      lines: lines.slice(start, end),
      widths,
      head,
      continued,
      last,
      totals: last ? totals : null,
      totalLines: last ? totalLines : null,
    });
    if (rows.length === 0) {
      this.add(part(0, 0, false, true));
      return;
    }
    let start = 0;
    let continued = false;
    while (start < rows.length) {
      if (!this.current) this.newPage();
      let room = this.room - top;
      let end = start;
      while (end < rows.length && heights[end]! <= room) {
        room -= heights[end]!;
        end += 1;
      }
      // The last part must also hold the totals and the note.
      if (end === rows.length && tail > room) end -= 1;
      const remaining = rows.length - end;
      if (remaining > 0 && remaining < MIN_ROWS) end = Math.max(start, rows.length - MIN_ROWS);
      const fitted = end - start;
      if (fitted < Math.min(MIN_ROWS, rows.length - start) && !this.isFresh) {
        this.newPage();
        continue;
      }
      if (fitted <= 0) end = start + 1; // a row taller than a page: shown as far as it fits
      const last = end >= rows.length;
      this.current!.blocks.push(part(start, end, continued, last));
      this.used += top + heights.slice(start, end).reduce((a, b) => a + b, 0) + (last ? tail : 0);
      start = end;
      continued = true;
      if (!last) this.newPage();
    }
  }
}

/** Said under a table the PDF cuts short: how many more rows there are, and where. */
export function cappedNote(table: PackTable, limit: number): string {
  const more = table.rows.length - limit;
  const said = `The first ${limit.toLocaleString('en-GB')} of ${table.rows.length.toLocaleString('en-GB')}, and ${more.toLocaleString('en-GB')} more, in the workbook.`;
  return table.note ? `${said} ${table.note}` : said;
}

/** Lays out the whole pack: cover, contents, each section, then the appendix. */
export function layOutPack(figures: PackFigures, measure: Measure = estimatedMeasure): Layout {
  const filler = new PageFiller(measure);
  const starts: { title: string; index: number }[] = [];
  for (const section of figures.sections) {
    filler.newPage();
    starts.push({ title: section.title, index: filler.pageIndex });
    filler.add({ type: 'section', title: section.title, key: section.key });
    if (section.summary) filler.add({ type: 'paragraph', text: section.summary, tone: 'summary' });
    if (section.headlines.length) filler.add({ type: 'headlines', items: section.headlines });
    if (section.commentary) {
      filler.add({ type: 'paragraph', text: 'Commentary', tone: 'label' }, 40);
      for (const paragraph of section.commentary.split(/\n{2,}/))
        filler.add({ type: 'paragraph', text: paragraph, tone: 'commentary' });
    }
    for (const chart of section.charts) {
      // A chart never splits across a page: a long one is drawn in parts that each fit.
      for (const part of chartParts(chart))
        filler.add({ type: 'chart', chart: part, height: chartHeight(part) });
    }
    for (const table of section.tables.filter((t) => !t.detail)) {
      const limit = table.pdfRowLimit ?? Infinity;
      filler.addTable(
        table.rows.length > limit ? { ...table, note: cappedNote(table, limit) } : table,
        limit,
      );
    }
    for (const note of section.notes) filler.add({ type: 'paragraph', text: note, tone: 'note' });
  }
  if (figures.appendix) {
    filler.newPage();
    starts.push({ title: 'Appendix: the rows behind the figures', index: filler.pageIndex });
    filler.add({
      type: 'section',
      title: 'Appendix: the rows behind the figures',
      key: 'appendix',
    });
    filler.add({
      type: 'paragraph',
      text: `Each table lists the records behind a section's counts, up to ${APPENDIX_ROW_LIMIT.toLocaleString('en-GB')} rows; the workbook has every row, on its own sheet.`,
      tone: 'summary',
    });
    for (const section of figures.sections) {
      for (const table of section.tables.filter((t) => t.detail)) {
        const shown =
          table.rows.length > APPENDIX_ROW_LIMIT
            ? {
                ...table,
                note: `The first ${APPENDIX_ROW_LIMIT.toLocaleString('en-GB')} of ${table.rows.length.toLocaleString('en-GB')} rows; the workbook has them all.`,
              }
            : table;
        filler.addTable(shown, APPENDIX_ROW_LIMIT);
      }
    }
  }
  // Cover and contents come first; the contents may take more than one page.
  const contentsPerPage = 34;
  const contentsPages = Math.max(1, Math.ceil(starts.length / contentsPerPage));
  const offset = 1 + contentsPages;
  const pages: LaidOutPage[] = [
    { kind: 'cover', blocks: [] },
    ...Array.from({ length: contentsPages }, () => ({ kind: 'contents' as const, blocks: [] })),
    ...filler.pages,
  ];
  return {
    pages,
    contents: starts.map((s) => ({ title: s.title, page: s.index + offset + 1 })),
  };
}
