/*
 * Neighbourhood audits score each checklist item in each area visited (0 to
 * the item's maximum). An area's total is the sum of its items' scores over
 * the sum of their maximums, as a whole percentage rounded down; items not
 * scored (null) are left out of both, so a missing item does not count as 0.
 * Visits are compared area by area and item by item, on the same names.
 */

export interface AuditScore {
  area: string;
  item: string;
  score: number | null;
  maxScore: number;
}

export interface AreaTotal {
  area: string;
  score: number;
  max: number;
  percent: number | null;
  scored: number;
  unscored: number;
}

export function areaTotals(scores: readonly AuditScore[]): AreaTotal[] {
  const byArea = new Map<string, AreaTotal>();
  for (const s of scores) {
    const t = byArea.get(s.area) ?? {
      area: s.area,
      score: 0,
      max: 0,
      percent: null,
      scored: 0,
      unscored: 0,
    };
    if (s.score === null) t.unscored += 1;
    else {
      t.score += s.score;
      t.max += s.maxScore;
      t.scored += 1;
    }
    byArea.set(s.area, t);
  }
  return [...byArea.values()]
    .map((t) => ({ ...t, percent: t.max ? Math.floor((t.score * 100) / t.max) : null }))
    .sort((a, b) => a.area.localeCompare(b.area));
}

export interface AreaComparison {
  area: string;
  percent: number | null;
  previousPercent: number | null;
  /** Percentage points up (positive) or down since the previous visit; null when either is unscored. */
  change: number | null;
}

export function compareVisits(
  current: readonly AuditScore[],
  previous: readonly AuditScore[],
): AreaComparison[] {
  const before = new Map(areaTotals(previous).map((t) => [t.area.toLowerCase(), t]));
  return areaTotals(current).map((t) => {
    const p = before.get(t.area.toLowerCase());
    const previousPercent = p?.percent ?? null;
    return {
      area: t.area,
      percent: t.percent,
      previousPercent,
      change: t.percent !== null && previousPercent !== null ? t.percent - previousPercent : null,
    };
  });
}

export function checkScore(score: number | null, maxScore: number): string | null {
  if (!Number.isInteger(maxScore) || maxScore < 1)
    return 'The maximum score must be a whole number of 1 or more.';
  if (score === null) return null;
  if (!Number.isInteger(score) || score < 0 || score > maxScore)
    return `The score must be a whole number from 0 to ${maxScore}.`;
  return null;
}

/*
 * Mystery shopping: each contact made (by channel) is judged against the
 * service standard. The pass rate is the share that met it, rounded down to
 * a whole percentage; null when no contact has been judged.
 */

export interface ShopContact {
  channel: string;
  metStandard: boolean | null;
}

export interface PassRate {
  judged: number;
  passed: number;
  percent: number | null;
}

function rate(contacts: readonly ShopContact[]): PassRate {
  const judged = contacts.filter((c) => c.metStandard !== null);
  const passed = judged.filter((c) => c.metStandard).length;
  return {
    judged: judged.length,
    passed,
    percent: judged.length ? Math.floor((passed * 100) / judged.length) : null,
  };
}

export function passRates(contacts: readonly ShopContact[]): {
  overall: PassRate;
  byChannel: (PassRate & { channel: string })[];
} {
  const channels = [...new Set(contacts.map((c) => c.channel))].sort();
  return {
    overall: rate(contacts),
    byChannel: channels.map((channel) => ({
      channel,
      ...rate(contacts.filter((c) => c.channel === channel)),
    })),
  };
}
