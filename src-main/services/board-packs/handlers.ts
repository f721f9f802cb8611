import type { boardPacksApi } from '../../../src-shared/api/board-packs';
import type { HandlersFor } from '../context';
import { startJob } from '../jobs/jobs';
import { warmUp } from '../jobs/run-in-worker';
import { packChanges } from './changes';
import { buildPackFiles, exportSteps } from './export';
import { saveTarget, targetsFor } from './kpi-targets';
import {
  createPack,
  finalisePack,
  getPack,
  listPacks,
  packPreview,
  saveCommentary,
  updatePack,
} from './packs';

export const boardPacksHandlers: HandlersFor<typeof boardPacksApi> = {
  'boardPacks.list': async (ctx) => {
    // A pack opened from the list asks for its figures: have their worker loaded by then.
    warmUp('board-pack.figures');
    return listPacks(ctx);
  },
  'boardPacks.get': async (ctx, input) => {
    // The screen asks for the pack's figures next.
    warmUp('board-pack.figures');
    return getPack(ctx, input.id);
  },
  'boardPacks.create': (ctx, input) => createPack(ctx, input),
  'boardPacks.update': (ctx, input) => updatePack(ctx, input),
  'boardPacks.saveCommentary': (ctx, input) => saveCommentary(ctx, input),
  'boardPacks.figures': (ctx, input) => packPreview(ctx, input.id),
  'boardPacks.finalise': (ctx, input) => finalisePack(ctx, input.id),
  'boardPacks.changes': (ctx, input) => packChanges(ctx, input.id),
  'boardPacks.startExport': async (ctx, input) => {
    const pack = await getPack(ctx, input.id);
    const jobId = startJob(
      ctx,
      { kind: 'board-pack', title: pack.title, steps: exportSteps(input.formats) },
      async (job) => {
        const { sizes } = await buildPackFiles(
          ctx,
          job,
          { audience: pack.audience, period: pack.period },
          { kind: 'pack', id: input.id, preview: false },
          input.formats,
          pack.finalisedAt !== null,
        );
        return { sizes };
      },
    );
    return { jobId };
  },
  'boardPacks.targets': (ctx, input) => targetsFor(ctx, input.year),
  'boardPacks.saveTarget': (ctx, input) => saveTarget(ctx, input),
};
