import { Canvas, Text, View } from '@react-pdf/renderer';
import { packFontFiles } from './fonts';
import { CELL_PAD_X, CELL_PAD_Y, FONT, TABLE_LINE, rowHeightOf, type Block } from './layout';
import type { Measure } from './measure';
import { ink, muted, numeric, ragStyle, rule, s } from './pdf-styles';

/** The few drawing calls of react-pdf's canvas painter (PDFKit's own, passed through) a table uses. */
interface Painter {
  font(src: unknown): Painter;
  fontSize(size: number): Painter;
  fillColor(color: string): Painter;
  strokeColor(color: string): Painter;
  lineWidth(width: number): Painter;
  rect(x: number, y: number, w: number, h: number): Painter;
  fill(color?: string): Painter;
  moveTo(x: number, y: number): Painter;
  lineTo(x: number, y: number): Painter;
  stroke(): Painter;
  text(text: string, x: number, y: number, options: { lineBreak: false }): Painter;
}

/** DejaVu Sans sets its glyphs in 1.164 em (ascender to descender): centred in a table line. */
const GLYPH_TOP = (TABLE_LINE - FONT.table * 1.164) / 2;

type TableBlock = Extract<Block, { type: 'table' }>;

/**
 * One page's part of a table, drawn straight onto the page as lines of
 * text already wrapped in layout.ts: react-pdf's cost is per element (a
 * box and a text for every cell made the ten-year appendix take most of a
 * minute), so the part is one canvas, whatever its rows.
 */
export function TablePart({ block, measure }: { block: TableBlock; measure: Measure }) {
  const { table, widths, lines } = block;
  const width = widths.reduce((a, b) => a + b, 0);
  const xs = widths.map((_, i) => widths.slice(0, i).reduce((a, b) => a + b, 0));
  const head = rowHeightOf(block.head);
  const heights = lines.map(rowHeightOf);
  const body = heights.reduce((a, b) => a + b, 0) || rowHeightOf([]);
  const totals = block.totalLines ? rowHeightOf(block.totalLines) : 0;
  const height = head + body + totals;
  const ragAt = table.columns.findIndex((c) => c.format === 'rag');

  const paint = (p: Painter) => {
    // PDFKit compares the whole font each time one is chosen: each weight is chosen once a part.
    const regular = measure.font?.(false) ?? packFontFiles().regular;
    const bold = measure.font?.(true) ?? packFontFiles().bold;
    const put = (cell: string[], i: number, top: number, isBold: boolean) => {
      const right = numeric.has(table.columns[i]!.format);
      cell.forEach((line, k) => {
        const x = right
          ? xs[i]! + widths[i]! - CELL_PAD_X - measure.width(line, FONT.table, isBold)
          : xs[i]! + CELL_PAD_X;
        p.text(line, x, top + CELL_PAD_Y + k * TABLE_LINE + GLYPH_TOP, { lineBreak: false });
      });
    };
    const tops: number[] = [];
    let y = head;
    for (const h of heights) {
      tops.push(y);
      y += h;
    }
    const rags = (row: string[][]) => (ragAt >= 0 ? ragStyle[row[ragAt]![0] ?? ''] : undefined);

    p.rect(0, 0, width, head).fill('#e6ebee');
    lines.forEach((row, ri) => {
      const rag = rags(row);
      if (rag)
        p.rect(xs[ragAt]!, tops[ri]!, widths[ragAt]!, heights[ri]! - 0.5).fill(rag.backgroundColor);
    });

    p.font(regular).fontSize(FONT.table).fillColor(ink);
    if (lines.length === 0)
      p.text('None in the period.', CELL_PAD_X, head + CELL_PAD_Y + GLYPH_TOP, {
        lineBreak: false,
      });
    lines.forEach((row, ri) =>
      row.forEach((cell, i) => {
        if (i !== ragAt || !rags(row)) put(cell, i, tops[ri]!, false);
      }),
    );

    p.font(bold).fontSize(FONT.table).fillColor(ink);
    block.head.forEach((cell, i) => put(cell, i, 0, true));
    if (block.totalLines) block.totalLines.forEach((cell, i) => put(cell, i, head + body, true));
    lines.forEach((row, ri) => {
      const rag = rags(row);
      if (!rag) return;
      p.fillColor(rag.color);
      put(row[ragAt]!, ragAt, tops[ri]!, true);
    });

    p.lineWidth(0.5).strokeColor(rule);
    for (let i = 0; i < tops.length; i += 1)
      p.moveTo(0, tops[i]! + heights[i]!).lineTo(width, tops[i]! + heights[i]!);
    if (tops.length) p.stroke();
    p.lineWidth(1).strokeColor(muted).moveTo(0, head).lineTo(width, head).stroke();
    if (block.totalLines)
      p.lineWidth(1)
        .strokeColor(ink)
        .moveTo(0, head + body)
        .lineTo(width, head + body)
        .stroke();
    return null;
  };

  return (
    <View style={{ marginBottom: 10 }}>
      <Text style={s.tableTitle}>
        {table.title}
        {block.continued ? ' (continued)' : ''}
      </Text>
      <Canvas style={{ width, height }} paint={paint as (p: unknown) => null} />
      {block.last && table.note ? (
        <Text style={[s.note, { marginTop: 4 }]}>{table.note}</Text>
      ) : null}
    </View>
  );
}
