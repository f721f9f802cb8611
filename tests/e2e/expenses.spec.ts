import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from '@playwright/test';
import { expect, expectAccessible, test, type HostedApp } from './fixtures';

const SHOTS = '/tmp/expenses-shots';
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

/** Screenshots at the two sizes the team works at, for looking at, outside the repository. */
async function shoot(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: `${SHOTS}/${name}-1280.png` });
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.screenshot({ path: `${SHOTS}/${name}-1024.png` });
  await page.setViewportSize({ width: 1280, height: 800 });
}

async function setUp(app: HostedApp) {
  await app.signIn();
  await app.api('organisation.applyTemplate', {});
  const groups = await app.api<{ id: string; name: string }[]>('groups.list', {});
  const council = groups.find((g) => g.name === 'Customer Council')!.id;
  const made = await app.api<{ customer: { id: string } }>('customers.create', {
    firstName: 'Maureen',
    lastName: 'Ashby',
    postcode: 'TS17 6AA',
    confirmDuplicate: true,
  });
  const maureen = made.customer.id;
  await app.api('groups.addMember', {
    groupId: council,
    customerId: maureen,
    joinedOn: '2026-01-01',
  });
  const meeting = await app.api<{ id: string }>('activities.save', {
    kind: 'meeting',
    title: 'Customer Council, November',
    groupId: council,
    startsAt: '2026-11-23T09:00:00.000Z',
    endsAt: '2026-11-23T11:00:00.000Z',
  });
  const officer = await app.api<{ id: string }>('staff.create', {
    name: 'Olly Officer',
    role: 'officer',
    email: null,
  });
  const leader = await app.api<{ id: string }>('staff.create', {
    name: 'Tess Leader',
    role: 'team_leader',
    email: null,
  });
  await app.api('session.signIn', { staffId: leader.id });
  await app.api('expenses.savePaymentDetails', {
    customerId: maureen,
    method: 'bank_transfer',
    accountName: 'Mrs M Ashby',
    sortCode: '20-00-00',
    accountNumber: '12345678',
  });
  return { maureen, meeting: meeting.id, officer: officer.id, leader: leader.id };
}

async function downloaded(page: Page, click: () => Promise<void>): Promise<Buffer> {
  const waiting = page.waitForEvent('download');
  await click();
  const download = await waiting;
  return readFileSync((await download.path())!);
}

