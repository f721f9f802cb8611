import { afterEach, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../support/temp-db';

/*
 * `demo --years N`: years of activities, attendance, groups, cases and
 * recommendations behind today, sized from the register, the same every time
 * for the same seed.
 */

const apps: TestApp[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((a) => a.close()));
});

async function demo(years: number, seed = 13) {
  const app = await openTestApp();
  apps.push(app);
  const counts = await app.call('demo.load', { customers: 250, seed, years });
  const raw = (await app.ctx()).raw;
  const all = <T>(sql: string) => raw.prepare(sql).all() as T[];
  return { app, counts, all };
}

it('builds the same years of history from the same seed, spread over the years asked for', async () => {
  const plain = await demo(0);
  const three = await demo(3);
  const again = await demo(3);

  // The history is on top of the plain demo's year, in proportion to the register.
  expect(three.counts.customers).toBe(250);
  expect(three.counts.activities! - plain.counts.activities!).toBe(30);
  expect(three.counts.complaintCases! - plain.counts.complaintCases!).toBe(30);
  expect(three.counts.groups).toBe(180);
  expect(three.counts.attendance!).toBeGreaterThan(plain.counts.attendance! + 300);
  expect(again.counts).toEqual(three.counts);

  const shape = (d: typeof three) =>
    d.all<{ title: string; starts_at: string; status: string; n: number }>(
      `SELECT a.title, a.starts_at, a.status, count(t.id) AS n FROM activities a
       LEFT JOIN attendance t ON t.activity_id = a.id GROUP BY a.id ORDER BY a.starts_at, a.title, n`,
    );
  expect(shape(again)).toEqual(shape(three));

  const years = three.all<{ y: string }>(
    `SELECT DISTINCT substr(starts_at, 1, 4) AS y FROM activities ORDER BY y`,
  );
  expect(years.map((r) => r.y)).toEqual(['2023', '2024', '2025', '2026']);
  const future = three.all<{ n: number }>(
    `SELECT count(*) AS n FROM activities WHERE starts_at > '2026-11-23T10:00:00.000Z' AND status != 'scheduled'`,
  );
  expect(future[0]!.n).toBe(0);

  // Last activity is derived from the history like any attendance.
  const wrong = three.all<{ id: string }>(
    `SELECT c.id FROM customers c WHERE c.last_activity_at IS NOT (
       SELECT max(a.starts_at) FROM attendance t JOIN activities a ON a.id = t.activity_id
       WHERE t.customer_id = c.id AND t.status = 'present' AND a.status != 'cancelled')`,
  );
  expect(wrong).toEqual([]);

  // Most old recommendations are verified; the recent ones are still open.
  const statuses = three.all<{ status: string; n: number }>(
    `SELECT status, count(*) AS n FROM recommendations GROUP BY status ORDER BY status`,
  );
  expect(statuses.map((s) => s.status)).toContain('verified');
  expect(statuses.map((s) => s.status)).toContain('open');
}, 60_000);

it('refuses a negative number of years, naming the field', async () => {
  const app = await openTestApp();
  apps.push(app);
  await expect(app.call('demo.load', { customers: 10, years: -1 })).rejects.toMatchObject({
    fields: [{ path: 'years' }],
  });
});
