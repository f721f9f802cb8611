import Database from 'better-sqlite3';
import { mailingFiltersInput } from '../../src-shared/domain/community';
import { buildMailingList } from '../../src-main/services/community/mailing-build';
import { openTestApp } from '../support/temp-db';
import { benchOptions, report, timePaired, type BenchModule } from './harness';

const CUSTOMERS = 50_000;

// The statement the service's preview runs, on a raw handle: the same rows and columns.
const rawSql = (where: string) => `
  SELECT c.id, c.status, c.contact_methods,
         CASE WHEN instr(c.consents, '"contact"') > 0 THEN c.consents END AS consents,
         c.email IS NOT NULL AND c.email <> '' AS has_email,
         c.mobile IS NOT NULL AND c.mobile <> '' AS has_mobile,
         c.address_line1 IS NOT NULL AND c.address_line1 <> '' AND c.postcode IS NOT NULL AND c.postcode <> '' AS has_address
  FROM customers AS c
  WHERE c.deleted_at IS NULL ${where}`;

/**
 * The mailing-list build on a 50,000-customer demo: the whole register
 * (every involved customer, by email or letter) and one area, through the
 * service (scope in SQL, consent and preferences decided per customer, the
 * preview's counts and first rows) against the raw statement that reads the
 * same rows, in the same run.
 */
export const communityBench: BenchModule = {
  name: 'community',
  async run() {
    const { samples } = benchOptions();
    const app = await openTestApp();
    const started = performance.now();
    await app.call('demo.load', { customers: CUSTOMERS, seed: 13 });
    console.log(
      `demo load, ${CUSTOMERS.toLocaleString('en-GB')} customers: ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    const ctx = await app.ctx();
    const raw = new Database(ctx.dbPath, { readonly: true });
    const everyone = mailingFiltersInput.parse({
      channels: ['email', 'post'],
      includePaused: true,
    });
    const area = (await ctx.db
      .selectFrom('areas')
      .select('id')
      .orderBy('name')
      .executeTakeFirst())!;
    const oneArea = mailingFiltersInput.parse({ channels: ['post'], areaId: area.id });
    const all = raw.prepare(rawSql(''));
    const byArea = raw.prepare(rawSql('AND c.area_id = ?'));

    const built = await buildMailingList(ctx, everyone);
    console.log(
      `whole register: ${built.inScope.toLocaleString('en-GB')} in scope, ${built.included.toLocaleString('en-GB')} reached, ${built.excludedTotal.toLocaleString('en-GB')} left out`,
    );
    report(
      'mailing list, every involved customer',
      ...(await timePaired(
        samples,
        () => buildMailingList(ctx, everyone),
        () => all.all(),
      )),
      { p95Ms: 50 },
    );
    report(
      'mailing list, one area by letter',
      ...(await timePaired(
        samples,
        () => buildMailingList(ctx, oneArea),
        () => byArea.all(area.id),
      )),
      { p95Ms: 50 },
    );
    raw.close();
    await app.close();
  },
};
