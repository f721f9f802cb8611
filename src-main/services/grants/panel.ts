import { panelSeatsWithPlaces } from '../groups/panel-candidates';
import type { z } from 'zod';
import type {
  declarationInput,
  PanelMember,
  scoreSheetInput,
  ScoringSheet,
} from '../../../src-shared/domain/grants';
import { ApiError } from '../../../src-shared/errors';
import {
  findConflicts,
  refusalsOf,
  warningsOf,
  type ConflictWords,
  type PersonPlace,
} from '../../../src-shared/rules/conflict-of-interest';
import { scoreProblem } from '../../../src-shared/rules/grant-scoring';
import { writing, type AppContext, type CallContext } from '../context';
import { applicationRow } from './applications';
import { roundCriteria, roundRow } from './rounds';

/*
 * The Community Fund panel scores under the same conflict of interest rule as
 * the complaint panel (rules/conflict-of-interest.ts): a member who is the
 * applicant's contact, lives at their address, or has declared a relation
 * or prior involvement may not score the application; one on the same street
 * or estate may, once a reason is accepted and recorded. A refused score is
 * refused in the service, whatever the screen sent.
 */

const words: ConflictWords = {
  party: 'the applicant’s contact',
  matter: 'this application',
  sits: 'cannot score their own application',
};

const SCORED_STATUSES = ['eligible', 'awarded', 'declined'];

function fullName(r: { first_name: string; last_name: string; preferred_name: string | null }) {
  return `${r.preferred_name ?? r.first_name} ${r.last_name}`;
}

async function memberPlaces(ctx: AppContext, roundId: string, customerId?: string) {
  const round = await roundRow(ctx.db, roundId);
  const rows = await panelSeatsWithPlaces(ctx, round.panel_group_id, { customerId, limit: 200 });
  return { round, rows };
}

export async function panelMembers(ctx: AppContext, roundId: string): Promise<PanelMember[]> {
  const { rows } = await memberPlaces(ctx, roundId);
  return rows.map((r) => ({ customerId: r.id, name: fullName(r) }));
}

async function applicantPlaces(ctx: AppContext, roundId: string) {
  const rows = await ctx.db
    .selectFrom('grant_applications as a')
    .leftJoin('customers as c', 'c.id', 'a.contact_customer_id')
    .leftJoin('neighbourhoods as n', 'n.id', 'c.neighbourhood_id')
    .select([
      'a.id',
      'a.reference',
      'a.project_title',
      'a.applicant_name',
      'a.amount_pence',
      'a.status',
      'a.contact_customer_id',
      'a.contact_name',
      'a.contact_address_line1',
      'a.contact_postcode',
      'c.town',
      'c.neighbourhood_id',
      'n.name as neighbourhood_name',
    ])
    .where('a.round_id', '=', roundId)
    .where('a.deleted_at', 'is', null)
    .where('a.status', 'in', SCORED_STATUSES)
    .orderBy('a.reference')
    .execute();
  return rows.map((r) => ({
    row: r,
    place: {
      customerId: r.contact_customer_id,
      name: r.contact_name,
      addressLine1: r.contact_address_line1,
      postcode: r.contact_postcode,
      town: r.town,
      neighbourhoodId: r.neighbourhood_id,
      neighbourhoodName: r.neighbourhood_name,
    } satisfies PersonPlace,
  }));
}

export async function scoringSheet(
  ctx: AppContext,
  roundId: string,
  customerId: string,
): Promise<ScoringSheet> {
  const { round, rows } = await memberPlaces(ctx, roundId, customerId);
  const m = rows[0];
  if (!m)
    throw ApiError.invalid('This customer is not a current member of the round’s panel.', [
      { path: 'customerId', message: 'Choose a panel member.' },
    ]);
  const member: PersonPlace = {
    customerId: m.id,
    name: fullName(m),
    addressLine1: m.address_line1,
    postcode: m.postcode,
    town: m.town,
    neighbourhoodId: m.neighbourhood_id,
    neighbourhoodName: m.neighbourhood_name,
  };
  const [criteria, apps, declarations, scores] = await Promise.all([
    roundCriteria(ctx.db, roundId),
    applicantPlaces(ctx, roundId),
    ctx.db
      .selectFrom('grant_declarations as d')
      .innerJoin('grant_applications as a', 'a.id', 'd.application_id')
      .select(['d.application_id', 'd.relation', 'd.prior_involvement', 'd.accepted_warning'])
      .where('a.round_id', '=', roundId)
      .where('d.customer_id', '=', customerId)
      .where('d.deleted_at', 'is', null)
      .execute(),
    ctx.db
      .selectFrom('grant_scores as s')
      .innerJoin('grant_applications as a', 'a.id', 's.application_id')
      .select(['s.application_id', 's.criterion_id', 's.score', 's.comment'])
      .where('a.round_id', '=', roundId)
      .where('s.customer_id', '=', customerId)
      .where('s.deleted_at', 'is', null)
      .execute(),
  ]);
  const declared = new Map(declarations.map((d) => [d.application_id, d]));
  return {
    round: { id: round.id, name: round.name, criteria },
    member: { customerId: m.id, name: member.name },
    rows: apps.map(({ row, place }) => {
      const d = declared.get(row.id);
      const conflicts = findConflicts(
        member,
        place,
        { relation: d?.relation ?? null, priorInvolvement: d?.prior_involvement ?? null },
        words,
      );
      const hard = refusalsOf(conflicts);
      const soft = warningsOf(conflicts);
      const accepted = d?.accepted_warning ?? null;
      return {
        applicationId: row.id,
        reference: row.reference,
        projectTitle: row.project_title,
        applicantName: row.applicant_name,
        amountPence: row.amount_pence,
        conflicts,
        refused: hard.length
          ? `${member.name} may not score ${row.reference}. ${hard.map((c) => c.message).join(' ')}`
          : null,
        warning:
          soft.length && !accepted
            ? `${soft.map((c) => c.message).join(' ')} Record the reason they may score anyway, or leave it to others.`
            : null,
        acceptedWarning: soft.length ? accepted : null,
        scores: Object.fromEntries(
          scores
            .filter((s) => s.application_id === row.id)
            .map((s) => [s.criterion_id, { score: s.score, comment: s.comment }]),
        ),
      };
    }),
  };
}

