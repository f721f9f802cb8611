import type { DuplicateMatch } from '../../../src-shared/domain/customer';
import {
  duplicateKeys,
  duplicateReasons,
  type DuplicateProbe,
} from '../../../src-shared/rules/customer-duplicates';
import type { CallContext } from '../context';

/**
 * Customers who look like the same person: same name and postcode, or same
 * email, or a phone number in common. Each lookup is on an indexed column.
 */
export async function findDuplicates(
  ctx: CallContext,
  probe: DuplicateProbe & { excludeId?: string | undefined },
): Promise<DuplicateMatch[]> {
  const keys = duplicateKeys(probe);
  const byPostcode = keys.firstName && keys.lastName ? keys.postcode : null;
  if (!byPostcode && !keys.email && keys.phones.length === 0) return [];

  let query = ctx.db
    .selectFrom('customers')
    .select(['id', 'first_name', 'last_name', 'postcode', 'email', 'phone', 'mobile', 'status'])
    .where('deleted_at', 'is', null)
    .where((eb) => {
      const any = [];
      if (byPostcode) any.push(eb('postcode', '=', byPostcode));
      if (keys.email) any.push(eb('email', '=', keys.email));
      if (keys.phones.length > 0)
        any.push(eb('phone', 'in', keys.phones), eb('mobile', 'in', keys.phones));
      return eb.or(any);
    });
  if (probe.excludeId) query = query.where('id', '!=', probe.excludeId);
  const candidates = await query.orderBy('last_name').orderBy('first_name').limit(200).execute();

  const matches: DuplicateMatch[] = [];
  for (const c of candidates) {
    const reasons = duplicateReasons(keys, {
      firstName: c.first_name,
      lastName: c.last_name,
      postcode: c.postcode,
      email: c.email,
      phone: c.phone,
      mobile: c.mobile,
    });
    if (reasons.length === 0) continue;
    matches.push({
      id: c.id,
      firstName: c.first_name,
      lastName: c.last_name,
      postcode: c.postcode,
      email: c.email,
      phone: c.phone,
      mobile: c.mobile,
      status: c.status as DuplicateMatch['status'],
      reasons,
    });
  }
  return matches.slice(0, 20);
}
