import { execFileSync } from 'node:child_process';
import { expect, expectAccessible, test, type HostedApp } from './fixtures';

const shots = process.env.SCREENSHOT_DIR;

async function setUp(app: HostedApp) {
  await app.signIn({ role: 'coordinator', name: 'Jo Coordinator' });
  await app.api('cases.saveLetterSignatory', {
    name: 'Jo Coordinator',
    jobTitle: 'Involvement Coordinator',
    telephone: '01642 000 111',
    email: 'panel@example.org.uk',
  });
  const people = [
    ['Bob', 'Brown', '3 Linthorpe Road', 'TS1 3AA'],
    ['Cath', 'Clark', '9 Marton Road', 'TS4 2BB'],
    ['Dev', 'Dhillon', '22 Stokesley Road', 'TS7 0DD'],
    ['Nina', 'Neighbour', '40 Acklam Road', 'TS5 7AD'],
  ];
  for (const [firstName, lastName, addressLine1, postcode] of people) {
    await app.api('customers.create', {
      firstName,
      lastName,
      addressLine1,
      postcode,
      status: 'active',
      confirmDuplicate: true,
    });
  }
}

function pdfText(path: string): string {
  return execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
}

test('a complaint case from referral to decision, with a conflict refused and both PDFs', async ({
  page,
  app,
}) => {
  await setUp(app);
  await page.goto(`${app.url}#/cases/new`);
  await page.getByLabel('Referred on').fill('2026-11-23');
  await page.getByRole('textbox', { name: 'Name (required)' }).fill('Ann Complainant');
  await page.getByLabel('Address', { exact: true }).fill('12 Acklam Road');
  await page.getByLabel('Postcode').fill('TS5 7AB');
  await page.getByLabel('Service area').selectOption({ label: 'Repairs and maintenance' });
  await page
    .getByLabel('What the complaint is about')
    .fill('Damp in the bedroom not fixed after three visits');
  await page.locator('#stage1\\.received').fill('2026-08-03');
  await page.locator('#stage1\\.acknowledged').fill('2026-08-12');
  await page.locator('#stage1\\.responded').fill('2026-08-26');
  await page.locator('#stage2\\.received').fill('2026-09-01');
  await page.locator('#stage2\\.acknowledged').fill('2026-09-03');
  await page.locator('#stage2\\.responded').fill('2026-10-01');
  await page
    .getByLabel('Was stage 2 handled by a different person from stage 1?')
    .selectOption({ label: 'No, the same person' });
  await page.getByRole('button', { name: 'Refer the case' }).click();

  await expect(page.getByRole('heading', { name: 'Case DCP-2026-0001', level: 1 })).toBeVisible();
  const ombudsman = page.getByRole('complementary', {
    name: 'The resident’s route to the Housing Ombudsman',
  });
  await expect(ombudsman).toContainText(
    'The resident may go to the Housing Ombudsman at any time.',
  );
  await expect(ombudsman).toContainText('1 Oct 2026');
  await expect(
    page.getByText(
      'Stage 1 acknowledgement was 2 working days late (due 10 Aug 2026, sent 12 Aug 2026).',
    ),
  ).toBeVisible();
  await expect(page.getByText('Stage 2 was handled by the same person as stage 1')).toBeVisible();
  await expectAccessible(page, 'the case page');

  // Only legal moves are offered.
  const moves = page.getByLabel('Move the case to');
  await expect(moves.locator('option')).toHaveText([
    'Choose a step…',
    'Eligibility checked',
    'Referred to the Housing Ombudsman',
    'Withdrawn',
  ]);
  // A choice survives the page's refreshes: only recording the step clears the form.
  const step = async (label: string, fill?: () => Promise<unknown>) => {
    await moves.selectOption({ label });
    if (fill) await fill();
    await page.getByRole('button', { name: 'Record this step' }).click();
    await expect(
      page.locator('.steps, .timeline').getByText(label, { exact: false }).first(),
    ).toBeVisible();
  };
  await step('Eligibility checked', async () => {
    await page
      .getByLabel('Is the case eligible for the panel?')
      .selectOption({ label: 'Eligible' });
  });
  await step('Accepted');

  // A neighbour on the same street is a warning: assigning needs a reason.
  await page
    .getByLabel('Assign a member')
    .selectOption({ label: 'Nina Neighbour (check: lives nearby)' });
  await expect(
    page.getByText(
      'Nina Neighbour lives on the same street as the complainant (40 Acklam Road, TS5 7AD). They may still sit if you record why.',
    ),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Assign anyway' }).click();
  await expect(page.getByText('Give the reason this member may sit anyway.')).toBeVisible();
  await page.getByLabel('Assign a member').selectOption({ label: 'Choose a member…' });
  for (const name of ['Bob Brown', 'Cath Clark', 'Dev Dhillon']) {
    await page.getByLabel('Assign a member').selectOption({ label: name });
    await page.getByRole('button', { name: 'Assign', exact: true }).click();
    await expect(page.getByRole('rowheader', { name })).toBeVisible();
  }
  await page.getByLabel('Availability of Bob Brown').selectOption({ label: 'Available' });

  await step('Panel convened');
  await step('Hearing scheduled', () => page.getByLabel('Hearing date').fill('2026-11-23'));
  await step('Heard');
  await step('Decision issued', async () => {
    await page.getByLabel('Decision', { exact: true }).selectOption({ label: 'Partly upheld' });
    await page.getByLabel('The panel’s findings').fill('The landlord missed two appointments.');
  });

  await page
    .getByLabel('Recommendation', { exact: true })
    .fill('Survey every open damp case within a month');
  await page.getByLabel('Owner').fill('Head of Repairs');
  await page.getByLabel('Due date').fill('2026-12-31');
  await page.getByLabel('Could recur across other services or households').check();
  await page.getByRole('button', { name: 'Add the recommendation' }).click();
  await expect(page.getByRole('link', { name: 'DCP-2026-0001/R1' })).toBeVisible();
  await expect(page.getByText('To Board and GARC')).toBeVisible();

  const [pack] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Hearing pack (PDF)' }).click(),
  ]);
  const packPath = `${app.dir}/pack.pdf`;
  await pack.saveAs(packPath);
  const packText = pdfText(packPath);
  expect(packText).toContain('Hearing pack: DCP-2026-0001');
  expect(packText).toContain('Bob Brown');
  expect(packText).toContain('Stage 1 acknowledgement was 2 working days late');

  const [letter] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Decision letter (PDF)' }).click(),
  ]);
  const letterPath = `${app.dir}/letter.pdf`;
  await letter.saveAs(letterPath);
  const letterText = pdfText(letterPath);
  expect(letterText).toContain('Dear Ann Complainant');
  expect(letterText).toContain('your complaint is partly upheld');
  expect(letterText).toContain('Survey every open damp case within a month');
  expect(letterText).toContain('0300 111 3000');
  if (shots) await page.screenshot({ path: `${shots}/case-page.png`, fullPage: true });

  await page.goto(`${app.url}#/recommendations`);
  await expect(page.getByRole('link', { name: 'DCP-2026-0001/R1' })).toBeVisible();
  await expectAccessible(page, 'the recommendations tracker');
  if (shots) await page.screenshot({ path: `${shots}/tracker.png`, fullPage: true });
});

