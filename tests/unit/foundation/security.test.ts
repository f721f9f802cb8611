import { describe, expect, it } from 'vitest';
import {
  contentSecurityPolicy,
  isAllowedExternal,
  isAllowedNavigation,
  isAppFrame,
  isPermissionGranted,
  isSameOrigin,
  secureWebPreferences,
} from '../../../src-main/security';
import { APP_URL, mimeTypeFor, resolveAppFile } from '../../../src-main/app-protocol';

describe('window hardening', () => {
  it('isolates and sandboxes the renderer, with no Node in the page', () => {
    expect(secureWebPreferences.contextIsolation).toBe(true);
    expect(secureWebPreferences.sandbox).toBe(true);
    expect(secureWebPreferences.nodeIntegration).toBe(false);
    expect(secureWebPreferences.nodeIntegrationInWorker).toBe(false);
    expect(secureWebPreferences.nodeIntegrationInSubFrames).toBe(false);
    expect(secureWebPreferences.webSecurity).toBe(true);
    expect(secureWebPreferences.webviewTag).toBe(false);
  });

  it('has a strict content security policy', () => {
    const directives = Object.fromEntries(
      contentSecurityPolicy.split('; ').map((d) => [d.split(' ')[0], d]),
    );
    expect(directives['default-src']).toBe("default-src 'self'");
    expect(directives['script-src']).toBe("script-src 'self'");
    expect(directives['object-src']).toBe("object-src 'none'");
    expect(directives['frame-ancestors']).toBe("frame-ancestors 'none'");
    expect(contentSecurityPolicy).not.toContain('unsafe-eval');
    expect(directives['script-src']).not.toContain('unsafe-inline');
  });
});

describe('origins are compared parsed, never by prefix', () => {
  it('tells a look-alike host from the app', () => {
    expect(isSameOrigin('http://localhost:5173/#/x', 'http://localhost:5173/')).toBe(true);
    expect(isSameOrigin('http://localhost.evil.com:5173/', 'http://localhost:5173/')).toBe(false);
    expect(isSameOrigin('http://localhost:5174/', 'http://localhost:5173/')).toBe(false);
    expect(isSameOrigin('not a url', 'http://localhost:5173/')).toBe(false);
  });
});

describe('which frames may call the API', () => {
  const app = 'file:///opt/Involvement%20Desk/resources/app/out/renderer/index.html';
  it('accepts the app page itself, with any in-page route', () => {
    expect(isAppFrame(`${app}#/customers`, app, true)).toBe(true);
  });
  it('refuses sub-frames, other files and other sites', () => {
    expect(isAppFrame(app, app, false)).toBe(false);
    expect(isAppFrame('file:///tmp/evil.html', app, true)).toBe(false);
    expect(isAppFrame('https://example.org/', app, true)).toBe(false);
    expect(isAppFrame('http://localhost:5173/', 'http://localhost:5173/', false)).toBe(false);
  });
});

describe('navigation and new windows', () => {
  const app = 'file:///opt/app/out/renderer/index.html';
  it('keeps the window on the app', () => {
    expect(isAllowedNavigation(`${app}#/cases`, app)).toBe(true);
    expect(isAllowedNavigation('https://www.gov.uk/', app)).toBe(false);
    expect(isAllowedNavigation('file:///etc/passwd', app)).toBe(false);
  });
  it('opens only allow-listed https sites externally', () => {
    expect(isAllowedExternal('https://www.housing-ombudsman.org.uk/residents/')).toBe(true);
    expect(isAllowedExternal('http://www.housing-ombudsman.org.uk/')).toBe(false);
    expect(isAllowedExternal('https://www.housing-ombudsman.org.uk.evil.com/')).toBe(false);
    expect(isAllowedExternal('javascript:alert(1)')).toBe(false);
    expect(isAllowedExternal('file:///etc/passwd')).toBe(false);
  });
});

describe('the app scheme', () => {
  it('is one origin per host: the app, not another host of the same scheme', () => {
    expect(isSameOrigin('app://involvement-desk/index.html#/cases', APP_URL)).toBe(true);
    expect(isSameOrigin('app://involvement-desk.evil/index.html', APP_URL)).toBe(false);
    expect(isSameOrigin('app://evil/index.html', APP_URL)).toBe(false);
    expect(isSameOrigin('file:///opt/app/out/renderer/index.html', APP_URL)).toBe(false);
  });
  it('lets only the app’s main frame call, and the window go nowhere else', () => {
    expect(isAppFrame(`${APP_URL}#/customers`, APP_URL, true)).toBe(true);
    expect(isAppFrame(APP_URL, APP_URL, false)).toBe(false);
    expect(isAppFrame('app://evil/index.html', APP_URL, true)).toBe(false);
    expect(isAllowedNavigation('app://involvement-desk/index.html#/cases', APP_URL)).toBe(true);
    expect(isAllowedNavigation('app://evil/', APP_URL)).toBe(false);
    expect(isAllowedNavigation('https://involvement-desk/', APP_URL)).toBe(false);
  });
  it('serves files by type and never outside the renderer folder', () => {
    expect(mimeTypeFor('/x/index.HTML')).toBe('text/html; charset=utf-8');
    expect(mimeTypeFor('/x/app.mjs')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeFor('/x/archive.asar')).toBe('application/octet-stream');
    expect(resolveAppFile('/opt/app/out/renderer', 'not a url')).toEqual({
      ok: false,
      status: 400,
    });
    expect(resolveAppFile('/opt/app/out/renderer', 'https://involvement-desk/index.html')).toEqual({
      ok: false,
      status: 403,
    });
    expect(
      resolveAppFile('/opt/app/out/renderer', 'app://involvement-desk/..%2f..%2fetc%2fpasswd'),
    ).toEqual({
      ok: false,
      status: 403,
    });
  });
});

describe('permissions', () => {
  it('grants nothing, to the app or anyone else', () => {
    for (const permission of [
      'media',
      'notifications',
      'clipboard-read',
      'geolocation',
      'fullscreen',
    ])
      for (const from of [APP_URL, 'app://involvement-desk', 'https://evil.example/', undefined])
        expect(isPermissionGranted(permission, from, APP_URL)).toBe(false);
  });
});
