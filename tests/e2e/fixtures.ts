import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Role } from '../../src-shared/rules/permissions';

export interface HostedApp {
  /** The link with this run's token: open it first. */
  url: string;
  origin: string;
  dbPath: string;
  dir: string;
  /** Calls the contract over HTTP as the signed-in profile; throws with the error message on failure. */
  api<T = unknown>(method: string, input?: unknown): Promise<T>;
  /**
   * Moves the host's clock (it starts at 2026-11-23 10:00 UTC) and the page's
   * with it; the page reads the new time on its next load or change. A move
   * past the idle time locks the page's session as it would a real window:
   * unless `leaveIdle`, the signed-in person then types the test passphrase
   * again, through the lock screen's own call.
   */
  setClock(iso: string, options?: { leaveIdle?: boolean }): Promise<void>;
  /** Creates the first profile (administrator) and, if asked, another with `role`, and signs in as it. */
  signIn(options?: { name?: string; role?: Role }): Promise<void>;
  /** Signs in as a profile with TEST_PASSPHRASE, choosing it first if the profile has none. */
  signInAs(staffId: string): Promise<void>;
  /** Loads the demo organisation through the API (quicker than clicking). */
  loadDemo(customers?: number): Promise<void>;
}

export const START_CLOCK = '2026-11-23T10:00:00.000Z';

/** The browser tests' database key (the integration tests' own, tests/support/temp-db.ts). */
export const TEST_KEY_HEX = '7e57'.repeat(16);

/** Every test profile's passphrase, chosen through the first-use screen's own call. */
export const TEST_PASSPHRASE = 'correct horse battery staple';

async function startHost(dir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'src-main/cli/main.ts',
      'host',
      '--db',
      join(dir, 'e2e.sqlite'),
      '--clock',
      START_CLOCK,
    ],
    // The test key, through the same path as the command line's own ($INVOLVEMENT_DESK_KEY).
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, INVOLVEMENT_DESK_KEY: TEST_KEY_HEX },
    },
  );
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The host did not start:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Open (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`The host exited (${code}):\n${output}`)));
  });
  return { child, url };
}

export const test = base.extend<{ app: HostedApp }>({
  app: async ({ page }, use) => {
    // The page's own clock starts where the host's does, so nothing in the
    // window can read the real date by accident.
    await page.clock.install({ time: START_CLOCK });
    const dir = mkdtempSync(join(tmpdir(), 'involvement-desk-e2e-'));
    const { child, url } = await startHost(dir);
    const parsed = new URL(url);
    const origin = parsed.origin;
    const token = parsed.searchParams.get('token')!;
    // The test's calls act in the page's own browser session, so a profile
    // signed in through the API is the one the page sees.
    const session = randomBytes(18).toString('base64url');
    await page
      .context()
      .addCookies([{ name: 'involvement_desk_session', value: session, url: origin }]);
    const headers = {
      'Content-Type': 'application/json',
      Authorization: `Bearer ${token}`,
      'X-Involvement-Session': session,
    };

    async function api<T>(method: string, input: unknown = {}): Promise<T> {
      // A spec that signs in by profile alone does so with the test passphrase, the real way.
      if (method === 'session.signIn' && !(input as { passphrase?: string }).passphrase) {
        await signInAs((input as { staffId: string }).staffId);
        return post<T>('session.state', {});
      }
      return post<T>(method, input);
    }

    async function signInAs(staffId: string): Promise<void> {
      const profiles = await post<{ id: string; passphraseSet: boolean }[]>('session.profiles');
      if (profiles.find((p) => p.id === staffId)?.passphraseSet === false)
        await post('session.setPassphrase', {
          staffId,
          passphrase: TEST_PASSPHRASE,
          confirmation: TEST_PASSPHRASE,
        });
      else await post('session.signIn', { staffId, passphrase: TEST_PASSPHRASE });
    }

    async function post<T>(method: string, input: unknown = {}): Promise<T> {
      const response = await fetch(`${origin}/api/${method}`, {
        method: 'POST',
        headers,
        body: JSON.stringify(input),
      });
      const body = (await response.json()) as {
        ok: boolean;
        value?: T;
        error?: { message: string };
      };
      if (!body.ok) throw new Error(`${method}: ${body.error?.message}`);
      return body.value as T;
    }

    const app: HostedApp = {
      url,
      origin,
      dir,
      dbPath: join(dir, 'e2e.sqlite'),
      api,
      async setClock(iso, { leaveIdle = false } = {}) {
        const response = await fetch(`${origin}/__clock`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ now: iso }),
        });
        if (!response.ok) throw new Error(`Could not set the clock: ${await response.text()}`);
        await page.clock.setSystemTime(iso);
        if (leaveIdle) return;
        const state = await post<{ locked: boolean }>('session.state');
        if (state.locked) await post('session.unlock', { passphrase: TEST_PASSPHRASE });
      },
      async signIn({ name, role } = {}) {
        const admin = await api<{ id: string }>('staff.create', {
          name: 'Alex Admin',
          role: 'administrator',
          email: null,
        });
        await signInAs(admin.id);
        if (role && role !== 'administrator') {
          const other = await api<{ id: string }>('staff.create', {
            name: name ?? `Sam ${role}`,
            role,
            email: null,
          });
          await signInAs(other.id);
        }
      },
      signInAs,
      async loadDemo(customers = 300) {
        await api('demo.load', { customers, seed: 13 });
      },
    };
    await use(app);
    child.kill('SIGTERM');
    await new Promise((done) => child.once('exit', done));
    rmSync(dir, { recursive: true, force: true });
  },
});

/** Fails on any serious or critical accessibility violation on the page as it is now. */
export async function expectAccessible(page: Page, context = 'this screen'): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter(
    (v) => v.impact === 'serious' || v.impact === 'critical',
  );
  const described = serious.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
  expect(described, `Accessibility violations on ${context}`).toEqual([]);
}

export { expect };