test('a case goes overdue when the clock passes its deadline; officers see only that it exists', async ({
  page,
  app,
}) => {
  await setUp(app);
  await app.api('cases.refer', {
    referredOn: '2026-11-16',
    referredBy: 'councillor',
    complainantName: 'Ann Complainant',
    serviceArea: 'repairs',
    subject: 'Damp',
    stage1: { received: '2026-08-03' },
    stage2: { received: null },
  });
  await page.goto(`${app.url}#/cases`);
  const dueThisWeek = page.getByRole('region', { name: /Due this week/ });
  const overdue = page.getByRole('region', { name: /Overdue/ });
  await expect(dueThisWeek).toContainText('DCP-2026-0001');
  await expect(dueThisWeek).toContainText('Accept or decline');
  await expect(overdue).not.toContainText('DCP-2026-0001');
  await expectAccessible(page, 'the case dashboard');

  // Five working days from Monday 16 November is today, Monday 23 November; tomorrow it is overdue.
  await app.setClock('2026-11-24T09:00:00.000Z');
  await page.reload();
  await expect(overdue).toContainText('DCP-2026-0001');
  await expect(overdue.getByText('Overdue', { exact: true })).toBeVisible();
  if (shots) await page.screenshot({ path: `${shots}/dashboard.png`, fullPage: true });

  // An officer sees that the case exists and is overdue, not whose it is.
  const staff = await app.api<{ id: string; role: string }[]>('staff.list', {});
  await app.api('session.signIn', { staffId: staff.find((s) => s.role === 'administrator')!.id });
  const officer = await app.api<{ id: string }>('staff.create', {
    name: 'Olly Officer',
    role: 'officer',
    email: null,
  });
  await app.api('session.signIn', { staffId: officer.id });
  await page.reload();
  await expect(overdue).toContainText('DCP-2026-0001');
  await expect(page.getByText('Ann Complainant')).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'DCP-2026-0001' })).toHaveCount(0);

  // Opening the case's address directly explains what the officer may see, under a heading.
  const { rows } = await app.api<{ rows: { id: string }[] }>('cases.list', {});
  await page.goto(`${app.url}#/cases/${rows[0]!.id}`);
  await expect(page.getByRole('heading', { name: 'Complaint case', level: 1 })).toBeVisible();
  await expect(page.getByText(/you can see that a case exists and when it is due/)).toBeVisible();
  await expect(page.getByText('cannot do this')).toHaveCount(0);
  await expect(page.getByText('Ann Complainant')).toHaveCount(0);
  await expectAccessible(page, 'a case an officer may not open');
});

