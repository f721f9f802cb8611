import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHost, type Host } from '../../../src-main/host/server';
import { contentSecurityPolicy } from '../../../src-main/security';
import { openTestApp, type TestApp } from '../../support/temp-db';

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
    const cookie = response.headers.get('set-cookie')!;
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    const withCookie = await post('/api/session.state', {}, { Cookie: cookie.split(';')[0]! });
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
});
