import type { PackFigures } from '../../../src-shared/domain/board-packs';

export function encodeJson(value: unknown): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(value));
}

export function decodeJson<T>(bytes: Uint8Array): T {
  return JSON.parse(new TextDecoder().decode(bytes)) as T;
}

/** Figures handed to a document task either as they are or as the JSON bytes a worker sent. */
export type FiguresOrBytes = PackFigures | Uint8Array;

export function figuresOf(input: FiguresOrBytes): PackFigures {
  return input instanceof Uint8Array ? decodeJson<PackFigures>(input) : input;
}

/**
 * The screen lists the rows behind a figure by count only (they are in the
 * workbook), and shows a long list only as far as the PDF prints it: the
 * preview carries the counts, not thousands of rows.
 */
export function forPreview(figures: PackFigures): PackFigures {
  return {
    ...figures,
    sections: figures.sections.map((s) => ({
      ...s,
      tables: s.tables.map((t) => {
        if (t.detail) return { ...t, rows: [], rowCount: t.rows.length };
        if (t.pdfRowLimit !== undefined && t.rows.length > t.pdfRowLimit)
          return { ...t, rows: t.rows.slice(0, t.pdfRowLimit), rowCount: t.rows.length };
        return t;
      }),
    })),
  };
}