test('the Ombudsman’s result can be saved and cleared again, with a confirmation each time', async ({
  page,
  app,
}) => {
  await app.signIn({ role: 'coordinator', name: 'Jo Coordinator' });
  await app.loadDemo(20);
  const { rows } = await app.api<{ rows: { id: string; status: string }[] }>('cases.list', {
    status: 'referred',
  });
  const detail = await app.api<{ id: string; updatedAt: string }>('cases.get', { id: rows[0]!.id });
  await app.api('cases.transition', {
    id: detail.id,
    expectedUpdatedAt: detail.updatedAt,
    to: 'referred_to_ombudsman',
    date: '2026-11-23',
  });

  await page.goto(`${app.url}#/cases/${detail.id}`);
  const result = page.getByLabel('The Ombudsman’s result');
  await result.fill('Service failure found');
  await result.press('Enter');
  await expect(page.getByText('The result is saved.')).toBeVisible();

  await result.fill('');
  await result.press('Enter');
  await expect(page.getByText('The result is cleared.')).toBeVisible();
  await expect(result).toHaveValue('');
  await page.reload();
  await expect(page.getByLabel('The Ombudsman’s result')).toHaveValue('');
  await expectAccessible(page, 'the case page after referral to the Ombudsman');
});

test('past the bank holiday list, deadlines say they rest on expected holidays and Home asks for a newer list', async ({
  page,
  app,
}) => {
  await setUp(app);
  const staff = await app.api<{ id: string; role: string }[]>('staff.list', {});
  const as = (role: string) =>
    app.api('session.signIn', { staffId: staff.find((s) => s.role === role)!.id });
  // Home lists what needs attention once the organisation is set up.
  await as('administrator');
  await app.api('organisation.applyTemplate', {});
  await as('coordinator');
  await app.setClock('2028-12-27T10:00:00.000Z');
  await page.clock.setFixedTime(new Date('2028-12-27T10:00:00.000Z'));
  const referred = await app.api<{ id: string }>('cases.refer', {
    referredOn: '2028-12-27',
    referredBy: 'complainant',
    complainantName: 'Ann Complainant',
    serviceArea: 'repairs',
    subject: 'Damp',
    stage1: { received: '2028-11-01' },
    stage2: { received: null },
  });

  await page.goto(app.url);
  const card = page.getByRole('region', { name: 'Bank holidays' });
  await expect(card).toContainText('The bank holiday list runs out on 31 Dec 2028.');
  await expect(card).toContainText('Ask a team leader or administrator');
  await expectAccessible(page, 'Home asking for a newer bank holiday list');
  if (shots) await page.screenshot({ path: `${shots}/home-bank-holidays.png`, fullPage: true });

  // Five working days from Wednesday 27 December skip New Year's Day 2029, worked out by rule.
  await page.goto(`${app.url}#/cases/${referred.id}`);
  const standards = page.getByRole('region', { name: 'The panel’s service standards' });
  await expect(standards).toContainText('4 Jan 2029 (based on expected bank holidays)');
  if (shots) await page.screenshot({ path: `${shots}/case-expected-holidays.png`, fullPage: true });

  await app.setClock('2029-01-02T10:00:00.000Z');
  await page.clock.setFixedTime(new Date('2029-01-02T10:00:00.000Z'));
  await page.goto(`${app.url}#/cases`);
  await expect(page.getByRole('region', { name: /Due this week/ })).toContainText(
    'Accept or decline: 4 Jan 2029 (based on expected bank holidays)',
  );
  await expect(page.getByText(/The bank holiday list ran out on 31 Dec 2028\./)).toBeVisible();

  // The administrator is told how to load the newer file where it is loaded.
  await as('administrator');
  await page.goto(`${app.url}#/settings/cases`);
  await page.reload();
  const reference = page.getByRole('region', { name: 'Reference data' });
  await expect(reference).toContainText('The bank holiday list ran out on 31 Dec 2028.');
  await expect(reference).toContainText('load it under Settings, Complaint panel settings');
  await expect(reference.getByLabel('Load a bank holiday file (JSON)')).toBeVisible();
  await expectAccessible(page, 'the complaint panel settings asking for a newer list');
  if (shots) await page.screenshot({ path: `${shots}/settings-bank-holidays.png`, fullPage: true });
});
