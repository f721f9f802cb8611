import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHost, type Host } from '../../../src-main/host/server';
import { contentSecurityPolicy } from '../../../src-main/security';
import { openTestApp, TEST_PASSPHRASE, type TestApp } from '../../support/temp-db';

let app: TestApp;
let host: Host;

beforeEach(async () => {
  app = await openTestApp();
  const rendererDir = join(app.dir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Involvement Desk</title>');
  writeFileSync(join(app.dir, 'secret.txt'), 'not for the browser');
  host = await startHost({ backend: app.backend, rendererDir });
});
afterEach(async () => {
  await host.close();
  await app.close();
});

function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${host.origin}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

describe('the browser host', () => {
  it('listens on 127.0.0.1 only', () => {
    expect(host.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('refuses API calls without this run’s token', async () => {
    const none = await post('/api/session.state', {});
    expect(none.status).toBe(401);
    const wrong = await post('/api/session.state', {}, { Authorization: 'Bearer guessed' });
    expect(wrong.status).toBe(401);
  });

  it('answers the contract with the bearer token, errors included', async () => {
    const auth = { Authorization: `Bearer ${host.token}` };
    const ok = await (await post('/api/session.state', {}, auth)).json();
    expect(ok).toMatchObject({ ok: true, value: { staff: { name: 'Test administrator' } } });
    const bad = await (await post('/api/staff.create', { name: '', role: 'officer' }, auth)).json();
    expect(bad).toMatchObject({
      ok: false,
      error: { code: 'invalid', fields: [{ path: 'name', message: 'Name is required.' }] },
    });
    const unknown = await (await post('/api/drop.everything', {}, auth)).json();
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const notJson = await fetch(`${host.origin}/api/session.state`, {
      method: 'POST',
      headers: auth,
      body: '{oops',
    });
    expect(notJson.status).toBe(400);
  });

  it('swaps the link’s token for an HttpOnly, same-site cookie', async () => {
    const response = await fetch(host.url, { redirect: 'manual' });
    expect(response.status).toBe(303);
    const cookies = response.headers.getSetCookie();
    for (const cookie of cookies) {
      expect(cookie).toContain('HttpOnly');
      expect(cookie).toContain('SameSite=Strict');
    }
    const sent = cookies.map((c) => c.split(';')[0]!).join('; ');
    const withCookie = await post('/api/session.state', {}, { Cookie: sent });
    expect(withCookie.status).toBe(200);
    const badLink = await fetch(`${host.origin}/?token=wrong`, { redirect: 'manual' });
    expect(badLink.status).toBe(401);
  });

  it('serves the renderer with the content security policy, and nothing outside it', async () => {
    const page = await fetch(`${host.origin}/`);
    expect(page.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    expect(await page.text()).toContain('Involvement Desk');
    const escape = await fetch(`${host.origin}/..%2Fsecret.txt`);
    expect(await escape.text()).not.toContain('not for the browser');
  });

  it('gives each browser its own signed-in profile', async () => {
    const officer = await app.call('staff.create', {
      name: 'Olu Officer',
      role: 'officer',
      email: null,
    });
    const leader = await app.call('staff.create', {
      name: 'Tess Leader',
      role: 'team_leader',
      email: null,
    });
    async function browser() {
      const link = await fetch(host.url, { redirect: 'manual' });
      const cookies = link.headers
        .getSetCookie()
        .map((c) => c.split(';')[0]!)
        .join('; ');
      expect(cookies).toContain('involvement_desk_session=');
      return (method: string, input: unknown) =>
        post(`/api/${method}`, input, { Cookie: cookies }).then((r) => r.json());
    }
    const first = await browser();
    const second = await browser();
    expect(await first('session.state', {})).toMatchObject({ value: { staff: null } });
    // Each chooses a passphrase on first use, through the same path as the window.
    const chosen = (staffId: string) => ({
      staffId,
      passphrase: TEST_PASSPHRASE,
      confirmation: TEST_PASSPHRASE,
    });
    expect(await first('session.setPassphrase', chosen(officer.id))).toMatchObject({ ok: true });
    expect(await second('session.setPassphrase', chosen(leader.id))).toMatchObject({ ok: true });
    // Signing in in the second browser leaves the first as it was.
    expect(await first('session.state', {})).toMatchObject({
      value: { staff: { name: 'Olu Officer' } },
    });
    expect(await second('session.state', {})).toMatchObject({
      value: { staff: { name: 'Tess Leader' } },
    });
    await second('session.signOut', {});
    expect(await first('session.state', {})).toMatchObject({
      value: { staff: { name: 'Olu Officer' } },
    });
    // The command line's and the tests' own session is untouched by either.
    expect(await app.call('session.state', {})).toMatchObject({
      staff: { name: 'Test administrator' },
    });
    // A browser holding the token but no session of its own is asked to open the link again.
    const tokenOnly = await post(
      '/api/session.state',
      {},
      { Cookie: `involvement_desk_token=${host.token}` },
    );
    expect(tokenOnly.status).toBe(401);
  });
});
