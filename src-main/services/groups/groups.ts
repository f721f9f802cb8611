import { linkId } from '../../sync/link-id';
import { subYears } from 'date-fns';
import type { AddMemberResult, GroupDetail, GroupListItem } from '../../../src-shared/api/groups';
import type { Group, Membership } from '../../../src-shared/domain/groups';
import type {
  groupInput,
  membershipInput,
  membershipUpdateInput,
} from '../../../src-shared/domain/groups';
import { ApiError } from '../../../src-shared/errors';
import { groupCadence } from '../../../src-shared/rules/cadence';
import {
  groupRuleStatus,
  violationsForNewMember,
  type Violation,
} from '../../../src-shared/rules/membership';
import type { z } from 'zod';
import type { Writer } from '../../changes/writer';
import { allowed, writing, type AppContext, type CallContext } from '../context';
import { londonDate, toGroup, toMembership } from './mapping';
import { groupDates } from './group-dates';
import { londonRange } from './period';
import { currentOn, ruleGroup, ruleLandlords, ruleMembers } from './rule-data';
import { ruleMembersOfAll } from './rule-members-all';

async function groupRow(ctx: AppContext, id: string) {
  const row = await ctx.db
    .selectFrom('groups')
    .selectAll()
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw ApiError.notFound('The group');
  return row;
}

/** Meetings held per group between two dates (inclusive, by London date of the start). */
export async function heldCounts(
  ctx: AppContext,
  from: string,
  to: string,
): Promise<Map<string, number>> {
  const [start, end] = londonRange(from, to);
  const rows = await ctx.db
    .selectFrom('activities')
    .select(['group_id', (eb) => eb.fn.countAll<number>().as('held')])
    .where('status', '=', 'held')
    .where('deleted_at', 'is', null)
    .where('group_id', 'is not', null)
    .where('starts_at', '>=', start)
    .where('starts_at', '<', end)
    .groupBy('group_id')
    .execute();
  return new Map(rows.map((r) => [r.group_id as string, Number(r.held)]));
}

function lastTwelveMonths(ctx: AppContext): { from: string; to: string } {
  const now = ctx.clock.now();
  const to = londonDate(now);
  const from = londonDate(new Date(subYears(now, 1).getTime() + 86_400_000));
  return { from, to };
}

export async function listGroups(ctx: CallContext): Promise<GroupListItem[]> {
  const today = londonDate(ctx.clock.now());
  const { from, to } = lastTwelveMonths(ctx);
  const [groups, memberships, held, landlords] = await Promise.all([
    ctx.db
      .selectFrom('groups')
      .selectAll()
      .where('deleted_at', 'is', null)
      .orderBy('name')
      .execute(),
    ctx.db
      .selectFrom('group_memberships')
      .select(['group_id', 'customer_id', 'joined_on', 'left_on'])
      .where('deleted_at', 'is', null)
      .execute(),
    heldCounts(ctx, from, to),
    ruleLandlords(ctx),
  ]);
  const dates = await groupDates(ctx, groups);
  const currentByGroup = new Map<string, string[]>(groups.map((g) => [g.id, []]));
  for (const m of memberships)
    if (currentOn(m, today)) currentByGroup.get(m.group_id)?.push(m.customer_id);
  const membersByGroup = await ruleMembersOfAll(ctx, currentByGroup, today);
  const out: GroupListItem[] = [];
  for (const g of groups) {
    const current = currentByGroup.get(g.id)!;
    const members = membersByGroup.get(g.id)!;
    out.push({
      id: g.id,
      name: g.name,
      family: g.family as Group['family'],
      kind: g.kind as Group['kind'],
      members: current.length,
      targetMeetingsPerYear: g.target_meetings_per_year,
      cadence: groupCadence(
        held.get(g.id) ?? 0,
        g.target_meetings_per_year,
        dates.get(g.id)!,
        from,
        to,
      ),
      ruleProblems: groupRuleStatus(ruleGroup(g), members, landlords, today).length,
    });
  }
  return out;
}

