import type { z } from 'zod';
import type { PoliciesDue, PolicyEntry, policyInput } from '../../../src-shared/domain/reviews';
import type { ServiceArea } from '../../../src-shared/domain/customer';
import { ApiError } from '../../../src-shared/errors';
import {
  dueWithoutConsultation,
  policyStanding,
} from '../../../src-shared/rules/policy-consultation';
import { stageLabel, type Stage } from '../../../src-shared/rules/review-stages';
import { demand, writing, type AppContext, type CallContext } from '../context';
import { todayOf } from './reviews';

/*
 * The policy register: each policy, when it next goes to the Board, and
 * whether customers have been consulted on this version. It is what lets the
 * app name a customer-facing policy heading to the Board with no consultation
 * at all.
 */

type ConsultationRow = {
  reviewId: string;
  reference: string;
  policyId: string | null;
  policyName: string | null;
  title: string;
  boardDate: string | null;
  startedOn: string;
  completedOn: string | null;
  stageLabel: string;
};

async function consultations(ctx: AppContext): Promise<ConsultationRow[]> {
  const rows = await ctx.db
    .selectFrom('reviews')
    .select([
      'id',
      'reference',
      'policy_id',
      'policy_name',
      'title',
      'board_date',
      'started_on',
      'completed_on',
      'stage',
      'stages',
    ])
    .where('deleted_at', 'is', null)
    .where('kind', '=', 'policy_consultation')
    .execute();
  return rows.map((r) => ({
    reviewId: r.id,
    reference: r.reference,
    policyId: r.policy_id,
    policyName: r.policy_name,
    title: r.title,
    boardDate: r.board_date,
    startedOn: r.started_on,
    completedOn: r.completed_on,
    stageLabel: stageLabel(JSON.parse(r.stages) as Stage[], r.stage),
  }));
}

function briefly(c: ConsultationRow | null): PolicyEntry['consultation'] {
  return c ? { reviewId: c.reviewId, reference: c.reference, stageLabel: c.stageLabel } : null;
}

export async function listPolicies(ctx: AppContext): Promise<PolicyEntry[]> {
  const today = todayOf(ctx);
  const [rows, all] = await Promise.all([
    ctx.db
      .selectFrom('policies')
      .selectAll()
      .where('deleted_at', 'is', null)
      .orderBy('name')
      .execute(),
    consultations(ctx),
  ]);
  const byPolicy = new Map<string, ConsultationRow[]>();
  for (const c of all)
    if (c.policyId) byPolicy.set(c.policyId, [...(byPolicy.get(c.policyId) ?? []), c]);
  return rows
    .map((p) => {
      const standing = policyStanding(p.last_approved_on, byPolicy.get(p.id) ?? []);
      const customerFacing = p.customer_facing === 1;
      return {
        id: p.id,
        name: p.name,
        serviceArea: p.service_area as ServiceArea | null,
        ownerName: p.owner_name,
        customerFacing,
        boardDate: p.board_date,
        lastApprovedOn: p.last_approved_on,
        notes: p.notes,
        updatedAt: p.updated_at,
        state: standing.state,
        consultation: briefly(standing.consultation),
        dueWithoutConsultation: dueWithoutConsultation(
          { customerFacing, boardDate: p.board_date },
          standing.state,
          today,
        ),
      };
    })
    .sort((a, b) => (a.boardDate ?? '9999').localeCompare(b.boardDate ?? '9999'));
}

export async function savePolicy(
  ctx: CallContext,
  input: z.output<typeof policyInput>,
): Promise<PolicyEntry[]> {
  demand(ctx, 'reviews.write');
  const name = input.name.trim();
  const clash = await ctx.db
    .selectFrom('policies')
    .select('id')
    .where('deleted_at', 'is', null)
    .where((eb) => eb(eb.fn('lower', ['name']), '=', name.toLowerCase()))
    .executeTakeFirst();
  if (clash && clash.id !== input.id)
    throw ApiError.invalid(`${name} is already on the register.`, [
      { path: 'name', message: 'Give each policy its own name.' },
    ]);
  const values = {
    name,
    service_area: input.serviceArea,
    owner_name: input.ownerName,
    customer_facing: input.customerFacing ? 1 : 0,
    board_date: input.boardDate,
    last_approved_on: input.lastApprovedOn,
    notes: input.notes,
  };
  await writing(ctx, async (w) => {
    if (input.id)
      await w.update('policies', input.id, values, { expectedUpdatedAt: input.expectedUpdatedAt });
    else await w.create('policies', values);
  });
  return listPolicies(ctx);
}

export async function removePolicy(
  ctx: CallContext,
  input: { id: string },
): Promise<PolicyEntry[]> {
  demand(ctx, 'reviews.write');
  const cited = await ctx.db
    .selectFrom('reviews')
    .select('reference')
    .where('policy_id', '=', input.id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (cited)
    throw ApiError.invalid(
      `Consultation ${cited.reference} is for this policy: link it to another policy first.`,
    );
  await writing(ctx, (w) => w.remove('policies', input.id));
  return listPolicies(ctx);
}

/**
 * Customer-facing policies due to the Board with no finished consultation:
 * from the register, and from consultations that name no policy on it (their
 * own Board date and policy name stand in).
 */
export async function policiesDue(ctx: AppContext): Promise<PoliciesDue[]> {
  const today = todayOf(ctx);
  const [register, all] = await Promise.all([listPolicies(ctx), consultations(ctx)]);
  const fromRegister: PoliciesDue[] = register
    .filter((p) => p.dueWithoutConsultation)
    .map((p) => ({
      policyId: p.id,
      policyName: p.name,
      boardDate: p.boardDate!,
      consultation: p.consultation,
    }));
  const unlinked: PoliciesDue[] = all
    .filter((c) => !c.policyId && !c.completedOn && c.boardDate && c.boardDate >= today)
    .map((c) => ({
      policyId: null,
      policyName: c.policyName ?? c.title,
      boardDate: c.boardDate!,
      consultation: briefly(c),
    }));
  return [...fromRegister, ...unlinked].sort((a, b) => a.boardDate.localeCompare(b.boardDate));
}
