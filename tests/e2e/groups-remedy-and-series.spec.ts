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
  const ids: Record<string, string> = {};
  for (const p of [
    { firstName: 'Edna', lastName: 'Erimus', landlordId: landlord('Erimus Housing') },
    {
      firstName: 'Lena',
      lastName: 'Lease',
      landlordId: landlord('Tristar Homes'),
      tenure: 'leaseholder',
    },
    { firstName: 'Tom', lastName: 'Tristar', landlordId: landlord('Tristar Homes') },
    { firstName: 'Tess', lastName: 'Tristar', landlordId: landlord('Tristar Homes') },
    {
      firstName: 'Bob',
      lastName: 'Board',
      landlordId: landlord('Tristar Homes'),
      isBoardMember: true,
    },
    { firstName: 'Tilly', lastName: 'Tristar', landlordId: landlord('Tristar Homes') },
  ]) {
    const r = await app.api<{ customer: { id: string } }>('customers.create', {
      tenure: 'tenant',
      confirmDuplicate: true,
      ...p,
    });
    ids[p.firstName] = r.customer.id;
  }
  const groups = await app.api<{ id: string; name: string }[]>('groups.list', {});
  const group = (name: string) => groups.find((g) => g.name === name)!.id;
  for (const [g, who] of [
    ['Scrutiny Panel', 'Edna'],
    ['Scrutiny Panel', 'Lena'],
    ['Scrutiny Panel', 'Tilly'],
    ['Customer Council', 'Tess'],
  ] as const) {
    await app.api('groups.addMember', {
      groupId: group(g),
      customerId: ids[who],
      joinedOn: '2026-06-01',
      overrideReason: 'Set up for the test',
    });
  }
  return { panel: group('Scrutiny Panel'), council: group('Customer Council') };
}

test('a short partner landlord links to its tenants who could join; the members show their landlord', async ({
  page,
  app,
}) => {
  const { panel } = await setUp(app);
  await page.goto(`${app.url}#/groups/${panel}`);
  const members = page.getByRole('table', { name: 'Current members' });
  await expect(members.getByRole('columnheader', { name: 'Landlord' })).toBeVisible();
  await expect(members.getByRole('row', { name: /Edna Erimus Erimus Housing/ })).toBeVisible();
  await expect(
    members.getByRole('row', { name: /Lena Lease Tristar Homes \(Leaseholder\)/ }),
  ).toBeVisible();
  await expect(
    page.getByText('Scrutiny Panel: only 1 tenant from Tristar Homes, 2 needed.'),
  ).toBeVisible();
  await expectAccessible(page, 'a group short of a partner landlord’s tenants');
  await screenshot(page, 'group-rule-remedy');

  // Choosing someone shows at once what saving would refuse, judged on the joining date.
  await page.getByLabel('Find a customer').fill('Bob');
  // Enter chooses the first of the results once they show.
  await expect(page.getByRole('button', { name: 'Choose Bob Board' })).toBeVisible();
  await page.getByLabel('Find a customer').press('Enter');
  await expect(
    page.getByText('Joining on 23 Nov 2026, Bob Board would break a membership rule:'),
  ).toBeVisible();
  await expect(page.getByText(/Bob Board is a board member/)).toBeVisible();
  await screenshot(page, 'group-member-check');
  await page.getByRole('button', { name: 'Choose someone else' }).click();

  await page.getByRole('link', { name: 'Find Tristar Homes tenants who could join' }).click();
  await expect(page.getByRole('heading', { name: 'Customers', level: 1 })).toBeVisible();
  await expect(
    page.getByText(
      'Showing only tenants who could join Scrutiny Panel without breaking a membership rule.',
    ),
  ).toBeVisible();
  await expect(page.getByLabel('Landlord')).toHaveValue(/.+/);
  // Tom is the one: Tess is on the Customer Council, Bob on the Board, Lena a leaseholder,
  // Tilly on the panel already, Edna with another landlord.
  const rows = page.locator('#customer-table tbody a');
  await expect(rows).toHaveText(['Tristar, Tom']);
  await expectAccessible(page, 'the register filtered to eligible tenants');
  await screenshot(page, 'register-eligible-tenants');

  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(rows).toHaveCount(6);
});

test('a monthly series for a year: default title and end, bank holiday moved, one record each', async ({
  page,
  app,
}) => {
  const { council } = await setUp(app);
  await page.goto(`${app.url}#/groups/${council}`);
  await page.getByRole('link', { name: 'Schedule a meeting' }).click();
  await expect(page.getByLabel('Title')).toHaveValue('Customer Council meeting');
  await page.getByLabel('Starts (UK time)').fill('2027-01-04T18:00');
  await expect(page.getByLabel('Ends (UK time)')).toHaveValue('2027-01-04T20:00');
  await page.getByLabel('Repeats').selectOption({ label: 'Monthly, first Monday' });
  await expect(page.getByLabel('Number of meetings')).toHaveValue('12');
  const preview = page.getByRole('region', { name: 'The 12 meetings' });
  await expect(preview.getByRole('listitem')).toHaveCount(12);
  await expect(preview).toContainText('(moved from 3 May 2027, Early May bank holiday)');
  await expect(preview).toContainText('1 falls on a weekend or bank holiday');
  await page.getByLabel('Venue name').fill('Thornaby Community Centre');
  await expectAccessible(page, 'the activity form planning a series');
  await screenshot(page, 'activity-series');

  await page.getByRole('button', { name: 'Schedule 12 meetings' }).press('Enter');
  await expect(page.getByRole('heading', { name: 'Customer Council', level: 1 })).toBeVisible();
  const saved = await app.api<{ title: string; startsAt: string; venueName: string }[]>(
    'activities.list',
    { from: '2027-01-01', to: '2027-12-31', groupId: council },
  );
  expect(saved).toHaveLength(12);
  expect(saved.every((a) => a.title === 'Customer Council meeting')).toBe(true);
  expect(saved.every((a) => a.venueName === 'Thornaby Community Centre')).toBe(true);
  expect(saved[4]!.startsAt).toBe('2027-05-04T17:00:00.000Z');
  await expect(page.getByRole('link', { name: 'Customer Council meeting' }).first()).toBeVisible();

  // A title typed by hand stays, whatever the group.
  await page.goto(`${app.url}#/activities/new`);
  await expect(page.getByLabel('Title')).toHaveValue('Meeting');
  await page.getByLabel('Title').fill('Tenants’ summer social');
  await page.getByLabel('Group').selectOption({ label: 'Customer Council' });
  await expect(page.getByLabel('Title')).toHaveValue('Tenants’ summer social');
});
