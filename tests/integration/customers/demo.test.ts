import { afterEach, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../support/temp-db';

const apps: TestApp[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((a) => a.close()));
});

async function demo(seed: number) {
  const app = await openTestApp();
  apps.push(app);
  await app.call('demo.load', { customers: 300, seed });
  const ctx = await app.ctx();
  const rows = ctx.raw
    .prepare(
      `SELECT c.first_name, c.last_name, c.postcode, c.date_of_birth, c.status, c.tenure, c.interests, c.consents,
              c.equality_ethnicity, l.short_name AS landlord, a.landlord_id = c.landlord_id AS consistent
       FROM customers c JOIN landlords l ON l.id = c.landlord_id JOIN areas a ON a.id = c.area_id
       ORDER BY c.search_rowid`,
    )
    .all() as Record<string, string | number | null>[];
  return { app, rows };
}

it('builds the same plausible customers from the same seed', async () => {
  const { app, rows } = await demo(13);
  expect(rows).toHaveLength(300);
  const again = await demo(13);
  expect(again.rows).toEqual(rows);
  const other = await demo(14);
  expect(other.rows).not.toEqual(rows);

  expect(rows.every((r) => r.consistent === 1)).toBe(true);
  expect(new Set(rows.map((r) => r.landlord)).size).toBe(5);
  expect(new Set(rows.map((r) => r.status))).toEqual(
    new Set(['interested', 'active', 'paused', 'left']),
  );
  expect(
    rows.every(
      (r) => r.postcode === null || /^[A-Z]{1,2}\d{1,2} \d[A-Z]{2}$/.test(String(r.postcode)),
    ),
  ).toBe(true);
  expect(rows.filter((r) => String(r.postcode).startsWith('TS')).length).toBeGreaterThan(200);
  expect(
    rows.every((r) =>
      JSON.parse(String(r.consents)).some((c: { purpose: string }) => c.purpose === 'register'),
    ),
  ).toBe(true);
  expect(rows.filter((r) => r.equality_ethnicity !== null).length).toBeGreaterThan(100);

  const ages = (await app.call('customers.list', { limit: 300 })).rows
    .map((r) => r.age)
    .filter((a): a is number => a !== null);
  expect(Math.min(...ages)).toBeGreaterThanOrEqual(14);
  expect(Math.max(...ages)).toBeLessThanOrEqual(90);
  expect(ages.filter((a) => a <= 24).length).toBeGreaterThan(5);

  // Every demo customer passes the same checks as one typed in.
  const page = await app.call('customers.list', { limit: 5 });
  for (const summary of page.rows) {
    const c = await app.call('customers.get', { id: summary.id });
    const {
      id,
      updatedAt,
      createdAt: _created,
      updatedBy: _by,
      age: _age,
      lastActivityAt: _activity,
      equalityVisible: _visible,
      ...values
    } = c;
    const edited = await app.call('customers.update', {
      id,
      expectedUpdatedAt: updatedAt,
      patch: values,
    });
    expect(edited.updatedAt).toBe(updatedAt);
  }
});
