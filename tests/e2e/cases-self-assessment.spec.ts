import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, expectAccessible, test } from './fixtures';

const shots = process.env.SCREENSHOT_DIR;

test('self-assessment evidence by keyboard: link a case, attach a document, record a figure, export', async ({
  page,
  app,
}, testInfo) => {
  await app.signIn({ role: 'coordinator', name: 'Jo Coordinator' });
  await app.setClock('2026-08-03T09:00:00.000Z');
  const referred = (await app.api('cases.refer', {
    referredOn: '2026-07-20',
    referredBy: 'complainant',
    complainantName: 'Ann Complainant',
    serviceArea: 'repairs',
    subject: 'Damp in the bedroom not fixed after three visits',
    stage1: { received: '2026-05-01', acknowledged: '2026-05-05', responded: '2026-05-15' },
    stage2: { received: '2026-05-20', acknowledged: '2026-05-22', responded: '2026-06-19' },
    stage2DifferentHandler: true,
  })) as { reference: string };

  await page.goto(`${app.url}#/cases`);
  const reminder = page.getByText(
    /The Code self-assessment for 2026 is due to the Ombudsman by 30 September 2026: \d+ provisions still to assess\./,
  );
  await expect(reminder).toBeVisible();
  await expectAccessible(page, 'the case dashboard with the self-assessment reminder');
  await page.getByRole('link', { name: 'Open the 2026 self-assessment' }).click();

  await expect(
    page.getByRole('heading', { name: 'Complaint Handling Code self-assessment', level: 1 }),
  ).toBeVisible();
  await expect(reminder).toBeVisible();
  await expect(page.getByLabel('Year')).toHaveValue('2026');

  // Keyboard only: open provision 1.2's details from its summary.
  const provision = page
    .locator('details', { has: page.locator('summary', { hasText: /^▸?\s*1\.2/ }) })
    .first();
  const summary = provision.locator('summary');
  await summary.focus();
  await page.keyboard.press('Enter');
  await expect(provision).toHaveAttribute('open', '');
  const number = (await summary.locator('.self-assessment__number').innerText()).replace(
    /[▸▾]\s*/,
    '',
  );

  await provision.getByLabel('Does the landlord comply?').focus();
  await page.keyboard.press('ArrowDown');
  await provision.getByLabel('Evidence', { exact: true }).focus();
  await page.keyboard.type('Complaints policy, section 2');
  await provision.getByLabel(`Find a case to link to provision ${number}`).focus();
  await page.keyboard.type(referred.reference.slice(0, 8));
  const link = provision.getByRole('button', { name: `Link ${referred.reference}` });
  await expect(link).toBeVisible();
  await link.focus();
  await page.keyboard.press('Enter');
  await expect(
    provision.getByRole('button', { name: `Unlink ${referred.reference}` }),
  ).toBeVisible();
  await provision.getByRole('button', { name: `Save provision ${number}` }).focus();
  await page.keyboard.press('Enter');
  await expect(summary).toContainText('Complies');
  await expect(summary).toContainText('1 case');
  await expect(provision).toContainText('Damp in the bedroom not fixed after three visits');

  mkdirSync(testInfo.outputDir, { recursive: true });
  const file = join(testInfo.outputDir, 'complaints-policy.txt');
  writeFileSync(file, 'Complaints policy 2026');
  await provision.getByLabel('File', { exact: true }).setInputFiles(file);
  await provision.getByLabel('Description').fill('Board-approved policy');
  await provision.getByRole('button', { name: 'Attach document' }).press('Enter');
  await expect(
    provision.getByRole('button', { name: 'complaints-policy.txt', exact: true }),
  ).toBeVisible();

  await provision.getByLabel('Measure').fill('Stage 1 answered within 10 working days');
  await provision.getByLabel('Value').fill('87%');
  await provision.getByLabel('Period').fill('2025/26');
  await provision.getByRole('button', { name: 'Add figure' }).press('Enter');
  await expect(
    provision.getByRole('row', { name: /Stage 1 answered within 10 working days 87% 2025\/26/ }),
  ).toBeVisible();
  await expect(summary).toContainText('1 case, 1 document, 1 figure');
  await expectAccessible(page, 'the self-assessment with a provision open');
  if (shots) {
    for (const [width, height] of [
      [1280, 800],
      [1024, 700],
    ] as const) {
      await page.setViewportSize({ width, height });
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: `${shots}/self-assessment-top-${width}.png` });
      await summary.evaluate((el) => el.scrollIntoView());
      await page.screenshot({ path: `${shots}/self-assessment-open-${width}.png` });
      await provision
        .getByRole('heading', { name: 'Figures' })
        .evaluate((el) => el.scrollIntoView());
      await page.screenshot({ path: `${shots}/self-assessment-evidence-${width}.png` });
    }
    await page.setViewportSize({ width: 1280, height: 800 });
  }

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export PDF' }).click(),
  ]);
  const pdfPath = join(testInfo.outputDir, 'sa.pdf');
  await download.saveAs(pdfPath);
  const text = execFileSync('pdftotext', [pdfPath, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  expect(text).toContain(referred.reference);
  expect(text).toContain('complaints-policy.txt (Board-approved policy)');
  expect(text).toContain('Stage 1 answered within 10 working days: 87%, 2025/26');

  // After 30 September it is overdue until marked submitted.
  await app.setClock('2026-10-05T09:00:00.000Z');
  await page.reload();
  await expect(
    page.getByText(/was due to the Ombudsman by 30 September 2026 and is not marked submitted/),
  ).toBeVisible();
  await page.getByLabel('Submitted on').fill('2026-10-02');
  await page.getByRole('button', { name: 'Mark submitted…' }).press('Enter');
  await page.getByRole('dialog').getByRole('button', { name: 'Mark submitted as it is' }).click();
  await expect(
    page.getByText('The Code self-assessment for 2026 was submitted on 2 October 2026.'),
  ).toBeVisible();
  await page.goto(`${app.url}#/cases`);
  await expect(
    page.getByRole('heading', { name: 'Complaint panel cases', level: 1 }),
  ).toBeVisible();
  await expect(page.getByText(/Code self-assessment for 2026/)).toHaveCount(0);
});

