import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, expectAccessible, test } from './fixtures';

async function downloaded(page: Page, click: () => Promise<void>): Promise<Buffer> {
  const waiting = page.waitForEvent('download');
  await click();
  const download = await waiting;
  return readFileSync((await download.path())!);
}

const consent = [{ purpose: 'contact', givenOn: '2025-05-01', method: 'paper_form' }];

test('a letters-only mailing list leaves out a customer who opted out of post, says why, and prints the labels', async ({
  page,
  app,
}) => {
  await app.signIn();
  await app.api('organisation.applyTemplate', {});
  const people = [
    { firstName: 'Maureen', lastName: 'Ashby', postcode: 'TS17 6AA', contactMethods: ['post'] },
    {
      firstName: 'Derek',
      lastName: 'Barnes',
      postcode: 'TS5 7BB',
      contactMethods: ['post', 'email'],
    },
    { firstName: 'Olive', lastName: 'Optout', postcode: 'TS1 2AB', contactMethods: ['email'] },
  ];
  for (const p of people)
    await app.api('customers.create', {
      ...p,
      email: `${p.firstName.toLowerCase()}@example.org`,
      addressLine1: '4 Mandale Road',
      town: 'Thornaby',
      status: 'active',
      consents: consent,
      confirmDuplicate: true,
    });

  await page.goto(app.url);
  await page.getByRole('link', { name: 'Keeping in touch' }).click();
  await page.getByRole('link', { name: 'New mailing list' }).click();
  await page.getByLabel('List name').fill('Open Day letters');
  await page.getByLabel('For', { exact: true }).selectOption('open_day');
  await page.getByRole('checkbox', { name: 'Email' }).uncheck();

  const preview = page.getByRole('region', { name: 'Who it reaches today' });
  await expect(preview).toContainText('2 of 3 customers in scope: 2 by letter.');
  const leftOut = preview.getByRole('table', { name: 'Customers left out' });
  await expect(leftOut.getByRole('row', { name: /Olive Optout/ })).toContainText(
    'Does not want letters: prefers email',
  );
  await expectAccessible(page, 'a new mailing list');

  await page.getByRole('button', { name: 'Save the new list' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Open Day letters' })).toBeVisible();
  await page.getByRole('button', { name: 'Export the list' }).click();
  const labels = await downloaded(page, () =>
    page.getByRole('button', { name: 'Download open-day-letters-labels.pdf' }).click(),
  );
  const dir = mkdtempSync(join(tmpdir(), 'community-labels-'));
  const path = join(dir, 'labels.pdf');
  writeFileSync(path, labels);
  const text = execFileSync('pdftotext', ['-layout', path, '-']).toString();
  rmSync(dir, { recursive: true, force: true });
  expect(text).toContain('Maureen Ashby');
  expect(text).toContain('Derek Barnes');
  expect(text).toContain('TS17 6AA');
  expect(text).not.toContain('Olive');

  await page.getByLabel('What was sent').fill('Invitation to the spring Open Day');
  await page.getByLabel('Counts as').selectOption('open_day');
  await page.getByRole('button', { name: 'Record as sent' }).click();
  await expect(page.getByRole('status')).toContainText(
    'Logged “Invitation to the spring Open Day” against 2 customers.',
  );
  await expectAccessible(page, 'a saved mailing list after export');
});
