import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test } from './fixtures';

const SHOTS = '/tmp/community-shots';

async function shoot(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  for (const [width, height] of [
    [1280, 900],
    [1024, 760],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

// Pictures of the screens for looking at; not part of the suite (set COMMUNITY_SHOTS=1).
test.skip(!process.env.COMMUNITY_SHOTS, 'screenshots only when asked for');

test('screens of keeping in touch and the neighbourhood work', async ({ page, app }) => {
  test.setTimeout(120_000);
  await app.signIn();
  await app.loadDemo(300);
  await page.goto(app.url);
  await page.getByRole('heading', { name: 'Keeping in touch' }).first().waitFor();
  await shoot(page, 'home');
  for (const [path, heading, name] of [
    ['/keeping-in-touch', 'Keeping in touch', 'keeping-in-touch'],
    ['/involvement-menu', 'Involvement menu', 'menu'],
    ['/taras', 'Resident associations', 'taras'],
    ['/dispersed-and-buildings', 'Dispersed communities and buildings', 'reach'],
  ] as const) {
    await page
      .getByRole('link', {
        name: {
          '/keeping-in-touch': 'Keeping in touch',
          '/involvement-menu': 'Involvement menu',
          '/taras': 'Resident associations',
          '/dispersed-and-buildings': 'Dispersed and buildings',
        }[path],
        exact: true,
      })
      .first()
      .click();
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
    await page.waitForTimeout(400);
    await shoot(page, name);
  }
  await page.getByRole('link', { name: 'Keeping in touch', exact: true }).first().click();
  await page.getByRole('link', { name: 'Newsletter: all involved customers' }).click();
  await page.getByRole('heading', { name: 'Who it reaches today' }).waitFor();
  await page.getByText(/customers in scope/).waitFor();
  await shoot(page, 'mailing-list');
  await page.getByRole('link', { name: 'Resident associations' }).first().click();
  await page.getByRole('link', { name: 'Owton Manor Tenants and Residents' }).click();
  await page.getByRole('heading', { name: 'Annual support visits' }).waitFor();
  await shoot(page, 'tara');
  await page.getByRole('link', { name: 'Dispersed and buildings' }).first().click();
  await page.getByRole('link', { name: 'Erimus Towers' }).click();
  await page.getByRole('heading', { name: 'Residents involved' }).waitFor();
  await shoot(page, 'building');
  await page.getByRole('link', { name: 'Customers', exact: true }).first().click();
  await page.getByRole('row').nth(1).getByRole('link').first().click();
  await page.getByRole('heading', { name: 'Communications sent' }).waitFor();
  await page.getByRole('heading', { name: 'Communications sent' }).scrollIntoViewIfNeeded();
  await shoot(page, 'customer');
});
