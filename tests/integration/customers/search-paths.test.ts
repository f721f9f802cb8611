import { afterAll, beforeAll, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../support/temp-db';

/*
 * The searches that skip full-text search (a first keystroke, digits) and
 * the sort by last activity, checked against the whole register read plainly
 * and filtered by hand, on a demo with two years of history.
 */

let app: TestApp;
type Row = {
  id: string;
  first_name: string;
  last_name: string;
  phone: string | null;
  mobile: string | null;
  last_activity_at: string | null;
};
let everyone: Row[];

beforeAll(async () => {
  app = await openTestApp();
  await app.call('demo.load', { customers: 400, seed: 5, years: 2 });
  const ctx = await app.ctx();
  everyone = ctx.raw
    .prepare(
      `SELECT id, first_name, last_name, phone, mobile, last_activity_at FROM customers WHERE deleted_at IS NULL`,
    )
    .all() as Row[];
}, 60_000);
afterAll(() => app.close());

// SQLite's NOCASE: ASCII letters folded, everything else by code point.
const nocase = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byName = (a: Row, b: Row) =>
  cmp(nocase(a.last_name), nocase(b.last_name)) ||
  cmp(nocase(a.first_name), nocase(b.first_name)) ||
  cmp(a.id, b.id);

it('finds everyone whose first name or surname starts with a single letter, in name order', async () => {
  const expected = everyone
    .filter((c) => /^s/i.test(c.last_name) || /^s/i.test(c.first_name))
    .map((c) => c.id);
  expect(expected.length).toBeGreaterThan(10);
  const page = await app.call('customers.list', { search: 's', limit: 500 });
  expect(page.total).toBe(expected.length);
  expect(new Set(page.rows.map((r) => r.id))).toEqual(new Set(expected));
  // With a filter the same search walks the register instead of fetching by id: same answer.
  const walked = await app.call('customers.list', {
    search: 's',
    status: ['interested', 'active', 'paused', 'left'],
    limit: 500,
  });
  expect(walked.rows.map((r) => r.id)).toEqual(page.rows.map((r) => r.id));
  expect(walked.total).toBe(expected.length);
  const names = page.rows.map((r) => nocase(r.lastName));
  expect(names).toEqual([...names].sort(cmp));
  // A capital or a second letter narrows it the same way.
  const jo = await app.call('customers.list', { search: 'JO', limit: 500 });
  expect(jo.rows.map((r) => r.id).sort()).toEqual(
    everyone
      .filter((c) => /^jo/i.test(c.last_name) || /^jo/i.test(c.first_name))
      .map((c) => c.id)
      .sort(),
  );
});

it('finds a phone or mobile number by its start, with or without spaces', async () => {
  const digits = (n: string | null) => (n ?? '').replace(/ /g, '');
  const withPrefix = (p: string) =>
    everyone
      .filter((c) => digits(c.phone).startsWith(p) || digits(c.mobile).startsWith(p))
      .map((c) => c.id)
      .sort();
  const prefix = await app.call('customers.list', { search: '07700', limit: 500 });
  expect(prefix.total).toBe(withPrefix('07700').length);
  expect(prefix.rows.map((r) => r.id).sort()).toEqual(withPrefix('07700'));

  const walked = await app.call('customers.list', {
    search: '07700',
    status: ['interested', 'active', 'paused', 'left'],
    limit: 500,
  });
  expect(walked.rows.map((r) => r.id)).toEqual(prefix.rows.map((r) => r.id));

  const one = everyone.find((c) => c.mobile !== null)!;
  const whole = await app.call('customers.list', { search: one.mobile!, limit: 500 });
  expect(whole.rows.map((r) => r.id).sort()).toEqual(withPrefix(digits(one.mobile)));
  const squashed = await app.call('customers.list', {
    search: digits(one.mobile).slice(0, 8),
    limit: 500,
  });
  expect(squashed.rows.map((r) => r.id)).toContain(one.id);
  const none = await app.call('customers.list', { search: '0999', limit: 10 });
  expect(none.total).toBe(0);
});

it('sorts by last activity with the never-active last, page after page', async () => {
  const expected = [...everyone]
    .sort(
      (a, b) =>
        (a.last_activity_at === null ? 1 : 0) - (b.last_activity_at === null ? 1 : 0) ||
        cmp(a.last_activity_at ?? '', b.last_activity_at ?? '') ||
        byName(a, b),
    )
    .map((c) => c.id);
  expect(everyone.some((c) => c.last_activity_at === null)).toBe(true);
  const first = await app.call('customers.list', { sort: 'lastActivity', limit: 150 });
  const second = await app.call('customers.list', {
    sort: 'lastActivity',
    offset: 150,
    limit: 150,
  });
  const third = await app.call('customers.list', {
    sort: 'lastActivity',
    offset: 300,
    limit: 150,
  });
  expect([...first.rows, ...second.rows, ...third.rows].map((r) => r.id)).toEqual(expected);
  expect(first.total).toBe(everyone.length);

  const desc = await app.call('customers.list', {
    sort: 'lastActivity',
    direction: 'desc',
    limit: 500,
  });
  const active = desc.rows.filter((r) => r.lastActivityAt !== null).map((r) => r.lastActivityAt!);
  expect(active).toEqual([...active].sort().reverse());
  expect(desc.rows.slice(active.length).every((r) => r.lastActivityAt === null)).toBe(true);
});
