import { statSync } from 'node:fs';
import { join } from 'node:path';
import { jobEnded } from '../../src-main/services/jobs/jobs';
import { openTestApp } from '../support/temp-db';
import { benchOptions, report, timePaired, type BenchModule } from './harness';

/**
 * On the demo organisation (`--customers`, 20,000 unless told, with its
 * years of activity): the audit trail's first page, unfiltered and for one
 * person, against the same query's raw SQL on the change log alone; then
 * one customer's erasure with its compaction (VACUUM) and one subject
 * access pack, start to files kept, with the file's size.
 */
export const privacyBench: BenchModule = {
  name: 'privacy',
  async run() {
    const { customers: asked, samples } = benchOptions();
    const customers = Math.min(asked, 20_000);
    const app = await openTestApp({ clock: '2026-11-23T10:00:00.000Z' });
    const loadStart = performance.now();
    await app.call('demo.load', { customers, years: 5 } as never);
    console.log(
      `demo of ${customers} customers loaded in ${Math.round(performance.now() - loadStart)} ms`,
    );
    const ctx = await app.ctx();
    const raw = ctx.raw;
    const people = raw
      .prepare(`SELECT id FROM customers WHERE deleted_at IS NULL ORDER BY id LIMIT 200`)
      .pluck()
      .all() as string[];
    const changes = raw.prepare(`SELECT count(*) FROM change_log`).pluck().get() as number;
    console.log(`change log: ${changes} entries`);

    const rawFirstPage = raw.prepare(
      `SELECT l.*, s.name FROM change_log l LEFT JOIN staff s ON s.id = l.actor_id ORDER BY l.at DESC LIMIT 51`,
    );
    const [appAll, rawAll] = await timePaired(
      samples,
      () => app.call('audit.trail', {} as never),
      () => rawFirstPage.all(),
    );
    report('audit trail, first page of all', appAll, rawAll, { p95Ms: 300 });

    const rawPerson = raw.prepare(
      `SELECT l.* FROM change_log l WHERE l.entity = 'customers' AND l.entity_id = ? ORDER BY l.hlc DESC LIMIT 51`,
    );
    const [appPerson, rawPersonT] = await timePaired(
      samples,
      (i) => app.call('audit.trail', { customerId: people[i % people.length]! } as never),
      (i) => rawPerson.all(people[i % people.length]!),
    );
    report('audit trail, one person', appPerson, rawPersonT, { p95Ms: 150 });

    const dbPath = join(app.dir, 'test.sqlite');
    const before = statSync(dbPath).size;
    let start = performance.now();
    const erased = await app.call('privacy.erase', {
      type: 'customer',
      id: people[0]!,
      reason: 'Bench',
    });
    const eraseMs = performance.now() - start;
    start = performance.now();
    const compaction = await jobEnded(ctx, erased.jobId);
    console.log(
      `erasure of one customer: ${Math.round(eraseMs)} ms (${erased.recordsChanged} records, ${erased.changeLogEntriesRedacted} log entries); ` +
        `compaction ${Math.round(performance.now() - start)} ms (${compaction.state}); file ${Math.round(before / 1e6)} MB → ${Math.round(statSync(dbPath).size / 1e6)} MB`,
    );

    // The person with the most attendance: the longest pack.
    const busiest = raw
      .prepare(
        `SELECT customer_id FROM attendance WHERE customer_id IS NOT NULL GROUP BY customer_id ORDER BY count(*) DESC LIMIT 1`,
      )
      .pluck()
      .get() as string;
    start = performance.now();
    const { jobId } = await app.call('privacy.startSubjectAccess', { customerId: busiest });
    const sar = await jobEnded(ctx, jobId);
    console.log(
      `subject access pack: ${Math.round(performance.now() - start)} ms (${sar.state}), ` +
        sar.files.map((f) => `${f.name} ${Math.round(f.sizeBytes / 1024)} KB`).join(', ') +
        ` ${JSON.stringify(sar.result)}`,
    );
    await app.close();
  },
};
