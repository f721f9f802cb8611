import { contentSecurityPolicy } from '../../src-main/security';
import { expect, expectAccessible, test, TEST_PASSPHRASE } from './fixtures';

test('the built page carries the content security policy itself, however it is loaded', async ({
  page,
  app,
}) => {
  await page.goto(app.url);
  const meta = page.locator('meta[http-equiv="Content-Security-Policy"]');
  await expect(meta).toHaveAttribute('content', contentSecurityPolicy);
});

test('first run: create a profile, load the demo data, see the organisation and a record’s history', async ({
  page,
  app,
}) => {
  await page.goto(app.url);
  await expect(page.getByRole('heading', { name: 'Welcome to Involvement Desk' })).toBeVisible();
  await expectAccessible(page, 'the first-run screen');

  // A bad submit names the field and keeps what was typed.
  await page.getByLabel('Work email').fill('not-an-email');
  await page.getByRole('button', { name: 'Create my profile' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(summary).toContainText('Name is required.');
  await expect(page.getByLabel('Work email')).toHaveValue('not-an-email');

  await expect(summary).toContainText('Choose a passphrase of at least 10 characters');

  await page.getByLabel('Your name').fill('Jo Coordinator');
  await page.getByLabel('Work email').fill('jo@example.org');
  // A short passphrase, then two that differ, are refused before anything is made.
  await page.getByLabel('Choose a passphrase').fill('too short');
  await page.getByRole('button', { name: 'Create my profile' }).click();
  await expect(summary).toContainText('Choose a passphrase of at least 10 characters');
  await page.getByLabel('Choose a passphrase').fill(TEST_PASSPHRASE);
  await page.getByLabel('Type the passphrase again').fill('correct horse battery stable');
  await page.getByRole('button', { name: 'Create my profile' }).click();
  await expect(summary).toContainText('The two passphrases are not the same.');
  await page.getByLabel('Type the passphrase again').fill(TEST_PASSPHRASE);
  await page.getByRole('button', { name: 'Create my profile' }).click();

  await expect(page.getByRole('heading', { name: 'Get started' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' })).toContainText('Jo Coordinator');
  await expectAccessible(page, 'the home screen');

  await page.getByRole('button', { name: 'Load demo data' }).click();
  const loaded = page.getByRole('status').filter({ hasText: 'Demo data loaded' });
  await expect(loaded).toBeVisible({ timeout: 30_000 });
  // The kinds of record in words, never the code's names for them.
  await expect(loaded).toContainText('complaint panel cases');
  await expect(loaded).not.toContainText('complaintCases');

  // Home now shows what needs attention, from the demo's cases, groups and register.
  await expect(page.getByRole('region', { name: 'Complaint panel' })).toContainText(
    'an overdue stage',
  );
  await expect(page.getByRole('region', { name: 'Groups' })).toContainText('Scrutiny Panel');
  await expect(page.getByRole('region', { name: 'Customer Voice' })).toContainText(
    'no activity in the last 12 months',
  );
  await expectAccessible(page, 'the home screen with what needs attention');

  await page.getByRole('link', { name: 'Organisation' }).click();
  await expect(page.getByRole('heading', { name: 'Organisation', level: 1 })).toBeVisible();
  const landlords = page.getByRole('table').first();
  await expect(landlords).toContainText('Erimus Housing');
  await expect(landlords).toContainText('Tristar Homes');
  await expectAccessible(page, 'the organisation settings');

  await page.getByRole('button', { name: 'Edit Housing Hartlepool' }).click();
  const homes = page.getByLabel('Homes');
  await homes.fill('7150');
  await page.getByRole('button', { name: 'Save landlord' }).click();
  await expect(landlords).toContainText('7,150');

  await page.getByRole('button', { name: 'Edit Housing Hartlepool' }).click();
  const history = page.getByRole('region', { name: 'History' });
  await expect(history).toContainText(
    'Jo Coordinator changed Homes from “7,100 homes” to “7,150 homes”',
  );
  await expectAccessible(page, 'the landlord form with history');
});

test('a returning user picks their profile; an officer cannot change the organisation', async ({
  page,
  app,
}) => {
  await app.signIn({ role: 'officer', name: 'Olu Officer' });
  await app.api('session.signOut');
  await page.goto(app.url);
  await expect(page.getByRole('heading', { name: 'Who is using Involvement Desk?' })).toBeVisible();
  await expectAccessible(page, 'the profile picker');
  await page.getByRole('button', { name: /Olu Officer/ }).click();
  await expect(page.getByRole('heading', { name: 'Sign in as Olu Officer' })).toBeVisible();
  await page.getByLabel('Passphrase').fill(TEST_PASSPHRASE);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('navigation', { name: 'Main' })).toContainText('Involvement officer');

  await page.getByRole('link', { name: 'Organisation' }).click();
  await expect(
    page.getByText('Only an administrator can change the organisation’s set-up.'),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add landlord' })).toHaveCount(0);
});

test('a screen reached by its address says when the role may not use it', async ({ page, app }) => {
  await app.signIn({ role: 'officer', name: 'Olu Officer' });
  await app.loadDemo(20);
  await page.goto(app.url);
  await expect(page.getByRole('navigation', { name: 'Main' })).toContainText('Olu Officer');
  await page.goto(`${app.origin}/#/cases/self-assessment`);
  await expect(
    page.getByRole('heading', { name: 'Not available to your role', level: 1 }),
  ).toBeVisible();
  await expect(page.getByText('An involvement officer cannot do this.')).toBeVisible();
  await expect(page.getByRole('button', { name: /Export/ })).toHaveCount(0);
  await expectAccessible(page, 'the not-available screen');

  // Home says recommendations from cases are not counted for an officer, rather than showing none.
  await page.getByRole('link', { name: 'Back to Home' }).click();
  await expect(page.getByRole('region', { name: 'Recommendations' })).toContainText(
    'shown only to coordinators and the team leader',
  );
});
