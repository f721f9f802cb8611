import os from 'node:os';
import type Database from 'better-sqlite3';

/**
 * Figures, not assertions: each case is timed through the app's own code and
 * against a raw baseline doing the same work in the same process, and printed
 * as p50/p95 with the ratio to the baseline.
 */
export interface Timing {
  p50: number;
  p95: number;
  mean: number;
  runs: number;
}

/**
 * `npm run bench -- [module…] [--quick] [--customers N]`: --quick takes fewer
 * samples (for a look on a busy machine), --customers sizes the ten-year
 * dataset (50,000 unless told; 200000 for the large case).
 */
export function benchOptions(argv = process.argv.slice(2)): {
  modules: string[];
  quick: boolean;
  customers: number;
  samples: number;
} {
  const quick = argv.includes('--quick');
  const at = argv.indexOf('--customers');
  const customers = at >= 0 ? Number(argv[at + 1]) : 50_000;
  if (!Number.isInteger(customers) || customers <= 0)
    throw new Error(`--customers must be a whole number, not "${argv[at + 1]}".`);
  const modules = argv.filter((a, i) => !a.startsWith('--') && argv[i - 1] !== '--customers');
  return { modules, quick, customers, samples: quick ? 20 : 60 };
}

export function time(runs: number, fn: (i: number) => void, warmup = 5): Timing {
  for (let i = 0; i < Math.min(warmup, runs); i++) fn(i);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn(i);
    samples.push(performance.now() - start);
  }
  return summarise(samples);
}

export async function timeAsync(
  runs: number,
  fn: (i: number) => Promise<unknown>,
  warmup = 5,
): Promise<Timing> {
  for (let i = 0; i < Math.min(warmup, runs); i++) await fn(i);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn(i);
    samples.push(performance.now() - start);
  }
  return summarise(samples);
}

/**
 * Times the app and its raw baseline in alternation, sample by sample, so
 * that both see the same machine (caches, other load, the collector's rhythm)
 * rather than one running in a quieter minute than the other.
 */
export async function timePaired(
  runs: number,
  app: (i: number) => Promise<unknown>,
  raw: (i: number) => unknown,
): Promise<[Timing, Timing]> {
  for (let i = 0; i < Math.min(5, runs); i++) {
    await app(i);
    raw(i);
  }
  const appSamples: number[] = [];
  const rawSamples: number[] = [];
  for (let i = 0; i < runs; i++) {
    let start = performance.now();
    await app(i);
    appSamples.push(performance.now() - start);
    start = performance.now();
    raw(i);
    rawSamples.push(performance.now() - start);
  }
  return [summarise(appSamples), summarise(rawSamples)];
}

function summarise(samples: number[]): Timing & { max: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return {
    p50: at(0.5),
    p95: at(0.95),
    max: sorted[sorted.length - 1] ?? 0,
    mean: samples.reduce((a, b) => a + b, 0) / samples.length,
    runs: samples.length,
  };
}

function ms(n: number): string {
  return n >= 100
    ? `${n.toFixed(0)} ms`
    : n >= 1
      ? `${n.toFixed(2)} ms`
      : `${(n * 1000).toFixed(0)} µs`;
}

/** Prints one case: the app's figure, the raw baseline's, the ratio, and the target if there is one. */
export function report(
  name: string,
  app: Timing,
  raw: Timing,
  target?: { p95Ms: number; ratio?: number },
): void {
  const ratio = app.p95 / raw.p95;
  const verdicts: string[] = [];
  if (target) {
    verdicts.push(
      app.p95 <= target.p95Ms
        ? `p95 under ${target.p95Ms} ms: yes`
        : `p95 under ${target.p95Ms} ms: NO`,
    );
    if (target.ratio)
      verdicts.push(
        ratio <= target.ratio
          ? `within ${target.ratio}× raw: yes`
          : `within ${target.ratio}× raw: NO`,
      );
  }
  console.log(
    `${name.padEnd(48)} app p50 ${ms(app.p50).padStart(9)} p95 ${ms(app.p95).padStart(9)} | raw p50 ${ms(raw.p50).padStart(9)} p95 ${ms(raw.p95).padStart(9)} | ${ratio.toFixed(2)}× raw${verdicts.length ? ' | ' + verdicts.join(', ') : ''} | ${load()}`,
  );
}

/** A bench module: `npm run bench` runs every one registered in run.ts, in order. */
export interface BenchModule {
  name: string;
  run(): Promise<void>;
}

/** The machine's one-minute load average, printed beside every figure: the machine is shared. */
export function load(): string {
  return `load ${os.loadavg()[0]!.toFixed(1)}`;
}

/**
 * How late a cheap call comes back while `work` runs: it is due every 10 ms,
 * and its lateness is the time from when it was due to its answer. The same
 * calls with nothing else running are the baseline, measured first. Prints
 * the stall beside the idle figure and says NO if any call waited over 50 ms.
 */
export async function stallDuring(
  what: string,
  cheap: () => Promise<unknown>,
  work: () => Promise<unknown>,
  limitMs = 50,
): Promise<void> {
  const lateness = async (keepGoing: () => boolean) => {
    const seen: number[] = [];
    do {
      const due = performance.now() + 10;
      await new Promise((r) => setTimeout(r, 10));
      await cheap();
      seen.push(performance.now() - due);
    } while (keepGoing());
    return seen;
  };
  const idleUntil = performance.now() + 1000;
  const idle = summarise(await lateness(() => performance.now() < idleUntil));
  const idleMax = idle.max;
  let running = true;
  const started = performance.now();
  const done = work().finally(() => (running = false));
  const during = await lateness(() => running);
  await done;
  const took = performance.now() - started;
  const meanwhile = summarise(during);
  console.log(
    `${`stall during ${what}`.padEnd(48)} job ${ms(took).padStart(9)} | cheap call idle p95 ${ms(idle.p95).padStart(9)} max ${ms(idleMax).padStart(9)} | meanwhile p50 ${ms(meanwhile.p50).padStart(9)} p95 ${ms(meanwhile.p95).padStart(9)} max ${ms(meanwhile.max).padStart(9)} (${during.length} calls) | no stall over ${limitMs} ms: ${meanwhile.max <= limitMs ? 'yes' : 'NO'} | ${load()}`,
  );
}

/**
 * Plain inserts as the schema lets them be done cheapest: `insert` inside one
 * transaction with the search index filled in one pass after (migration
 * 0020), the baseline an import is held to.
 */
export function withSearchFilledAtEnd(db: Database.Database, insert: () => void): void {
  db.transaction(() => {
    const after = db
      .prepare('SELECT coalesce(max(search_rowid), 0) FROM customers')
      .pluck()
      .get() as number;
    db.prepare('INSERT INTO search_index_deferred (after_search_rowid) VALUES (?)').run(after);
    insert();
    db.prepare(
      `INSERT INTO customers_fts (rowid, ${SEARCH_COLUMNS})
       SELECT search_rowid, ${SEARCH_COLUMNS} FROM customers WHERE search_rowid > ?`,
    ).run(after);
    db.exec('DELETE FROM search_index_deferred');
  })();
}

const SEARCH_COLUMNS =
  'first_name, last_name, preferred_name, postcode, email, phone, mobile, external_ref, notes';
