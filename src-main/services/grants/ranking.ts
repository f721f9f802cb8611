import type { DecisionMethod, RoundRanking } from '../../../src-shared/domain/grants';
import { rankApplications, TIE_RULE } from '../../../src-shared/rules/grant-ranking';
import { applicationScore } from '../../../src-shared/rules/grant-scoring';
import type { AppContext } from '../context';
import { allRoundMoney, roundCriteria, roundRow } from './rounds';

/** The round's eligible and decided applications in funding order, by score or by votes. */
export async function roundRanking(ctx: AppContext, roundId: string): Promise<RoundRanking> {
  const round = await roundRow(ctx.db, roundId);
  const method = round.decision_method as DecisionMethod;
  const [apps, money] = await Promise.all([
    ctx.db
      .selectFrom('grant_applications')
      .select(['id', 'reference', 'project_title', 'amount_pence', 'received_on'])
      .where('round_id', '=', roundId)
      .where('deleted_at', 'is', null)
      .where('status', 'in', ['eligible', 'awarded', 'declined'])
      .execute(),
    allRoundMoney(ctx.db),
  ]);
  const result = new Map<string, number>();
  if (method === 'panel') {
    const criteria = await roundCriteria(ctx.db, roundId);
    const scores = await ctx.db
      .selectFrom('grant_scores as s')
      .innerJoin('grant_applications as a', 'a.id', 's.application_id')
      .select(['s.application_id', 's.criterion_id', 's.customer_id', 's.score'])
      .where('a.round_id', '=', roundId)
      .where('s.deleted_at', 'is', null)
      .execute();
    for (const a of apps)
      result.set(
        a.id,
        applicationScore(
          criteria,
          scores
            .filter((s) => s.application_id === a.id)
            .map((s) => ({
              applicationId: s.application_id,
              criterionId: s.criterion_id,
              customerId: s.customer_id,
              score: s.score,
            })),
        ).total,
      );
  } else {
    const votes = await ctx.db
      .selectFrom('grant_vote_tallies as t')
      .innerJoin('grant_applications as a', 'a.id', 't.application_id')
      .select((eb) => ['t.application_id', eb.fn.sum<number>('t.votes').as('votes')])
      .where('a.round_id', '=', roundId)
      .where('t.deleted_at', 'is', null)
      .groupBy('t.application_id')
      .execute();
    for (const v of votes) result.set(v.application_id, Number(v.votes));
  }
  const availablePence = money.get(roundId)!.availablePence;
  return {
    method,
    tieRule: TIE_RULE,
    availablePence,
    rows: rankApplications(
      apps.map((a) => ({
        applicationId: a.id,
        reference: a.reference,
        projectTitle: a.project_title,
        amountPence: a.amount_pence,
        receivedOn: a.received_on,
        result: result.get(a.id) ?? 0,
      })),
      availablePence,
    ),
  };
}
