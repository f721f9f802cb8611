import { expect, expectAccessible, test } from './fixtures';

test.setTimeout(180_000);

test('the team leader sets a year’s KPI targets, and the scorecard measures against them', async ({
  page,
  app,
}) => {
  await app.signIn({ role: 'team_leader' });
  await app.loadDemo(60);
  await page.goto(app.url);
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'KPI targets' })
    .click();
  await expect(page.getByRole('heading', { name: 'KPI targets', level: 1 })).toBeVisible();
  // The clock stands in November 2026: the financial year 2026-27, with the Strategy's defaults.
  await expect(page.getByLabel('Financial year')).toHaveValue('2026');
  const involved = page.getByLabel('Customer Voice: involved customers');
  const share = page.getByLabel('Complaint panel chosen at the end of the internal process (%)');
  const courses = page.getByLabel('Talent School: courses a month');
  await expect(involved).toHaveValue('3000');
  await expect(share).toHaveValue('80');
  await expect(courses).toHaveValue('1');
  await expect(page.getByText('The Strategy’s default (Appendix C).').first()).toBeVisible();
  await expectAccessible(page, 'the KPI targets');
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: '/tmp/kpi-targets-1280.png' });
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.screenshot({ path: '/tmp/kpi-targets-1024.png' });
  await page.setViewportSize({ width: 1280, height: 800 });

  // A mistake in one saves none: each field says what is wrong.
  await involved.fill('2500');
  await share.fill('120');
  await courses.fill('-1');
  await page.getByRole('button', { name: 'Save the targets' }).click();
  await expect(page.getByText('Enter a percentage from 0 to 100.')).toBeVisible();
  await expect(page.getByText('A target cannot be negative.')).toBeVisible();
  await expectAccessible(page, 'the KPI targets with errors');
  await page.screenshot({ path: '/tmp/kpi-targets-errors-1280.png' });
  expect(
    await app.api<{ kpi: string; target: number }[]>('boardPacks.targets', { year: 2026 }),
  ).toContainEqual(expect.objectContaining({ kpi: 'involved_customers', target: 3000 }));

  // Corrected and saved from the keyboard.
  await share.fill('75');
  await courses.fill('2');
  await courses.press('Enter');
  await expect(page.getByRole('status').getByText('Targets for 2026-27 saved.')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Customer Voice: involved customers')).toHaveValue('2500');
  await expect(
    page.getByLabel('Complaint panel chosen at the end of the internal process (%)'),
  ).toHaveValue('75');
  await expect(page.getByText('Set for this year.').first()).toBeVisible();

  // Another year keeps its own (here the defaults).
  await page.getByLabel('Financial year').selectOption({ label: '2025-26' });
  await expect(page.getByRole('heading', { name: 'Targets for 2025-26' })).toBeVisible();
  await expect(page.getByLabel('Customer Voice: involved customers')).toHaveValue('3000');

  // The year's pack measures against what was set.
  await page.getByRole('link', { name: 'Board packs' }).first().click();
  await page.getByLabel('Period').fill('2026-27');
  await page.getByRole('button', { name: 'Build the pack' }).click();
  const scorecard = page.getByRole('table', { name: 'KPI scorecard' });
  await expect(
    scorecard.getByRole('row', { name: /Customer Voice: involved customers/ }),
  ).toContainText('2,500', { timeout: 60_000 });
  await expect(
    scorecard.getByRole('row', { name: /Talent School: months with at least 2 courses/ }),
  ).toBeVisible();
});
