import type { z } from 'zod';
import {
  audiences,
  type Audience,
  type BoardPack,
  type BoardPackSummary,
  type commentaryInput,
  type packCreateInput,
  type packUpdateInput,
  type PackFigures,
} from '../../../src-shared/domain/board-packs';
import { ApiError } from '../../../src-shared/errors';
import type { BoardPackRow } from '../../db/schema/board-packs';
import { demand, writing, type CallContext } from '../context';
import { defaultTitle, periodOf, workOutFigures, type PackRequest } from './figures';
import { askFigures } from './figures-in-worker';
import { decodeJson } from './figures-json';
import { availableSections, defaultSections, sectionInfo, waitingSections } from './sections';

function toSummary(row: BoardPackRow): BoardPackSummary {
  return {
    id: row.id,
    title: row.title,
    audience: row.audience as Audience,
    period: row.period_spec,
    periodLabel: periodOf(row.period_spec).label,
    finalisedAt: row.finalised_at,
    updatedAt: row.updated_at,
  };
}

async function staffName(ctx: CallContext, id: string | null): Promise<string | null> {
  if (!id) return null;
  const s = await ctx.db.selectFrom('staff').select('name').where('id', '=', id).executeTakeFirst();
  return s?.name ?? null;
}

async function packRow(ctx: CallContext, id: string): Promise<BoardPackRow> {
  const row = await ctx.db
    .selectFrom('board_packs')
    .selectAll()
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw ApiError.notFound('The board pack');
  return row;
}

export function packRequest(row: BoardPackRow): PackRequest {
  return {
    title: row.title,
    audience: row.audience as Audience,
    period: row.period_spec,
    sections: JSON.parse(row.sections) as string[],
    commentary: JSON.parse(row.commentary) as Record<string, string>,
  };
}

export async function getPack(ctx: CallContext, id: string): Promise<BoardPack> {
  const row = await packRow(ctx, id);
  const request = packRequest(row);
  return {
    ...toSummary(row),
    sections: [...request.sections],
    commentary: { ...request.commentary },
    finalisedBy: await staffName(ctx, row.finalised_by),
    available: availableSections,
    waiting: waitingSections,
  };
}

export async function listPacks(ctx: CallContext): Promise<BoardPackSummary[]> {
  const rows = await ctx.db
    .selectFrom('board_packs')
    .selectAll()
    .where('deleted_at', 'is', null)
    .orderBy('period_to', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map(toSummary);
}

export async function createPack(
  ctx: CallContext,
  input: z.output<typeof packCreateInput>,
): Promise<BoardPack> {
  demand(ctx, 'boardPacks.write');
  if (!audiences.includes(input.audience)) throw ApiError.invalid('Choose who the pack is for.');
  const period = periodOf(input.period);
  const id = await writing(ctx, (w) =>
    w.create('board_packs', {
      title: input.title || defaultTitle(input.audience, period),
      audience: input.audience,
      period_spec: period.spec,
      period_from: period.from,
      period_to: period.to,
      sections: JSON.stringify(defaultSections[input.audience]),
      commentary: '{}',
      finalised_at: null,
      finalised_by: null,
      frozen_figures: null,
    }),
  );
  return getPack(ctx, id);
}

function refuseIfFinal(row: BoardPackRow): void {
  if (row.finalised_at)
    throw new ApiError(
      'conflict',
      'This pack is finalised: what was reported stays as it was. Start a new pack to report again.',
    );
}

export async function updatePack(
  ctx: CallContext,
  input: z.output<typeof packUpdateInput>,
): Promise<BoardPack> {
  demand(ctx, 'boardPacks.write');
  const row = await packRow(ctx, input.id);
  refuseIfFinal(row);
  const patch: Partial<BoardPackRow> = {};
  if (input.title !== undefined) patch.title = input.title;
  if (input.period !== undefined) {
    const period = periodOf(input.period);
    Object.assign(patch, {
      period_spec: period.spec,
      period_from: period.from,
      period_to: period.to,
    });
  }
  if (input.sections !== undefined) {
    const unknown = input.sections.find((k) => !sectionInfo(k));
    if (unknown)
      throw ApiError.invalid(`The app has no section called "${unknown}".`, [
        { path: 'sections', message: `There is no section called "${unknown}".` },
      ]);
    if (new Set(input.sections).size !== input.sections.length)
      throw ApiError.invalid('A section can be in the pack once only.', [
        { path: 'sections', message: 'Each section once only.' },
      ]);
    patch.sections = JSON.stringify(input.sections);
  }
  await writing(ctx, (w) =>
    w.update('board_packs', input.id, patch, {
      ...(input.expectedUpdatedAt ? { expectedUpdatedAt: input.expectedUpdatedAt } : {}),
    }),
  );
  return getPack(ctx, input.id);
}

export async function saveCommentary(
  ctx: CallContext,
  input: z.output<typeof commentaryInput>,
): Promise<BoardPack> {
  demand(ctx, 'boardPacks.write');
  const row = await packRow(ctx, input.id);
  refuseIfFinal(row);
  if (!sectionInfo(input.section))
    throw ApiError.invalid(`The app has no section called "${input.section}".`);
  const commentary = JSON.parse(row.commentary) as Record<string, string>;
  const text = input.text.trim();
  if (text) commentary[input.section] = text;
  else delete commentary[input.section];
  await writing(ctx, (w) =>
    w.update('board_packs', input.id, { commentary: JSON.stringify(commentary) }),
  );
  return getPack(ctx, input.id);
}

/**
 * A draft's figures are worked out now; a finalised pack's are those
 * reported. Runs where it is called: the worker thread of `askFigures`.
 */
export async function packFiguresHere(
  ctx: CallContext,
  id: string,
  onSection?: (done: number, total: number) => void,
): Promise<PackFigures> {
  const row = await packRow(ctx, id);
  if (row.frozen_figures) return JSON.parse(row.frozen_figures) as PackFigures;
  return workOutFigures(ctx, packRequest(row), onSection);
}

/** The figures as they would be today, whether or not the pack is finalised (in the worker). */
export async function liveFiguresHere(ctx: CallContext, id: string): Promise<PackFigures> {
  return workOutFigures(ctx, packRequest(await packRow(ctx, id)));
}

/** The pack's figures as the screen shows them, worked out in a worker thread. */
export async function packPreview(ctx: CallContext, id: string): Promise<PackFigures> {
  await packRow(ctx, id);
  return decodeJson<PackFigures>(await askFigures(ctx, { kind: 'pack', id, preview: true }));
}

export async function finalisePack(ctx: CallContext, id: string): Promise<BoardPack> {
  const actor = demand(ctx, 'boardPacks.write');
  const row = await packRow(ctx, id);
  refuseIfFinal(row);
  // Worked out before the write, in a worker: no long work inside a transaction.
  const figures = await askFigures(ctx, { kind: 'request', request: packRequest(row) });
  await writing(ctx, (w) =>
    w.update(
      'board_packs',
      id,
      {
        frozen_figures: new TextDecoder().decode(figures),
        finalised_at: ctx.clock.now().toISOString(),
        finalised_by: actor.id,
      },
      { expectedUpdatedAt: row.updated_at },
    ),
  );
  return getPack(ctx, id);
}
