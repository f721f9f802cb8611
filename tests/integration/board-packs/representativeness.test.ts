import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PackFigures, PackTable } from '../../../src-shared/domain/board-packs';
import type { ProfileCounts } from '../../../src-shared/domain/population-profile';
import { SUPPRESSED } from '../../../src-shared/rules/small-numbers';
import { workOutFigures } from '../../../src-main/services/board-packs/figures';
import { openTestApp, type TestApp } from '../../support/temp-db';

/*
 * Twenty involved customers with equality answers, set against a tenant
 * population profile imported from a spreadsheet. Every expected figure is
 * worked out by hand in the comments.
 */
const NOW = '2026-03-20T12:00:00.000Z';
let app: TestApp;

type Answers = { ageBand: string | null; ethnicity: string | null; disability: string | null };

async function person(n: number, answers: Answers): Promise<void> {
  await app.call('customers.create', {
    firstName: `P${n}`,
    lastName: 'Profiled',
    status: 'active',
    confirmDuplicate: true,
    equality: {
      ageBand: answers.ageBand as never,
      gender: null,
      ethnicity: answers.ethnicity as never,
      disability: answers.disability as never,
      sexualOrientation: null,
      religion: null,
    },
  });
}

async function figures(): Promise<PackFigures> {
  return workOutFigures(await app.ctx(), {
    title: 'Test pack',
    audience: 'board',
    period: '2025-26',
    sections: ['representativeness'],
    commentary: {},
  });
}

const table = (f: PackFigures, id: string): PackTable =>
  f.sections[0]!.tables.find((t) => t.id === id)!;
const rowOf = (t: PackTable, label: string) => t.rows.find((r) => r[0] === label)!;
const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

beforeAll(async () => {
  app = await openTestApp({ clock: '2025-06-01T10:00:00.000Z', role: 'coordinator' });
  // Age band: 25–34 ×6, 45–54 ×7, 65–74 ×2, not recorded ×5 (20 in all).
  // Ethnicity: White British ×15, Asian ×5. Disability: yes ×3, no ×17.
  const ages = [
    ...Array(6).fill('25_34'),
    ...Array(7).fill('45_54'),
    ...Array(2).fill('65_74'),
    ...Array(5).fill(null),
  ];
  for (let i = 0; i < 20; i += 1)
    await person(i, {
      ageBand: ages[i],
      ethnicity: i < 15 ? 'white_british' : 'asian',
      disability: i < 3 ? 'yes' : 'no',
    });
  app.clock.set(NOW);
  await app.signInAs('administrator', 'Test administrator');
});
afterAll(() => app.close());