export async function getGroup(ctx: CallContext, id: string): Promise<GroupDetail> {
  const today = londonDate(ctx.clock.now());
  const { from, to } = lastTwelveMonths(ctx);
  const g = await groupRow(ctx, id);
  const rows = await ctx.db
    .selectFrom('group_memberships as m')
    .innerJoin('customers as c', 'c.id', 'm.customer_id')
    .leftJoin('landlords as l', 'l.id', 'c.landlord_id')
    .selectAll('m')
    .select([
      'c.first_name',
      'c.last_name',
      'c.code_of_conduct_signed_on as code_signed_on',
      'c.tenure',
      'l.name as landlord_name',
    ])
    .where('m.group_id', '=', id)
    .where('m.deleted_at', 'is', null)
    .orderBy('c.last_name')
    .orderBy('c.first_name')
    .execute();
  const current = rows.filter((m) => currentOn(m, today));
  const members = await ruleMembers(
    ctx,
    current.map((m) => m.customer_id),
    id,
    today,
  );
  const held = await heldCounts(ctx, from, to);
  const dates = await groupDates(ctx, [g]);
  return {
    group: toGroup(g),
    members: [...current, ...rows.filter((m) => !currentOn(m, today))].map((m) =>
      toMembership(m, {
        name: `${m.first_name} ${m.last_name}`,
        codeOfConductSignedOn: m.code_signed_on,
        landlordName: m.landlord_name,
        tenure: m.tenure,
      }),
    ),
    ruleStatus: groupRuleStatus(ruleGroup(g), members, await ruleLandlords(ctx), today),
    cadence: groupCadence(held.get(id) ?? 0, g.target_meetings_per_year, dates.get(id)!, from, to),
  };
}

export async function saveGroup(
  ctx: CallContext,
  input: z.output<typeof groupInput>,
): Promise<Group> {
  const clash = await ctx.db
    .selectFrom('groups')
    .select('id')
    .where('name', '=', input.name)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (clash && clash.id !== input.id) {
    throw ApiError.invalid(`There is already a group called ${input.name}.`, [
      { path: 'name', message: 'Choose a name no other group has.' },
    ]);
  }
  const values = {
    name: input.name,
    family: input.family,
    kind: input.kind,
    landlord_id: input.landlordId,
    area_id: input.areaId,
    target_meetings_per_year: input.targetMeetingsPerYear,
    cadence_note: input.cadenceNote,
    commitment: input.commitment,
    description: input.description,
    starts_on: input.startsOn,
    ends_on: input.endsOn,
    min_tenants_per_partner: input.minTenantsPerPartner,
    exclude_board_members: input.excludeBoardMembers ? 1 : 0,
    min_age: input.minAge,
    max_age: input.maxAge,
  };
  const id = await writing(ctx, async (w) => {
    if (input.id) {
      await w.update('groups', input.id, values, { expectedUpdatedAt: input.expectedUpdatedAt });
      return input.id;
    }
    return w.create('groups', values);
  });
  return toGroup(await groupRow(ctx, id));
}

/**
 * The one evaluation of the rules for a candidate, on the date their
 * membership would start: the check before adding and the add itself both
 * come here, so a check that passes is never refused on save.
 */
async function candidateViolations(
  ctx: CallContext,
  candidate: { groupId: string; customerId: string; joinedOn: string },
): Promise<Violation[]> {
  const { groupId, customerId, joinedOn } = candidate;
  const g = await groupRow(ctx, groupId);
  const [member] = await ruleMembers(ctx, [customerId], groupId, joinedOn);
  if (!member) throw ApiError.notFound('The customer');
  return violationsForNewMember(ruleGroup(g), member, joinedOn);
}

export async function checkMember(
  ctx: CallContext,
  candidate: { groupId: string; customerId: string; joinedOn: string },
): Promise<Violation[]> {
  return candidateViolations(ctx, candidate);
}

/**
 * Adds a member. If that breaks a rule the member is not added: the result
 * explains why, and the caller may try again with an override reason, which
 * only a team leader or administrator may give and which is kept with the
 * membership and in the change log.
 */
