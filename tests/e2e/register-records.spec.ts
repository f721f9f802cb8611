import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import { expect, expectAccessible, test } from './fixtures';

const shots = process.env.SCREENSHOT_DIR;

async function createCustomer(
  app: { api<T>(method: string, input?: unknown): Promise<T> },
  values: Record<string, unknown>,
): Promise<string> {
  const result = await app.api<{ created: boolean; customer: { id: string } }>('customers.create', {
    confirmDuplicate: true,
    ...values,
  });
  return result.customer.id;
}

test('a deleted customer is asked about, left out of a re-import, and restored by an administrator', async ({
  page,
  app,
}) => {
  await app.signIn();
  await app.api('organisation.applyTemplate', {});
  const id = await createCustomer(app, {
    externalRef: 'T500',
    firstName: 'Edith',
    lastName: 'Cavell',
    postcode: 'TS1 3BA',
  });
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.goto(`${app.url}#/customers/${id}`);
  await page.getByRole('button', { name: 'Delete…' }).click();
  const ask = page.getByRole('dialog', { name: 'Delete Edith Cavell from the register?' });
  await expect(ask).toContainText('an administrator can restore them');
  await expectAccessible(page, 'the delete confirmation');
  if (shots) await page.screenshot({ path: `${shots}/customer-delete-1024.png` });
  await ask.getByLabel('Reason').fill('Asked to leave');
  await ask.getByRole('button', { name: 'Delete customer' }).click();
  await expect(page.getByRole('heading', { name: 'Customers', level: 1 })).toBeVisible();

  // The old spreadsheet again: the deleted person is recognised, not added as new.
  await page.getByRole('link', { name: 'Import' }).click();
  const wide = [
    'Tenant ref,Forename,Surname,Post code,Email,Mobile,Address,Town,Landlord,Tenure,Interests,Notes',
    'T500,Edith,Cavell,TS1 3BA,edith.cavell@example.org,07700 900456,4 Norton Road,Stockton-on-Tees,Erimus Housing,Tenant,Repairs and maintenance,Came to the open day in the spring',
    'T501,Octavia,Hill,TS5 6BB,octavia.hill@example.org,07700 900457,17 Linthorpe Road,Middlesbrough,Erimus Housing,Tenant,Complaints,Interested in the Scrutiny Panel',
  ].join('\n');
  await page.getByLabel('Spreadsheet').setInputFiles({
    name: 'old-list.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(wide),
  });
  await expect(
    page.getByText(
      '2 rows: 1 new, 0 to update, 0 unchanged, 1 deleted from the register, 0 with problems.',
    ),
  ).toBeVisible();
  await expect(
    page.getByRole('heading', { name: '1 row is a customer who was deleted from the register' }),
  ).toBeVisible();
  const rows = page.getByRole('region', { name: /Rows of the file/ });
  await expect(rows.getByRole('row', { name: /Edith/ })).toContainText(
    'Deleted: left out on 23 Nov 2026',
  );
  // The preview scrolls sideways here: the keyboard can reach it.
  await rows.focus();
  await expect(rows).toBeFocused();
  await expectAccessible(page, 'the import preview with a deleted customer');
  if (shots)
    await page.screenshot({ path: `${shots}/customer-import-deleted-1024.png`, fullPage: true });

  // An administrator may choose to bring them back.
  await page
    .getByRole('checkbox', { name: 'Bring the deleted customers back onto the register' })
    .check();
  await expect(rows.getByRole('row', { name: /Edith/ })).toContainText('Deleted: to restore');
  await page.setViewportSize({ width: 1280, height: 800 });
  if (shots)
    await page.screenshot({ path: `${shots}/customer-import-restore-1280.png`, fullPage: true });
  await page
    .getByRole('checkbox', { name: 'Bring the deleted customers back onto the register' })
    .uncheck();
  await page.getByRole('button', { name: 'Confirm import' }).click();
  await expect(page.getByText(/1 added, 0 updated, 0 unchanged, 1 deleted left out/)).toBeVisible();
  expect((await app.api<{ total: number }>('customers.list', { search: 'Cavell' })).total).toBe(0);

  // Restored by hand from the list of deleted customers, on the record.
  await page.goto(`${app.url}#/customers`);
  await page.getByRole('link', { name: 'Deleted customers' }).click();
  await expect(page.getByRole('heading', { name: 'Deleted customers', level: 1 })).toBeVisible();
  await expect(page.getByRole('row', { name: /Cavell, Edith/ })).toContainText('Asked to leave');
  await expectAccessible(page, 'the deleted customers');
  if (shots) await page.screenshot({ path: `${shots}/customers-deleted-1280.png` });
  await page.getByRole('button', { name: 'Restore Edith Cavell' }).click();
  await expect(page.getByRole('heading', { name: 'Edith Cavell', level: 1 })).toBeVisible();
  await expect(page.getByRole('region', { name: 'History' })).toContainText(
    'Alex Admin restored the record',
  );
});

