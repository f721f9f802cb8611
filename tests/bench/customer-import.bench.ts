import { join } from 'node:path';
import { uuidv7 } from 'uuidv7';
import { openDatabase } from '../../src-main/db/open';
import { openTestApp, openTestFile, TEST_KEY } from '../support/temp-db';
import {
  report,
  stallDuring,
  time,
  timeAsync,
  withSearchFilledAtEnd,
  type BenchModule,
  type Timing,
} from './harness';

const DEMO_CUSTOMERS = 50_000;
const IMPORT_ROWS = 10_000;
const IMPORT_RUNS = 3;

// Inward codes never use C, I, K, M, O or V.
const LETTERS = 'ABDEFGHJLNPQRSTUWXYZ';
const FIRST = ['Ada', 'Grace', 'Mary', 'Alan', 'Chidi', 'Priya', 'Tom', 'Zoë', 'Sean', 'Lena'];
const LAST = ['Hopper', 'Seacole', 'Turing', 'Okafor', 'Patel', 'Jones', 'Walsh', 'Nowak'];

interface BenchRow {
  ref: string;
  first: string;
  last: string;
  email: string;
  postcode: string;
  dob: string;
}

/** Rows that are all new to the database: `run` keeps each file's references apart. */
function benchRows(run: number): BenchRow[] {
  return Array.from({ length: IMPORT_ROWS }, (_, i) => ({
    ref: `B${run}-${i}`,
    first: FIRST[i % FIRST.length]!,
    last: LAST[(i * 7) % LAST.length]!,
    email: `bench${run}.${i}@example.org`,
    postcode: `TS${(i % 25) + 1} ${i % 10}${LETTERS[i % 20]}${LETTERS[Math.floor(i / 20) % 20]}`,
    dob: `${String((i % 28) + 1).padStart(2, '0')}/${String((i % 12) + 1).padStart(2, '0')}/${1940 + (i % 60)}`,
  }));
}

function toCsv(rows: BenchRow[]): string {
  const lines = rows.map((r) =>
    [r.ref, r.first, r.last, r.email, r.postcode, r.dob, 'Erimus Housing', 'Tenant'].join(','),
  );
  return ['Tenant ref,First name,Surname,Email,Postcode,Date of birth,Landlord,Tenure', ...lines]
    .join('\r\n')
    .concat('\r\n');
}

function timing(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return {
    p50: at(0.5),
    p95: at(0.95),
    mean: samples.reduce((a, b) => a + b, 0) / samples.length,
    runs: samples.length,
  };
}

/**
 * A 10,000-row import through the service (parse, check every row, match
 * against 50,000 customers, write each through the change-logged write path
 * in one transaction) against raw inserts of the same rows in one
 * transaction; and opening the database with its migration check against a
 * bare better-sqlite3 open.
 */
export const customerImportBench: BenchModule = {
  name: 'customer-import',
  async run() {
    const app = await openTestApp();
    const started = performance.now();
    await app.call('demo.load', { customers: DEMO_CUSTOMERS, seed: 13 });
    console.log(
      `(demo database of ${DEMO_CUSTOMERS} customers built in ${((performance.now() - started) / 1000).toFixed(1)} s)`,
    );
    const ctx = await app.ctx();
    const landlordId = (
      await ctx.db
        .selectFrom('landlords')
        .select('id')
        .where('name', '=', 'Erimus Housing')
        .executeTakeFirstOrThrow()
    ).id;

    const files = Array.from({ length: 1 + IMPORT_RUNS }, (_, run) => ({
      fileName: `bench-${run}.csv`,
      contentBase64: Buffer.from(toCsv(benchRows(run))).toString('base64'),
    }));
    // One warm-up, then the measured runs: each imports a file of new customers.
    const previews: number[] = [];
    const commits: number[] = [];
    for (const [run, file] of files.entries()) {
      let at = performance.now();
      const preview = await app.call('customerTransfer.previewImport', file);
      if (preview.errors.length > 0) throw new Error(preview.errors[0]!.message);
      const previewMs = performance.now() - at;
      at = performance.now();
      const outcome = await app.call('customerTransfer.commitImport', {
        ...file,
        mapping: preview.mapping,
      });
      const commitMs = performance.now() - at;
      if (outcome.counts.create !== IMPORT_ROWS) throw new Error('The bench file did not import.');
      if (run > 0) {
        previews.push(previewMs);
        commits.push(commitMs);
      }
    }

    const raw = openTestFile(ctx.dbPath);
    const insert = raw.prepare(
      `INSERT INTO customers (id, created_at, updated_at, updated_by, external_ref, first_name, last_name,
         email, postcode, date_of_birth, landlord_id, tenure)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'tenant')`,
    );
    const rawInserts: number[] = [];
    for (let run = 0; run <= IMPORT_RUNS; run++) {
      const rows = benchRows(100 + run);
      const at = performance.now();
      const stamp = new Date().toISOString();
      withSearchFilledAtEnd(raw, () => {
        for (const r of rows) {
          const [d, m, y] = r.dob.split('/');
          insert.run(
            uuidv7(),
            stamp,
            stamp,
            'bench',
            r.ref,
            r.first,
            r.last,
            r.email,
            r.postcode,
            `${y}-${m}-${d}`,
            landlordId,
          );
        }
      });
      if (run > 0) rawInserts.push(performance.now() - at);
    }
    raw.close();
    const rawTiming = timing(rawInserts);
    report(`import ${IMPORT_ROWS} rows: preview (nothing written)`, timing(previews), rawTiming);
    report(`import ${IMPORT_ROWS} rows: commit (checks + writes)`, timing(commits), rawTiming, {
      p95Ms: 2000,
    });

    // As the window starts it: a job, with a cheap call meanwhile.
    const jobFile = {
      fileName: 'bench-job.csv',
      contentBase64: Buffer.from(toCsv(benchRows(200))).toString('base64'),
    };
    const jobPreview = await app.call('customerTransfer.previewImport', jobFile);
    await stallDuring(
      `an import job of ${IMPORT_ROWS} rows`,
      () => app.call('clock.now', {}),
      async () => {
        const { jobId } = await app.call('customerTransfer.startImport', {
          ...jobFile,
          mapping: jobPreview.mapping,
        });
        while ((await app.call('jobs.get', { id: jobId })).state === 'running')
          await new Promise((r) => setTimeout(r, 50));
      },
    );

    const total = (await app.call('customers.list', { limit: 1 })).total;
    // Opened as the app finds it at start-up: a closed file, not one another connection holds.
    const copy = join(app.dir, 'closed-copy.sqlite');
    ctx.raw.exec(`VACUUM INTO '${copy}'`);
    const reopened = await timeAsync(20, async () => {
      const db = await openDatabase(copy, { key: TEST_KEY });
      await db.close();
    });
    const bare = time(20, () => openTestFile(copy).close());
    report(`open a ${total}-customer database + migration check`, reopened, bare);
    await app.close();
  },
};
