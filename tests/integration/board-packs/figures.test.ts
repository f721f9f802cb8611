import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PackFigures, PackTable } from '../../../src-shared/domain/board-packs';
import { SUPPRESSED } from '../../../src-shared/rules/small-numbers';
import { workOutFigures } from '../../../src-main/services/board-packs/figures';
import { defaultSections } from '../../../src-main/services/board-packs/sections';
import { openTestApp, type TestApp } from '../../support/temp-db';
import { NOW, Q4, seedPackDataset } from './dataset';

let app: TestApp;
let figures: PackFigures;

async function work(period = Q4): Promise<PackFigures> {
  return workOutFigures(await app.ctx(), {
    title: 'Test pack',
    audience: 'board',
    period,
    sections: defaultSections.board,
    commentary: { kpis: 'A good quarter.' },
  });
}

const section = (key: string) => figures.sections.find((s) => s.key === key)!;
const table = (key: string, id: string): PackTable => section(key).tables.find((t) => t.id === id)!;
const rowOf = (t: PackTable, label: string) => t.rows.find((r) => r[0] === label)!;

beforeEach(async () => {
  app = await openTestApp({ clock: NOW, role: 'team_leader' });
  await app.signInAs('administrator', 'Test administrator');
  await seedPackDataset(app);
  await app.signInAs('team_leader');
  figures = await work();
});
afterEach(() => app.close());

