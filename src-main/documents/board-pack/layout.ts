import type {
  Cell,
  PackChart,
  PackFigures,
  PackHeadline,
  PackTable,
} from '../../../src-shared/domain/board-packs';
import { formatCell } from '../../../src-shared/rules/pack-format';

/*
 * The pack's pages, laid out here rather than by react-pdf: its automatic
 * wrapping grows faster than the rows, and only by knowing every page in
 * advance can the contents page give page numbers. Heights are estimated a
 * little generously from the font's average character width, so a page is
 * never overfilled.
 */

export const PAGE = { width: 595.28, height: 841.89, marginX: 48, top: 64, bottom: 56 };
export const CONTENT_WIDTH = PAGE.width - PAGE.marginX * 2;
const CONTENT_HEIGHT = PAGE.height - PAGE.top - PAGE.bottom - 8;

export const FONT = { body: 10, table: 8.5, small: 8, heading: 15, subheading: 11.5 };
/** Average advance of DejaVu Sans, as a share of the font size (generous). */
const CHAR_WIDTH = 0.6;
const LINE = 1.3;
const CELL_PAD_X = 4;
const CELL_PAD_Y = 3;
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
      continued: boolean;
      /** The table's last part carries its totals row and its note. */
      last: boolean;
      /** The totals row, on the table's last part. */
      totals: Cell[] | null;
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
export function columnWidths(table: PackTable): number[] {
  const sample = table.rows.slice(0, 200);
  const charPt = FONT.table * CHAR_WIDTH;
  const pad = CELL_PAD_X * 2 + 2;
  const needs = table.columns.map((c, i) => {
    const longestValue = Math.max(
      0,
      ...sample.map((r) => formatCell(r[i] ?? null, c.format).length),
    );
    const longestWord = Math.max(...c.header.split(/\s+/).map((w) => w.length));
    return { longestValue, longestWord, text: c.format === 'text' && longestValue > 14 };
  });
  const widths = needs.map((n) =>
    n.text ? 0 : Math.max(n.longestValue, n.longestWord, 4) * charPt + pad,
  );
  const fixed = widths.reduce((a, b) => a + b, 0);
  const flexible = needs.filter((n) => n.text);
  if (flexible.length === 0) {
    // Only short columns: the first (the row's label) takes the spare width.
    widths[0] = widths[0]! + Math.max(0, CONTENT_WIDTH - fixed);
  } else {
    const room = Math.max(CONTENT_WIDTH - fixed, flexible.length * 60);
    const weight = flexible.reduce((a, n) => a + Math.min(n.longestValue, 80), 0);
    needs.forEach((n, i) => {
      if (n.text) widths[i] = (Math.min(n.longestValue, 80) / weight) * room;
    });
  }
  const sum = widths.reduce((a, b) => a + b, 0);
  return sum > CONTENT_WIDTH ? widths.map((w) => (w / sum) * CONTENT_WIDTH) : widths;
}

function rowHeight(cells: string[], widths: number[], size: number): number {
  const tallest = Math.max(1, ...cells.map((t, i) => lines(t, widths[i]! - CELL_PAD_X * 2, size)));
  return tallest * size * LINE + CELL_PAD_Y * 2 + 1;
}

function tableRowHeight(table: PackTable, row: Cell[], widths: number[]): number {
  return rowHeight(
    table.columns.map((c, i) => formatCell(row[i] ?? null, c.format)),
    widths,
    FONT.table,
  );
}

function headerHeight(table: PackTable, widths: number[]): number {
  return rowHeight(
    table.columns.map((c) => c.header),
    widths,
    FONT.table,
  );
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
      let h = TITLE_HEIGHT + headerHeight(block.table, block.widths) + 10;
      for (const r of block.rows) h += tableRowHeight(block.table, r, block.widths);
      if (block.totals) h += tableRowHeight(block.table, block.totals, block.widths);
      if (block.table.note && block.last)
        h += textHeight(block.table.note, CONTENT_WIDTH, FONT.small) + 4;
      return h;
    }
  }
}

class PageFiller {
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
    const widths = columnWidths(table);
    const rows = table.rows.slice(0, rowLimit);
    const totals = totalsRow(table);
    const head = TITLE_HEIGHT + headerHeight(table, widths) + 10;
    const heights = rows.map((r) => tableRowHeight(table, r, widths));
    const noteHeight = table.note ? textHeight(table.note, CONTENT_WIDTH, FONT.small) + 4 : 0;
    const tail = (totals ? tableRowHeight(table, totals, widths) : 0) + noteHeight;
    let start = 0;
    let continued = false;
    if (rows.length === 0) {
      this.add({
        type: 'table',
        table,
        rows: [],
        widths,
        continued: false,
        last: true,
        totals: null,
      });
      return;
    }
    while (start < rows.length) {
      if (!this.current) this.newPage();
      let room = this.room - head;
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
      const block: Block = {
        type: 'table',
        table,
        rows: rows.slice(start, end),
        widths,
        continued,
        last,
        totals: last ? totals : null,
      };
      this.current!.blocks.push(block);
      this.used += head + heights.slice(start, end).reduce((a, b) => a + b, 0) + (last ? tail : 0);
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
export function layOutPack(figures: PackFigures): Layout {
  const filler = new PageFiller();
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
