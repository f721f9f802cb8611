import { Font } from '@react-pdf/renderer';
import { PACK_FONT, registerPackFonts } from './fonts';

/** How wide a run of text is set, in points. */
export interface Measure {
  width(text: string, size: number, bold: boolean): number;
  /** The loaded font itself, for text drawn straight onto a page (PDFKit takes it as it is). */
  font?(bold: boolean): unknown;
}

/** Average advance of DejaVu Sans, as a share of the font size (generous). */
export const CHAR_WIDTH = 0.6;

/** Without the font at hand (a layout worked out for its page count alone): every character its average width. */
export const estimatedMeasure: Measure = {
  width: (text, size) => text.length * size * CHAR_WIDTH,
};

interface GlyphFont {
  unitsPerEm: number;
  glyphForCodePoint(codePoint: number): { advanceWidth: number };
}

/**
 * The embedded font's own advance widths, so a table's cells are wrapped
 * here exactly as the PDF sets them (pdf-table.ts draws each line where
 * the layout put it; kerning only narrows DejaVu's pairs).
 */
export async function fontMeasure(): Promise<Measure> {
  registerPackFonts();
  const load = async (fontWeight: 'normal' | 'bold') => {
    const descriptor = { fontFamily: PACK_FONT, fontWeight };
    await Font.load(descriptor);
    return Font.getFont(descriptor).data as unknown as GlyphFont;
  };
  const [regular, bold] = await Promise.all([load('normal'), load('bold')]);
  const advances = [regular, bold].map((font) => {
    const known = new Map<number, number>();
    return (codePoint: number) => {
      let em = known.get(codePoint);
      if (em === undefined) {
        em = font.glyphForCodePoint(codePoint).advanceWidth / font.unitsPerEm;
        known.set(codePoint, em);
      }
      return em;
    };
  });
  return {
    font: (isBold) => (isBold ? bold : regular),
    width(text, size, isBold) {
      const advance = advances[isBold ? 1 : 0]!;
      let em = 0;
      for (let i = 0; i < text.length; i += 1) {
        const code = text.codePointAt(i)!;
        if (code > 0xffff) i += 1;
        em += advance(code);
      }
      return em * size;
    },
  };
}

/**
 * A cell's text broken into the lines it is set in: at spaces where it
 * can, inside a word only where the word alone is wider than the column.
 */
export function wrapText(
  text: string,
  width: number,
  size: number,
  bold: boolean,
  measure: Measure,
): string[] {
  const out: string[] = [];
  const space = measure.width(' ', size, bold);
  for (const paragraph of text.split('\n')) {
    let line = '';
    let used = 0;
    for (const word of paragraph.split(/ +/)) {
      if (word === '') continue;
      let w = measure.width(word, size, bold);
      if (line && used + space + w <= width) {
        line += ` ${word}`;
        used += space + w;
        continue;
      }
      if (line) out.push(line);
      line = word;
      used = w;
      // A word wider than the column is cut where it reaches the edge.
      while (used > width && line.length > 1) {
        let cut = line.length - 1;
        while (cut > 1 && measure.width(line.slice(0, cut), size, bold) > width) cut -= 1;
        out.push(line.slice(0, cut));
        line = line.slice(cut);
        w = measure.width(line, size, bold);
        used = w;
      }
    }
    out.push(line);
  }
  return out;
}
