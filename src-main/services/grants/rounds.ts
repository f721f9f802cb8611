import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type {
  ApplicantKind,
  DecisionMethod,
  GrantCriterion,
  GrantFund,
  GrantRound,
  GrantRoundSummary,
  RoundState,
  roundInput,
} from '../../../src-shared/domain/grants';
import { ApiError } from '../../../src-shared/errors';
import { roundMoney, type RoundMoney } from '../../../src-shared/rules/grant-round-money';
import { londonDate } from '../../../src-shared/rules/working-days';
import type { DB } from '../../db/schema';
import type { GrantRoundRow } from '../../db/schema/grants';
import { writing, type AppContext, type CallContext } from '../context';

/** The group whose members score a fund's applications, when the round names none. */
const DEFAULT_PANEL: Record<GrantFund, string> = {
  community_fund: 'Community Fund Panel',
  participatory_budget: 'Participatory Budgeting Panel',
};

export function roundState(row: GrantRoundRow, today: string): RoundState {
  if (row.decided_on) return 'decided';
  if (today < row.opens_on) return 'upcoming';
  if (today <= row.closes_on) return 'open';
  return 'closed';
}

/** Every round's money, worked out together because each carries on from the one before. */
export async function allRoundMoney(db: Kysely<DB>): Promise<Map<string, RoundMoney>> {
  return (await roundTotals(db)).money;
}

/** The rounds' money and how many applications each has, from one grouped read. */
async function roundTotals(
  db: Kysely<DB>,
): Promise<{ money: Map<string, RoundMoney>; counts: Map<string, number> }> {
  const rounds = await db
    .selectFrom('grant_rounds')
    .select(['id', 'fund', 'opens_on', 'budget_pence', 'decided_on', 'carry_over'])
    .where('deleted_at', 'is', null)
    .execute();
  const sums = await db
    .selectFrom('grant_applications')
    .select((eb) => [
      'round_id',
      eb.fn
        .sum<number>(eb.case().when('decision', '=', 'awarded').then(eb.ref('award_pence')).end())
        .as('awarded'),
      eb.fn.sum<number>('paid_pence').as('paid'),
      eb.fn.countAll<number>().as('n'),
    ])
    .where('deleted_at', 'is', null)
    .groupBy('round_id')
    .execute();
  const awardedBy = new Map(sums.map((r) => [r.round_id, Number(r.awarded ?? 0)]));
  const paidBy = new Map(sums.map((r) => [r.round_id, Number(r.paid ?? 0)]));
  const money = roundMoney(
    rounds.map((r) => ({
      id: r.id,
      fund: r.fund,
      opensOn: r.opens_on,
      budgetPence: r.budget_pence,
      awardedPence: awardedBy.get(r.id) ?? 0,
      paidPence: paidBy.get(r.id) ?? 0,
      decided: r.decided_on !== null,
      carryOver: r.carry_over === 1,
    })),
  );
  return { money, counts: new Map(sums.map((r) => [r.round_id, Number(r.n)])) };
}

export async function roundRow(db: Kysely<DB>, id: string): Promise<GrantRoundRow> {
  const row = await db
    .selectFrom('grant_rounds')
    .selectAll()
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw ApiError.notFound('The funding round');
  return row;
}

function summary(
  r: GrantRoundRow,
  today: string,
  money: RoundMoney,
  applications: number,
): GrantRoundSummary {
  return {
    id: r.id,
    fund: r.fund as GrantFund,
    name: r.name,
    opensOn: r.opens_on,
    closesOn: r.closes_on,
    decisionBy: r.decision_by,
    decisionMethod: r.decision_method as DecisionMethod,
    state: roundState(r, today),
    applications,
    money,
  };
}

