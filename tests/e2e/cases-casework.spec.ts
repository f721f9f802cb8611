import { execFileSync } from 'node:child_process';
import { expect, expectAccessible, test, type HostedApp } from './fixtures';
import type { Page } from '@playwright/test';

const shots = process.env.SCREENSHOT_DIR;

// Each test walks a case through many recorded steps; on a busy machine that outruns 60 s.
test.describe.configure({ timeout: 120_000 });

interface Detail {
  id: string;
  updatedAt: string;
  reference: string;
}

async function person(
  app: HostedApp,
  firstName: string,
  lastName: string,
  addressLine1: string,
  postcode: string,
  town?: string,
): Promise<string> {
  const r = await app.api<{ customer: { id: string } }>('customers.create', {
    firstName,
    lastName,
    addressLine1,
    postcode,
    town,
    status: 'active',
    confirmDuplicate: true,
  });
  return r.customer.id;
}

const referral = {
  referredOn: '2026-11-02',
  referredBy: 'complainant',
  complainantName: 'Ann Complainant',
  complainantAddressLine1: '12 Acklam Road',
  complainantPostcode: 'TS5 7AB',
  serviceArea: 'repairs',
  subject: 'Damp and mould in the bedroom not fixed after three visits.',
  stage1: { received: '2026-08-03', acknowledged: '2026-08-12', responded: '2026-08-26' },
  stage2: { received: '2026-09-01', acknowledged: '2026-09-03', responded: '2026-10-01' },
  stage2DifferentHandler: true,
};

async function step(app: HostedApp, c: Detail, to: string, extra: Record<string, unknown> = {}) {
  return app.api<Detail>('cases.transition', {
    id: c.id,
    expectedUpdatedAt: c.updatedAt,
    to,
    date: '2026-11-16',
    ...extra,
  });
}

