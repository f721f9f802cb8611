import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, expectAccessible, test, type HostedApp } from './fixtures';

const SHOTS = '/tmp/grants-shots';
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

/** Screenshots at the two sizes the team works at, outside the repository, when SHOTS=1 asks for them. */
async function shoot(page: Page, name: string) {
  if (!process.env.SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: `${SHOTS}/case-${name}-1280.png` });
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.screenshot({ path: `${SHOTS}/case-${name}-1024.png` });
  await page.setViewportSize({ width: 1280, height: 800 });
}

async function setUp(app: HostedApp) {
  await app.signIn();
  await app.api('organisation.applyTemplate', {});
  const groups = await app.api<{ id: string; name: string }[]>('groups.list', {});
  const panel = groups.find((g) => g.name === 'Community Fund Panel')!.id;
  const made = await app.api<{ customer: { id: string } }>('customers.create', {
    firstName: 'Omar',
    lastName: 'Panellist',
    addressLine1: '2 Bishopton Lane',
    postcode: 'TS18 1AA',
    confirmDuplicate: true,
  });
  await app.api('groups.addMember', {
    groupId: panel,
    customerId: made.customer.id,
    joinedOn: '2026-01-05',
  });
  const coordinator = await app.api<{ id: string }>('staff.create', {
    name: 'Cora Coordinator',
    role: 'coordinator',
    email: null,
  });
  const leader = await app.api<{ id: string }>('staff.create', {
    name: 'Tess Leader',
    role: 'team_leader',
    email: null,
  });
  await app.api('session.signIn', { staffId: leader.id });
  await app.api('grants.savePriority', { name: 'Tackling loneliness', agreedOn: '2026-04-01' });
  await app.api('session.signIn', { staffId: coordinator.id });
  return { coordinator: coordinator.id, leader: leader.id };
}

async function downloaded(page: Page, click: () => Promise<void>): Promise<Buffer> {
  const waiting = page.waitForEvent('download');
  await click();
  return readFileSync((await (await waiting).path())!);
}

