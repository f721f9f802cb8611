import { expect, expectAccessible, test, TEST_PASSPHRASE, START_CLOCK } from './fixtures';

const shots = process.env.SCREENSHOT_DIR;
// SCREENSHOT_SIZE=1024x700 takes the screenshots at that window size.
const size = process.env.SCREENSHOT_SIZE?.split('x').map(Number);
if (size) test.use({ viewport: { width: size[0]!, height: size[1]! } });
const tag = process.env.SCREENSHOT_SIZE ?? 'default';
const minutesLater = (n: number) => new Date(Date.parse(START_CLOCK) + n * 60_000).toISOString();

test('a returning user types their passphrase; a wrong one is refused, and five earn a wait', async ({
  page,
  app,
}) => {
  await app.signIn({ role: 'officer', name: 'Olu Officer' });
  await app.api('session.signOut');
  await page.goto(app.url);
  await page.getByRole('button', { name: /Olu Officer/ }).click();
  const passphrase = page.getByLabel('Passphrase');
  await expect(passphrase).toBeFocused();
  await expectAccessible(page, 'the sign-in screen');
  if (shots) await page.screenshot({ path: `${shots}/sign-in-${tag}.png` });

  await passphrase.fill('not my passphrase');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(
    page.getByText('That passphrase is not right. Check it and try again.'),
  ).toBeVisible();
  // The field is emptied for the next try.
  await expect(passphrase).toHaveValue('');
  await expectAccessible(page, 'the sign-in screen with a refusal');
  for (let i = 2; i <= 5; i++) {
    await passphrase.fill(`wrong guess number ${i}`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(passphrase).toHaveValue('');
  }
  await expect(page.getByText('After 5 wrong tries, try again in 30 seconds.')).toBeVisible();
  await passphrase.fill(TEST_PASSPHRASE);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(
    page.getByText(/Too many wrong passphrases for Olu Officer\. Try again in/),
  ).toBeVisible();

  await app.setClock(minutesLater(1));
  await passphrase.fill(TEST_PASSPHRASE);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('navigation', { name: 'Main' })).toContainText('Olu Officer');
});

test('a profile an administrator added, or reset, chooses its passphrase at its first sign-in', async ({
  page,
  app,
}) => {
  await app.signIn();
  const sam = await app.api<{ id: string }>('staff.create', {
    name: 'Sam Officer',
    role: 'officer',
    email: null,
  });
  await page.goto(app.url);
  await page.goto(`${app.origin}/#/settings/staff`);
  await expect(page.getByRole('heading', { name: 'Staff profiles' })).toBeVisible();
  const samRow = page.getByRole('row', { name: /Sam Officer/ });
  await expect(samRow).toContainText('To be chosen at next sign-in');

  // Switching profile always asks: here, Sam has none yet, so Sam chooses one.
  await page.getByRole('button', { name: 'Switch profile' }).click();
  await page.getByRole('button', { name: /Sam Officer/ }).click();
  await expect(page.getByRole('heading', { name: 'Choose a passphrase' })).toBeVisible();
  await expectAccessible(page, 'choosing a passphrase');
  if (shots) await page.screenshot({ path: `${shots}/choose-passphrase-${tag}.png` });
  await page.getByLabel('Choose a passphrase').fill('sams own long phrase');
  await page.getByLabel('Type the passphrase again').fill('sams own long phrase');
  await page.getByRole('button', { name: 'Save passphrase and sign in' }).click();
  await expect(page.getByRole('navigation', { name: 'Main' })).toContainText('Sam Officer');

  // The administrator resets it: Sam is signed out and chooses again.
  await page.getByRole('button', { name: 'Switch profile' }).click();
  await page.getByRole('button', { name: /Alex Admin/ }).click();
  await page.getByLabel('Passphrase').fill(TEST_PASSPHRASE);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.goto(`${app.origin}/#/settings/staff`);
  await expect(samRow).toContainText('Set');
  await page.getByRole('button', { name: 'Reset Sam Officer’s passphrase' }).click();
  await expectAccessible(page, 'the staff profiles with a reset to confirm');
  if (shots) await page.screenshot({ path: `${shots}/staff-reset-${tag}.png` });
  await page.getByRole('button', { name: 'Yes, reset Sam Officer’s passphrase' }).click();
  await expect(samRow).toContainText('To be chosen at next sign-in');
  const history = await app.api<{ field: string | null; after: unknown }[]>('history.forRecord', {
    entity: 'staff',
    id: sam.id,
  });
  expect(history[0]).toMatchObject({ field: 'passphrase', after: 'reset' });
});

test('a window left idle locks, keeps what was typed, and opens with the passphrase', async ({
  page,
  app,
}) => {
  await app.signIn();
  await page.goto(app.url);
  await page.goto(`${app.origin}/#/settings/staff`);
  await page.getByRole('textbox', { name: 'Name (required)' }).fill('Half typed name');

  await app.setClock(minutesLater(16), { leaveIdle: true });
  // The window asks every half minute whether it is locked.
  await page.clock.fastForward('00:31');
  const lock = page.getByRole('heading', { name: 'Involvement Desk is locked' });
  await expect(lock).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  await expect(page.getByText('Half typed name')).toHaveCount(0);
  await expect(page.getByText('It locked itself after 15 minutes with no use.')).toBeVisible();
  await expectAccessible(page, 'the lock screen');
  if (shots) await page.screenshot({ path: `${shots}/lock-screen-${tag}.png` });

  const passphrase = page.getByLabel('Passphrase for Alex Admin');
  await passphrase.fill('not the passphrase');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByText('That passphrase is not right.')).toBeVisible();
  await passphrase.fill(TEST_PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(lock).toBeHidden();
  await expect(page.getByRole('textbox', { name: 'Name (required)' })).toHaveValue(
    'Half typed name',
  );
  await expect(page.getByRole('navigation', { name: 'Main' })).toContainText('Alex Admin');

  // The other specs move the clock by days: the fixture types the passphrase again for them.
  await app.setClock('2026-12-10T09:00:00.000Z');
  await page.reload();
  await expect(page.getByRole('navigation', { name: 'Main' })).toContainText('Alex Admin');
  await expect(lock).toHaveCount(0);
});