test('an officer claims from the sign-in screen; the team leader approves, batches, exports, pays and sends the remittance note', async ({
  page,
  app,
}) => {
  const s = await setUp(app);

  // The officer, at the community centre.
  await app.api('session.signIn', { staffId: s.officer });
  await page.goto(`${app.url}#/activities/${s.meeting}/sign-in`);
  const filter = page.getByRole('searchbox', { name: 'Find a person by name or postcode' });
  await expect(filter).toBeFocused();
  await page.keyboard.type('Maureen');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Present for Maureen Ashby' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expectAccessible(page, 'the sign-in screen');
  await shoot(page, 'sign-in');
  await page.getByRole('button', { name: 'Present for Maureen Ashby' }).focus();
  await page.keyboard.press('e');

  await expect(page.getByRole('heading', { name: 'New expenses claim' })).toBeVisible();
  await expect(page.getByText('For Maureen Ashby')).toBeVisible();
  const cost = page.getByLabel('Line 1: cost');
  await expect(cost).toBeFocused();
  await cost.selectOption('public_transport');
  await expect(page.getByLabel('Activity it was for')).toHaveValue(s.meeting);
  await expect(page.getByLabel('Date')).toHaveValue('2026-11-23');
  await page.getByLabel('Amount paid (£)').fill('12.40');
  await page.getByLabel('Receipt (photo or PDF)').setInputFiles({
    name: 'bus-ticket.png',
    mimeType: 'image/png',
    buffer: PNG,
  });
  await expect(
    page.getByLabel('The customer declared the costs were actually incurred'),
  ).toHaveValue('in_person');
  await expectAccessible(page, 'the claim form');
  await shoot(page, 'claim-form');
  await page.getByRole('button', { name: 'Save and submit' }).click();
  // Back at the door for the next person.
  await expect(filter).toBeVisible();

  const claims = await app.api<{ rows: { id: string; status: string; totalPence: number }[] }>(
    'expenses.claims',
    {},
  );
  expect(claims.rows).toMatchObject([{ status: 'submitted', totalPence: 1240 }]);
  const claimId = claims.rows[0]!.id;

  // The officer sees that bank details are held, never the details.
  await page.goto(`${app.url}#/expenses/claims/${claimId}`);
  await expect(page.getByRole('heading', { name: 'How the customer is paid' })).toBeVisible();
  await expect(page.getByText('••••••••')).toBeVisible();
  await expect(page.getByText('bus-ticket.png')).toBeVisible();
  await expect(page.locator('body')).not.toContainText('12345678');
  await expect(page.locator('body')).not.toContainText('Mrs M Ashby');
  await expectAccessible(page, 'the claim page, as an officer');
  await shoot(page, 'claim-officer');

  // The team leader's Friday afternoon.
  await app.api('session.signIn', { staffId: s.leader });
  await page.goto(`${app.url}#/`);
  await expect(page.getByText('1 claim is waiting for approval')).toBeVisible();
  await page.goto(`${app.url}#/approvals/expenses`);
  const item = page.getByRole('option', { name: /Maureen Ashby/ });
  await expect(item).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByText('£12.40 as spent')).toBeVisible();
  await expectAccessible(page, 'the approval queue');
  await shoot(page, 'queue');
  await expect(item).toBeFocused();
  await page.keyboard.press('a');
  await expect(page.getByText('No claims are waiting.')).toBeVisible();

  await page.goto(`${app.url}#/expenses/batches`);
  await page.getByRole('button', { name: 'Gather them into a new batch' }).click();
  await expect(page.getByRole('heading', { name: /Payment batch PAY-2026-001/ })).toBeVisible();
  await page.getByRole('button', { name: 'Export the batch' }).click();
  await expect(page.getByText('The workbook and CSV are ready.')).toBeVisible();
  const xlsx = await downloaded(page, () =>
    page.getByRole('button', { name: 'Download the workbook (XLSX)' }).click(),
  );
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(xlsx as never);
  const sheet = book.worksheets[0]!;
  expect(sheet.getCell('A2').value).toBe('Maureen Ashby');
  expect(sheet.getCell('C2').value).toBe(12.4);
  expect(sheet.getCell('H2').value).toBe('12345678');
  expect(sheet.getCell('C3').value).toMatchObject({ formula: 'SUM(C2:C2)', result: 12.4 });
  const csv = await downloaded(page, () =>
    page.getByRole('button', { name: 'Download CSV' }).click(),
  );
  expect(csv.toString()).toContain('Total,1 payments,12.40');
  await expectAccessible(page, 'the batch page');
  await shoot(page, 'batch');

  await page.getByRole('button', { name: 'Mark the batch paid' }).click();
  await expect(page.getByText('Paid on 23 Nov 2026: its claims cannot change.')).toBeVisible();
  const pdf = await downloaded(page, () =>
    page.getByRole('button', { name: 'Remittance note for Maureen Ashby' }).click(),
  );
  const pdfPath = join(app.dir, 'remittance.pdf');
  writeFileSync(pdfPath, pdf);
  const text = execFileSync('pdftotext', ['-layout', pdfPath, '-']).toString();
  expect(text).toContain('Remittance note');
  expect(text).toContain('Total paid: £12.40');
  expect(text).toContain('£12.40 as spent');
  await shoot(page, 'batch-paid');

  await page.goto(`${app.url}#/expenses/claims/${claimId}`);
  await expect(page.getByText('12345678')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Change the claim' })).toHaveCount(0);
  await shoot(page, 'claim-leader-paid');

  // Her record lists the claim, paid, and how she is paid.
  await page.goto(`${app.url}#/customers/${s.maureen}`);
  const onRecord = page.getByRole('region', { name: 'Expenses claims' });
  await expect(onRecord.getByRole('row', { name: /£12\.40/ })).toContainText('Paid');
  await expect(page.getByRole('region', { name: 'How the customer is paid' })).toContainText(
    '12345678',
  );
  await expect(onRecord.getByRole('link', { name: 'New claim for Maureen Ashby' })).toBeVisible();

  await page.goto(`${app.url}#/expenses/budgets`);
  await expect(page.getByRole('heading', { name: 'Expenses budgets' })).toBeVisible();
  await page.getByLabel('Group').selectOption({ label: 'Customer Council' });
  await page.getByLabel('Budget (£)').fill('2500');
  await page.getByRole('button', { name: 'Save the budget' }).click();
  await expect(page.getByRole('rowheader', { name: 'Customer Council' })).toBeVisible();
  await expect(page.getByRole('row', { name: /Customer Council/ })).toContainText('£12.40');
  await expectAccessible(page, 'the budgets page');
  await shoot(page, 'budgets');

  await page.goto(`${app.url}#/settings/expenses`);
  await expect(page.getByText('Why there is no flat-rate or thank-you payment.')).toBeVisible();
  await expectAccessible(page, 'the expenses policy, as a team leader');
  await shoot(page, 'policy');

  // An administrator sets a new version of the policy.
  const staff = await app.api<{ id: string; role: string }[]>('staff.list', {});
  await app.api('session.signIn', { staffId: staff.find((x) => x.role === 'administrator')!.id });
  await page.reload();
  const mealCap = page.getByLabel('Meals and subsistence: cap (£, blank for actual cost)');
  await mealCap.fill('');
  await mealCap.pressSequentially('12.00');
  await expect(mealCap).toHaveValue('12.00');
  await page.getByRole('button', { name: 'Save the version' }).click();
  await expect(page.getByText('Saved. Lines dated from then on use it.')).toBeVisible();
  await expect(page.getByRole('cell', { name: '23 Nov 2026' })).toBeVisible();
  const versions = await app.api<
    { startsOn: string; categories: { meals: { capPence: number } } }[]
  >('expenses.policies', {});
  expect(versions.at(-1)).toMatchObject({
    startsOn: '2026-11-23',
    categories: { meals: { capPence: 1200 } },
  });
  await expectAccessible(page, 'the expenses policy, as an administrator');
  await shoot(page, 'policy-admin');
});