/** Both sizes the team works at; the page is left at 1280×800. */
async function screenshots(page: Page, name: string, fullPage = false) {
  if (!shots) return;
  for (const [width, height] of [
    [1280, 800],
    [1024, 700],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `${shots}/${name}-${width}.png`, fullPage });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

test('a coordinator corrects a case’s referral details; a failed save keeps what was typed', async ({
  page,
  app,
}) => {
  await app.signIn({ role: 'coordinator', name: 'Jo Coordinator' });
  const c = await app.api<Detail>('cases.refer', referral);
  await page.goto(`${app.url}#/cases/${c.id}`);
  await expect(page.getByRole('heading', { name: `Case ${c.reference}`, level: 1 })).toBeVisible();
  const deadlines = page.getByRole('region', { name: 'The panel’s service standards' });
  await expect(deadlines.getByRole('row', { name: /Accept or decline/ })).toContainText(
    '9 Nov 2026',
  );
  await expectAccessible(page, 'the case page');
  await screenshots(page, 'case-page');
  if (shots) await page.screenshot({ path: `${shots}/case-page-full.png`, fullPage: true });

  // The section index moves focus to the section, so the next Tab continues there.
  const index = page.getByRole('navigation', { name: 'Sections of this page' });
  await index.getByRole('button', { name: 'History' }).click();
  await expect(page.getByRole('heading', { name: 'History' })).toBeFocused();
  await index.getByRole('button', { name: 'Panel members' }).click();
  await expect(page.getByRole('heading', { name: /^Panel members/ })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Assign a member')).toBeFocused();

  await page.getByRole('button', { name: 'Edit referral details' }).click();
  await expect(page.getByRole('heading', { name: 'Edit referral details' })).toBeFocused();
  const form = page.getByRole('region', { name: 'Edit referral details' });
  await form.getByLabel('Referred on').fill('2026-12-01');
  await form.getByRole('textbox', { name: 'Name (required)' }).fill('');
  await form.getByLabel('Town').fill('Middlesbrough');
  await form.getByLabel('Answered').fill('2026-08-10');
  await form.getByRole('button', { name: 'Save the corrections' }).click();

  const problems = form.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(problems).toBeFocused();
  await expect(form.locator('#complainantName-error')).toHaveText(
    'The complainant’s name is required.',
  );
  await expect(form.getByLabel('Town')).toHaveValue('Middlesbrough');
  await expect(form.getByLabel('Referred on')).toHaveValue('2026-12-01');
  await expectAccessible(page, 'the referral correction with errors');
  await form.getByLabel('Town').scrollIntoViewIfNeeded();
  await screenshots(page, 'case-edit-errors');

  await form.getByRole('textbox', { name: 'Name (required)' }).fill('Anne Complainant');
  await form.getByRole('button', { name: 'Save the corrections' }).click();
  await expect(form.locator('#referredOn-error')).toHaveText(
    'The referral date cannot be in the future.',
  );
  await expect(form.locator('#stage1\\.responded-error')).toHaveText(
    'The answer cannot come before the acknowledgement.',
  );
  await form.getByLabel('Referred on').fill('2026-11-18');
  await form.getByLabel('Answered').fill('2026-08-26');
  await form
    .getByLabel('Why the correction (optional)')
    .fill('Name and dates from the referral email');
  await form.getByRole('button', { name: 'Save the corrections' }).click();

  await expect(page.getByText('The referral details are corrected.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Edit referral details' })).toBeFocused();
  const summary = page.getByRole('region', { name: 'The case' });
  await expect(summary).toContainText('Anne Complainant, 12 Acklam Road, Middlesbrough, TS5 7AB');
  await expect(summary).toContainText('18 Nov 2026 by the complainant');
  // Referred Wed 18 Nov: accept or decline by Wed 25 Nov, worked out again.
  await expect(deadlines.getByRole('row', { name: /Accept or decline/ })).toContainText(
    '25 Nov 2026',
  );
  const history = page.getByRole('region', { name: 'History' });
  await expect(history).toContainText('Anne Complainant');
  await expect(history).toContainText('Name and dates from the referral email');
});

test('a hearing is held on its scheduled day or moved on the record first; hearings show on the Calendar with weekend and bank holiday warnings', async ({
  page,
  app,
}) => {
  await app.signIn({ role: 'coordinator', name: 'Jo Coordinator' });
  await app.api('cases.saveLetterSignatory', {
    name: 'Jo Coordinator',
    jobTitle: 'Involvement Coordinator (Scrutiny and Complaints)',
    telephone: '01642 000 111',
    email: 'panel@example.org.uk',
  });
  const complainant = await person(
    app,
    'Ann',
    'Complainant',
    '12 Acklam Road',
    'TS5 7AB',
    'Middlesbrough',
  );
  let c = await app.api<Detail>('cases.refer', { ...referral, complainantCustomerId: complainant });
  for (const [first, last, street, postcode] of [
    ['Bob', 'Brown', '3 Linthorpe Road', 'TS1 3AA'],
    ['Cath', 'Clark', '9 Marton Road', 'TS4 2BB'],
    ['Dev', 'Dhillon', '22 Stokesley Road', 'TS7 0DD'],
  ] as const) {
    const id = await person(app, first, last, street, postcode);
    await app.api('cases.assignMember', { caseId: c.id, customerId: id });
  }
  c = await step(app, c, 'eligibility_checked', { eligible: true });
  c = await step(app, c, 'accepted');
  c = await step(app, c, 'panel_convened');
  await app.setClock('2026-12-03T10:00:00.000Z');
  await page.goto(`${app.url}#/cases/${c.id}`);

  const moves = page.getByLabel('Move the case to');
  await moves.selectOption({ label: 'Hearing scheduled' });
  await page.getByLabel('Hearing date').fill('2026-12-25');
  await expect(
    page.getByText(
      '25 Dec 2026 is a bank holiday (Christmas Day). Check that this is the day you mean.',
    ),
  ).toBeVisible();
  await expectAccessible(page, 'scheduling a hearing on a bank holiday');
  await page.getByLabel('Hearing date').scrollIntoViewIfNeeded();
  await screenshots(page, 'hearing-bank-holiday');
  await page.getByRole('button', { name: 'Record this step' }).click();
  await expect(
    page.getByText(
      'The hearing is on 25 Dec 2026: it can be recorded as heard from that day. If it is held on another day, move the hearing first.',
    ),
  ).toBeVisible();
  await expect(moves.locator('option')).toHaveText([
    'Choose a step…',
    'Move the hearing to another day',
    'Referred to the Housing Ombudsman',
    'Withdrawn',
  ]);

  // It was held on 2 December: the hearing is moved on the record, then recorded as heard that day.
  await moves.selectOption({ label: 'Move the hearing to another day' });
  await page.getByLabel('New hearing date').fill('2026-12-02');
  await page.getByRole('button', { name: 'Record this step' }).click();
  await expect(page.getByRole('region', { name: 'The case' })).toContainText(
    'Scheduled for 2 Dec 2026',
  );
  await moves.selectOption({ label: 'Heard' });
  await expect(page.getByLabel('Date the hearing was held')).toHaveValue('2026-12-02');
  await page.getByRole('button', { name: 'Record this step' }).click();
  await expect(page.getByRole('region', { name: 'The case' })).toContainText('Held on 2 Dec 2026');
  await moves.selectOption({ label: 'Decision issued' });
  await page.getByLabel('Decision', { exact: true }).selectOption({ label: 'Partly upheld' });
  await page
    .getByLabel('The panel’s findings')
    .fill('The landlord treated the symptoms and did not fix the cause.');
  await page.getByRole('button', { name: 'Record this step' }).click();
  await expect(page.getByRole('button', { name: 'Decision letter (PDF)' })).toBeEnabled();

  for (const [name, file] of [
    ['Decision letter (PDF)', 'letter'],
    ['Hearing pack (PDF)', 'pack'],
  ] as const) {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name }).click(),
    ]);
    const path = `${app.dir}/${file}.pdf`;
    await download.saveAs(path);
    const text = execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    if (file === 'letter') {
      expect(text).toContain(
        'met on 2 December 2026 to review your complaint about damp and mould',
      );
      expect(text).not.toMatch(/\.\./);
      expect(text).toContain('12 Acklam Road Middlesbrough TS5 7AB');
      expect(text).toContain('you can go to the Ombudsman until 1 October 2027');
      expect(text).toContain('Jo Coordinator Involvement Coordinator (Scrutiny and Complaints)');
    } else {
      expect(text).toContain('Held on 2 December 2026');
    }
    if (shots) execFileSync('pdftoppm', ['-png', '-r', '60', path, `${shots}/${file}`]);
  }

  // The Calendar shows the hearing on the day it was held.
  await page.goto(`${app.url}#/calendar?date=2026-12-01`);
  await expect(
    page.getByRole('link', { name: `Panel hearing ${c.reference} (held)` }),
  ).toBeVisible();
  await expectAccessible(page, 'the calendar with a hearing');
  await screenshots(page, 'calendar-hearing');
  await page.goto(`${app.url}#/calendar?date=2026-12-01&view=agenda`);
  await expect(
    page.getByRole('link', { name: `Panel hearing ${c.reference} (held)` }),
  ).toBeVisible();

  // A meeting on a Saturday is a warning to check, not a refusal.
  await page.goto(`${app.url}#/activities/new`);
  await page.getByLabel('Starts (UK time)').fill('2026-12-05T10:00');
  await expect(
    page.getByText('5 Dec 2026 is a Saturday. Check that this is the day you mean.'),
  ).toBeVisible();
  await page.getByLabel('Starts (UK time)').fill('2026-12-08T10:00');
  await expect(page.getByText(/is a Saturday/)).toHaveCount(0);
  await page.getByLabel('Starts (UK time)').fill('2026-12-05T10:00');
  await expectAccessible(page, 'scheduling a meeting on a Saturday');
  await screenshots(page, 'meeting-weekend');
});

