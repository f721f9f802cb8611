import type { Page } from '@playwright/test';
import { expect, expectAccessible, test, type HostedApp } from './fixtures';

const shots = process.env.SCREENSHOT_DIR;

/** Both sizes a desk user works at; the page is left at 1280×800. */
async function screenshots(page: Page, name: string) {
  if (!shots) return;
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.screenshot({ path: `${shots}/${name}-1024.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: `${shots}/${name}-1280.png`, fullPage: true });
}

async function demo(app: HostedApp, customers = 300) {
  await app.signIn({ role: 'coordinator', name: 'Jo Coordinator' });
  // The demo loads as an administrator, then the coordinator does the work.
  const staff = await app.api<{ id: string; role: string }[]>('staff.list', {});
  await app.api('session.signIn', { staffId: staff.find((s) => s.role === 'administrator')!.id });
  await app.loadDemo(customers);
  await app.api('session.signIn', { staffId: staff.find((s) => s.role === 'coordinator')!.id });
}

const main = (page: Page) => page.getByRole('navigation', { name: 'Main' });

test("Home's links open their screens filtered, its counts read like the register's, and it shows the Ombudsman's 12 months and the self-assessment", async ({
  page,
  app,
}) => {
  test.setTimeout(180_000);
  // Enough customers that the count runs past a thousand.
  await demo(app, 2500);
  // A case whose final response was 20 December 2025: its 12 months end in 27 days.
  const nearing = await app.api<{ reference: string }>('cases.refer', {
    referredOn: '2026-11-02',
    referredBy: 'complainant',
    complainantName: 'Pat Resident',
    serviceArea: 'repairs',
    subject: 'Leaking roof',
    stage1: { received: '2025-10-01', acknowledged: '2025-10-03', responded: '2025-10-20' },
    stage2: { received: '2025-11-03', acknowledged: '2025-11-05', responded: '2025-12-20' },
  });

  await page.goto(app.url);
  const customers = page.getByRole('region', { name: 'Customer Voice' });
  await expect(customers).toContainText('active customers have had no activity');
  const count = (await customers.locator('.attention__count').innerText()).trim();
  // Thousands are separated, as the register writes them.
  expect(count).toMatch(/^\d{1,3}(,\d{3})+$/);

  const cases = page.getByRole('region', { name: 'Complaint panel' });
  await expect(cases).toContainText('the end of the 12 months for the Housing Ombudsman');
  await expect(cases.getByRole('link', { name: nearing.reference })).toBeVisible();
  await expect(cases).toContainText('by 20 Dec 2026');
  await expect(cases).toContainText('27 days left');
  await expect(cases).toContainText('Code self-assessment');
  await expect(
    cases.getByRole('link', { name: /Open the 2026 Code self-assessment/ }),
  ).toBeVisible();
  await expectAccessible(page, 'Home');
  await screenshots(page, 'home');

  // The register opens with the same filter, and says the same number.
  await customers
    .getByRole('link', { name: `Open these ${count} customers in the register` })
    .click();
  await expect(page.getByRole('heading', { name: 'Customers', level: 1 })).toBeVisible();
  await expect(page).toHaveURL(/status=active/);
  await expect(page.getByLabel('Status')).toHaveValue('active');
  await expect(page.getByLabel('No activity in the last 12 months')).toBeChecked();
  await expect(page.getByText(`${count} customers match`)).toBeVisible();
  await screenshots(page, 'register-from-home');

  // Overdue recommendations: the tracker opens with "Overdue only" ticked and the same count.
  await main(page).getByRole('link', { name: 'Home' }).click();
  const recs = page.getByRole('region', { name: 'Recommendations' });
  await expect(recs.locator('.attention__count').first()).not.toHaveText('');
  const overdue = (await recs.locator('.attention__count').first().innerText()).trim();
  await recs.getByRole('link', { name: 'overdue' }).click();
  await expect(page.getByRole('heading', { name: 'Recommendations tracker' })).toBeVisible();
  await expect(page.getByLabel('Overdue only')).toBeChecked();
  await expect(page.getByText(new RegExp(`^${overdue} recommendations?`))).toBeVisible();
  await screenshots(page, 'tracker-from-home');

  // The same for groups that break a membership rule.
  await main(page).getByRole('link', { name: 'Home' }).click();
  const groups = page.getByRole('region', { name: 'Groups' });
  const broken = Number(await groups.locator('.attention__count').innerText());
  expect(broken).toBeGreaterThan(0);
  await groups.getByRole('link', { name: /a membership rule/ }).click();
  await expect(page.getByRole('heading', { name: 'Groups', level: 1 })).toBeVisible();
  const table = page.getByRole('table', { name: 'Groups that break a membership rule' });
  await expect(table.locator('tbody tr')).toHaveCount(broken);
  await expect(table.locator('tbody').getByText('Met', { exact: true })).toHaveCount(0);
  await screenshots(page, 'groups-from-home');
  await page.getByRole('button', { name: 'Show all groups' }).click();
  await expect(page.getByRole('table', { name: 'Groups', exact: true })).toBeVisible();
});

test('unsaved changes are never lost silently, and Ctrl+S saves the form in front', async ({
  page,
  app,
}) => {
  await demo(app);
  const someone = (
    await app.api<{ rows: { id: string; firstName: string; lastName: string }[] }>(
      'customers.list',
      { sort: 'name', limit: 1 },
    )
  ).rows[0]!;
  await page.goto(`${app.url}#/customers/${someone.id}/edit`);
  const firstName = page.getByRole('textbox', { name: 'First name' });
  await expect(firstName).toHaveValue(someone.firstName);

  // Nothing changed: leaving asks nothing.
  await main(page).getByRole('link', { name: 'Groups' }).click();
  await expect(page.getByRole('heading', { name: 'Groups', level: 1 })).toBeVisible();

  // Changed: leaving asks first, and staying keeps what was typed.
  await page.goBack();
  await firstName.fill('Changedname');
  await main(page).getByRole('link', { name: 'Groups' }).click();
  const question = page.getByRole('dialog', { name: 'Leave without saving?' });
  await expect(question).toBeVisible();
  await expect(question).toContainText(`your changes to ${someone.firstName} ${someone.lastName}`);
  await expect(question.getByRole('button', { name: 'Stay and keep editing' })).toBeFocused();
  await expectAccessible(page, 'the unsaved changes question');
  await screenshots(page, 'unsaved-question');
  await page.keyboard.press('Escape');
  await expect(question).toBeHidden();
  await expect(page).toHaveURL(new RegExp(`/customers/${someone.id}/edit`));
  await expect(firstName).toHaveValue('Changedname');

  // The same for Cancel, and for switching profile (no navigation, but the form would go).
  await page.getByRole('link', { name: 'Cancel' }).click();
  await expect(question).toBeVisible();
  await question.getByRole('button', { name: 'Stay and keep editing' }).click();
  await page.getByRole('button', { name: 'Switch profile' }).click();
  await expect(question).toBeVisible();
  await question.getByRole('button', { name: 'Stay and keep editing' }).click();
  await expect(firstName).toHaveValue('Changedname');

  // Closing or reloading the window asks too (the browser's own question).
  const asked = page.waitForEvent('dialog');
  await page.close({ runBeforeUnload: true });
  const unload = await asked;
  expect(unload.type()).toBe('beforeunload');
  await unload.dismiss();
  expect(page.isClosed()).toBe(false);
  await expect(firstName).toHaveValue('Changedname');

  // Ctrl+S saves, through the same checks as Save, and the move to the record is not questioned.
  await firstName.focus();
  await page.keyboard.press('Control+s');
  await expect(page.getByRole('heading', { name: /Changedname/, level: 1 })).toBeVisible();
  await expect(question).toBeHidden();
  const saved = await app.api<{ firstName: string }>('customers.get', { id: someone.id });
  expect(saved.firstName).toBe('Changedname');

  // A form that stays on screen after saving: Ctrl+S, then leave freely.
  const rec = (await app.api<{ rows: { id: string }[] }>('recommendations.list', { limit: 1 }))
    .rows[0]!;
  await page.goto(`${app.url}#/recommendations/${rec.id}`);
  await page.getByRole('textbox', { name: 'Owner' }).fill('Head of Repairs');
  await page.keyboard.press('Control+s');
  await expect(page.getByText('Saved.', { exact: true })).toBeVisible();
  await screenshots(page, 'recommendation-saved');
  expect((await app.api<{ owner: string }>('recommendations.get', { id: rec.id })).owner).toBe(
    'Head of Repairs',
  );
  await main(page).getByRole('link', { name: 'Home' }).click();
  await expect(page.getByRole('heading', { name: 'Home', level: 1 })).toBeVisible();

  // A new group left half-filled: "Leave and lose the changes" really leaves.
  await page.goto(`${app.url}#/groups/new`);
  await page.getByRole('textbox', { name: 'Name' }).fill('Estate walkabout group');
  await main(page).getByRole('link', { name: 'Calendar' }).click();
  await question.getByRole('button', { name: 'Leave and lose the changes' }).click();
  await expect(page.getByRole('heading', { name: 'Calendar', level: 1 })).toBeVisible();
});

test('the groups, cases and recommendations tables sort by their columns', async ({
  page,
  app,
}) => {
  await demo(app);
  const numbers = async (cells: ReturnType<Page['locator']>) =>
    (await cells.allInnerTexts()).map((t) => Number(t.replace(/,/g, '')));

  await page.goto(`${app.url}#/groups`);
  const groups = page.getByRole('table', { name: 'Groups' });
  const members = groups.getByRole('columnheader', { name: 'Members', exact: true });
  await members.getByRole('button').focus();
  await page.keyboard.press('Enter');
  await expect(members).toHaveAttribute('aria-sort', 'ascending');
  const up = await numbers(groups.locator('tbody td.num'));
  expect(up).toEqual([...up].sort((a, b) => a - b));
  await page.keyboard.press('Enter');
  await expect(members).toHaveAttribute('aria-sort', 'descending');
  const down = await numbers(groups.locator('tbody td.num'));
  expect(down).toEqual([...up].sort((a, b) => b - a));
  await expect(page).toHaveURL(/sort=members&dir=desc/);
  await expectAccessible(page, 'the sorted groups table');
  await screenshots(page, 'groups-sorted');

  // The tracker is sorted by the service: the order holds across the whole list, not one page.
  await page.goto(`${app.url}#/recommendations`);
  const tracker = page.getByRole('table', { name: 'Recommendations' });
  await expect(tracker.getByRole('columnheader', { name: 'Due' })).toHaveAttribute(
    'aria-sort',
    'ascending',
  );
  const byReference = tracker.getByRole('button', { name: 'Reference' });
  await byReference.click();
  await byReference.click();
  await expect(tracker.getByRole('columnheader', { name: 'Reference' })).toHaveAttribute(
    'aria-sort',
    'descending',
  );
  const shown = await tracker.locator('tbody th').allInnerTexts();
  const all = await app.api<{ rows: { reference: string }[] }>('recommendations.list', {
    sort: 'reference',
    direction: 'desc',
  });
  expect(shown).toEqual(all.rows.map((r) => r.reference));
  expect(shown).toEqual([...shown].sort().reverse());
  await screenshots(page, 'tracker-sorted');

  // All cases, by referral date, oldest first.
  await page.goto(`${app.url}#/cases`);
  const allCases = page.getByRole('table', { name: 'All cases' });
  const referred = allCases.getByRole('columnheader', { name: 'Referred' });
  await expect(referred).toHaveAttribute('aria-sort', 'descending');
  await referred.getByRole('button').click();
  await expect(referred).toHaveAttribute('aria-sort', 'ascending');
  const oldestFirst = await app.api<{ rows: { reference: string }[] }>('cases.list', {
    sort: 'referred',
    direction: 'asc',
  });
  await expect(allCases.locator('tbody th')).toHaveText(oldestFirst.rows.map((r) => r.reference));
  await expectAccessible(page, 'the sorted cases tables');
  await screenshots(page, 'cases-sorted');

  // Homes and tenants are counted as everywhere else.
  await page.goto(`${app.url}#/settings/organisation`);
  await expect(page.getByRole('cell', { name: /^\d{1,3}(,\d{3})+$/ }).first()).toBeVisible();
  await screenshots(page, 'organisation');
});