test('the possible-duplicate notice takes the focus and comes into view after Save at the foot of the form', async ({
  page,
  app,
}) => {
  await app.signIn({ role: 'coordinator' });
  await createCustomer(app, {
    firstName: 'Harriet',
    lastName: 'Martineau',
    email: 'harriet.martineau@example.org',
  });
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.goto(`${app.url}#/customers/new`);
  await page.getByLabel('First name').fill('Harriet');
  await page.getByLabel('Last name').fill('Martineau');
  await page.getByRole('textbox', { name: 'Email' }).fill('harriet.martineau@example.org');
  await page.getByRole('checkbox', { name: /agree to us keeping their details/ }).check();
  await page.getByLabel('How they agreed').selectOption('phone');
  const save = page.getByRole('button', { name: 'Save customer' });
  await save.scrollIntoViewIfNeeded();
  await save.click();
  const notice = page.getByRole('region', { name: 'This may be someone already on the register' });
  await expect(notice).toBeFocused();
  await expect(notice).toBeInViewport();
  await expectAccessible(page, 'the duplicate notice');
  if (shots) await page.screenshot({ path: `${shots}/customer-duplicate-1024.png` });
});

test('a new customer on the full form records their consent; the export asks before equality data', async ({
  page,
  app,
}) => {
  await app.signIn({ role: 'coordinator' });
  await page.goto(`${app.url}#/customers/new`);
  await page.getByLabel('First name').fill('Mary');
  await page.getByLabel('Last name').fill('Wollstonecraft');
  await page.getByRole('button', { name: 'Save customer' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(summary).toContainText('Ask whether they agree to us keeping their details');
  await page.getByRole('checkbox', { name: /agree to us keeping their details/ }).check();
  await page.getByLabel('How they agreed').selectOption('paper_form');
  if (shots)
    await page.screenshot({ path: `${shots}/customer-form-consent-1280.png`, fullPage: true });
  await page.getByRole('button', { name: 'Save customer' }).click();
  await expect(page.getByRole('heading', { name: 'Mary Wollstonecraft', level: 1 })).toBeVisible();
  const consent = page.getByRole('table', { name: 'Consent given' });
  await expect(consent).toContainText('Keep my details on the Customer Voice register');
  await expect(consent).toContainText('23 Nov 2026');
  await expect(consent).toContainText('Signed paper form');

  // The export says what it holds and leaves equality data out unless chosen.
  await page.getByRole('link', { name: 'Back to the register' }).click();
  await page.getByRole('button', { name: 'Export to Excel…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export the register to Excel' });
  await expect(dialog).toContainText('what each has consented to');
  await expectAccessible(page, 'the export dialog');
  const plain = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export' }).click();
  const plainHeaders = await headersOf(await (await plain).path());
  expect(plainHeaders).toContain('Consent: Keep my details on the Customer Voice register');
  expect(plainHeaders).not.toContain('Ethnic group');

  await page.getByRole('button', { name: 'Export to Excel…' }).click();
  await dialog.getByRole('checkbox', { name: /Include equality information/ }).check();
  await expect(dialog).toContainText('special category data about each customer');
  await page.setViewportSize({ width: 1024, height: 700 });
  if (shots) await page.screenshot({ path: `${shots}/customer-export-1024.png` });
  const withEquality = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export' }).click();
  expect(await headersOf(await (await withEquality).path())).toContain('Ethnic group');
});

test('an officer exports nothing and sees no equality choice', async ({ page, app }) => {
  await app.signIn({ role: 'officer' });
  await page.goto(`${app.url}#/customers`);
  await expect(page.getByRole('heading', { name: 'Customers', level: 1 })).toBeVisible();
  await expect(page.getByRole('button', { name: /Export to Excel/ })).toHaveCount(0);
});

async function headersOf(path: string): Promise<string[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await readFile(path)) as never);
  return (workbook.worksheets[0]!.getRow(1).values as unknown[]).slice(1).map(String);
}

test('at 1024×700 the register keeps its key columns in view, and the menu folds away and stays folded', async ({
  page,
  app,
}) => {
  await app.signIn({ role: 'coordinator' });
  await app.loadDemo(60);
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.goto(`${app.url}#/customers`);
  const table = page.getByRole('table', { name: 'Customers' });
  await expect(table.getByRole('row')).not.toHaveCount(1);
  const inView = async (name: string) => {
    const box = await table.getByRole('columnheader', { name }).boundingBox();
    return box !== null && box.width > 0 && box.x + box.width <= 1024;
  };
  for (const name of ['Name', 'Status', 'Age', 'Last activity'])
    expect(await inView(name)).toBe(true);
  await expectAccessible(page, 'the register at 1024 px');
  if (shots) await page.screenshot({ path: `${shots}/customers-1024.png` });

  // A labelled button in the menu, worked from the keyboard.
  const hide = page.getByRole('button', { name: 'Hide the menu' });
  await hide.focus();
  await expect(hide).toBeFocused();
  await expect(hide).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('Enter');
  const show = page.getByRole('button', { name: 'Show the menu' });
  await expect(show).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link')).toHaveCount(0);
  // With the room back, the Area column returns.
  await expect(table.getByRole('columnheader', { name: 'Area' })).toBeVisible();
  for (const name of ['Status', 'Age', 'Last activity']) expect(await inView(name)).toBe(true);
  await expectAccessible(page, 'the register with the menu folded');
  if (shots) await page.screenshot({ path: `${shots}/customers-1024-menu-folded.png` });

  await page.reload();
  await expect(page.getByRole('button', { name: 'Show the menu' })).toBeVisible();
  await page.getByRole('button', { name: 'Show the menu' }).click();
  await expect(
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Customers' }),
  ).toBeVisible();
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(table.getByRole('columnheader', { name: 'Area' })).toBeVisible();
  if (shots) await page.screenshot({ path: `${shots}/customers-1280.png` });
});
