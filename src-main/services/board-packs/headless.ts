import { copyFile, rename, rm } from 'node:fs/promises';
import { audiences, type Audience, type PackFigures } from '../../../src-shared/domain/board-packs';
import type { JobStatus } from '../../../src-shared/domain/jobs';
import { ApiError } from '../../../src-shared/errors';
import type { CallContext } from '../context';
import { partName } from '../jobs/atomic-file';
import { discardJob, jobEnded, jobFilePath, jobStatus, startJob } from '../jobs/jobs';
import { buildPackFiles, exportSteps, type PackFormat } from './export';
import { defaultTitle, periodOf } from './figures';
import { decodeJson } from './figures-json';
import { defaultSections } from './sections';

export interface HeadlessPackRequest {
  audience: string;
  period: string;
  /** Where to write each file; a format not named is not built. */
  outputs: Partial<Record<PackFormat, string>>;
  onProgress?: (status: JobStatus) => void;
}

/**
 * Builds a pack with the audience's default sections and no commentary,
 * without saving a pack record: the CLI's scheduled run. The same job,
 * workers and files as the app's export.
 */
export async function buildPackHeadless(
  ctx: CallContext,
  request: HeadlessPackRequest,
): Promise<{ figures: PackFigures; status: JobStatus }> {
  if (!audiences.includes(request.audience as Audience))
    throw ApiError.invalid(
      `There is no audience called "${request.audience}". Choose one of: ${audiences.join(', ')}.`,
      [{ path: 'audience', message: `Unknown audience "${request.audience}".` }],
    );
  const audience = request.audience as Audience;
  const period = periodOf(request.period);
  const formats = (Object.keys(request.outputs) as PackFormat[]).filter((f) => request.outputs[f]);
  if (formats.length === 0)
    throw ApiError.invalid('Say where to write the PDF, the workbook or both.');
  let figures: PackFigures | null = null;
  const id = startJob(
    ctx,
    { kind: 'board-pack', title: defaultTitle(audience, period), steps: exportSteps(formats) },
    async (job) => {
      const built = await buildPackFiles(
        ctx,
        job,
        { audience, period: period.spec },
        {
          kind: 'request',
          request: {
            title: defaultTitle(audience, period),
            audience,
            period: period.spec,
            sections: defaultSections[audience],
            commentary: {},
          },
        },
        formats,
        false,
      );
      figures = decodeJson<PackFigures>(built.figures);
      return built.sizes;
    },
  );
  const timer = request.onProgress
    ? setInterval(() => request.onProgress!(jobStatus(ctx, id)), 250)
    : null;
  const status = await jobEnded(ctx, id);
  if (timer) clearInterval(timer);
  if (status.state !== 'done' || !figures) {
    await discardJob(ctx, id);
    throw new ApiError(
      'internal',
      status.failure
        ? `The pack failed at "${status.failure.step}": ${status.failure.message}`
        : 'The pack was cancelled.',
    );
  }
  try {
    for (const format of formats) {
      // Copied whole under a temporary name, then renamed: never a half-written file at the destination.
      const target = request.outputs[format]!;
      const part = partName(target);
      try {
        await copyFile(jobFilePath(ctx, id, format), part);
        await rename(part, target);
      } catch (error) {
        await rm(part, { force: true });
        throw error;
      }
    }
  } finally {
    await discardJob(ctx, id);
  }
  return { figures, status };
}