test('the self-assessment is marked submitted only after seeing what is unassessed and confirming', async ({
  page,
  app,
}) => {
  await app.signIn({ role: 'coordinator', name: 'Jo Coordinator' });
  await page.goto(`${app.url}#/cases/self-assessment`);
  const overdue = page.getByText(/was due to the Ombudsman by 30 September 2026/);
  await expect(overdue).toBeVisible();
  const date = page.getByLabel('Submitted on');
  await expect(date).toHaveValue('');
  await page.getByRole('button', { name: 'Mark submitted…' }).click();
  await expect(
    page.getByText('Enter the date it was sent to the governing body and the Ombudsman.'),
  ).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(0);

  await date.fill('2026-10-02');
  await page.getByRole('button', { name: 'Mark submitted…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Mark the 2026 self-assessment as submitted?' });
  await expect(dialog).toContainText('44 of 44 provisions are not assessed yet.');
  await expect(
    dialog.getByRole('list', { name: 'Provisions not assessed' }).locator('li'),
  ).toHaveCount(44);
  // The safe choice has focus; Escape leaves it unsubmitted.
  await expect(dialog.getByRole('button', { name: 'Go back and assess them' })).toBeFocused();
  await expectAccessible(page, 'the submission confirmation');
  await screenshots(page, 'self-assessment-confirm');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Mark submitted…' })).toBeFocused();
  await expect(overdue).toBeVisible();

  await page.getByRole('button', { name: 'Mark submitted…' }).click();
  await dialog.getByRole('button', { name: 'Mark submitted as it is' }).click();
  await expect(
    page.getByText('The Code self-assessment for 2026 was submitted on 2 October 2026.'),
  ).toBeVisible();
  await expect(overdue).toHaveCount(0);
  await screenshots(page, 'self-assessment-submitted');
});