describe('a Board pack for January to March 2026, worked out by hand', () => {
  it('names the period and carries the commentary', () => {
    expect(figures.period).toMatchObject({ from: '2026-01-01', to: '2026-03-31' });
    expect(section('kpis').commentary).toBe('A good quarter.');
    expect(figures.appendix).toBe(true);
  });

  it('counts involved customers: Active only, not deleted, growth from who joined in the quarter', () => {
    const t = table('involved', 'involved-counts');
    // 7 before the quarter + 5 who joined = 12; the interested and the deleted customer are not counted.
    expect(rowOf(t, 'Involved at the start of the period')[1]).toBe(7);
    expect(rowOf(t, 'Joined in the period')[1]).toBe(5);
    expect(rowOf(t, 'Involved at the end of the period')[1]).toBe(12);
    expect(rowOf(t, 'Target')[1]).toBe(3000);
    // Only A1 and A2 attended anything in the 12 months to 31 March.
    expect(rowOf(t, 'No activity in the 12 months to the period end')[1]).toBe(10);
    expect(table('involved', 'involved-customers').rows).toHaveLength(12);
  });

  it('suppresses small numbers, and the figure that would give one away', () => {
    const disability = table('representativeness', 'by-disability');
    // Yes 2 (hidden), No 10: hidden too, or 12 − 10 gives the 2 away.
    expect(rowOf(disability, 'Yes').slice(1, 3)).toEqual([SUPPRESSED, SUPPRESSED]);
    expect(rowOf(disability, 'No').slice(1, 3)).toEqual([SUPPRESSED, SUPPRESSED]);
    expect(rowOf(disability, 'Prefer not to say').slice(1, 3)).toEqual([0, 0]);
    expect(rowOf(disability, 'All involved customers')[1]).toBe(12);
    const landlord = table('representativeness', 'by-landlord');
    // Tees Valley 1 (hidden), Erimus 11 (hidden with it).
    expect(rowOf(landlord, 'Tees Valley Housing')[1]).toBe(SUPPRESSED);
    expect(rowOf(landlord, 'Erimus Housing')[1]).toBe(SUPPRESSED);
    expect(rowOf(landlord, 'Tristar Homes')[1]).toBe(0);
    // No share or difference of a hidden count either.
    for (const t of section('representativeness').tables) {
      const derived = t.columns
        .map((c, i) => (c.header === 'Share of involved' || c.header === 'Difference' ? i : -1))
        .filter((i) => i >= 0);
      for (const r of t.rows.filter((r) => r[1] === SUPPRESSED))
        expect(derived.map((i) => r[i])).toEqual(derived.map(() => SUPPRESSED));
    }
  });

  it('counts meetings against cadence, pro-rated to the quarter', () => {
    const cadence = table('activity', 'cadence');
    // 10 a year over 90 days expects round(2.46) = 2; two held: green.
    expect(rowOf(cadence, 'Customer Council')).toEqual(['Customer Council', 10, 2, 2, 'Green']);
    // 4 a year expects round(0.99) = 1; none held: red.
    expect(rowOf(cadence, 'Ownership Panel')).toEqual(['Ownership Panel', 4, 1, 0, 'Red']);
    const attendance = table('activity', 'attendance');
    expect(attendance.rows).toEqual([
      ['Present', 3],
      ['Apologies', 1],
      ['Absent', 1],
    ]);
    expect(section('activity').headlines.find((h) => h.label === 'Attendance rate')!.value).toBe(
      0.6,
    );
    expect(table('activity', 'held-activities').rows.map((r) => [r[0], r[1], r[3]])).toEqual([
      ['2026-01-14', 'Customer Council', 2],
      ['2026-02-11', 'Customer Council', 1],
    ]);
  });

  it('counts Talent School months with a course', () => {
    expect(table('training', 'courses-by-month').rows).toEqual([
      ['Jan 2026', 1, 1, 'Yes'],
      ['Feb 2026', 1, 1, 'Yes'],
      ['Mar 2026', 0, 0, 'No'],
    ]);
  });

  it('counts complaint panel cases and the share that chose the panel', () => {
    const cases = table('complaints', 'cases');
    expect(rowOf(cases, 'Referred to the panel')[1]).toBe(3);
    expect(rowOf(cases, 'Complaints that exhausted the internal process')[1]).toBe(5);
    expect(section('complaints').headlines[2]!.value).toBe(0.6);
    expect(table('complaints', 'case-list').rows).toHaveLength(3);
  });

  it('lists the overdue and rejected recommendations in the exception report', () => {
    const report = table('recommendations', 'exception-report');
    expect(report.rows.map((r) => [r[2], r[3], r[6]])).toEqual([
      ['Survey every damp case', 'Awaiting response', 'Overdue'],
      ['Replace every window', 'Rejected', 'Open'],
    ]);
    expect(rowOf(table('recommendations', 'complaint-recommendations'), 'Open')[1]).toBe(2);
    expect(rowOf(table('recommendations', 'complaint-recommendations'), 'Rejected')[1]).toBe(1);
  });

  it('hides satisfaction averages of fewer than five answers', () => {
    expect(table('satisfaction', 'satisfaction').rows).toEqual([
      ['Satisfaction with the opportunities to be involved', SUPPRESSED, 2],
      ['Satisfaction with the way they are involved', SUPPRESSED, 2],
    ]);
  });

  it('scores each KPI with its colour at the stated boundaries', () => {
    const scorecard = table('kpis', 'scorecard');
    const line = (start: string) => scorecard.rows.find((r) => String(r[0]).startsWith(start))!;
    expect(line('Customer Voice')).toEqual([
      'Customer Voice: involved customers',
      3000,
      12,
      'Red',
      3000,
      2250,
    ]);
    expect(line('Customer Council')).toEqual([
      'Customer Council: meetings (10 a year)',
      2,
      2,
      'Green',
      2,
      1.5,
    ]);
    expect(line('Ownership Panel')).toEqual([
      'Ownership Panel: meetings (4 a year)',
      1,
      0,
      'Red',
      1,
      0.75,
    ]);
    // 2 of 3 months is below three quarters (2.25): red.
    expect(line('Talent School: months')).toEqual([
      'Talent School: months with at least 1 course',
      3,
      2,
      'Red',
      3,
      2.25,
    ]);
    // 3 of 5 = 60%, exactly three quarters of the 80% target: amber.
    expect(line('Complaint panel')).toEqual([
      'Complaint panel chosen at the end of the internal process',
      '80%',
      '60%',
      'Amber',
      '80%',
      '60%',
    ]);
  });

  it('gives the same figures for the same data and period, every time', async () => {
    const again = await work();
    expect({ ...again, workedOutAt: null }).toEqual({ ...figures, workedOutAt: null });
  });

  it('uses each year’s own targets', async () => {
    await app.call('boardPacks.saveTarget', { year: 2025, kpi: 'involved_customers', target: 15 });
    figures = await work();
    expect(rowOf(table('involved', 'involved-counts'), 'Target')[1]).toBe(15);
    // 12 of 15 is 80%, at least three quarters: amber.
    expect(table('kpis', 'scorecard').rows[0]!.slice(1, 4)).toEqual([15, 12, 'Amber']);
    figures = await work('2026-27 Q1');
    expect(rowOf(table('involved', 'involved-counts'), 'Target')[1]).toBe(3000);
  });
});
