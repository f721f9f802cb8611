import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { serveAppFile } from '../../src-main/app-protocol';
import { contentSecurityPolicy } from '../../src-main/security';

/*
 * The built page's Content-Security-Policy, proven in Chromium: a script put
 * into the page (as an injected <script> or an inline event handler) is
 * refused and reported. (eval is not tried: code sent by the test driver
 * runs with DevTools' leave to evaluate, which the policy does not govern.) Chromium cannot open the app:// scheme outside
 * Electron, so the page is loaded at a stand-in address whose requests are
 * answered by the app scheme's own handler; and once more with no headers at
 * all, to prove the policy the page itself carries.
 */

const rendererDir = resolve(import.meta.dirname, '../../out/renderer');
const standIn = 'https://involvement-desk.test';

interface Attempt {
  ran: string[];
  violations: { directive: string; blocked: string }[];
}

/** Tries two ways of running script the page did not ship with, and says what ran and what was refused. */
async function injectScripts(page: Page): Promise<Attempt> {
  return page.evaluate(async () => {
    const w = window as unknown as { ran: string[] };
    w.ran = [];
    const violations: { directive: string; blocked: string }[] = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      violations.push({ directive: e.effectiveDirective, blocked: e.blockedURI }),
    );
    const script = document.createElement('script');
    script.textContent = 'window.ran.push("inline script")';
    document.head.append(script);
    const handler = document.createElement('img');
    handler.setAttribute('onerror', 'window.ran.push("inline handler")');
    handler.src = 'data:image/png;base64,broken';
    document.body.append(handler);
    await new Promise((done) => setTimeout(done, 300));
    return { ran: w.ran, violations };
  });
}

test.beforeAll(() => {
  if (!existsSync(join(rendererDir, 'index.html')))
    throw new Error('Build the app first: npx electron-vite build');
});

test('the built page refuses injected script, served by the app scheme’s handler', async ({
  page,
}) => {
  await page.route(`${standIn}/**`, async (route) => {
    const url = route.request().url().replace(standIn, 'app://involvement-desk');
    const response = await serveAppFile(rendererDir, { url, method: route.request().method() });
    await route.fulfill({
      status: response.status,
      headers: Object.fromEntries(response.headers),
      body: Buffer.from(await response.arrayBuffer()),
    });
  });
  const main = await page.goto(`${standIn}/index.html`);
  expect(main?.headers()['content-security-policy']).toBe(contentSecurityPolicy);
  // The app's own script, served by the handler, is allowed and runs: React fills the root.
  await expect(page.locator('#root > *').first()).toBeAttached();

  const attempt = await injectScripts(page);
  expect(attempt.ran).toEqual([]);
  // Each refused twice: by the policy in the header and by the one in the page.
  expect(attempt.violations.map((v) => v.directive).sort()).toEqual([
    'script-src-attr',
    'script-src-attr',
    'script-src-elem',
    'script-src-elem',
  ]);
});

test('the built page carries the policy itself, and it holds with no headers at all', async ({
  page,
}) => {
  const html = readFileSync(join(rendererDir, 'index.html'), 'utf8');
  await page.route(`${standIn}/**`, (route) => {
    const path = new URL(route.request().url()).pathname;
    const file = join(rendererDir, path === '/' ? 'index.html' : path);
    return existsSync(file)
      ? route.fulfill({ body: readFileSync(file), contentType: undefined })
      : route.fulfill({ status: 404 });
  });
  await page.goto(`${standIn}/index.html`);
  expect(html).toContain('http-equiv="Content-Security-Policy"');
  const meta = await page
    .locator('meta[http-equiv="Content-Security-Policy"]')
    .getAttribute('content');
  expect(meta).toBe(contentSecurityPolicy);

  const attempt = await injectScripts(page);
  expect(attempt.ran).toEqual([]);
  expect(new Set(attempt.violations.map((v) => v.directive))).toEqual(
    new Set(['script-src-elem', 'script-src-attr']),
  );
});
