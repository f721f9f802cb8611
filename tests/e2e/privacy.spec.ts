import { expect, expectAccessible, test } from './fixtures';

test.setTimeout(120_000);

test('the administrator erases a customer who asked, from the retention screen, and finds it on the audit trail', async ({
  page,
  app,
}) => {
  await app.signIn();
  await app.api('organisation.applyTemplate', {});
  const created = await app.api<{ customer: { id: string } }>('customers.create', {
    firstName: 'Zebedee',
    lastName: 'Quillfeather',
    email: 'zebedee@quillfeather.example',
    postcode: 'TS9 9ZQ',
    status: 'active',
    notes: 'Prefers calls after six',
    confirmDuplicate: true,
  });
  await app.api('privacy.recordRequest', {
    kind: 'erasure',
    customerId: created.customer.id,
    receivedOn: '2026-10-28',
    note: null,
  });

  await page.goto(app.url);
  // Home lists the request with its deadline, one calendar month from receipt.
  await expect(page.getByRole('heading', { name: 'Requests about people’s data' })).toBeVisible();
  await expect(page.getByText('Erasure for Zebedee Quillfeather, due 28 Nov 2026')).toBeVisible();

  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Retention and requests' })
    .click();
  await expect(
    page.getByRole('heading', { name: 'Retention and requests', level: 1 }),
  ).toBeVisible();
  const due = page.getByRole('table', { name: 'Records due for erasure, oldest first' });
  await expect(due.getByRole('row', { name: /Zebedee Quillfeather/ })).toContainText(
    'Asked to be erased on 28 Oct 2026.',
  );
  await expectAccessible(page, 'the retention screen');
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: '/tmp/privacy-1280.png', fullPage: true });
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.screenshot({ path: '/tmp/privacy-1024.png', fullPage: true });

  // From the keyboard: open the confirmation, give the reason, erase.
  await page.getByRole('button', { name: 'Erase Zebedee Quillfeather' }).focus();
  await page.keyboard.press('Enter');
  const why = page.getByRole('group', { name: 'Erase Zebedee Quillfeather' }).getByLabel('Why');
  await expect(why).toBeFocused();
  await why.fill('The customer asked on the phone');
  await expectAccessible(page, 'the erasure confirmation');
  await page.getByRole('button', { name: 'Erase for good' }).click();
  await expect(
    page.getByText(/Zebedee Quillfeather erased: \d+ records? anonymised/),
  ).toBeVisible();
  await expect(
    page.getByText('The database has been compacted: the erased values are gone from the file.'),
  ).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('Nothing is due under the schedule today.')).toBeVisible();
  // Erasing them answered their request, and the list no longer names them.
  await expect(
    page.getByRole('table', { name: 'Requests, open ones first by deadline' }),
  ).toContainText('Erased customer');
  await expect(page.getByText(/Answered 23 Nov 2026/)).toBeVisible();
  await page.screenshot({ path: '/tmp/privacy-erased-1024.png', fullPage: true });

  // The audit trail, filtered to the person, shows the erasure above the changes it made.
  await page.getByRole('link', { name: 'Audit trail' }).first().click();
  await expect(page.getByRole('heading', { name: 'Audit trail', level: 1 })).toBeVisible();
  await page.getByLabel('Person').fill('Erased');
  // ↓ moves into the matches once they are there.
  await expect(page.getByRole('button', { name: 'Choose Erased customer' })).toBeVisible();
  await page.getByLabel('Person').press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`customer=${created.customer.id}`));
  await expect(page.getByText('Erased customer', { exact: true })).toBeVisible();
  const trail = page.getByRole('table', { name: 'Audit trail, newest first' });
  await expect(trail.getByRole('row').nth(1)).toContainText('Erasure');
  await expect(trail).toContainText('Involved customers: erased (The customer asked on the phone)');
  await expect(trail).not.toContainText('Quillfeather');
  await page.getByLabel('Kind of entry').selectOption('audit');
  await expect(trail.getByRole('row')).toHaveCount(2);
  await expectAccessible(page, 'the audit trail');
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.getByLabel('Kind of entry').selectOption('all');
  await page.screenshot({ path: '/tmp/audit-1280.png', fullPage: true });
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.screenshot({ path: '/tmp/audit-1024.png', fullPage: true });
});
