import type { AppContext } from '../context';

/**
 * The people who may sit on a panel, with where they live: the members of
 * its group now, or every active customer where the panel has no group. The
 * complaint panel and the Community Fund panel both check conflicts of
 * interest against these places (same street, same estate).
 */
export async function panelSeatsWithPlaces(
  ctx: AppContext,
  groupId: string | null,
  options: { customerId?: string; limit: number },
) {
  let q = ctx.db
    .selectFrom('customers as c')
    .leftJoin('neighbourhoods as n', 'n.id', 'c.neighbourhood_id')
    .select([
      'c.id',
      'c.first_name',
      'c.last_name',
      'c.preferred_name',
      'c.address_line1',
      'c.town',
      'c.postcode',
      'c.neighbourhood_id',
      'n.name as neighbourhood_name',
    ])
    .where('c.deleted_at', 'is', null);
  if (groupId)
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('group_memberships as g')
          .select('g.id')
          .whereRef('g.customer_id', '=', 'c.id')
          .where('g.group_id', '=', groupId)
          .where('g.deleted_at', 'is', null)
          .where('g.left_on', 'is', null),
      ),
    );
  else q = q.where('c.status', '=', 'active');
  if (options.customerId) q = q.where('c.id', '=', options.customerId);
  return q.orderBy('c.last_name').orderBy('c.first_name').limit(options.limit).execute();
}
