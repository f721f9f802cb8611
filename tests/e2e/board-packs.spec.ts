import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { expect, expectAccessible, test } from './fixtures';

test.setTimeout(240_000);

test('a Board pack: commentary, progress, cancel, both files read back, finalise, and what changed since', async ({
  page,
  app,
}) => {
  await app.signIn({ role: 'team_leader' });
  await app.loadDemo(60);
  await page.goto(app.url);
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Board packs' })
    .click();
  await expect(page.getByRole('heading', { name: 'Board packs', level: 1 })).toBeVisible();

  // A period the app cannot read is named.
  await page.getByLabel('Period').fill('2026-28');
  await page.getByRole('button', { name: 'Build the pack' }).click();
  await expect(page.getByText('The period "2026-28" is not a financial year')).toBeVisible();
  await page.getByLabel('Period').fill('2026-27');
  await page.getByRole('button', { name: 'Build the pack' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: /report to the Board: Financial year 2026-27/ }),
  ).toBeVisible();
  await expect(page.getByRole('heading', { name: 'KPI scorecard', level: 2 })).toBeVisible();
  await expectAccessible(page, 'the board pack');
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: '/tmp/board-pack-1280.png' });
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.screenshot({ path: '/tmp/board-pack-1024.png' });
  await page.setViewportSize({ width: 1280, height: 800 });

  // Commentary, saved with the pack.
  const commentary = page.getByLabel('Commentary on Meetings against cadence');
  await commentary.fill('The Council kept to its monthly cadence this year.');
  await page
    .getByRole('region', { name: 'Meetings against cadence' })
    .getByRole('button', { name: 'Save commentary' })
    .click();
  await expect(page.getByText('Saved.')).toBeVisible({ timeout: 60_000 });
  // The figures refresh behind it; what was said and typed stays.
  await page.waitForLoadState('networkidle');
  await expect(page.getByText('Saved.')).toBeVisible();
  await expect(commentary).toHaveValue('The Council kept to its monthly cadence this year.');
  await page.reload();
  await expect(page.getByLabel('Commentary on Meetings against cadence')).toHaveValue(
    'The Council kept to its monthly cadence this year.',
  );

  // Drop a section, then move it back in.
  await page.getByRole('button', { name: 'Drop Talent School' }).click();
  await expect(page.getByRole('heading', { name: 'Talent School', level: 2 })).toHaveCount(0);
  await page.getByLabel('Add a section').selectOption({ label: 'Talent School' });
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Talent School', level: 2 })).toBeVisible();

  // One run cancelled while it lays out the PDF.
  await page.getByRole('button', { name: 'Build the PDF and workbook' }).click();
  const progress = page.getByRole('group', { name: 'Building the pack' });
  await expect(progress.getByText(/Laying out the PDF \(step 2 of 4/)).toBeVisible({
    timeout: 60_000,
  });
  await expect(progress.getByRole('progressbar')).toBeVisible();
  await page.screenshot({ path: '/tmp/board-pack-progress.png' });
  await progress.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByText('Building the pack cancelled. No file was kept.')).toBeVisible();

  // The next run finishes; both files read back.
  await page.getByRole('button', { name: 'Build the PDF and workbook' }).click();
  await expect(page.getByText('The PDF and workbook are ready.')).toBeVisible({ timeout: 120_000 });
  const pdfDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download the PDF' }).click();
  const pdf = await pdfDownload;
  expect(pdf.suggestedFilename()).toBe('board-pack-board-2026-27.pdf');
  const pdfText = execFileSync('pdftotext', ['-layout', (await pdf.path())!, '-'], {
    encoding: 'utf8',
  });
  expect(pdfText).toContain('Contents');
  expect(pdfText).toContain('The Council kept to its monthly cadence this year.');
  expect(pdfText).toMatch(/Page 1 of \d+/);
  const xlsxDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download the workbook' }).click();
  const xlsx = await xlsxDownload;
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync((await xlsx.path())!) as never);
  expect(workbook.worksheets.map((w) => w.name)).toEqual(
    expect.arrayContaining(['Cover', 'KPI scorecard', 'Meetings against cadence']),
  );

  // Finalise, then a change to the data shows as a difference.
  await page.getByRole('button', { name: 'Finalise…' }).click();
  await page.getByRole('button', { name: 'Finalise the pack' }).click();
  await expect(page.getByText(/Final, 23\/11\/2026/)).toBeVisible();
  await expect(page.getByText('No figure has moved since the pack was finalised.')).toBeVisible();
  const groups = await app.api<{ id: string; name: string }[]>('groups.list', {});
  const council = groups.find((g) => g.name === 'Customer Council')!;
  await app.api('activities.save', {
    kind: 'meeting',
    title: 'Extra Council meeting',
    status: 'held',
    groupId: council.id,
    courseId: null,
    startsAt: '2026-11-20T18:00:00.000Z',
    endsAt: '2026-11-20T20:00:00.000Z',
  });
  await page.reload();
  const changes = page.getByRole('region', { name: 'What has changed since it was finalised' });
  await expect(
    changes.getByRole('row', { name: /Meetings held against cadence: Customer Council, Held/ }),
  ).toContainText('+1');
  await expectAccessible(page, 'a finalised pack');
});
