import { sql } from 'kysely';
import type {
  ConsentRecord,
  ContactMethod,
  CustomerStatus,
} from '../../../src-shared/domain/customer';
import { displayName } from '../../../src-shared/domain/customer';
import type { MailingBuild, MailingFilters } from '../../../src-shared/domain/community';
import {
  decideMailing,
  exclusionReasons,
  mailingChannels,
  type ExclusionReason,
  type MailingChannel,
} from '../../../src-shared/rules/mailing-eligibility';
import { londonDate } from '../../../src-shared/rules/working-days';
import type { AppContext } from '../context';

/** A recipient as the mail-merge file and the labels need them. */
export interface MailingRow {
  customerId: string;
  name: string;
  firstName: string;
  lastName: string;
  addressLine1: string | null;
  addressLine2: string | null;
  town: string | null;
  postcode: string | null;
  email: string | null;
  mobile: string | null;
  channel: MailingChannel;
}

export interface ExcludedRow {
  customerId: string;
  name: string;
  reason: ExclusionReason;
  detail: string;
}

export interface MailingDecisions {
  inScope: number;
  recipients: MailingRow[];
  excluded: ExcludedRow[];
}

const NO_CONSENTS: ConsentRecord[] = [];

/**
 * Everyone in the filters' scope, each decided by the one mailing rule
 * (rules/mailing-eligibility.ts). The scope is narrowed in SQL (group,
 * interest, area, landlord); consent and preferences are judged per
 * customer, so the words for who is left out come from the same rule that
 * leaves them out.
 */
export async function decideMailingList(
  ctx: Pick<AppContext, 'db' | 'clock'>,
  filters: MailingFilters,
): Promise<MailingDecisions> {
  const today = londonDate(ctx.clock.now());
  let q = ctx.db
    .selectFrom('customers as c')
    .select([
      'c.id',
      'c.first_name',
      'c.last_name',
      'c.preferred_name',
      'c.status',
      'c.contact_methods',
      'c.consents',
      'c.email',
      'c.mobile',
      'c.address_line1',
      'c.address_line2',
      'c.town',
      'c.postcode',
    ])
    .where('c.deleted_at', 'is', null);
  if (filters.areaId) q = q.where('c.area_id', '=', filters.areaId);
  if (filters.landlordId) q = q.where('c.landlord_id', '=', filters.landlordId);
  if (filters.interest)
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('customer_tags as t')
          .select(sql`1`.as('one'))
          .whereRef('t.customer_id', '=', 'c.id')
          .where('t.kind', '=', 'interest')
          .where('t.value', '=', filters.interest!),
      ),
    );
  if (filters.groupId)
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('group_memberships as m')
          .select(sql`1`.as('one'))
          .whereRef('m.customer_id', '=', 'c.id')
          .where('m.group_id', '=', filters.groupId!)
          .where('m.deleted_at', 'is', null)
          .where((w) => w.or([w('m.left_on', 'is', null), w('m.left_on', '>', today)])),
      ),
    );
  const rows = await q.orderBy('c.last_name').orderBy('c.first_name').orderBy('c.id').execute();

  const options = { channels: filters.channels, includePaused: filters.includePaused, today };
  const recipients: MailingRow[] = [];
  const excluded: ExcludedRow[] = [];
  for (const r of rows) {
    const decision = decideMailing(
      {
        status: r.status as CustomerStatus,
        contactMethods: JSON.parse(r.contact_methods) as ContactMethod[],
        // Most customers' consents never mention contact; skip reading those.
        consents: r.consents.includes('"contact"')
          ? (JSON.parse(r.consents) as ConsentRecord[])
          : NO_CONSENTS,
        email: r.email,
        mobile: r.mobile,
        addressLine1: r.address_line1,
        postcode: r.postcode,
      },
      options,
    );
    const name = displayName({
      firstName: r.first_name,
      lastName: r.last_name,
      preferredName: r.preferred_name,
    });
    if (decision.included)
      recipients.push({
        customerId: r.id,
        name,
        firstName: r.preferred_name || r.first_name,
        lastName: r.last_name,
        addressLine1: r.address_line1,
        addressLine2: r.address_line2,
        town: r.town,
        postcode: r.postcode,
        email: r.email,
        mobile: r.mobile,
        channel: decision.channel,
      });
    else
      excluded.push({
        customerId: r.id,
        name,
        reason: decision.reason,
        detail: decision.detail,
      });
  }
  return { inScope: rows.length, recipients, excluded };
}

/** How many of the left out the preview lists by name; the export has them all. */
export const EXCLUDED_SHOWN = 500;
const RECIPIENTS_SHOWN = 100;

export async function buildMailingList(
  ctx: Pick<AppContext, 'db' | 'clock'>,
  filters: MailingFilters,
): Promise<MailingBuild> {
  const d = await decideMailingList(ctx, filters);
  const byChannel = Object.fromEntries(mailingChannels.map((c) => [c, 0])) as Record<
    MailingChannel,
    number
  >;
  for (const r of d.recipients) byChannel[r.channel] += 1;
  const byReason = Object.fromEntries(exclusionReasons.map((c) => [c, 0])) as Record<
    ExclusionReason,
    number
  >;
  for (const e of d.excluded) byReason[e.reason] += 1;
  return {
    inScope: d.inScope,
    included: d.recipients.length,
    byChannel,
    byReason,
    recipients: d.recipients
      .slice(0, RECIPIENTS_SHOWN)
      .map((r) => ({ customerId: r.customerId, name: r.name, channel: r.channel })),
    excluded: d.excluded.slice(0, EXCLUDED_SHOWN),
    excludedTotal: d.excluded.length,
    shownLimit: EXCLUDED_SHOWN,
  };
}
