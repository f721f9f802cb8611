import type { RuleMember } from '../../../src-shared/rules/membership';
import type { AppContext } from '../context';
import { currentOn } from './rule-data';

/**
 * The rule members of every group at once, for the groups list: two queries
 * in all, where asking group by group (`ruleMembers`) costs two per group.
 * Each member carries the other corporate groups they sit on, as there.
 */
export async function ruleMembersOfAll(
  ctx: AppContext,
  currentByGroup: ReadonlyMap<string, readonly string[]>,
  on: string,
): Promise<Map<string, RuleMember[]>> {
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
      .where('id', 'in', (eb) =>
        eb.selectFrom('group_memberships').select('customer_id').where('deleted_at', 'is', null),
      )
      .execute(),
    ctx.db
      .selectFrom('group_memberships as m')
      .innerJoin('groups as g', 'g.id', 'm.group_id')
      .select(['m.customer_id', 'm.joined_on', 'm.left_on', 'g.id as group_id', 'g.name'])
      .where('g.kind', '=', 'corporate')
      .where('m.deleted_at', 'is', null)
      .where('g.deleted_at', 'is', null)
      .execute(),
  ]);
  const byId = new Map(customers.map((c) => [c.id, c]));
  const corporateOf = new Map<string, { id: string; name: string }[]>();
  for (const m of corporate) {
    if (!currentOn(m, on)) continue;
    const list = corporateOf.get(m.customer_id) ?? [];
    list.push({ id: m.group_id, name: m.name });
    corporateOf.set(m.customer_id, list);
  }
  const out = new Map<string, RuleMember[]>();
  for (const [groupId, ids] of currentByGroup) {
    const members: RuleMember[] = [];
    for (const id of ids) {
      const c = byId.get(id);
      if (!c) continue;
      members.push({
        customerId: c.id,
        name: `${c.first_name} ${c.last_name}`,
        landlordId: c.landlord_id,
        tenure: c.tenure,
        dateOfBirth: c.date_of_birth,
        isBoardMember: c.is_board_member === 1,
        otherCorporateGroups: (corporateOf.get(c.id) ?? []).filter((g) => g.id !== groupId),
      });
    }
    out.set(groupId, members);
  }
  return out;
}
