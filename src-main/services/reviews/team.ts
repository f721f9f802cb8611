import type { z } from 'zod';
import type { officerInput, teamMemberInput } from '../../../src-shared/domain/reviews';
import type { ReviewDetail, TeamCandidate } from '../../../src-shared/domain/reviews';
import { ApiError } from '../../../src-shared/errors';
import { writing, type AppContext, type CallContext } from '../context';
import { requireReview } from './access';
import { getReview, todayOf } from './reviews';

/*
 * A review's team are involved customers who are current members of the
 * group its kind draws on (the Scrutiny Panel, the Customer Service
 * Investigators, ...). Joining that group is where the membership rules are
 * checked, so the team is only ever made of members who passed them.
 */

function fullName(r: { first_name: string; last_name: string; preferred_name: string | null }) {
  return `${r.preferred_name ?? r.first_name} ${r.last_name}`;
}

async function currentMembers(ctx: AppContext, groupId: string, on: string, customerId?: string) {
  let q = ctx.db
    .selectFrom('group_memberships as g')
    .innerJoin('customers as c', 'c.id', 'g.customer_id')
    .select(['c.id', 'c.first_name', 'c.last_name', 'c.preferred_name'])
    .where('g.group_id', '=', groupId)
    .where('g.deleted_at', 'is', null)
    .where('c.deleted_at', 'is', null)
    .where('g.joined_on', '<=', on)
    .where((eb) => eb.or([eb('g.left_on', 'is', null), eb('g.left_on', '>=', on)]));
  if (customerId) q = q.where('c.id', '=', customerId);
  return q.orderBy('c.last_name').orderBy('c.first_name').limit(500).execute();
}

export async function teamCandidates(
  ctx: CallContext,
  input: { reviewId: string },
): Promise<{ groupName: string | null; candidates: TeamCandidate[] }> {
  const r = await requireReview(ctx, input.reviewId);
  if (!r.team_group_id) return { groupName: null, candidates: [] };
  const group = await ctx.db
    .selectFrom('groups')
    .select('name')
    .where('id', '=', r.team_group_id)
    .executeTakeFirst();
  const taken = new Set(
    (
      await ctx.db
        .selectFrom('review_team')
        .select('customer_id')
        .where('review_id', '=', r.id)
        .where('deleted_at', 'is', null)
        .execute()
    ).map((t) => t.customer_id),
  );
  const rows = await currentMembers(ctx, r.team_group_id, todayOf(ctx));
  return {
    groupName: group?.name ?? null,
    candidates: rows
      .filter((c) => !taken.has(c.id))
      .map((c) => ({ customerId: c.id, name: fullName(c) })),
  };
}

export async function addTeamMember(
  ctx: CallContext,
  input: z.output<typeof teamMemberInput>,
): Promise<ReviewDetail> {
  const r = await requireReview(ctx, input.reviewId);
  if (!r.team_group_id) {
    throw ApiError.invalid(
      'This review has no group to draw its team from. Set up the group its kind uses first.',
      [{ path: 'customerId', message: 'No team group.' }],
    );
  }
  const group = await ctx.db
    .selectFrom('groups')
    .select('name')
    .where('id', '=', r.team_group_id)
    .executeTakeFirstOrThrow();
  if (input.joinedOn < r.started_on)
    throw ApiError.invalid(
      `A member cannot join the team before the review started (${r.started_on}).`,
      [{ path: 'joinedOn', message: `Use ${r.started_on} or later.` }],
    );
  const [member] = await currentMembers(ctx, r.team_group_id, input.joinedOn, input.customerId);
  if (!member)
    throw ApiError.invalid(
      `The team comes from the ${group.name}, and this customer is not a member of it on ${input.joinedOn}. Add them to the group first; its membership rules apply there.`,
      [{ path: 'customerId', message: `Not a member of the ${group.name}.` }],
    );
  const existing = await ctx.db
    .selectFrom('review_team')
    .select('id')
    .where('review_id', '=', r.id)
    .where('customer_id', '=', input.customerId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (existing)
    throw ApiError.invalid(`${fullName(member)} is already on the team.`, [
      { path: 'customerId', message: 'Already on the team.' },
    ]);
  await writing(ctx, (w) =>
    w.create('review_team', {
      review_id: r.id,
      customer_id: input.customerId,
      role: input.role,
      joined_on: input.joinedOn,
    }),
  );
  return getReview(ctx, { id: r.id });
}

export async function removeTeamMember(
  ctx: CallContext,
  input: { id: string },
): Promise<ReviewDetail> {
  const row = await ctx.db
    .selectFrom('review_team')
    .select('review_id')
    .where('id', '=', input.id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw ApiError.notFound('The team member');
  await writing(ctx, (w) => w.remove('review_team', input.id));
  return getReview(ctx, { id: row.review_id });
}

export async function addOfficer(
  ctx: CallContext,
  input: z.output<typeof officerInput>,
): Promise<ReviewDetail> {
  const r = await requireReview(ctx, input.reviewId);
  const staff = await ctx.db
    .selectFrom('staff')
    .select(['id', 'active'])
    .where('id', '=', input.staffId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!staff?.active)
    throw ApiError.invalid('Choose a current staff profile.', [
      { path: 'staffId', message: 'Choose an officer.' },
    ]);
  const existing = await ctx.db
    .selectFrom('review_officers')
    .select('id')
    .where('review_id', '=', r.id)
    .where('staff_id', '=', input.staffId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!existing && input.staffId !== r.lead_officer_id)
    await writing(ctx, (w) =>
      w.create('review_officers', { review_id: r.id, staff_id: input.staffId }),
    );
  return getReview(ctx, { id: r.id });
}
