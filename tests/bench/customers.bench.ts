import type Database from 'better-sqlite3-multiple-ciphers';
import { customerListInput } from '../../src-shared/domain/customer';
import { listCustomers } from '../../src-main/services/customers/list';
import { ftsQuery } from '../../src-main/services/customers/search-query';
import { openTestApp, openTestFile } from '../support/temp-db';
import { report, timePaired, type BenchModule } from './harness';

const CUSTOMERS = 50_000;
const searches = [
  'smith',
  'hal',
  'margaret',
  'TS17',
  'ts24 5',
  'mick',
  "o'neill",
  'khan',
  'jon',
  'peggy',
  'walkabout',
  'winspear',
];

const detailsSql = (n: number) => `
  SELECT c.id, c.first_name, c.last_name, c.preferred_name, c.postcode, c.email, c.phone, c.mobile,
         c.landlord_id, l.name AS landlord_name, c.area_id, a.name AS area_name, c.tenure, c.status,
         c.is_board_member, c.date_of_birth, c.last_activity_at, c.updated_at
  FROM customers AS c
  LEFT JOIN landlords AS l ON l.id = c.landlord_id
  LEFT JOIN areas AS a ON a.id = c.area_id
  WHERE c.id IN (${Array.from({ length: n }, () => '?').join(', ')})`;

/**
 * Search and list pages on a 50,000-customer demo database, through the
 * service, against the same statements on a raw better-sqlite3 handle: the
 * page's ids, their details, and the total when the page is full.
 */
export const customersBench: BenchModule = {
  name: 'customers',
  async run() {
    const app = await openTestApp();
    const started = performance.now();
    await app.call('demo.load', { customers: CUSTOMERS, seed: 13 });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `demo load, ${CUSTOMERS.toLocaleString('en-GB')} customers plus the other areas' demo data: ${seconds} s`,
    );
    const ctx = await app.ctx();
    const raw = openTestFile(ctx.dbPath, { readonly: true });
    const details = new Map<number, Database.Statement>();
    const detailsOf = (ids: string[]) => {
      if (ids.length === 0) return [];
      let st = details.get(ids.length);
      if (!st) details.set(ids.length, (st = raw.prepare(detailsSql(ids.length))));
      return st.all(...ids);
    };
    const rawList = (idsSql: string, countSql: string, limit: number) => {
      const ids = raw.prepare(idsSql).pluck();
      const count = raw.prepare(countSql).pluck();
      return (...args: unknown[]) => {
        const page = ids.all(...args) as string[];
        detailsOf(page);
        if (page.length === limit) count.get(...args.slice(0, -1));
      };
    };

    const searchPage = rawList(
      `SELECT c.id FROM customers AS c JOIN customers_fts ON customers_fts.rowid = c.search_rowid
       WHERE c.deleted_at IS NULL AND customers_fts MATCH ?
       ORDER BY customers_fts.rank, c.last_name, c.first_name, c.id LIMIT ? OFFSET 0`,
      `SELECT count(*) FROM customers AS c JOIN customers_fts ON customers_fts.rowid = c.search_rowid
       WHERE c.deleted_at IS NULL AND customers_fts MATCH ?`,
      100,
    );
    const queries = searches.map((s) => customerListInput.parse({ search: s, limit: 100 }));
    const matches = searches.map((s) => ftsQuery(s)!);
    const sizes = await Promise.all(queries.map(async (q) => (await listCustomers(ctx, q)).total));
    console.log(`searches (matches): ${searches.map((s, i) => `${s} (${sizes[i]})`).join(', ')}`);
    report(
      'search: first 100 by relevance, with the total',
      ...(await timePaired(
        600,
        (i) => listCustomers(ctx, queries[i % queries.length]!),
        (i) => searchPage(matches[i % matches.length]!, 100),
      )),
      { p95Ms: 20, ratio: 1.5 },
    );

    const landlordId = (await app.call('organisation.get', {})).landlords[0]!.id;
    const filtered = customerListInput.parse({
      landlordId,
      status: ['active'],
      interest: 'repairs',
      sort: 'name',
      limit: 200,
    });
    const filters = `c.deleted_at IS NULL AND c.landlord_id = ? AND c.status IN ('active')
       AND c.id IN (SELECT customer_id FROM customer_tags WHERE kind = 'interest' AND value = 'repairs')`;
    const filteredPage = rawList(
      `SELECT c.id FROM customers AS c WHERE ${filters} ORDER BY c.last_name ASC, c.first_name ASC, c.id ASC LIMIT ? OFFSET 0`,
      `SELECT count(*) FROM customers AS c WHERE ${filters}`,
      200,
    );
    console.log(
      `filtered list (one landlord, active, interested in repairs): ${(await listCustomers(ctx, filtered)).total} customers`,
    );
    report(
      'filtered list: first 200 by name, with the total',
      ...(await timePaired(
        300,
        () => listCustomers(ctx, filtered),
        () => filteredPage(landlordId, 200),
      )),
    );

    const deep = customerListInput.parse({ sort: 'name', limit: 200, offset: 40_000 });
    const deepPage = rawList(
      `SELECT c.id FROM customers AS c WHERE c.deleted_at IS NULL ORDER BY c.last_name ASC, c.first_name ASC, c.id ASC LIMIT ? OFFSET 40000`,
      `SELECT count(*) FROM customers AS c WHERE c.deleted_at IS NULL`,
      200,
    );
    report(
      'whole register by name: 200 rows from row 40,000',
      ...(await timePaired(
        100,
        () => listCustomers(ctx, deep),
        () => deepPage(200),
      )),
    );

    raw.close();
    await app.close();
  },
};