test('team leaders edit the Ombudsman’s details and the case page shows them once', async ({
  page,
  app,
}) => {
  await app.signIn({ role: 'team_leader', name: 'Tess Leader' });
  await page.goto(`${app.url}#/settings/cases`);
  const details = page.getByRole('form', { name: 'Housing Ombudsman contact details' });
  await expect(details.getByLabel('Telephone')).toHaveValue('0300 111 3000');
  await details.getByLabel('Telephone').fill('0300 111 3001');
  await details.getByLabel('Email').fill('not an email');
  await page.getByRole('button', { name: 'Save the Ombudsman’s details' }).click();
  await expect(
    page.getByText('Enter an email address, like info@housing-ombudsman.org.uk.').first(),
  ).toBeVisible();
  await details.getByLabel('Email').fill('help@housing-ombudsman.example');
  await page.getByRole('button', { name: 'Save the Ombudsman’s details' }).click();
  await expect(page.getByText('Saved. New letters will carry these details.')).toBeVisible();
  await expectAccessible(page, 'the complaint panel settings');
  if (shots) await page.screenshot({ path: `${shots}/case-settings.png`, fullPage: true });

  const c = (await app.api('cases.refer', {
    referredOn: '2026-11-20',
    referredBy: 'complainant',
    complainantName: 'Ann Complainant',
    serviceArea: 'repairs',
    subject: 'Damp',
    stage1: { received: '2026-08-03', acknowledged: '2026-08-05', responded: '2026-08-14' },
    stage2: { received: '2026-08-20', acknowledged: '2026-08-24', responded: '2026-09-18' },
    stage2DifferentHandler: true,
  })) as { id: string };
  await page.goto(`${app.url}#/cases/${c.id}`);
  const ombudsman = page.getByRole('complementary', {
    name: 'The resident’s route to the Housing Ombudsman',
  });
  await expect(ombudsman).toContainText('0300 111 3001, help@housing-ombudsman.example');
  const said = await ombudsman.innerText();
  expect(said.match(/at any time/g)).toHaveLength(1);
  await expectAccessible(page, 'the case page');
});