describe('the tenant population profile', () => {
  it('names each bad row of an import by its line, and saves nothing until asked', async () => {
    const csv = [
      'Category,Group,Count',
      'Age band,16–24,100',
      'age band,25-34,300',
      'Age band,45–54,400',
      'Age,65_74,200',
      'Age band,Teenagers,12',
      'Shoe size,9,4',
      'Age band,75 and over,lots',
      'Age band,25–34,301',
      ',,',
      'Disability,Yes,',
    ].join('\r\n');
    const preview = await app.call('organisation.previewPopulationProfile', {
      fileName: 'profile.csv',
      contentBase64: base64(csv),
    });
    expect(preview.errors.map((e) => e.line)).toEqual([6, 7, 8, 9, 11]);
    expect(preview.errors[0]!.message).toMatch(/^Line 6: "Teenagers" is not a group of age band/);
    expect(preview.errors[1]!.message).toMatch(/^Line 7: "Shoe size" is not a category/);
    expect(preview.errors[2]!.message).toMatch(/^Line 8: the count "lots" is not a whole number/);
    expect(preview.errors[3]!.message).toMatch(/already given on line 3/);
    expect(preview.errors[4]!.message).toBe('Line 11: the count is missing.');
    expect(preview.rows).toHaveLength(4);
    expect(preview.replaces).toEqual(['age_band']);
    expect(preview.counts.age_band).toEqual({
      '16_24': 100,
      '25_34': 300,
      '45_54': 400,
      '65_74': 200,
    });
    // A preview saves nothing.
    const held = await app.call('organisation.populationProfile', {});
    expect(held.counts.age_band).toEqual({});
  });

  it('reads an Excel workbook, keeps the categories it does not give, and refuses an unknown group', async () => {
    await app.call('organisation.savePopulationProfile', {
      counts: { age_band: {}, disability: { yes: 250, no: 750 }, ethnicity: {} },
    });
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Profile');
    ws.addRows([
      ['Count', 'Category', 'Group'],
      [100, 'Age band', '16–24'],
      [300, 'Age band', '25–34'],
      [400, 'Age band', '45–54'],
      [200, 'Age band', '65–74'],
    ]);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const preview = await app.call('organisation.previewPopulationProfile', {
      fileName: 'profile.xlsx',
      contentBase64: bytes.toString('base64'),
    });
    expect(preview.errors).toEqual([]);
    expect(preview.counts.disability).toEqual({ yes: 250, no: 750 });
    const saved = await app.call('organisation.savePopulationProfile', {
      counts: preview.counts,
      source: preview.fileName,
    });
    expect(saved.counts.age_band['45_54']).toBe(400);
    expect(saved.source).toBe('profile.xlsx');

    await expect(
      app.call('organisation.savePopulationProfile', {
        counts: { ...saved.counts, ethnicity: { martian: 4 } } as ProfileCounts,
      }),
    ).rejects.toMatchObject({ code: 'invalid' });
    expect((await app.call('organisation.populationProfile', {})).counts.ethnicity).toEqual({});
    // Only an administrator changes the organisation's set-up.
    await app.signInAs('team_leader');
    await expect(
      app.call('organisation.savePopulationProfile', { counts: saved.counts }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await app.signInAs('administrator', 'Test administrator');
  });

  it('sets each equality breakdown against the profile, suppressing small numbers', async () => {
    const f = await figures();
    const age = table(f, 'by-age-band');
    expect(age.columns.map((c) => c.header)).toEqual([
      'Age band',
      'Involved customers',
      'Share of involved',
      'Share of tenant population',
      'Difference',
    ]);
    // Profile: 100 + 300 + 400 + 200 = 1,000 tenants.
    expect(rowOf(age, '16–24')).toEqual(['16–24', 0, 0, 0.1, -0.1]);
    // 6 of 20 = 30%, against 300 of 1,000 = 30%.
    expect(rowOf(age, '25–34')).toEqual(['25–34', 6, 0.3, 0.3, 0]);
    // 7 of 20 = 35%, against 40%: 5 points under.
    const [, n, share, pop, diff] = rowOf(age, '45–54');
    expect([n, share, pop]).toEqual([7, 0.35, 0.4]);
    expect(diff).toBeCloseTo(-0.05, 10);
    // 2 is hidden; its population share is the profile's, not ours, so it shows.
    expect(rowOf(age, '65–74')).toEqual(['65–74', SUPPRESSED, SUPPRESSED, 0.2, SUPPRESSED]);
    // Only one hidden, so the next smallest (not recorded, 5) is hidden with it.
    expect(rowOf(age, 'Not recorded')).toEqual([
      'Not recorded',
      SUPPRESSED,
      SUPPRESSED,
      null,
      SUPPRESSED,
    ]);
    expect(rowOf(age, 'All involved customers')).toEqual([
      'All involved customers',
      20,
      1,
      1,
      null,
    ]);

    // Disability: yes 3 (hidden) and no 17 (hidden with it), against 25% and 75%.
    const disability = table(f, 'by-disability');
    expect(rowOf(disability, 'Yes')).toEqual(['Yes', SUPPRESSED, SUPPRESSED, 0.25, SUPPRESSED]);
    expect(rowOf(disability, 'No')).toEqual(['No', SUPPRESSED, SUPPRESSED, 0.75, SUPPRESSED]);
    expect(rowOf(disability, 'Prefer not to say')).toEqual(['Prefer not to say', 0, 0, 0, 0]);

    // Ethnicity is not in the profile: no comparison columns, and a note says so.
    const ethnicity = table(f, 'by-ethnicity');
    expect(ethnicity.columns).toHaveLength(3);
    expect(rowOf(ethnicity, 'Asian or Asian British')).toEqual(['Asian or Asian British', 5, 0.25]);
    expect(f.sections[0]!.notes.join(' ')).toMatch(/holds no figures by ethnic group/);
    expect(f.sections[0]!.notes.join(' ')).toMatch(/imported from profile\.xlsx/);
  });

  it('shows aggregates only: no table of the pack lists anyone’s equality answer', async () => {
    const f = await workOutFigures(await app.ctx(), {
      title: 'Test pack',
      audience: 'board',
      period: '2025-26',
      sections: ['involved', 'representativeness', 'appendix'],
      commentary: {},
    });
    const detail = f.sections.flatMap((s) => s.tables.filter((t) => t.detail));
    expect(detail.length).toBeGreaterThan(0);
    for (const t of detail)
      for (const c of t.columns) expect(c.header).not.toMatch(/age|disab|ethnic|gender|religion/i);
  });
});
