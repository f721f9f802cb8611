import type { PackFigures } from '../../../src-shared/domain/board-packs';
import type { JobControl } from '../jobs/jobs';
import { runInWorker } from '../jobs/run-in-worker';

export const PDF_MIME = 'application/pdf';
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const EXPORT_STEPS = {
  figures: 'Working out the figures',
  pdf: 'Laying out the PDF',
  xlsx: 'Writing the workbook',
  save: 'Saving the files',
} as const;

export type PackFormat = 'pdf' | 'xlsx';

export function packFileName(figures: PackFigures, format: PackFormat): string {
  const slug = `${figures.audience}-${figures.period.spec}`.replace(/[^A-Za-z0-9-]+/g, '-');
  return `board-pack-${slug}.${format}`;
}

/**
 * The pack's files, built in worker threads one after the other (the PDF,
 * then the workbook), and kept only once both are whole: a failure or a
 * cancel in either leaves no file at all.
 */
export async function buildPackFiles(
  job: JobControl,
  figures: () => Promise<PackFigures>,
  formats: readonly PackFormat[],
  final: boolean,
): Promise<{ figures: PackFigures; sizes: Record<string, number> }> {
  job.step(EXPORT_STEPS.figures);
  const worked = await figures();
  const built: { format: PackFormat; bytes: Uint8Array }[] = [];
  if (formats.includes('pdf')) {
    job.step(EXPORT_STEPS.pdf, 2);
    built.push({
      format: 'pdf',
      bytes: await runInWorker(job, 'board-pack.pdf', { figures: worked, final }),
    });
  }
  if (formats.includes('xlsx')) {
    job.step(EXPORT_STEPS.xlsx, worked.sections.length + 1);
    built.push({
      format: 'xlsx',
      bytes: await runInWorker(job, 'board-pack.xlsx', { figures: worked, final }),
    });
  }
  job.step(EXPORT_STEPS.save, built.length);
  const sizes: Record<string, number> = {};
  for (const [i, file] of built.entries()) {
    await job.keepFile(
      file.format,
      packFileName(worked, file.format),
      file.format === 'pdf' ? PDF_MIME : XLSX_MIME,
      file.bytes,
    );
    sizes[file.format] = file.bytes.byteLength;
    job.progress(i + 1);
  }
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
