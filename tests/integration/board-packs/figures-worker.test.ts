import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PackFigures } from '../../../src-shared/domain/board-packs';
import { openReadOnlyDatabase } from '../../../src-main/db/read-only';
import { workOutFigures } from '../../../src-main/services/board-packs/figures';
import { packRequest } from '../../../src-main/services/board-packs/packs';
import { ApiError } from '../../../src-shared/errors';
import { openTestApp, type TestApp } from '../../support/temp-db';
import { NOW, Q4, seedPackDataset } from './dataset';

let app: TestApp;
let packId: string;

beforeEach(async () => {
  app = await openTestApp({ clock: NOW, role: 'team_leader' });
  await app.signInAs('administrator', 'Test administrator');
  await seedPackDataset(app);
  await app.signInAs('team_leader');
  packId = (await app.call('boardPacks.create', { audience: 'board', period: Q4 })).id;
  await app.call('boardPacks.saveCommentary', { id: packId, section: 'kpis', text: 'Steady.' });
});
afterEach(() => app.close());

/** The figures worked out on this thread, through the same functions, for comparison. */
async function inThisThread(): Promise<PackFigures> {
  const ctx = await app.ctx();
  const row = await ctx.db
    .selectFrom('board_packs')
    .selectAll()
    .where('id', '=', packId)
    .executeTakeFirstOrThrow();
  return workOutFigures(ctx, packRequest(row));
}

describe('the figures are worked out in a worker thread', () => {
  it('gives the preview the same figures as the backend would, with the rows behind them counted', async () => {
    const preview = await app.call('boardPacks.figures', { id: packId });
    const here = await inThisThread();
    expect(preview.sections.map((s) => s.key)).toEqual(here.sections.map((s) => s.key));
    expect(preview.workedOutAt).toBe(here.workedOutAt);
    expect(preview.sections.find((s) => s.key === 'kpis')!.commentary).toBe('Steady.');
    for (const [i, section] of here.sections.entries()) {
      const shown = preview.sections[i]!;
      expect(shown.headlines).toEqual(section.headlines);
      for (const [j, table] of section.tables.entries()) {
        if (table.detail) {
          expect(shown.tables[j]!.rows).toEqual([]);
          expect(shown.tables[j]!.rowCount, table.title).toBe(table.rows.length);
        } else expect(shown.tables[j], table.title).toEqual(table);
      }
    }
    // The dataset has rows behind its figures, so the count above counted something.
    expect(here.sections.some((s) => s.tables.some((t) => t.detail && t.rows.length > 0))).toBe(
      true,
    );
  });

  it('sees a commentary saved a moment before (the worker reads what is committed)', async () => {
    await app.call('boardPacks.saveCommentary', { id: packId, section: 'kpis', text: 'Later.' });
    const preview = await app.call('boardPacks.figures', { id: packId });
    expect(preview.sections.find((s) => s.key === 'kpis')!.commentary).toBe('Later.');
  });

  it('answers a cheap call while the figures are still being worked out', async () => {
    let figuresDone = false;
    const figures = app.call('boardPacks.figures', { id: packId }).then((f) => {
      figuresDone = true;
      return f;
    });
    const now = await app.call('clock.now', {});
    expect(now).toBeTruthy();
    expect(figuresDone).toBe(false);
    expect((await figures).sections.length).toBeGreaterThan(0);
  });

  it('keeps our own errors across the thread, with their code and words', async () => {
    const error = await app
      .call('boardPacks.changes', { id: packId })
      .then(() => null)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('invalid');
    expect((error as ApiError).message).toMatch(/Only a finalised pack/);
    await expect(
      app.call('boardPacks.figures', { id: '01900000-0000-7000-8000-000000000000' }),
    ).rejects.toMatchObject({ code: 'not_found' });
  });

  it('freezes the figures the worker worked out when the pack is finalised', async () => {
    await app.call('boardPacks.finalise', { id: packId });
    const frozen = await app.call('boardPacks.figures', { id: packId });
    expect(frozen.workedOutAt).toBe(NOW);
    app.clock.set('2026-03-27T12:00:00.000Z');
    const again = await app.call('boardPacks.figures', { id: packId });
    expect(again.workedOutAt).toBe(NOW);
    const changes = await app.call('boardPacks.changes', { id: packId });
    expect(changes.finalisedAt).toBe(NOW);
  });

  it('reads through a connection that cannot write', async () => {
    const ro = openReadOnlyDatabase(app.backend.context.dbPath, app.backend.context.key);
    try {
      expect(ro.raw.prepare('SELECT count(*) AS n FROM board_packs').get()).toEqual({ n: 1 });
      expect(() => ro.raw.prepare(`DELETE FROM board_packs`).run()).toThrow(/readonly|read-only/i);
    } finally {
      await ro.close();
    }
  });
});
