import type { RuleGroup, RuleLandlord, RuleMember } from '../../../src-shared/rules/membership';
import type { GroupRow } from '../../db/schema/groups';
import type { AppContext } from '../context';

/** The plain data the membership rules need, read from the database. */

export function ruleGroup(g: GroupRow): RuleGroup {
  return {
    id: g.id,
    name: g.name,
    kind: g.kind,
    minTenantsPerPartner: g.min_tenants_per_partner,
    excludeBoardMembers: g.exclude_board_members === 1,
    minAge: g.min_age,
    maxAge: g.max_age,
  };
}

export async function ruleLandlords(ctx: AppContext): Promise<RuleLandlord[]> {
  const rows = await ctx.db
    .selectFrom('landlords')
    .select(['id', 'name', 'is_partner'])
    .where('deleted_at', 'is', null)
    .orderBy('sort_order')
    .execute();
  return rows.map((l) => ({ id: l.id, name: l.name, isPartner: l.is_partner === 1 }));
}

/** A membership is current on `on` if it has started and not yet ended. */
export function currentOn<T extends { joined_on: string; left_on: string | null }>(
  m: T,
  on: string,
): boolean {
  return m.joined_on <= on && (m.left_on === null || m.left_on > on);
}

/**
 * The customers as rule members, each with the other standing groups they sit
 * on (excluding `groupId`).
 */
export async function ruleMembers(
  ctx: AppContext,
  customerIds: readonly string[],
  groupId: string,
  on: string,
): Promise<RuleMember[]> {
  if (customerIds.length === 0) return [];
  const [customers, corporate] = await Promise.all([
    ctx.db
      .selectFrom('customers')
      .select([
        'id',
        'first_name',
        'last_name',
        'landlord_id',
        'tenure',
        'date_of_birth',
        'is_board_member',
      ])
      .where('id', 'in', customerIds)
      .execute(),
    ctx.db
      .selectFrom('group_memberships as m')
      .innerJoin('groups as g', 'g.id', 'm.group_id')
      .select(['m.customer_id', 'm.joined_on', 'm.left_on', 'g.id as group_id', 'g.name'])
      .where('m.customer_id', 'in', customerIds)
      .where('g.kind', '=', 'corporate')
      .where('g.id', '!=', groupId)
      .where('m.deleted_at', 'is', null)
      .where('g.deleted_at', 'is', null)
      .execute(),
  ]);
  return customers.map((c) => ({
    customerId: c.id,
    name: `${c.first_name} ${c.last_name}`,
    landlordId: c.landlord_id,
    tenure: c.tenure,
    dateOfBirth: c.date_of_birth,
    isBoardMember: c.is_board_member === 1,
    otherCorporateGroups: corporate
      .filter((m) => m.customer_id === c.id && currentOn(m, on))
      .map((m) => ({ id: m.group_id, name: m.name })),
  }));
}