export async function declareInterest(
  ctx: CallContext,
  input: z.output<typeof declarationInput>,
): Promise<ScoringSheet> {
  const a = await applicationRow(ctx.db, input.applicationId);
  // Checks they are on the panel, and names them if not.
  await scoringSheet(ctx, a.round_id, input.customerId);
  await writing(ctx, async (w) => {
    const existing = await w.trx
      .selectFrom('grant_declarations')
      .select('id')
      .where('application_id', '=', input.applicationId)
      .where('customer_id', '=', input.customerId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    const values = {
      relation: input.relation,
      prior_involvement: input.priorInvolvement,
      accepted_warning: input.acceptWarningReason,
    };
    if (existing) await w.update('grant_declarations', existing.id, values);
    else
      await w.create('grant_declarations', {
        application_id: input.applicationId,
        customer_id: input.customerId,
        ...values,
      });
    if (input.relation || input.priorInvolvement) {
      const scored = await w.trx
        .selectFrom('grant_scores')
        .select('id')
        .where('application_id', '=', input.applicationId)
        .where('customer_id', '=', input.customerId)
        .where('deleted_at', 'is', null)
        .execute();
      for (const s of scored)
        await w.remove('grant_scores', s.id, { reason: 'Declared a conflict of interest' });
    }
  });
  return scoringSheet(ctx, a.round_id, input.customerId);
}

export async function saveScores(
  ctx: CallContext,
  input: z.output<typeof scoreSheetInput>,
): Promise<ScoringSheet> {
  const sheet = await scoringSheet(ctx, input.roundId, input.customerId);
  const round = await roundRow(ctx.db, input.roundId);
  if (round.decision_method !== 'panel')
    throw ApiError.invalid('This round is decided by a public vote, not by the panel’s scores.');
  const rows = new Map(sheet.rows.map((r) => [r.applicationId, r]));
  const criteria = new Map(sheet.round.criteria.map((c) => [c.id, c]));
  const decided = new Set(
    (
      await ctx.db
        .selectFrom('grant_applications')
        .select('id')
        .where('round_id', '=', input.roundId)
        .where('decision', 'is not', null)
        .execute()
    ).map((r) => r.id),
  );
  const problems: { path: string; message: string }[] = [];
  input.scores.forEach((s, i) => {
    const row = rows.get(s.applicationId);
    const criterion = criteria.get(s.criterionId);
    const path = `scores.${i}.score`;
    if (!row || !criterion) {
      problems.push({
        path,
        message: 'This is not an eligible application and criterion of the round.',
      });
      return;
    }
    const had = row.scores[s.criterionId];
    if (s.score === null && !had) return;
    if (
      decided.has(s.applicationId) &&
      (s.score !== had?.score || (s.comment ?? null) !== (had?.comment ?? null))
    ) {
      problems.push({ path, message: `${row.reference} has been decided: its scores are closed.` });
      return;
    }
    if (row.refused) problems.push({ path, message: row.refused });
    else if (row.warning) problems.push({ path, message: `${row.reference}: ${row.warning}` });
    else if (s.score !== null) {
      const problem = scoreProblem(s.score, criterion);
      if (problem) problems.push({ path, message: `${row.reference}, ${problem}` });
    }
  });
  if (problems.length) {
    const unique = [...new Set(problems.map((p) => p.message))];
    throw ApiError.invalid(`No scores were saved. ${unique.join(' ')}`, problems);
  }
  await writing(ctx, async (w) => {
    for (const s of input.scores) {
      if (decided.has(s.applicationId)) continue;
      const existing = await w.trx
        .selectFrom('grant_scores')
        .select('id')
        .where('application_id', '=', s.applicationId)
        .where('criterion_id', '=', s.criterionId)
        .where('customer_id', '=', input.customerId)
        .where('deleted_at', 'is', null)
        .executeTakeFirst();
      if (s.score === null) {
        if (existing) await w.remove('grant_scores', existing.id);
      } else if (existing)
        await w.update('grant_scores', existing.id, { score: s.score, comment: s.comment });
      else
        await w.create('grant_scores', {
          application_id: s.applicationId,
          criterion_id: s.criterionId,
          customer_id: input.customerId,
          score: s.score,
          comment: s.comment,
        });
    }
  });
  return scoringSheet(ctx, input.roundId, input.customerId);
}
