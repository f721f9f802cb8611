/*
 * A review moves through its kind's stages in order, as listed in its
 * template (kept with the review, so a later change to the template never
 * strands a review in a stage that no longer exists). A move goes one stage
 * forward, or one back with a reason; each is dated, and the dates run in
 * order: none before the review started or the move before it, none ahead
 * of today.
 */

export interface Stage {
  code: string;
  label: string;
}

export interface StageMove {
  stages: readonly Stage[];
  current: string;
  next: string;
  onDate: string;
  reason: string | null;
  startedOn: string;
  lastMoveOn: string | null;
  today: string;
}

export type StageCheck =
  { ok: true } | { ok: false; field: 'next' | 'onDate' | 'reason'; message: string };

export function stageLabel(stages: readonly Stage[], code: string): string {
  return stages.find((s) => s.code === code)?.label ?? code;
}

export function isFinalStage(stages: readonly Stage[], code: string): boolean {
  return stages.length > 0 && stages[stages.length - 1]!.code === code;
}

export function checkStageMove(m: StageMove): StageCheck {
  const from = m.stages.findIndex((s) => s.code === m.current);
  const to = m.stages.findIndex((s) => s.code === m.next);
  if (to < 0)
    return {
      ok: false,
      field: 'next',
      message: `There is no stage "${m.next}" for this kind of review.`,
    };
  if (to === from)
    return {
      ok: false,
      field: 'next',
      message: `The review is already at ${m.stages[to]!.label}.`,
    };
  if (isFinalStage(m.stages, m.current))
    return { ok: false, field: 'next', message: 'The review is complete; it cannot move again.' };
  if (to > from + 1) {
    const nextLabel = m.stages[from + 1]!.label;
    return {
      ok: false,
      field: 'next',
      message: `A review moves one stage at a time: from ${m.stages[from]!.label} the next stage is ${nextLabel}, not ${m.stages[to]!.label}.`,
    };
  }
  if (to < from - 1)
    return {
      ok: false,
      field: 'next',
      message: `A review can go back one stage only, to ${m.stages[from - 1]!.label}.`,
    };
  if (to === from - 1 && !m.reason?.trim())
    return { ok: false, field: 'reason', message: 'Say why the review goes back a stage.' };
  if (m.onDate > m.today)
    return { ok: false, field: 'onDate', message: 'A stage move cannot be dated in the future.' };
  if (m.onDate < m.startedOn)
    return {
      ok: false,
      field: 'onDate',
      message: `The move cannot be dated before the review started (${m.startedOn}).`,
    };
  if (m.lastMoveOn && m.onDate < m.lastMoveOn)
    return {
      ok: false,
      field: 'onDate',
      message: `The move cannot be dated before the previous one (${m.lastMoveOn}).`,
    };
  return { ok: true };
}
