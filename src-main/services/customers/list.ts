import { sql, type RawBuilder, type SelectQueryBuilder, type SqlBool } from 'kysely';
import type { DB } from '../../db/schema';
import type { Page } from '../../../src-shared/domain/common';
import type { CustomerListQuery, CustomerSummary } from '../../../src-shared/domain/customer';
import { ApiError } from '../../../src-shared/errors';
import { recentActivityCutoff } from '../../../src-shared/rules/customer-activity';
import { birthDateBounds } from '../../../src-shared/rules/membership';
import { londonDate } from '../../../src-shared/rules/working-days';
import type { CallContext } from '../context';
import { toSummary } from './rows';
import { searchPlan, type SearchPlan } from './search-query';

const byName = ['c.last_name', 'c.first_name', 'c.id'];

/** ORDER BY for each sort; every one ends on the name and id so pages never overlap. */
const sortColumns: Record<
  Exclude<CustomerListQuery['sort'], 'relevance'>,
  { column: string; reversed?: boolean }
> = {
  name: { column: 'c.last_name' },
  postcode: { column: 'c.postcode' },
  status: { column: 'c.status' },
  landlord: { column: 'l.name' },
  area: { column: 'a.name' },
  // Oldest first means the earliest date of birth.
  age: { column: 'c.date_of_birth', reversed: true },
  lastActivity: { column: 'c.last_activity_at' },
  updated: { column: 'c.updated_at' },
};

function orderBy(query: CustomerListQuery, searching: boolean): string {
  const dir = query.direction === 'desc' ? 'DESC' : 'ASC';
  if (query.sort === 'relevance') {
    return searching
      ? `customers_fts.rank, ${byName.join(', ')}`
      : byName.map((c) => `${c} ${dir}`).join(', ');
  }
  const { column, reversed } = sortColumns[query.sort];
  const d = reversed ? (dir === 'ASC' ? 'DESC' : 'ASC') : dir;
  const names = byName.map((c) => `${c} ${dir}`).join(', ');
  return column === 'c.last_name' ? names : `${column} ${d} NULLS LAST, ${names}`;
}

type IdQuery = SelectQueryBuilder<DB & { c: DB['customers'] }, 'c', { id: string }>;

/**
 * Oldest activity first, with those never active last. SQLite keeps NULLs
 * first in an index, so "NULLS LAST" in one query means sorting every row; as
 * two, each reads its stretch of the last-activity index in order: the
 * dated rows, then (if the page reaches past them) the undated, by name.
 */
async function activeFirst(page: IdQuery, query: CustomerListQuery): Promise<string[]> {
  const names = byName.map((c) => `${c} ASC`).join(', ');
  const dated = (
    await page
      .where('c.last_activity_at', 'is not', null)
      .orderBy(sql.raw(`c.last_activity_at ASC, ${names}`))
      .limit(query.limit)
      .offset(query.offset)
      .execute()
  ).map((r) => r.id);
  if (dated.length === query.limit) return dated;
  const skipped =
    dated.length > 0
      ? 0
      : query.offset -
        Number(
          (
            await page
              .clearSelect()
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .where('c.last_activity_at', 'is not', null)
              .executeTakeFirstOrThrow()
          ).n,
        );
  const undated = (
    await page
      .where('c.last_activity_at', 'is', null)
      .orderBy(sql.raw(names))
      .limit(query.limit - dated.length)
      .offset(Math.max(0, skipped))
      .execute()
  ).map((r) => r.id);
  return [...dated, ...undated];
}

/** Up to this many matches, a name or number search fetches the matching rows by id. */
const FEW_MATCHES = 2000;

type PrefixPlan = Extract<SearchPlan, { kind: 'name' | 'phone' }>;

/*
 * A name prefix is a range of the NOCASE name indexes (the letters carry no
 * LIKE wildcards); a number is a range of the indexes of the numbers with
 * their spaces taken out.
 */
function matchingCondition(plan: PrefixPlan) {
  if (plan.kind === 'name') {
    const pattern = `${plan.prefix}%`;
    return sql<SqlBool>`(c.last_name LIKE ${pattern} OR c.first_name LIKE ${pattern})`;
  }
  const [from, to] = [plan.digits, `${plan.digits}\u{10FFFF}`];
  return sql<SqlBool>`((c.phone IS NOT NULL AND replace(c.phone, ' ', '') >= ${from} AND replace(c.phone, ' ', '') < ${to})
    OR (c.mobile IS NOT NULL AND replace(c.mobile, ' ', '') >= ${from} AND replace(c.mobile, ' ', '') < ${to}))`;
}

