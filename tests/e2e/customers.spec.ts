import { expect, expectAccessible, test, TEST_PASSPHRASE } from './fixtures';

const shots = process.env.SCREENSHOT_DIR;

test('the register: load the demo, search, create with checks, edit and see the history', async ({
  page,
  app,
}) => {
  await page.goto(app.url);
  await page.getByLabel('Your name').fill('Jo Coordinator');
  await page.getByLabel('Choose a passphrase').fill(TEST_PASSPHRASE);
  await page.getByLabel('Type the passphrase again').fill(TEST_PASSPHRASE);
  await page.getByRole('button', { name: 'Create my profile' }).click();
  await page.getByRole('button', { name: 'Load demo data' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Demo data loaded' })).toBeVisible({
    timeout: 30_000,
  });

  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Customers' })
    .click();
  await expect(page.getByRole('heading', { name: 'Customers', level: 1 })).toBeVisible();
  await expect(page.getByText('300 customers')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Customers' }).getByRole('row')).not.toHaveCount(1);
  await expectAccessible(page, 'the register');
  if (shots) await page.screenshot({ path: `${shots}/customers-list.png` });

  // Search as you type: a demo customer's surname and postcode district.
  const someone = (
    await app.api<{ rows: { lastName: string; firstName: string; postcode: string }[] }>(
      'customers.list',
      { sort: 'name', limit: 1, offset: 40 },
    )
  ).rows[0]!;
  await page.keyboard.press('/');
  await expect(page.getByRole('searchbox', { name: 'Search' })).toBeFocused();
  await page.keyboard.type(someone.lastName);
  await expect(
    page
      .getByRole('link', { name: new RegExp(`${someone.lastName}, ${someone.firstName}`) })
      .first(),
  ).toBeVisible();
  await expect(page.getByText(/customers? match/)).toBeVisible();

  // Arrow keys move through the results; Enter opens one.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'History' })).toBeVisible();
  await page.goBack();
  await expect(page.getByRole('searchbox', { name: 'Search' })).toHaveValue(someone.lastName);

  // A new customer: checks on blur and on submit keep what was typed.
  await page.getByRole('link', { name: 'New customer' }).click();
  await expect(page.getByRole('heading', { name: 'New customer' })).toBeVisible();
  await expectAccessible(page, 'the new customer form');
  await page.getByLabel('Postcode').fill('TS1');
  await page.getByRole('textbox', { name: 'Email' }).fill('pat@');
  await page.getByRole('textbox', { name: 'Email' }).blur();
  await expect(
    page.getByText('Enter an email address, like name@example.org.').first(),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Save customer' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(summary).toContainText('First name is required.');
  await expect(summary).toContainText('Enter a UK postcode, like TS1 2AB.');
  await expect(page.getByLabel('Postcode')).toHaveValue('TS1');
  await expectAccessible(page, 'the form with errors');
  if (shots) await page.screenshot({ path: `${shots}/customer-form-errors.png`, fullPage: true });

  await page.getByLabel('First name').fill('Patricia');
  await page.getByLabel('Last name').fill('Winspear-Hall');
  await page.getByLabel('Postcode').fill('ts1 2ab');
  await page.getByRole('textbox', { name: 'Email' }).fill('pat.winspear@example.org');
  await page.getByRole('checkbox', { name: 'Repairs and maintenance' }).check();
  await page.getByRole('checkbox', { name: /agree to us keeping their details/ }).check();
  await page.getByLabel('How they agreed').selectOption('paper_form');
  await page.getByRole('button', { name: 'Save customer' }).click();
  await expect(page.getByRole('heading', { name: 'Patricia Winspear-Hall' })).toBeVisible();
  await expect(page.getByText('TS1 2AB')).toBeVisible();

  // The same person again is caught as a likely duplicate, with a link to the record.
  await page.getByRole('link', { name: 'Back to the register' }).click();
  await page.getByRole('link', { name: 'New customer' }).click();
  await page.getByLabel('First name').fill('Pat');
  await page.getByLabel('Last name').fill('Winspear');
  await page.getByRole('textbox', { name: 'Email' }).fill('PAT.WINSPEAR@example.org');
  await page.getByRole('checkbox', { name: /agree to us keeping their details/ }).check();
  await page.getByLabel('How they agreed').selectOption('in_person');
  await page.getByRole('button', { name: 'Save customer' }).click();
  const warning = page.getByRole('region', { name: 'This may be someone already on the register' });
  await expect(warning).toContainText('same email');
  await warning.getByRole('link', { name: 'Patricia Winspear-Hall' }).click();
  // The form still holds what was typed: leaving it asks first.
  await page
    .getByRole('dialog', { name: 'Leave without saving?' })
    .getByRole('button', { name: 'Leave and lose the changes' })
    .click();
  await expect(page.getByRole('heading', { name: 'Patricia Winspear-Hall' })).toBeVisible();

  // Found by search, edited, and the change shows in the history.
  await page.getByRole('link', { name: 'Back to the register' }).click();
  await page.getByRole('searchbox', { name: 'Search' }).fill('winspear');
  await page.getByRole('link', { name: /Winspear-Hall, Patricia/ }).click();
  await page.getByRole('link', { name: 'Edit' }).click();
  await page.getByLabel('Mobile').fill('07700 900 999');
  await page.getByLabel('Status').selectOption('active');
  await page.getByRole('button', { name: 'Save changes' }).click();
  const history = page.getByRole('region', { name: 'History' });
  // One save is one entry: both fields under one name and time.
  const save = history.getByRole('listitem').filter({ hasText: 'Jo Coordinator changed' }).first();
  await expect(save).toContainText('Mobile from “(empty)” to “07700 900999”');
  await expect(save).toContainText('Status from “Interested” to “Active”');
  await expect(page.getByText('Active').first()).toBeVisible();
  await expectAccessible(page, 'the customer record');
  if (shots) await page.screenshot({ path: `${shots}/customer-record.png`, fullPage: true });
});

test('after a failed save, fixing a field by typing keeps the focus and every key typed', async ({
  page,
  app,
}) => {
  await app.signIn({ role: 'coordinator' });
  await page.goto(`${app.url}#/customers/new`);
  await page.getByRole('button', { name: 'Save customer' }).focus();
  await page.keyboard.press('Enter');
  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(summary).toBeFocused();

  await summary.getByRole('link', { name: 'First name is required.' }).press('Enter');
  const firstName = page.getByLabel('First name');
  await expect(firstName).toBeFocused();
  await page.keyboard.type('Johanna');
  await expect(firstName).toBeFocused();
  await expect(firstName).toHaveValue('Johanna');

  // A date of birth in the future shows its message inline while the person types on.
  await page.getByLabel('Last name').fill('Baker');
  const born = page.getByLabel('Date of birth');
  await born.fill('2030-01-01');
  await expect(born).toBeFocused();
  await expect(page.getByText('Date of birth cannot be in the future.').first()).toBeVisible();
  await page.getByRole('checkbox', { name: /agree to us keeping their details/ }).check();
  await page.getByLabel('How they agreed').selectOption('in_person');

  // Saving again takes the focus to the summary, which now lists what is still wrong.
  await page.getByRole('button', { name: 'Save customer' }).press('Enter');
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link')).toHaveText(['Date of birth cannot be in the future.']);
  await expectAccessible(page, 'the new customer form after a failed save');
});
