import { uuidv7 } from 'uuidv7';
import { cadenceByGroup } from '../../src-main/services/groups/figures';
import {
  customerInvolvement,
  involvementHistory,
} from '../../src-main/services/groups/involvement';
import { londonRange } from '../../src-main/services/groups/period';
import { optimiseDatabase } from '../../src-main/db/optimise';
import { openTestApp, openTestFile } from '../support/temp-db';
import { report, timePaired, type BenchModule } from './harness';

const CUSTOMERS = 50_000;
const GROUPS = 200;
const ACTIVITIES_A_YEAR = 2_000;
const YEARS = 10;
const ATTENDANCE = 500_000;

/** A small seeded generator, so every run builds the same data. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * Per-group cadence for a year and one customer's involvement history, on
 * 50,000 customers, 20,000 activities over ten years and 500,000 attendance
 * rows, loaded with raw bulk inserts; each through the service and as raw SQL.
 */
export const groupsBench: BenchModule = {
  name: 'groups',
  async run() {
    const app = await openTestApp({ clock: '2026-11-23T10:00:00.000Z' });
    const ctx = await app.ctx();
    const db = ctx.raw;
    const rand = random(13);
    const at = '2026-01-01T00:00:00.000Z';
    const actor = ctx.actor!.id;
    const started = performance.now();

    const customerIds: string[] = [];
    const groupIds: string[] = [];
    db.transaction(() => {
      const insertCustomer = db.prepare(
        `INSERT INTO customers (id, created_at, updated_at, updated_by, first_name, last_name, status, tenure)
         VALUES (?, ?, ?, ?, ?, ?, 'active', 'tenant')`,
      );
      for (let i = 0; i < CUSTOMERS; i++) {
        const id = uuidv7();
        customerIds.push(id);
        insertCustomer.run(id, at, at, actor, `First${i}`, `Last${i}`);
      }
      const insertGroup = db.prepare(
        `INSERT INTO groups (id, created_at, updated_at, updated_by, name, family, kind, target_meetings_per_year)
         VALUES (?, ?, ?, ?, ?, 'service_development', 'panel', 10)`,
      );
      for (let g = 0; g < GROUPS; g++) {
        const id = uuidv7();
        groupIds.push(id);
        insertGroup.run(id, at, at, actor, `Group ${g}`);
      }
      const insertActivity = db.prepare(
        `INSERT INTO activities (id, created_at, updated_at, updated_by, kind, title, status, group_id, starts_at, ends_at, venue_kind)
         VALUES (?, ?, ?, ?, 'meeting', ?, ?, ?, ?, ?, 'community_centre')`,
      );
      const insertAttendance = db.prepare(
        `INSERT INTO attendance (id, created_at, updated_at, updated_by, activity_id, customer_id, is_member, status, minutes_given)
         VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?)`,
      );
      const total = ACTIVITIES_A_YEAR * YEARS;
      const perActivity = ATTENDANCE / total;
      const firstDay = Date.UTC(2016, 11, 1);
      for (let i = 0; i < total; i++) {
        const id = uuidv7();
        const start = new Date(
          firstDay + Math.floor(rand() * YEARS * 365) * 86_400_000 + 18 * 3_600_000,
        );
        const held = start.getTime() < Date.UTC(2026, 10, 23);
        insertActivity.run(
          id,
          at,
          at,
          actor,
          `Meeting ${i}`,
          held ? (rand() < 0.05 ? 'cancelled' : 'held') : 'scheduled',
          groupIds[i % GROUPS],
          start.toISOString(),
          new Date(start.getTime() + 7_200_000).toISOString(),
        );
        const seen = new Set<number>();
        for (let k = 0; k < perActivity; k++) {
          let c = Math.floor(rand() * CUSTOMERS);
          while (seen.has(c)) c = (c + 1) % CUSTOMERS;
          seen.add(c);
          const present = rand() < 0.8;
          insertAttendance.run(
            uuidv7(),
            at,
            at,
            actor,
            id,
            customerIds[c],
            present ? 'present' : 'apologies',
            present ? 120 : null,
          );
        }
      }
    })();
    // No ANALYZE: only what the app itself runs, here its statistics pass on opening a file.
    optimiseDatabase(db, true);
    const counts = db
      .prepare(
        `SELECT (SELECT count(*) FROM customers) AS customers, (SELECT count(*) FROM activities) AS activities, (SELECT count(*) FROM attendance) AS attendance`,
      )
      .get() as { customers: number; activities: number; attendance: number };
    console.log(
      `built ${counts.customers.toLocaleString('en-GB')} customers, ${counts.activities.toLocaleString('en-GB')} activities, ${counts.attendance.toLocaleString('en-GB')} attendance rows in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );

    const raw = openTestFile(ctx.dbPath, { readonly: true });
    const years = Array.from({ length: YEARS }, (_, i) => 2017 + i).map((y) => ({
      from: `${y}-01-01`,
      to: `${y}-12-31`,
    }));

    const rawGroups = raw.prepare(
      `SELECT id, name, target_meetings_per_year FROM groups WHERE deleted_at IS NULL ORDER BY name`,
    );
    const rawHeld = raw.prepare(
      `SELECT group_id, count(*) AS held FROM activities
       WHERE status = 'held' AND deleted_at IS NULL AND group_id IS NOT NULL AND starts_at >= ? AND starts_at < ?
       GROUP BY group_id`,
    );
    const runs = 200;
    const [service, baseline] = await timePaired(
      runs,
      (i) => cadenceByGroup(ctx, years[i % years.length]!),
      (i) => {
        const [start, end] = londonRange(
          years[i % years.length]!.from,
          years[i % years.length]!.to,
        );
        rawGroups.all();
        rawHeld.all(start, end);
      },
    );
    report(`cadence per group for a year (${GROUPS} groups)`, service, baseline, { p95Ms: 50 });

    const rawHistory = raw.prepare(
      `SELECT a.id, a.title, a.kind, a.starts_at, a.status AS activity_status, t.status, t.minutes_given
       FROM attendance AS t JOIN activities AS a ON a.id = t.activity_id
       WHERE t.customer_id = ? AND t.deleted_at IS NULL AND a.deleted_at IS NULL
       ORDER BY a.starts_at DESC`,
    );
    const sample = Array.from({ length: 500 }, () => customerIds[Math.floor(rand() * CUSTOMERS)]!);
    const perCustomer = (rawHistory.all(sample[0]) as unknown[]).length;
    const [historyService, historyRaw] = await timePaired(
      1000,
      (i) => involvementHistory(ctx, sample[i % sample.length]!),
      (i) => rawHistory.all(sample[i % sample.length]),
    );
    report(`a customer's involvement history (~${perCustomer} rows)`, historyService, historyRaw, {
      p95Ms: 50,
    });
    report(
      `the record's whole involvement section`,
      ...(await timePaired(
        1000,
        (i) => customerInvolvement(ctx, sample[i % sample.length]!),
        (i) => rawHistory.all(sample[i % sample.length]),
      )),
      { p95Ms: 50 },
    );

    raw.close();
    await app.close();
  },
};
