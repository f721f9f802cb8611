import { sql } from 'kysely';
import type { FigureRow, GrantFigures } from '../../../src-shared/domain/grants';
import { londonDate } from '../../../src-shared/rules/working-days';
import type { AppContext } from '../context';

/*
 * The fund's figures for a period, for the fund's own screen and, later, a
 * board pack section: the applications received in the period, what was
 * asked, what was awarded to them and what has been paid against those
 * awards so far, by round, by area and by the Board priority they meet; and
 * the evaluations outstanding today. One grouped query by round, area and
 * priority together, rolled up three ways here, so the figures agree with
 * each other by construction.
 */

interface Cell {
  round_id: string;
  area_id: string | null;
  priority_id: string | null;
  applications: number;
  asked: number;
  awards: number;
  awarded: number;
  paid: number;
}

function rollUp(
  cells: Cell[],
  key: (c: Cell) => string | null,
  label: (k: string | null) => string,
): FigureRow[] {
  const rows = new Map<string | null, FigureRow>();
  for (const c of cells) {
    const k = key(c);
    const row =
      rows.get(k) ??
      ({
        key: k,
        label: label(k),
        applications: 0,
        askedPence: 0,
        awards: 0,
        awardedPence: 0,
        paidPence: 0,
      } satisfies FigureRow);
    row.applications += c.applications;
    row.askedPence += c.asked;
    row.awards += c.awards;
    row.awardedPence += c.awarded;
    row.paidPence += c.paid;
    rows.set(k, row);
  }
  return [...rows.values()].sort(
    (a, b) => b.awardedPence - a.awardedPence || a.label.localeCompare(b.label),
  );
}

export async function grantFigures(
  ctx: AppContext,
  from: string,
  to: string,
): Promise<GrantFigures> {
  const today = londonDate(ctx.clock.now());
  const cells = (
    await sql<Cell>`
      SELECT a.round_id, a.area_id, a.priority_id,
             count(*) AS applications,
             sum(a.amount_pence) AS asked,
             sum(a.decision = 'awarded') AS awards,
             coalesce(sum(CASE WHEN a.decision = 'awarded' THEN a.award_pence END), 0) AS awarded,
             sum(a.paid_pence) AS paid
        FROM grant_applications a
       WHERE a.deleted_at IS NULL AND a.received_on BETWEEN ${from} AND ${to}
       GROUP BY a.round_id, a.area_id, a.priority_id`.execute(ctx.db)
  ).rows.map((c) => ({
    ...c,
    applications: Number(c.applications),
    asked: Number(c.asked),
    awards: Number(c.awards),
    awarded: Number(c.awarded),
    paid: Number(c.paid),
  }));
  const [rounds, areas, priorities, evaluations] = await Promise.all([
    ctx.db.selectFrom('grant_rounds').select(['id', 'name']).execute(),
    ctx.db.selectFrom('areas').select(['id', 'name']).execute(),
    ctx.db.selectFrom('grant_priorities').select(['id', 'name']).execute(),
    sql<{ outstanding: number; overdue: number }>`
      SELECT count(*) AS outstanding, coalesce(sum(a.evaluation_due_on < ${today}), 0) AS overdue
        FROM grant_applications a
       WHERE a.deleted_at IS NULL AND a.decision = 'awarded' AND a.evaluated_on IS NULL
         AND a.evaluation_due_on IS NOT NULL`.execute(ctx.db),
  ]);
  const names = (list: { id: string; name: string }[], none: string) => {
    const m = new Map(list.map((r) => [r.id, r.name]));
    return (k: string | null) => (k ? (m.get(k) ?? 'Removed') : none);
  };
  const totals = rollUp(
    cells,
    () => null,
    () => 'All applications',
  )[0] ?? {
    key: null,
    label: 'All applications',
    applications: 0,
    askedPence: 0,
    awards: 0,
    awardedPence: 0,
    paidPence: 0,
  };
  const e = evaluations.rows[0]!;
  return {
    from,
    to,
    byRound: rollUp(cells, (c) => c.round_id, names(rounds, 'No round')),
    byArea: rollUp(cells, (c) => c.area_id, names(areas, 'No area given')),
    byPriority: rollUp(cells, (c) => c.priority_id, names(priorities, 'No priority given')),
    totals,
    evaluationsOutstanding: Number(e.outstanding),
    evaluationsOverdue: Number(e.overdue),
  };
}
