import { expect, expectAccessible, test } from './fixtures';

const shots = process.env.SCREENSHOT_DIR;

const header = 'Tenant ref,Forename,Surname,Email,Post code,DOB,Landlord';
const badFile = [
  header,
  'V100,Grace,Hopper,grace@example.org,TS1 2AB,09/12/1956,Erimus Housing',
  'V101,Mary,Seacole,mary@example.org,TS1,23/11/1955,Tees Valley Housing',
  'V102,Alan,Turing,alan@example.org,TS5 7AA,23/06/1962,Housing Hartlepool',
].join('\n');
const goodFile = badFile.replace(',TS1,', ',TS1 4AB,');

test('import customers: a bad row is named by row and column and nothing is written; a good file imports', async ({
  page,
  app,
}) => {
  await app.signIn({ role: 'coordinator' });
  await app.loadDemo(20);
  await page.goto(app.url);

  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Customers' })
    .click();
  await page.getByRole('link', { name: 'Import' }).click();
  await expect(page.getByRole('heading', { name: 'Import customers', level: 1 })).toBeVisible();

  await page.getByLabel('Spreadsheet').setInputFiles({
    name: 'volunteers.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(badFile),
  });
  await expect(
    page.getByText("Row 3, column 'Post code': 'TS1' is not a full UK postcode."),
  ).toBeVisible();
  await expect(page.getByText('1 problem to correct')).toBeVisible();
  await expect(page.getByLabel('Customer field for column Surname')).toHaveValue('lastName');
  await expect(page.getByLabel('Customer field for column Post code')).toHaveValue('postcode');
  await expect(page.getByRole('button', { name: 'Confirm import' })).toBeDisabled();
  await expectAccessible(page, 'the import preview with a problem');
  if (shots) await page.screenshot({ path: `${shots}/customer-import-error.png`, fullPage: true });

  const before = await app.api<{ total: number }>('customers.list', { search: 'Seacole' });
  expect(before.total).toBe(0);

  // Leaving the postcode column out clears its problem: the mapping is the user's to choose.
  await page.getByLabel('Customer field for column Post code').selectOption('');
  await expect(
    page.getByText('3 rows: 3 new, 0 to update, 0 unchanged, 0 with problems.'),
  ).toBeVisible();
  await page.getByLabel('Customer field for column Post code').selectOption('postcode');
  await expect(page.getByText('1 problem to correct')).toBeVisible();

  await page.getByLabel('Spreadsheet').setInputFiles({
    name: 'volunteers.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(goodFile),
  });
  await expect(
    page.getByText('3 rows: 3 new, 0 to update, 0 unchanged, 0 with problems.'),
  ).toBeVisible();
  await expect(page.getByText(/problems? to correct/)).toHaveCount(0);
  await page.getByRole('button', { name: 'Confirm import' }).click();
  await expect(
    page.getByText('Imported volunteers.csv: 3 added, 0 updated, 0 unchanged.'),
  ).toBeVisible();
  await expectAccessible(page, 'the import result');
  if (shots) await page.screenshot({ path: `${shots}/customer-import-done.png`, fullPage: true });

  const after = await app.api<{ rows: { postcode: string; landlordName: string }[] }>(
    'customers.list',
    { search: 'Seacole' },
  );
  expect(after.rows).toMatchObject([{ postcode: 'TS1 4AB', landlordName: 'Tees Valley Housing' }]);

  // The same file again: recognised, nothing new.
  await page.getByLabel('Spreadsheet').setInputFiles({
    name: 'volunteers.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(goodFile),
  });
  await expect(
    page.getByText('3 rows: 0 new, 0 to update, 3 unchanged, 0 with problems.'),
  ).toBeVisible();
});

test('the register exports to Excel', async ({ page, app }) => {
  await app.signIn({ role: 'coordinator' });
  await app.loadDemo(20);
  await page.goto(app.url);
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Customers' })
    .click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export to Excel…' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Export' }).click();
  expect((await download).suggestedFilename()).toBe('customers-2026-11-23.xlsx');
});
