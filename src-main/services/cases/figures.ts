import type { CaseFigures, StageTiming } from '../../../src-shared/domain/case-figures';
import {
  isOverdue,
  type ManagementResponse,
  type RecommendationStatus,
} from '../../../src-shared/rules/recommendations';
import { londonDate, workingDaysBetween } from '../../../src-shared/rules/working-days';
import { writing, type AppContext, type CallContext } from '../context';
import { bankHolidays } from '../reference/bank-holidays';
import { caseStandards } from './settings';

/*
 * Board pack figures for complaint panel cases. Each count is of events that
 * happened in the period (a case referred in March and heard in April counts
 * as referred in March and heard in April).
 */

const inPeriod = (d: string | null, from: string, to: string) => d !== null && d >= from && d <= to;

export async function caseFigures(
  ctx: AppContext,
  period: { from: string; to: string },
): Promise<CaseFigures> {
  const { from, to } = period;
  const calendar = bankHolidays(ctx);
  const standards = await caseStandards(ctx);
  const rows = await ctx.db
    .selectFrom('complaint_cases')
    .select([
      'referred_on',
      'accepted_on',
      'declined_on',
      'heard_on',
      'decision_on',
      'decision_outcome',
      'withdrawn_on',
      'ombudsman_referred_on',
    ])
    .where('deleted_at', 'is', null)
    .where((eb) =>
      eb.or(
        (
          [
            'referred_on',
            'accepted_on',
            'declined_on',
            'heard_on',
            'decision_on',
            'withdrawn_on',
            'ombudsman_referred_on',
          ] as const
        ).map((c) => eb.and([eb(c, '>=', from), eb(c, '<=', to)])),
      ),
    )
    .execute();

  const count = (pick: (r: (typeof rows)[number]) => string | null) =>
    rows.filter((r) => inPeriod(pick(r), from, to)).length;
  const decided = rows.filter((r) => inPeriod(r.decision_on, from, to));

  function timing(
    stage: StageTiming['stage'],
    label: string,
    standardDays: number,
    start: (r: (typeof rows)[number]) => string | null,
    end: (r: (typeof rows)[number]) => string | null,
  ): StageTiming {
    const done = rows.filter((r) => start(r) !== null && inPeriod(end(r), from, to));
    const days = done.map((r) => workingDaysBetween(start(r)!, end(r)!, calendar));
    return {
      stage,
      label,
      completed: done.length,
      withinStandard: days.filter((d) => d <= standardDays).length,
      averageWorkingDays: days.length
        ? Math.round((days.reduce((a, b) => a + b, 0) / days.length) * 10) / 10
        : null,
      standardDays,
    };
  }

  const exhausted = await ctx.db
    .selectFrom('complaint_period_figures')
    .select((eb) => [
      eb.fn.sum<number>('exhausted_internal').as('n'),
      eb.fn.countAll<number>().as('entries'),
    ])
    .where('deleted_at', 'is', null)
    .where('period_start', '>=', from)
    .where('period_end', '<=', to)
    .executeTakeFirstOrThrow();
  const exhaustedInternal = Number(exhausted.entries) > 0 ? Number(exhausted.n) : null;
  const referred = count((r) => r.referred_on);

  const recs = await ctx.db
    .selectFrom('recommendations')
    .select(['status', 'management_response', 'due_date', 'systemic'])
    .where('deleted_at', 'is', null)
    .where('source_type', '=', 'complaint_case')
    .execute();
  const now = londonDate(ctx.clock.now());
  const recFigures = {
    open: 0,
    inProgress: 0,
    implemented: 0,
    verified: 0,
    rejected: 0,
    overdue: 0,
    systemic: 0,
  };
  for (const r of recs) {
    const response = r.management_response as ManagementResponse | null;
    if (response === 'rejected') recFigures.rejected += 1;
    else if (r.status === 'open') recFigures.open += 1;
    else if (r.status === 'in_progress') recFigures.inProgress += 1;
    else if (r.status === 'implemented') recFigures.implemented += 1;
    else if (r.status === 'verified') recFigures.verified += 1;
    if (isOverdue(r.status as RecommendationStatus, response, r.due_date, now))
      recFigures.overdue += 1;
    if (r.systemic === 1) recFigures.systemic += 1;
  }

  return {
    from,
    to,
    referred,
    accepted: count((r) => r.accepted_on),
    declined: count((r) => r.declined_on),
    heard: count((r) => r.heard_on),
    decided: decided.length,
    upheld: decided.filter((r) => r.decision_outcome === 'upheld').length,
    partlyUpheld: decided.filter((r) => r.decision_outcome === 'partly_upheld').length,
    notUpheld: decided.filter((r) => r.decision_outcome === 'not_upheld').length,
    withdrawn: count((r) => r.withdrawn_on),
    referredToOmbudsman: count((r) => r.ombudsman_referred_on),
    stageTimings: [
      timing(
        'eligibility',
        'Referral to acceptance',
        standards.eligibilityDays,
        (r) => r.referred_on,
        (r) => r.accepted_on ?? r.declined_on,
      ),
      timing(
        'hearing',
        'Acceptance to hearing',
        standards.hearingDays,
        (r) => r.accepted_on,
        (r) => r.heard_on,
      ),
      timing(
        'decision',
        'Hearing to decision letter',
        standards.decisionDays,
        (r) => r.heard_on,
        (r) => r.decision_on,
      ),
    ],
    exhaustedInternal,
    panelShare: exhaustedInternal ? referred / exhaustedInternal : null,
    recommendations: recFigures,
  };
}

/** Records how many complaints exhausted the internal process in a period (one figure per period). */
export async function savePeriodFigure(
  ctx: CallContext,
  input: { from: string; to: string; exhaustedInternal: number },
): Promise<CaseFigures> {
  await writing(ctx, async (w) => {
    const existing = await w.trx
      .selectFrom('complaint_period_figures')
      .select('id')
      .where('period_start', '=', input.from)
      .where('period_end', '=', input.to)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (existing)
      await w.update('complaint_period_figures', existing.id, {
        exhausted_internal: input.exhaustedInternal,
      });
    else
      await w.create('complaint_period_figures', {
        period_start: input.from,
        period_end: input.to,
        exhausted_internal: input.exhaustedInternal,
      });
  });
  return caseFigures(ctx, input);
}
