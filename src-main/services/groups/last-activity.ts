import type { Writer } from '../../changes/writer';

/**
 * Keeps `customers.last_activity_at` (the register's "no activity in the last
 * 12 months" filter) in step with attendance: the start of the latest
 * activity, not cancelled, at which the customer was present. A date that
 * came from elsewhere (an import) is only lowered when the activity it came
 * from is the one that no longer counts.
 */
export async function refreshLastActivity(
  w: Writer,
  customerId: string,
  noLongerCounts: string | null = null,
): Promise<void> {
  const [latest, customer] = await Promise.all([
    w.trx
      .selectFrom('attendance as t')
      .innerJoin('activities as a', 'a.id', 't.activity_id')
      .select((eb) => eb.fn.max('a.starts_at').as('at'))
      .where('t.customer_id', '=', customerId)
      .where('t.status', '=', 'present')
      .where('t.deleted_at', 'is', null)
      .where('a.deleted_at', 'is', null)
      .where('a.status', '!=', 'cancelled')
      .executeTakeFirst(),
    w.trx
      .selectFrom('customers')
      .select('last_activity_at')
      .where('id', '=', customerId)
      .executeTakeFirst(),
  ]);
  if (!customer) return;
  const at = (latest?.at as string | null | undefined) ?? null;
  const current = customer.last_activity_at;
  const raise = at !== null && (current === null || at > current);
  const lower = noLongerCounts !== null && current === noLongerCounts && at !== current;
  if (raise || lower) await w.update('customers', customerId, { last_activity_at: at });
}
