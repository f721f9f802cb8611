import { renderToBuffer } from '@react-pdf/renderer';
import { figuresOf, type FiguresOrBytes } from '../../services/board-packs/figures-json';
import type { TaskProgress } from '../../services/jobs/cpu-tasks';
import { registerPackFonts } from './fonts';
import { layOutPack } from './layout';
import { fontMeasure } from './measure';
import { PackPdf } from './pdf-document';

export interface PackPdfInput {
  figures: FiguresOrBytes;
  final: boolean;
}

/** Lays out and renders the pack's PDF (in a worker thread: see services/jobs/run-in-worker.ts). */
export async function renderPackPdf(
  input: PackPdfInput,
  progress: TaskProgress,
): Promise<Uint8Array> {
  registerPackFonts();
  progress(0, 2);
  const figures = figuresOf(input.figures);
  const measure = await fontMeasure();
  const layout = layOutPack(figures, measure);
  progress(1, 2);
  const bytes = await renderToBuffer(
    <PackPdf figures={figures} layout={layout} final={input.final} measure={measure} />,
  );
  progress(2, 2);
  return bytes;
}