export async function listRounds(ctx: AppContext): Promise<GrantRoundSummary[]> {
  const today = londonDate(ctx.clock.now());
  const [rows, { money, counts: countBy }] = await Promise.all([
    ctx.db
      .selectFrom('grant_rounds')
      .selectAll()
      .where('deleted_at', 'is', null)
      .orderBy('opens_on', 'desc')
      .execute(),
    roundTotals(ctx.db),
  ]);
  return rows.map((r) => summary(r, today, money.get(r.id)!, countBy.get(r.id) ?? 0));
}

export async function roundCriteria(db: Kysely<DB>, roundId: string): Promise<GrantCriterion[]> {
  const rows = await db
    .selectFrom('grant_criteria as c')
    .leftJoin('grant_priorities as p', 'p.id', 'c.priority_id')
    .select([
      'c.id',
      'c.position',
      'c.name',
      'c.guidance',
      'c.priority_id',
      'c.max_score',
      'p.name as priority_name',
    ])
    .where('c.round_id', '=', roundId)
    .where('c.deleted_at', 'is', null)
    .orderBy('c.position')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    position: r.position,
    name: r.name,
    guidance: r.guidance,
    priorityId: r.priority_id,
    priorityName: r.priority_name,
    maxScore: r.max_score,
  }));
}

export async function getRound(ctx: AppContext, id: string): Promise<GrantRound> {
  const today = londonDate(ctx.clock.now());
  const r = await roundRow(ctx.db, id);
  const [money, criteria, count, group, previous] = await Promise.all([
    allRoundMoney(ctx.db),
    roundCriteria(ctx.db, id),
    ctx.db
      .selectFrom('grant_applications')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('round_id', '=', id)
      .where('deleted_at', 'is', null)
      .executeTakeFirstOrThrow(),
    r.panel_group_id
      ? ctx.db
          .selectFrom('groups')
          .select('name')
          .where('id', '=', r.panel_group_id)
          .executeTakeFirst()
      : Promise.resolve(undefined),
    ctx.db
      .selectFrom('grant_rounds')
      .select(['id', 'name'])
      .where('fund', '=', r.fund)
      .where('deleted_at', 'is', null)
      .where((eb) =>
        eb.or([
          eb('opens_on', '<', r.opens_on),
          eb.and([eb('opens_on', '=', r.opens_on), eb('id', '<', r.id)]),
        ]),
      )
      .orderBy('opens_on', 'desc')
      .orderBy('id', 'desc')
      .executeTakeFirst(),
  ]);
  return {
    ...summary(r, today, money.get(r.id)!, Number(count.n)),
    updatedAt: r.updated_at,
    minAwardPence: r.min_award_pence,
    maxAwardPence: r.max_award_pence,
    applicantKinds: JSON.parse(r.applicant_kinds) as ApplicantKind[],
    areaIds: JSON.parse(r.area_ids) as string[],
    panelGroupId: r.panel_group_id,
    panelGroupName: group?.name ?? null,
    evaluationWeeks: r.evaluation_weeks,
    carryOver: r.carry_over === 1,
    decidedOn: r.decided_on,
    criteria,
    previousRound: previous ?? null,
  };
}

async function defaultPanelGroup(ctx: AppContext, fund: GrantFund): Promise<string | null> {
  const g = await ctx.db
    .selectFrom('groups')
    .select('id')
    .where('deleted_at', 'is', null)
    .where('name', '=', DEFAULT_PANEL[fund])
    .executeTakeFirst();
  return g?.id ?? null;
}

