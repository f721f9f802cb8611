import { readFileSync } from 'node:fs';
import { expect, expectAccessible, test } from './fixtures';

const shots = process.env.SCREENSHOT_DIR;
const size = process.env.SCREENSHOT_SIZE?.split('x').map(Number);
if (size) test.use({ viewport: { width: size[0]!, height: size[1]! } });
const tag = process.env.SCREENSHOT_SIZE ?? 'default';

test('an administrator backs up, sees the backup checked, and restores it, the database in use kept aside', async ({
  page,
  app,
}) => {
  await app.signIn();
  await app.api('organisation.rename', { name: 'Before the backup' });
  await page.goto(app.url);
  await page.getByRole('link', { name: 'Backups' }).click();
  await expect(page.getByRole('heading', { name: 'Backups', level: 1 })).toBeVisible();
  await expect(page.getByText('The database and every backup are encrypted.')).toBeVisible();
  await expect(page.getByText('No backups yet.')).toBeVisible();

  await page.getByRole('button', { name: 'Back up now' }).click();
  await expect(page.getByText('Backed up and checked.')).toBeVisible({ timeout: 20_000 });
  const rows = page.getByRole('table').getByRole('row');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText('Taken by hand');
  await expect(rows.nth(1)).toContainText('Checked');
  await expectAccessible(page, 'the backups screen');
  if (shots) await page.screenshot({ path: `${shots}/backups-${tag}.png`, fullPage: true });

  // A change after the backup, which the restore takes away.
  await app.api('organisation.rename', { name: 'After the backup' });
  await page.getByRole('button', { name: /^Restore the backup of/ }).click();
  const confirm = page.getByRole('alertdialog');
  await expect(confirm).toContainText('The database in use now is kept aside, unchanged, first');
  await expect(confirm.getByRole('heading')).toBeFocused();
  await expectAccessible(page, 'the restore question');
  if (shots) await page.screenshot({ path: `${shots}/backups-restore-${tag}.png`, fullPage: true });
  await confirm.getByRole('button', { name: 'Restore this backup' }).click();

  // Everyone signs in again on the restored database.
  await expect(page.getByRole('button', { name: /Alex Admin/ })).toBeVisible({ timeout: 20_000 });
  const state = await app.api<{ organisationName: string | null }>('session.state');
  expect(state.organisationName).toBe('Before the backup');
  const aside = await (async () => {
    await app.signInAs((await app.api<{ id: string }[]>('session.profiles'))[0]!.id);
    const overview = await app.api<{ backups: { kind: string; location: string }[] }>(
      'backups.overview',
    );
    return overview.backups.find((b) => b.location === 'set-aside');
  })();
  expect(aside).toMatchObject({ kind: 'before-restore' });
  // The file on disk is not readable SQLite: it is encrypted.
  expect(readFileSync(app.dbPath).subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
});