test('a grant case: round, application, scoring, award, payment, evaluation due and recorded', async ({
  page,
  app,
}) => {
  const s = await setUp(app);

  // The coordinator sets up the round.
  await page.goto(`${app.url}#/grants`);
  await page.getByRole('link', { name: 'New round' }).click();
  await page.getByLabel('Name').fill('Community Fund, winter 2026');
  await page.getByLabel('Opens').fill('2026-11-01');
  await page.getByLabel('Closes').fill('2026-11-30');
  await page.getByLabel('Budget (£)').fill('3000');
  await page.getByLabel('Largest award (£)').fill('1500');
  await page.getByRole('button', { name: 'Add a criterion' }).click();
  await page.getByLabel('Criterion 1: what the panel scores').fill('Reduces loneliness');
  await page
    .getByLabel('Criterion 1: Board priority')
    .selectOption({ label: 'Tackling loneliness' });
  await page.getByRole('button', { name: 'Save the round' }).click();
  await expect(page.getByRole('heading', { name: 'Community Fund, winter 2026' })).toBeVisible();
  await expect(page.getByText('Open for applications')).toBeVisible();
  await expect(page.getByText(/Ties:.*asking for less money ranks first/)).toBeVisible();

  // An application comes in.
  await page.getByRole('link', { name: 'New application' }).click();
  await page.getByLabel('Applicant (group or person)').fill('Mandale Friends');
  await page.getByLabel('Contact’s name').fill('Pat Organiser');
  await page.getByLabel('Contact’s phone').fill('01642 000000');
  await page.getByLabel('Project title').fill('Friday lunch club');
  await page.getByLabel('Area').selectOption({ label: 'Stockton-on-Tees' });
  await page.getByLabel('Board priority it meets').selectOption({ label: 'Tackling loneliness' });
  await page.getByLabel('Amount asked for (£)').fill('400');
  await page
    .getByLabel('What the project is')
    .fill('A hot lunch every Friday at the community centre.');
  await page
    .getByLabel('What it will achieve')
    .fill('Thirty older residents meet every week instead of eating alone.');
  await page.keyboard.press('Control+s');
  await expect(page.getByRole('heading', { name: 'CF-2026-001: Friday lunch club' })).toBeVisible();
  await page.getByRole('button', { name: 'Check eligibility against the criteria' }).click();
  await expect(page.getByText('Checked on 23 Nov 2026:')).toBeVisible();
  await expect(page.getByText('Eligible, waiting for a decision').first()).toBeVisible();
  await expect(page.getByText('£400.00 is within the round’s £100.00 to £1,500.00.')).toBeVisible();
  await expectAccessible(page, 'the application page');
  await shoot(page, 'application');

  // The panel's score sheet, typed in from the keyboard.
  await page.getByRole('link', { name: 'Open the panel’s scoring' }).click();
  await page.getByLabel('Panel member').selectOption({ label: 'Omar Panellist' });
  const box = page.getByLabel('CF-2026-001, Reduces loneliness');
  await expect(box).toBeFocused();
  await page.keyboard.press('4');
  await expect(box).toHaveValue('4');
  await expectAccessible(page, 'the score sheet');
  await shoot(page, 'scoring');
  await page.keyboard.press('Control+s');
  await expect(page.getByText('The scores are saved.')).toBeVisible();

  // The team leader decides and pays.
  await app.api('session.signIn', { staffId: s.leader });
  await page.goto(
    `${app.url}#/grants/applications/${(await app.api<{ id: string }[]>('grants.applications', {}))[0]!.id}`,
  );
  await expect(page.getByText('Scored 4 out of 5 by 1 panel member')).toBeVisible();
  await page.getByLabel('Amount awarded (£)').fill('380');
  await page.getByLabel('Conditions (one a line)').fill('Use a venue with step-free access.');
  await page.getByRole('button', { name: 'Record the decision' }).click();
  await expect(page.getByText('Awarded £380.00 on 23 Nov 2026')).toBeVisible();
  const pdf = await downloaded(page, () =>
    page.getByRole('button', { name: 'Download the fund agreement (PDF)' }).click(),
  );
  const pdfPath = join(app.dir, 'agreement.pdf');
  writeFileSync(pdfPath, pdf);
  const text = execFileSync('pdftotext', ['-layout', pdfPath, '-']).toString();
  expect(text).toContain('Award: £380.00');
  expect(text).toContain('Use a venue with step-free access.');
  expect(text).toContain('Send the post-project evaluation by 18 January 2027');
  await page.getByLabel('Amount (£)').fill('400');
  await page.getByRole('button', { name: 'Record the payment' }).click();
  await expect(
    page.getByText('This is more than the £380.00 left to pay of the award.').first(),
  ).toBeVisible();
  await page.getByLabel('Amount (£)').fill('380');
  await page.getByRole('button', { name: 'Record the payment' }).click();
  await expect(page.getByText('Awarded £380.00; paid £380.00; £0.00 left to pay.')).toBeVisible();

  // The evaluation falls overdue: Home says so.
  await app.setClock('2027-01-20T10:00:00.000Z');
  await page.goto(`${app.url}#/`);
  const card = page.getByRole('region', { name: 'Community Fund' });
  await expect(card.getByText('evaluation is overdue')).toBeVisible();
  await expect(card.getByRole('link', { name: 'CF-2026-001' })).toBeVisible();
  await expectAccessible(page, 'Home');
  await card.getByRole('link', { name: 'CF-2026-001' }).click();
  await expect(page.getByText('Evaluation overdue').first()).toBeVisible();

  // The officer's visit brings it in, with a photo.
  await page.getByLabel('People reached').fill('34');
  await page.getByLabel('What was delivered').fill('Eight Friday lunches at the centre.');
  await page.getByRole('button', { name: 'Record the evaluation' }).click();
  await expect(page.getByText('The evaluation is saved.')).toBeVisible();
  await expect(page.getByText('Evaluation received').first()).toBeVisible();
  const evidence = page.getByRole('region', { name: 'Photos and evidence of spend' });
  await evidence
    .getByLabel('File', { exact: true })
    .setInputFiles({ name: 'lunch.png', mimeType: 'image/png', buffer: PNG });
  await evidence.getByRole('button', { name: 'Attach the file' }).click();
  await expect(evidence.getByRole('button', { name: 'lunch.png', exact: true })).toBeVisible();
  await shoot(page, 'evaluated');
  const home = await app.api<{ evaluationsOverdue: number }>('grants.home', {});
  expect(home.evaluationsOverdue).toBe(0);
});