test('same-street members are a warning accepted with a reason; a refusal clears when the case moves on; the letter button says why it is disabled', async ({
  page,
  app,
}) => {
  await app.signIn({ role: 'coordinator', name: 'Jo Coordinator' });
  const complainant = await person(app, 'Ann', 'Complainant', '12 Acklam Road', 'TS5 7AB');
  await person(app, 'Eve', 'Elsewhere', '15 Acklam Road', 'TS21 3EE', 'Stockton-on-Tees');
  await person(app, 'Nina', 'Neighbour', '40 Acklam Road', 'TS5 7AD', 'Middlesbrough');
  const c = await app.api<Detail>('cases.refer', {
    ...referral,
    complainantCustomerId: complainant,
  });
  await page.goto(`${app.url}#/cases/${c.id}`);

  const panel = page.getByRole('region', { name: /^Panel members/ });
  const choose = panel.getByLabel('Assign a member');
  await expect(choose.locator('option')).toHaveText([
    'Choose a member…',
    'Ann Complainant (conflict of interest)',
    'Eve Elsewhere',
    'Nina Neighbour (check: lives nearby)',
  ]);

  // The complainant is refused; the refusal goes once the case moves on.
  await choose.selectOption({ label: 'Ann Complainant (conflict of interest)' });
  await panel.getByRole('button', { name: 'Assign', exact: true }).click();
  const refusal = panel.getByText(
    'This member cannot sit on the case. Ann Complainant is the complainant and cannot hear their own complaint.',
  );
  await expect(refusal).toBeVisible();
  await page.getByLabel('Move the case to').selectOption({ label: 'Eligibility checked' });
  await page.getByLabel('Is the case eligible for the panel?').selectOption({ label: 'Eligible' });
  await page.getByRole('button', { name: 'Record this step' }).click();
  await expect(
    page.getByRole('region', { name: 'The panel’s service standards' }).getByRole('list'),
  ).toContainText('Eligibility checked');
  await expect(refusal).toHaveCount(0);

  // Another town's Acklam Road is no conflict.
  await choose.selectOption({ label: 'Eve Elsewhere' });
  await panel.getByRole('button', { name: 'Assign', exact: true }).click();
  await expect(panel.getByRole('rowheader', { name: 'Eve Elsewhere' })).toBeVisible();

  // A neighbour needs a reason, which is recorded with the assignment.
  await choose.selectOption({ label: 'Nina Neighbour (check: lives nearby)' });
  await expect(
    panel.getByText(
      'Nina Neighbour lives on the same street as the complainant (40 Acklam Road, Middlesbrough, TS5 7AD). They may still sit if you record why.',
    ),
  ).toBeVisible();
  await panel.getByRole('button', { name: 'Assign anyway' }).click();
  await expect(panel.locator('#assign-accept-reason-error')).toHaveText(
    'Give the reason this member may sit anyway.',
  );
  await expectAccessible(page, 'a same-street warning');
  await panel.scrollIntoViewIfNeeded();
  await screenshots(page, 'panel-warning');
  await panel
    .getByLabel('Why they may sit anyway')
    .fill('Lives at the far end and does not know her');
  await panel.getByRole('button', { name: 'Assign anyway' }).click();
  await expect(panel.getByRole('rowheader', { name: /Nina Neighbour/ })).toContainText(
    'Accepted: Lives at the far end and does not know her',
  );

  // The letter cannot be written yet, and the button says why.
  const letter = page.getByRole('button', { name: 'Decision letter (PDF)' });
  await expect(letter).toBeDisabled();
  await expect(letter).toHaveAccessibleDescription(
    'The decision letter can be written once the panel has issued its decision.',
  );
  await expect(
    page.getByText('The decision letter can be written once the panel has issued its decision.'),
  ).toBeVisible();
  await page.getByRole('region', { name: 'Evidence and documents' }).scrollIntoViewIfNeeded();
  await screenshots(page, 'letter-disabled');
});

