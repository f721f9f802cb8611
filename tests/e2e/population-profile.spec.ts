import { expect, expectAccessible, test } from './fixtures';

test('an administrator imports the tenant population profile: bad lines named, a preview, then saved and edited', async ({
  page,
  app,
}) => {
  await app.signIn({ role: 'administrator' });
  await page.goto(app.url);
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Organisation' })
    .click();
  await expect(page.getByRole('heading', { name: 'Tenant population profile' })).toBeVisible();

  await page.getByLabel('Import from a spreadsheet (CSV or Excel)').setInputFiles({
    name: 'profile.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(
      'Category,Group,Count\nAge band,16–24,120\nAge band,25–34,480\nAge band,Teenagers,9\nEthnicity,Asian or Asian British,75\n',
    ),
  });
  await expect(
    page.getByRole('status').filter({ hasText: '3 rows read, 1 with a problem' }),
  ).toBeVisible();
  await expect(page.getByText('Line 4: "Teenagers" is not a group of age band')).toBeVisible();
  // Nothing is saved yet: the preview shows what would be.
  await expect(page.getByLabel('16–24')).toHaveValue('120');
  await expectAccessible(page, 'the profile import preview');
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: '/tmp/packs-speed-work/profile-1280.png', fullPage: true });
  await page.getByRole('button', { name: 'Save the imported profile' }).click();
  await expect(page.getByText('Last imported from profile.csv.')).toBeVisible();

  // Edited by hand afterwards.
  await page.getByLabel('Yes', { exact: true }).fill('300');
  await page.getByRole('button', { name: 'Save profile' }).click();
  await page.reload();
  await expect(page.getByLabel('Yes', { exact: true })).toHaveValue('300');
  await expect(page.getByLabel('25–34')).toHaveValue('480');
  await page.setViewportSize({ width: 1024, height: 900 });
  await page.screenshot({ path: '/tmp/packs-speed-work/profile-1024.png', fullPage: true });
});
