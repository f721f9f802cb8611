import { afterEach, expect, it } from 'vitest';
import { isWorkingDay } from '../../../src-shared/rules/working-days';
import { formExamples } from '../../../src-shared/rules/uk-formats';
import { bankHolidays } from '../../../src-main/services/reference/bank-holidays';
import { openTestApp, type TestApp } from '../../support/temp-db';

const apps: TestApp[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((a) => a.close()));
});

const londonDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' });

// Around the turn of the year, when a meeting a month could land on Christmas or New Year's Day.
it.each(['2027-01-06T10:00:00.000Z', '2026-12-28T10:00:00.000Z'])(
  'the demo on %s reads as a real organisation: working-day meetings, real-looking people',
  async (clock) => {
    const app = await openTestApp({ clock });
    apps.push(app);
    await app.call('demo.load', { customers: 300, seed: 13 });
    const ctx = await app.ctx();
    const calendar = bankHolidays(ctx);

    const activities = ctx.raw
      .prepare('SELECT title, starts_at FROM activities WHERE deleted_at IS NULL')
      .all() as { title: string; starts_at: string }[];
    expect(activities.length).toBeGreaterThan(50);
    const offDays = activities.filter(
      (a) => !isWorkingDay(londonDay.format(new Date(a.starts_at)), calendar),
    );
    expect(offDays).toEqual([]);
    // Christmas Day and New Year's Day are bank holidays, so nothing falls on them.
    expect(
      activities.filter((a) => /-(12-25|01-01)/.test(londonDay.format(new Date(a.starts_at)))),
    ).toEqual([]);

    const cases = ctx.raw
      .prepare(
        'SELECT complainant_name, complainant_address_line1, complainant_postcode, hearing_date FROM complaint_cases',
      )
      .all() as Record<string, string | null>[];
    expect(cases.length).toBeGreaterThan(0);
    for (const c of cases) {
      expect(c.complainant_name).not.toMatch(/demo|complainant/i);
      expect(c.complainant_address_line1).not.toMatch(/demo/i);
      expect(c.complainant_postcode).toMatch(/^[A-Z]{1,2}\d{1,2} \d[A-Z]{2}$/);
      if (c.hearing_date) expect(isWorkingDay(c.hearing_date, calendar)).toBe(true);
    }
    expect(new Set(cases.map((c) => c.complainant_name)).size).toBe(cases.length);

    // No demo number is the one the form gives as its example.
    const examples = ctx.raw
      .prepare('SELECT COUNT(*) AS n FROM customers WHERE mobile IN (?, ?) OR phone IN (?, ?)')
      .get(formExamples.mobile, formExamples.phone, formExamples.mobile, formExamples.phone) as {
      n: number;
    };
    expect(examples.n).toBe(0);
  },
);