test('a coordinator names who signs decision letters; the referral form asks for the full address', async ({
  page,
  app,
}) => {
  await app.signIn({ role: 'coordinator', name: 'Jo Coordinator' });
  await page.goto(`${app.url}#/settings/cases`);
  const form = page.getByRole('form', { name: 'Who signs decision letters' });
  await expect(form).toContainText(
    'decision letters cannot be written until you save these details',
  );
  await form.getByLabel('Name').fill('Jo Coordinator');
  await form.getByLabel('Job title').fill('Involvement Coordinator');
  await form.getByLabel('Telephone').fill('01642 000 111');
  await form.getByLabel('Email').fill('not an email');
  await form.getByRole('button', { name: 'Save who signs the letters' }).click();
  await expect(form.locator('#signatory-email-error')).toHaveText(
    'Enter an email address, like panel@example.org.uk.',
  );
  await expect(form.getByLabel('Name')).toHaveValue('Jo Coordinator');
  await form.getByLabel('Email').fill('panel@example.org.uk');
  await form.getByRole('button', { name: 'Save who signs the letters' }).click();
  await expect(
    form.getByText('Saved. New letters will be signed by Jo Coordinator.'),
  ).toBeVisible();
  await expectAccessible(page, 'the complaint panel settings');
  await form.scrollIntoViewIfNeeded();
  await screenshots(page, 'signatory-settings');

  await page.goto(`${app.url}#/cases/new`);
  await expect(page.getByLabel('Town')).toBeVisible();
  await expect(page.getByLabel('Address line 2')).toBeVisible();
  await page.getByLabel('Town').scrollIntoViewIfNeeded();
  await expectAccessible(page, 'the referral form');
  await screenshots(page, 'referral-form');
});
