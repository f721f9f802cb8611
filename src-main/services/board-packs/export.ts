import { recordAudit } from '../privacy/audit';
import { requireActor, type CallContext } from '../context';
import type { JobControl } from '../jobs/jobs';
import { runInWorker } from '../jobs/run-in-worker';
import { askFigures } from './figures-in-worker';
import type { FiguresQuestion } from './figures-task';

export const PDF_MIME = 'application/pdf';
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const EXPORT_STEPS = {
  figures: 'Working out the figures',
  pdf: 'Laying out the PDF',
  xlsx: 'Writing the workbook',
  save: 'Saving the files',
} as const;

export type PackFormat = 'pdf' | 'xlsx';

/** What names the pack's files: known before its figures are. */
export interface PackNaming {
  audience: string;
  period: string;
}

export function packFileName(pack: PackNaming, format: PackFormat): string {
  const slug = `${pack.audience}-${pack.period}`.replace(/[^A-Za-z0-9-]+/g, '-');
  return `board-pack-${slug}.${format}`;
}

/**
 * The pack's files, built in worker threads one after the other (the
 * figures, the PDF, then the workbook), and kept only once both are whole: a
 * failure or a cancel in any leaves no file at all. The figures travel
 * between the workers as JSON bytes, never decoded on this thread.
 */
export async function buildPackFiles(
  ctx: CallContext,
  job: JobControl,
  naming: PackNaming,
  figures: FiguresQuestion,
  formats: readonly PackFormat[],
  final: boolean,
): Promise<{ figures: Uint8Array; sizes: Record<string, number> }> {
  job.step(EXPORT_STEPS.figures);
  const worked = await askFigures(ctx, figures, job);
  const built: { format: PackFormat; bytes: Uint8Array }[] = [];
  if (formats.includes('pdf')) {
    job.step(EXPORT_STEPS.pdf, 2);
    built.push({
      format: 'pdf',
      bytes: (await runInWorker(job, 'board-pack.pdf', { figures: worked, final })).bytes,
    });
  }
  if (formats.includes('xlsx')) {
    job.step(EXPORT_STEPS.xlsx);
    built.push({
      format: 'xlsx',
      bytes: (await runInWorker(job, 'board-pack.xlsx', { figures: worked, final })).bytes,
    });
  }
  job.step(EXPORT_STEPS.save, built.length);
  const sizes: Record<string, number> = {};
  for (const [i, file] of built.entries()) {
    await job.keepFile(
      file.format,
      packFileName(naming, file.format),
      file.format === 'pdf' ? PDF_MIME : XLSX_MIME,
      file.bytes,
    );
    sizes[file.format] = file.bytes.byteLength;
    job.progress(i + 1);
  }
  // Its equality figures are counts with small numbers suppressed, so no special class.
  recordAudit(ctx, requireActor(ctx).id, {
    action: 'export',
    what: `Board pack (${naming.audience}, ${naming.period}) as ${built.map((b) => b.format.toUpperCase()).join(' and ')}${final ? ', final' : ', draft'}`,
  });
  return { figures: worked, sizes };
}

export function exportSteps(formats: readonly PackFormat[]): string[] {
  return [
    EXPORT_STEPS.figures,
    ...(formats.includes('pdf') ? [EXPORT_STEPS.pdf] : []),
    ...(formats.includes('xlsx') ? [EXPORT_STEPS.xlsx] : []),
    EXPORT_STEPS.save,
  ];
}
