import type {
  FigureChange,
  PackChanges,
  PackFigures,
} from '../../../src-shared/domain/board-packs';
import { ApiError } from '../../../src-shared/errors';
import type { CallContext } from '../context';
import { askFigures } from './figures-in-worker';
import { decodeJson } from './figures-json';
import { liveFiguresHere, packFiguresHere } from './packs';

/**
 * What moved between the figures as reported and the figures today: each
 * cell of each summary table (not the rows behind them, which are listed
 * in full in the workbook), matched by section, table, row label and column.
 */
export function compareFigures(then: PackFigures, now: PackFigures): FigureChange[] {
  const changes: FigureChange[] = [];
  for (const section of then.sections) {
    const current = now.sections.find((s) => s.key === section.key);
    for (const table of section.tables) {
      if (table.detail) continue;
      const currentTable = current?.tables.find((t) => t.id === table.id);
      const currentRows = new Map(currentTable?.rows.map((r) => [String(r[0]), r]) ?? []);
      for (const rowThen of table.rows) {
        const label = String(rowThen[0]);
        const rowNow = currentRows.get(label);
        table.columns.forEach((column, i) => {
          if (i === 0) return;
          const a = rowThen[i] ?? null;
          const b = rowNow ? (rowNow[i] ?? null) : null;
          if (a === b) return;
          changes.push({
            section: section.title,
            table: table.title,
            row: label,
            column: column.header,
            then: a,
            now: b,
            change: typeof a === 'number' && typeof b === 'number' ? b - a : null,
          });
        });
      }
    }
  }
  return changes;
}

/** Runs where it is called: the worker thread of `askFigures`. */
export async function packChangesHere(ctx: CallContext, id: string): Promise<PackChanges> {
  const reported = await packFiguresHere(ctx, id);
  const row = await ctx.db
    .selectFrom('board_packs')
    .select('finalised_at')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  if (!row.finalised_at)
    throw ApiError.invalid('Only a finalised pack has figures as reported to compare with.');
  return {
    finalisedAt: row.finalised_at,
    changes: compareFigures(reported, await liveFiguresHere(ctx, id)),
  };
}

/** What moved since the pack was finalised, worked out in a worker thread. */
export async function packChanges(ctx: CallContext, id: string): Promise<PackChanges> {
  return decodeJson<PackChanges>(await askFigures(ctx, { kind: 'changes', id }));
}