export async function saveRound(
  ctx: CallContext,
  input: z.output<typeof roundInput>,
): Promise<GrantRound> {
  const problems: { path: string; message: string }[] = [];
  if (input.closesOn < input.opensOn)
    problems.push({ path: 'closesOn', message: 'The round closes before it opens.' });
  if (input.decisionBy && input.decisionBy < input.closesOn)
    problems.push({ path: 'decisionBy', message: 'Decisions come after the round closes.' });
  if (input.minAwardPence > input.maxAwardPence)
    problems.push({
      path: 'minAwardPence',
      message: 'The smallest award is more than the largest.',
    });
  if (input.maxAwardPence > input.budgetPence)
    problems.push({ path: 'maxAwardPence', message: 'The largest award is more than the budget.' });
  if (input.decisionMethod === 'panel' && input.criteria.length === 0)
    problems.push({
      path: 'criteria',
      message: 'A panel scores against criteria: add at least one.',
    });
  if (problems.length) throw ApiError.invalid(problems.map((p) => p.message).join(' '), problems);
  const existing = input.id ? await roundRow(ctx.db, input.id) : null;
  if (existing?.decided_on)
    throw ApiError.invalid('This round’s decisions are closed, so it can no longer change.');
  const panelGroupId = input.panelGroupId ?? (await defaultPanelGroup(ctx, input.fund));
  const values = {
    fund: input.fund,
    name: input.name,
    opens_on: input.opensOn,
    closes_on: input.closesOn,
    decision_by: input.decisionBy,
    budget_pence: input.budgetPence,
    min_award_pence: input.minAwardPence,
    max_award_pence: input.maxAwardPence,
    applicant_kinds: JSON.stringify(input.applicantKinds),
    area_ids: JSON.stringify(input.areaIds),
    decision_method: input.decisionMethod,
    panel_group_id: panelGroupId,
    evaluation_weeks: input.evaluationWeeks,
    carry_over: input.carryOver ? 1 : 0,
  };
  const id = await writing(ctx, async (w) => {
    const roundId = input.id ?? (await w.create('grant_rounds', { ...values, decided_on: null }));
    if (input.id) await w.update('grant_rounds', input.id, values);
    const current = await w.trx
      .selectFrom('grant_criteria')
      .select('id')
      .where('round_id', '=', roundId)
      .where('deleted_at', 'is', null)
      .execute();
    const kept = new Set(input.criteria.map((c) => c.id).filter(Boolean));
    for (const c of current) {
      if (kept.has(c.id)) continue;
      const scored = await w.trx
        .selectFrom('grant_scores')
        .select('id')
        .where('criterion_id', '=', c.id)
        .where('deleted_at', 'is', null)
        .executeTakeFirst();
      if (scored)
        throw ApiError.invalid(
          'A criterion the panel has already scored against cannot be taken away. Nothing was saved.',
          [{ path: 'criteria', message: 'Already scored.' }],
        );
      await w.remove('grant_criteria', c.id);
    }
    for (const [position, c] of input.criteria.entries()) {
      const v = {
        name: c.name,
        guidance: c.guidance,
        priority_id: c.priorityId,
        max_score: c.maxScore,
        position,
      };
      if (c.id) await w.update('grant_criteria', c.id, v);
      else await w.create('grant_criteria', { ...v, round_id: roundId });
    }
    return roundId;
  });
  return getRound(ctx, id);
}

/** Ends the round's decisions: every application decided, so its unspent money is known. */
export async function closeDecisions(ctx: CallContext, id: string): Promise<GrantRound> {
  const today = londonDate(ctx.clock.now());
  const round = await roundRow(ctx.db, id);
  if (round.decided_on) return getRound(ctx, id);
  if (today <= round.closes_on)
    throw ApiError.invalid(
      `The round is open until ${round.closes_on}: close its decisions after that.`,
    );
  const waiting = await ctx.db
    .selectFrom('grant_applications')
    .select('reference')
    .where('round_id', '=', id)
    .where('deleted_at', 'is', null)
    .where('status', 'in', ['received', 'eligible'])
    .orderBy('reference')
    .execute();
  if (waiting.length)
    throw ApiError.invalid(
      `Every application needs its check and decision first: ${waiting.map((w) => w.reference).join(', ')} ${waiting.length === 1 ? 'is' : 'are'} still waiting.`,
    );
  await writing(ctx, (w) => w.update('grant_rounds', id, { decided_on: today }));
  return getRound(ctx, id);
}
