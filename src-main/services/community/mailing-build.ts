import { sql, type SelectQueryBuilder } from 'kysely';
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
  type MailingDecision,
} from '../../../src-shared/rules/mailing-eligibility';
import { londonDate } from '../../../src-shared/rules/working-days';
import type { DB } from '../../db/schema';
import type { CustomersTable } from '../../db/schema/customers';
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

type Ctx = Pick<AppContext, 'db' | 'clock'>;
type Scope = SelectQueryBuilder<DB & { c: CustomersTable }, 'c', object>;

const NO_CONSENTS: ConsentRecord[] = [];

/** The filters' scope (group, interest, area, landlord), narrowed in SQL. */
function inScope(ctx: Ctx, filters: MailingFilters, today: string): Scope {
  let q = ctx.db.selectFrom('customers as c').where('c.deleted_at', 'is', null);
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
  return q;
}

interface Deciding {
  status: string;
  contact_methods: string;
  consents: string | null;
  has_email: number;
  has_mobile: number;
  has_address: number;
}

/** The one rule (rules/mailing-eligibility.ts) applied to a row of the register. */
function decide(r: Deciding, filters: MailingFilters, today: string): MailingDecision {
  return decideMailing(
    {
      status: r.status as CustomerStatus,
      contactMethods: JSON.parse(r.contact_methods) as ContactMethod[],
      consents: r.consents ? (JSON.parse(r.consents) as ConsentRecord[]) : NO_CONSENTS,
      hasEmail: r.has_email === 1,
      hasMobile: r.has_mobile === 1,
      hasAddress: r.has_address === 1,
    },
    { channels: filters.channels, includePaused: filters.includePaused, today },
  );
}

/*
 * What the rule needs, worked out in SQL so the wide row's text never
 * becomes strings: whether an email, mobile and address are there, and the
 * consents only of customers whose consents mention contact at all (the
 * rest cannot have consented to it).
 */
const deciding = [
  'c.status' as const,
  'c.contact_methods' as const,
  sql<string | null>`CASE WHEN instr(c.consents, '"contact"') > 0 THEN c.consents END`.as(
    'consents',
  ),
  sql<number>`c.email IS NOT NULL AND c.email <> ''`.as('has_email'),
  sql<number>`c.mobile IS NOT NULL AND c.mobile <> ''`.as('has_mobile'),
  sql<number>`c.address_line1 IS NOT NULL AND c.address_line1 <> '' AND c.postcode IS NOT NULL AND c.postcode <> ''`.as(
    'has_address',
  ),
];

/**
 * Everyone in the filters' scope with their details, each decided by the
 * one mailing rule: what the export writes and what "record as sent" logs.
 */
export async function decideMailingList(
  ctx: Ctx,
  filters: MailingFilters,
): Promise<MailingDecisions> {
  const today = londonDate(ctx.clock.now());
  const rows = await inScope(ctx, filters, today)
    .select([
      'c.id',
      'c.first_name',
      'c.last_name',
      'c.preferred_name',
      'c.email',
      'c.mobile',
      'c.address_line1',
      'c.address_line2',
      'c.town',
      'c.postcode',
      ...deciding,
    ])
    .orderBy('c.last_name')
    .orderBy('c.first_name')
    .orderBy('c.id')
    .execute();
  const recipients: MailingRow[] = [];
  const excluded: ExcludedRow[] = [];
  for (const r of rows) {
    const decision = decide(r, filters, today);
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
      excluded.push({ customerId: r.id, name, reason: decision.reason, detail: decision.detail });
  }
  return { inScope: rows.length, recipients, excluded };
}

/** How many of the left out the preview lists by name; the export has them all. */
export const EXCLUDED_SHOWN = 500;

/**
 * The preview: how many the list reaches by each channel, and who is left
 * out and why. Reads only what the rule needs, in the table's own order;
 * the names are read afterwards for those it lists.
 */
export async function buildMailingList(ctx: Ctx, filters: MailingFilters): Promise<MailingBuild> {
  const today = londonDate(ctx.clock.now());
  const rows = await inScope(ctx, filters, today)
    .select(['c.id', ...deciding])
    .execute();
  const byChannel = Object.fromEntries(mailingChannels.map((c) => [c, 0])) as Record<
    MailingChannel,
    number
  >;
  const byReason = Object.fromEntries(exclusionReasons.map((c) => [c, 0])) as Record<
    ExclusionReason,
    number
  >;
  const left = new Map<string, { reason: ExclusionReason; detail: string }>();
  for (const r of rows) {
    const decision = decide(r, filters, today);
    if (decision.included) byChannel[decision.channel] += 1;
    else {
      byReason[decision.reason] += 1;
      left.set(r.id, { reason: decision.reason, detail: decision.detail });
    }
  }
  const named = left.size
    ? await ctx.db
        .selectFrom('customers')
        .select(['id', 'first_name', 'last_name', 'preferred_name'])
        .where(
          'id',
          'in',
          sql<string>`(SELECT value FROM json_each(${JSON.stringify([...left.keys()])}))`,
        )
        .orderBy('last_name')
        .orderBy('first_name')
        .orderBy('id')
        .limit(EXCLUDED_SHOWN)
        .execute()
    : [];
  return {
    inScope: rows.length,
    included: rows.length - left.size,
    byChannel,
    byReason,
    excluded: named.map((n) => ({
      customerId: n.id,
      name: displayName({
        firstName: n.first_name,
        lastName: n.last_name,
        preferredName: n.preferred_name,
      }),
      ...left.get(n.id)!,
    })),
    excludedTotal: left.size,
    shownLimit: EXCLUDED_SHOWN,
  };
}