export async function addMember(
  ctx: CallContext,
  input: z.output<typeof membershipInput>,
): Promise<AddMemberResult> {
  const violations = await candidateViolations(ctx, input);
  const canOverride = allowed(ctx, 'groups.override_rules');
  if (violations.length > 0 && !input.overrideReason) {
    return { added: false, violations, canOverride };
  }
  if (violations.length > 0 && !canOverride) {
    throw ApiError.forbidden(
      'Only a team leader or administrator can add a member who breaks a membership rule.',
    );
  }
  const existing = await ctx.db
    .selectFrom('group_memberships')
    .select(['id', 'joined_on', 'left_on'])
    .where('group_id', '=', input.groupId)
    .where('customer_id', '=', input.customerId)
    .where('deleted_at', 'is', null)
    .execute();
  if (existing.some((m) => m.left_on === null || m.left_on > input.joinedOn)) {
    throw new ApiError('conflict', 'This customer is already a member of the group.');
  }
  const reason = violations.length > 0 ? input.overrideReason : null;
  const id = await writing(ctx, async (w) => {
    await recordCodeSigned(w, input.customerId, input.codeOfConductSignedOn);
    return w.create(
      'group_memberships',
      {
        id: linkId('group_memberships', input.groupId, input.customerId, input.joinedOn),
        group_id: input.groupId,
        customer_id: input.customerId,
        role: input.role,
        joined_on: input.joinedOn,
        left_on: null,
        selection_method: input.selectionMethod,
        selection_notes: input.selectionNotes,
        role_description_agreed_on: input.roleDescriptionAgreedOn,
        code_of_conduct_signed_on: null,
        override_reason: reason,
      },
      { reason },
    );
  });
  return { added: true, membership: await membership(ctx, id), violations };
}

/**
 * A Code of Conduct date given with a membership is the customer's, so it is
 * written to their record (and its history). Clearing it is done there too:
 * a membership saved without a date leaves the customer's alone.
 */
async function recordCodeSigned(w: Writer, customerId: string, signedOn: string | null) {
  if (!signedOn) return;
  const customer = await w.trx
    .selectFrom('customers')
    .select('code_of_conduct_signed_on')
    .where('id', '=', customerId)
    .executeTakeFirst();
  if (customer && customer.code_of_conduct_signed_on !== signedOn) {
    await w.update('customers', customerId, { code_of_conduct_signed_on: signedOn });
  }
}

async function membership(ctx: AppContext, id: string): Promise<Membership> {
  const row = await ctx.db
    .selectFrom('group_memberships as m')
    .innerJoin('customers as c', 'c.id', 'm.customer_id')
    .leftJoin('landlords as l', 'l.id', 'c.landlord_id')
    .selectAll('m')
    .select([
      'c.first_name',
      'c.last_name',
      'c.code_of_conduct_signed_on as code_signed_on',
      'c.tenure',
      'l.name as landlord_name',
    ])
    .where('m.id', '=', id)
    .where('m.deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw ApiError.notFound('The membership');
  return toMembership(row, {
    name: `${row.first_name} ${row.last_name}`,
    codeOfConductSignedOn: row.code_signed_on,
    landlordName: row.landlord_name,
    tenure: row.tenure,
  });
}

export async function updateMember(
  ctx: CallContext,
  input: z.output<typeof membershipUpdateInput>,
): Promise<Membership> {
  const before = await membership(ctx, input.id);
  if (input.leftOn && input.leftOn < before.joinedOn) {
    throw ApiError.invalid('The date they left is before the date they joined.', [
      { path: 'leftOn', message: `Use a date on or after ${before.joinedOn}.` },
    ]);
  }
  await writing(ctx, async (w) => {
    await w.update(
      'group_memberships',
      input.id,
      {
        role: input.role,
        left_on: input.leftOn,
        selection_method: input.selectionMethod,
        selection_notes: input.selectionNotes,
        role_description_agreed_on: input.roleDescriptionAgreedOn,
      },
      { expectedUpdatedAt: input.expectedUpdatedAt },
    );
    await recordCodeSigned(w, before.customerId, input.codeOfConductSignedOn);
  });
  return membership(ctx, input.id);
}