function matchingRowids(plan: PrefixPlan) {
  if (plan.kind === 'name') {
    const pattern = `${plan.prefix}%`;
    return sql`SELECT rowid FROM customers WHERE deleted_at IS NULL AND last_name LIKE ${pattern}
      UNION SELECT rowid FROM customers WHERE deleted_at IS NULL AND first_name LIKE ${pattern}`;
  }
  const [from, to] = [plan.digits, `${plan.digits}\u{10FFFF}`];
  return sql`SELECT rowid FROM customers WHERE deleted_at IS NULL AND phone IS NOT NULL
        AND replace(phone, ' ', '') >= ${from} AND replace(phone, ' ', '') < ${to}
      UNION SELECT rowid FROM customers WHERE deleted_at IS NULL AND mobile IS NOT NULL
        AND replace(mobile, ' ', '') >= ${from} AND replace(mobile, ' ', '') < ${to}`;
}

/*
 * The two columns a prefix search reads (surname and first name, or phone and
 * mobile), each tested so its index can answer, or with a unary plus so it
 * cannot and the row is read instead.
 */
function prefixTerm(plan: PrefixPlan, which: 0 | 1, indexed: boolean) {
  const column = sql.raw(
    `${indexed ? '' : '+'}${plan.kind === 'name' ? ['last_name', 'first_name'][which] : ['phone', 'mobile'][which]}`,
  );
  if (plan.kind === 'name') return sql<SqlBool>`${column} LIKE ${`${plan.prefix}%`}`;
  const [from, to] = [plan.digits, `${plan.digits}\u{10FFFF}`];
  return sql<SqlBool>`${column} IS NOT NULL AND replace(${column}, ' ', '') >= ${from}
    AND replace(${column}, ' ', '') < ${to}`;
}

/**
 * How many live customers match a prefix in either column: each column's
 * matches counted from its index alone, less those matching in both, counted
 * by reading the rows of the smaller side. A first keystroke or a phone
 * prefix matches thousands; the union of the two lists that this replaces
 * sorted every one of them.
 */
async function countMatching(ctx: CallContext, plan: PrefixPlan): Promise<number> {
  const count = async (where: RawBuilder<SqlBool>) =>
    Number(
      (
        await sql<{
          n: number;
        }>`SELECT count(*) AS n FROM customers WHERE deleted_at IS NULL AND ${where}`.execute(
          ctx.db,
        )
      ).rows[0]!.n,
    );
  const first = await count(prefixTerm(plan, 0, true));
  const second = await count(prefixTerm(plan, 1, true));
  if (first === 0 || second === 0) return first + second;
  const [driver, other] = first <= second ? ([0, 1] as const) : ([1, 0] as const);
  const both = await count(
    sql<SqlBool>`${prefixTerm(plan, driver, true)} AND ${prefixTerm(plan, other, false)}`,
  );
  return first + second - both;
}

/** Whether anything besides the search narrows the list. */
function filtered(query: CustomerListQuery): boolean {
  return Boolean(
    query.landlordId ||
    query.areaId ||
    query.status?.length ||
    query.tenure ||
    query.isBoardMember !== undefined ||
    query.interest ||
    query.skill ||
    query.noRecentActivity ||
    query.eligibleForGroupId,
  );
}

