import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, expectAccessible, test, type HostedApp } from './fixtures';

const shots = process.env.SCREENSHOT_DIR;

async function screenshot(page: Page, name: string) {
  if (!shots) return;
  mkdirSync(shots, { recursive: true });
  for (const [width, height] of [
    [1280, 800],
    [1024, 700],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: join(shots, `${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

async function setUp(app: HostedApp) {
  await app.signIn();
  await app.api('organisation.applyTemplate', {});
  const org = await app.api<{ landlords: { id: string; name: string }[] }>('organisation.get', {});
  const landlord = (name: string) => org.landlords.find((l) => l.name === name)!.id;
  for (const [firstName, lastName, name] of [
    ['Edna', 'Erimus', 'Erimus Housing'],
    ['Edwin', 'Erimus', 'Erimus Housing'],
    ['Tom', 'Tristar', 'Tristar Homes'],
  ] as const) {
    await app.api('customers.create', {
      firstName,
      lastName,
      landlordId: landlord(name),
      tenure: 'tenant',
      postcode: 'TS5 6AB',
      confirmDuplicate: true,
    });
  }
  const groups = await app.api<{ id: string; name: string }[]>('groups.list', {});
  return groups.find((g) => g.name === 'Talent School')!.id;
}

test('↓ from the register search moves to the first row, ↑ from it goes back', async ({
  page,
  app,
}) => {
  await setUp(app);
  await page.goto(`${app.url}#/customers`);
  const search = page.getByLabel('Search', { exact: true });
  const firstRow = page.locator('#customer-table tbody a').first();
  await expect(firstRow).toHaveText('Erimus, Edna');

  await search.focus();
  await page.keyboard.press('ArrowDown');
  await expect(firstRow).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('#customer-table tbody a').nth(1)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(search).toBeFocused();

  await page.keyboard.type('Tristar');
  await expect(page.locator('#customer-table tbody a')).toHaveCount(1);
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('link', { name: 'Tristar, Tom' })).toBeFocused();
});

test('choosing a member by keyboard keeps focus where the work goes on', async ({ page, app }) => {
  const talent = await setUp(app);
  await page.goto(`${app.url}#/groups/${talent}`);
  const search = page.getByLabel('Find a customer');
  await search.focus();
  await page.keyboard.type('Erimus');
  const edna = page.getByRole('button', { name: 'Choose Edna Erimus' });
  await expect(edna).toBeVisible();
  await expectAccessible(page, 'the member search with results');
  await screenshot(page, 'group-member-search');

  await page.keyboard.press('ArrowDown');
  await expect(edna).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('button', { name: 'Choose Edwin Erimus' })).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');

  await expect(page.getByText('Adding Edna Erimus.')).toBeVisible();
  await expect(page.getByLabel('Role', { exact: true })).toBeFocused();
  await screenshot(page, 'group-member-chosen');
  await page.getByRole('button', { name: 'Add member' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText('Edna Erimus joined Talent School.')).toBeVisible();
  await expect(search).toBeFocused();

  // Enter in the search chooses the first match; "Choose someone else" comes back to the search.
  await page.keyboard.type('Tristar');
  await expect(page.getByRole('button', { name: 'Choose Tom Tristar' })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByText('Adding Tom Tristar.')).toBeVisible();
  await expect(page.getByLabel('Role', { exact: true })).toBeFocused();
  await page.getByRole('button', { name: 'Choose someone else' }).press('Enter');
  await expect(search).toBeFocused();
  await page.keyboard.press('Escape');
  expect(await page.evaluate(() => document.activeElement?.tagName)).not.toBe('BODY');
});

test('the complainant lookup: ↓ into the matches, Enter fills in the complainant', async ({
  page,
  app,
}) => {
  await setUp(app);
  await page.goto(`${app.url}#/cases/new`);
  const lookup = page.getByLabel('Find on the register');
  await lookup.focus();
  await page.keyboard.type('Tom');
  const tom = page.getByRole('button', { name: 'Tom Tristar (TS5 6AB)' });
  await expect(tom).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await expect(tom).toBeFocused();
  await expectAccessible(page, 'the complainant lookup with matches');
  await screenshot(page, 'referral-lookup');
  await page.keyboard.press('Enter');
  const name = page.locator('#complainantName');
  await expect(name).toBeFocused();
  await expect(name).toHaveValue('Tom Tristar');
  await expect(page.getByText('Linked to the register.')).toBeVisible();
  // Enter in the lookup never submits the referral.
  await lookup.focus();
  await page.keyboard.type('Nobody-by-this-name');
  await page.keyboard.press('Enter');
  await expect(page.getByText('No customer matches.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Refer a case to the panel' })).toBeVisible();
});
