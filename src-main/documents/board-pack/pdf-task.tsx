import { renderToBuffer } from '@react-pdf/renderer';
import type { PackFigures } from '../../../src-shared/domain/board-packs';
import type { TaskProgress } from '../../services/jobs/cpu-tasks';
import { registerPackFonts } from './fonts';
import { layOutPack } from './layout';
import { PackPdf } from './pdf-document';

export interface PackPdfInput {
  figures: PackFigures;
  final: boolean;
}

/** Lays out and renders the pack's PDF (in a worker thread: see services/jobs/run-in-worker.ts). */
export async function renderPackPdf(
  input: PackPdfInput,
  progress: TaskProgress,
): Promise<Uint8Array> {
  registerPackFonts();
  progress(0, 2);
  const layout = layOutPack(input.figures);
  progress(1, 2);
  const bytes = await renderToBuffer(
    <PackPdf figures={input.figures} layout={layout} final={input.final} />,
  );
  progress(2, 2);
  return bytes;
}