/** One page of the register, with the total that match, for the virtualised list. */
export async function listCustomers(
  ctx: CallContext,
  query: CustomerListQuery,
): Promise<Page<CustomerSummary>> {
  const now = ctx.clock.now();
  const plan = searchPlan(query.search);
  const match = plan?.kind === 'fts' ? plan.match : null;
  let knownTotal: number | null = null;

  let base = ctx.db.selectFrom('customers as c').where('c.deleted_at', 'is', null);
  if (match) {
    base = base
      .innerJoin('customers_fts', 'customers_fts.rowid', 'c.search_rowid')
      .where(sql<SqlBool>`customers_fts MATCH ${match}`);
  } else if (plan?.kind === 'name' || plan?.kind === 'phone') {
    if (!filtered(query)) {
      // Counted from the name or number indexes alone. Many matches ("s",
      // "07700"): walk the register in name order, where they come thick and
      // fast; a few (a whole number): fetch just those rows.
      knownTotal = await countMatching(ctx, plan);
      base = base.where(
        knownTotal > FEW_MATCHES
          ? matchingCondition(plan)
          : sql<SqlBool>`c.rowid IN (${matchingRowids(plan)})`,
      );
    } else {
      base = base.where(matchingCondition(plan));
    }
  }
  if (query.landlordId) base = base.where('c.landlord_id', '=', query.landlordId);
  if (query.areaId) base = base.where('c.area_id', '=', query.areaId);
  if (query.status && query.status.length > 0) base = base.where('c.status', 'in', query.status);
  if (query.tenure) base = base.where('c.tenure', '=', query.tenure);
  if (query.isBoardMember !== undefined)
    base = base.where('c.is_board_member', '=', query.isBoardMember ? 1 : 0);
  for (const [kind, value] of [
    ['interest', query.interest],
    ['skill', query.skill],
  ] as const) {
    if (!value) continue;
    base = base.where('c.id', 'in', (eb) =>
      eb
        .selectFrom('customer_tags')
        .select('customer_id')
        .where('kind', '=', kind)
        .where('value', '=', value),
    );
  }
  if (query.eligibleForGroupId) {
    const group = await ctx.db
      .selectFrom('groups')
      .select(['id', 'kind', 'exclude_board_members', 'min_age', 'max_age'])
      .where('id', '=', query.eligibleForGroupId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (!group) throw ApiError.notFound('The group');
    const today = londonDate(now);
    const currentOnGroups = (corporate: boolean) =>
      ctx.db
        .selectFrom('group_memberships as m')
        .innerJoin('groups as g', 'g.id', 'm.group_id')
        .select('m.customer_id')
        .where('m.deleted_at', 'is', null)
        .where('g.deleted_at', 'is', null)
        .where('m.joined_on', '<=', today)
        .where((w) => w.or([w('m.left_on', 'is', null), w('m.left_on', '>', today)]))
        .where(corporate ? 'g.kind' : 'g.id', '=', corporate ? 'corporate' : group.id);
    base = base.where('c.status', '!=', 'left');
    base = base.where('c.id', 'not in', currentOnGroups(false));
    if (group.kind === 'corporate') {
      base = base.where('c.id', 'not in', currentOnGroups(true));
    }
    if (group.exclude_board_members === 1) base = base.where('c.is_board_member', '=', 0);
    const { bornOnOrBefore, bornAfter } = birthDateBounds(group.min_age, group.max_age, today);
    if (bornOnOrBefore) base = base.where('c.date_of_birth', '<=', bornOnOrBefore);
    if (bornAfter) base = base.where('c.date_of_birth', '>', bornAfter);
  }
  if (query.noRecentActivity) {
    const cutoff = recentActivityCutoff(now);
    base = base.where((eb) =>
      eb.or([eb('c.last_activity_at', 'is', null), eb('c.last_activity_at', '<', cutoff)]),
    );
  }

  // The page's ids first, from the list indexes alone; then the details of
  // just those rows. Skipping to a deep offset never reads the skipped rows.
  let page = base.select('c.id');
  if (query.sort === 'landlord') page = page.leftJoin('landlords as l', 'l.id', 'c.landlord_id');
  if (query.sort === 'area') page = page.leftJoin('areas as a', 'a.id', 'c.area_id');
  const ids =
    query.sort === 'lastActivity' && query.direction !== 'desc'
      ? await activeFirst(page, query)
      : (
          await page
            .orderBy(sql.raw(orderBy(query, match !== null)))
            .limit(query.limit)
            .offset(query.offset)
            .execute()
        ).map((r) => r.id);

  const details =
    ids.length === 0
      ? []
      : await ctx.db
          .selectFrom('customers as c')
          .leftJoin('landlords as l', 'l.id', 'c.landlord_id')
          .leftJoin('areas as a', 'a.id', 'c.area_id')
          .select([
            'c.id',
            'c.first_name',
            'c.last_name',
            'c.preferred_name',
            'c.postcode',
            'c.email',
            'c.phone',
            'c.mobile',
            'c.landlord_id',
            'l.name as landlord_name',
            'c.area_id',
            'a.name as area_name',
            'c.tenure',
            'c.status',
            'c.is_board_member',
            'c.date_of_birth',
            'c.last_activity_at',
            'c.updated_at',
          ])
          .where('c.id', 'in', ids)
          .execute();
  const byId = new Map(details.map((d) => [d.id, d]));
  const rows = ids.map((id) => byId.get(id)!);

  // The register with nothing narrowing it: every live customer, counted
  // from the narrowest index of them rather than whatever the planner takes.
  const everyone = !plan && !filtered(query);
  // A short first page is the whole result: no need to count.
  const total =
    knownTotal ??
    (query.offset === 0 && ids.length < query.limit
      ? ids.length
      : everyone
        ? Number(
            (
              await sql<{ n: number }>`SELECT count(*) AS n FROM customers INDEXED BY customers_live
                WHERE deleted_at IS NULL`.execute(ctx.db)
            ).rows[0]!.n,
          )
        : Number(
            (await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow())
              .n,
          ));

  const today = londonDate(now);
  return { rows: rows.map((r) => toSummary(r, today)), total };
}
