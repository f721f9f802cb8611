import { createHash, randomBytes } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { API_CHANNEL } from '../../../src-main/api-channel';
import { backendStoppedError } from '../../../src-main/backend-relay';
import { APP_URL } from '../../../src-main/app-protocol';
import { contentSecurityPolicy } from '../../../src-main/security';
import { builtLayout, startShell } from '../../../src-main/shell';
import viteConfig from '../../../electron.vite.config';
import { backupDatabase } from '../../../src-main/db/backup';
import { openEncrypted } from '../../../src-main/db/driver';
import { openDatabase } from '../../../src-main/db/open';
import { safeStorageWrapper } from '../../../src-main/electron-key';
import { KEY_RECORD_FILE, loadOrCreateKey } from '../../../src-main/key-store';
import {
  breakableBackendWorker,
  backendWorkerFromSource,
} from '../../support/backend-worker-source';
import {
  app,
  dialog,
  FakeBrowserWindow,
  ipcMain,
  navigationEvent,
  protocol,
  resetFakeElectron,
  safeStorage,
  session,
  shell,
} from '../../support/fake-electron';
import { tempDir } from '../../support/temp-db';

// Electron's program is not installed here: the shell runs against a recording
// stand-in, with the real backend worker and a real database behind it.
vi.mock('electron', () => import('../../support/fake-electron'));

const slow = { timeout: 90_000 };

function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}
const appUrl = APP_URL;

/**
 * A built renderer folder, with a secret beside it (not in it) and a link
 * inside it that leads to the secret: the app scheme must serve neither.
 */
function rendererFolder(): { dir: string; secret: string; cleanup(): void } {
  const t = tempDir();
  const dir = join(t.dir, 'renderer');
  mkdirSync(join(dir, 'assets'), { recursive: true });
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Involvement Desk</title>');
  writeFileSync(join(dir, 'assets', 'index-abc.js'), 'console.log("app")');
  writeFileSync(join(dir, 'assets', 'index-abc.css'), 'body{}');
  writeFileSync(join(dir, 'assets', 'inter.woff2'), 'font');
  writeFileSync(join(dir, 'assets', 'logo.svg'), '<svg/>');
  writeFileSync(join(dir, 'assets', 'data.bin'), 'bytes');
  const secret = join(t.dir, 'secret.txt');
  writeFileSync(secret, 'TOP SECRET: the database key');
  symlinkSync(secret, join(dir, 'assets', 'linked.txt'));
  return { dir, secret, cleanup: t.cleanup };
}
const renderer = rendererFolder();
afterAll(() => renderer.cleanup());

function theWindow(): FakeBrowserWindow {
  expect(FakeBrowserWindow.instances).toHaveLength(1);
  return FakeBrowserWindow.instances[0]!;
}

/** An invoke event from the app's own page, as the preload's bridge sends it. */
function fromAppPage() {
  const mainFrame = { url: `${appUrl}#/` };
  return { senderFrame: mainFrame, sender: { mainFrame } };
}

describe('the desktop shell, started', slow, () => {
  const folder = tempDir();
  const dbPath = join(folder.dir, 'chosen.sqlite');

  beforeAll(async () => {
    resetFakeElectron(join(folder.dir, 'user-data'));
    await startShell({
      appUrl,
      rendererDir: renderer.dir,
      preloadPath: '/opt/app/out/preload/preload.cjs',
      worker: breakableBackendWorker,
      argv: ['/opt/app/involvement-desk', '--db', dbPath],
    });
  }, slow.timeout);

  afterAll(async () => {
    app.emit('will-quit');
    await new Promise((done) => setTimeout(done, 200));
    folder.cleanup();
  });

  it('holds the single-instance lock before anything else', () => {
    expect(app.calls.slice(0, 2)).toEqual(['requestSingleInstanceLock', 'whenReady']);
  });

  it('sets Chromium’s language before it is ready, so date fields read day first', () => {
    expect(app.switches.get('lang')).toBe('en-GB');
  });

  it('opens one sandboxed, isolated window on the app, shown once ready', () => {
    const window = theWindow();
    expect(window.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      preload: '/opt/app/out/preload/preload.cjs',
    });
    const preferences = window.options.webPreferences as Record<string, unknown>;
    // Left at Electron's defaults (off): never switched on.
    for (const risky of ['experimentalFeatures', 'enableBlinkFeatures', 'allowpopups'])
      expect(preferences).not.toHaveProperty(risky);
    expect(window.options.show).toBe(false);
    expect(window.loaded).toEqual([appUrl]);
    window.emit('ready-to-show');
    expect(window.shown).toBe(true);
  });

  it('keeps the window on the app: other pages, new windows and webviews are refused', () => {
    const contents = theWindow().webContents;
    const navigate = (url: string) => {
      const event = navigationEvent();
      contents.emit('will-navigate', event, url);
      return event.defaultPrevented ? 'refused' : 'allowed';
    };
    expect(navigate(`${appUrl}#/cases`)).toBe('allowed');
    expect(navigate('https://evil.example/')).toBe('refused');
    expect(navigate('file:///tmp/downloaded.html')).toBe('refused');
    expect(navigate('file:///opt/app/out/renderer/index.html')).toBe('refused');
    expect(navigate('app://elsewhere/index.html')).toBe('refused');
    expect(navigate('https://www.gov.uk/')).toBe('refused');
    const redirect = navigationEvent();
    contents.emit('will-redirect', redirect, 'https://evil.example/');
    expect(redirect.defaultPrevented).toBe(true);

    const open = contents.windowOpenHandler!;
    for (const url of [
      'https://www.housing-ombudsman.org.uk/residents/',
      'https://www.gov.uk/bank-holidays',
      'http://www.gov.uk/',
      'https://www.gov.uk.evil.example/',
      'https://evil.example/',
      'javascript:alert(1)',
      `${appUrl}#/customers`,
    ])
      expect(open({ url })).toEqual({ action: 'deny' });
    // Only guidance on the allow-list goes to the user's browser; nothing opens in the app.
    expect(shell.opened).toEqual([
      'https://www.housing-ombudsman.org.uk/residents/',
      'https://www.gov.uk/bank-holidays',
    ]);

    const webview = navigationEvent();
    contents.emit('will-attach-webview', webview);
    expect(webview.defaultPrevented).toBe(true);
  });

  it('asks before a window with unsaved changes closes, and closes only on Leave', () => {
    const contents = theWindow().webContents;
    const stay = navigationEvent();
    dialog.response = 0;
    contents.emit('will-prevent-unload', stay);
    expect(stay.defaultPrevented).toBe(false);
    const leave = navigationEvent();
    dialog.response = 1;
    contents.emit('will-prevent-unload', leave);
    expect(leave.defaultPrevented).toBe(true);
    expect(dialog.messages.map((m) => m.options.message)).toEqual([
      'Leave without saving?',
      'Leave without saving?',
    ]);
    dialog.messages.length = 0;
    dialog.response = 1;
  });

  it('denies every permission the page asks for or checks, even from the app itself', () => {
    const request = session.defaultSession.permissionRequestHandler!;
    const check = session.defaultSession.permissionCheckHandler!;
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'clipboard-sanitized-write',
      'midiSysex',
      'fullscreen',
      'openExternal',
      'hid',
      'serial',
      'usb',
      'idle-detection',
      'persistent-storage',
    ]) {
      for (const from of [appUrl, 'https://evil.example/']) {
        const answers: boolean[] = [];
        request({}, permission, (granted) => answers.push(granted), { requestingUrl: from });
        expect(answers).toEqual([false]);
        expect(check({}, permission, new URL(from).origin, {})).toBe(false);
      }
    }
    expect(session.defaultSession.devicePermissionHandler!({ deviceType: 'usb' })).toBe(false);
  });

  it('registers the app scheme as standard and secure before the app is ready', () => {
    expect(protocol.registeredBeforeReady).toBe(true);
    expect(protocol.privileged).toEqual([
      {
        scheme: 'app',
        privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
      },
    ]);
    expect([...protocol.handlers.keys()]).toEqual(['app']);
  });

  it('serves the built page’s files on the app scheme, each with its type and the policy', async () => {
    const serve = protocol.handlers.get('app')!;
    const get = (url: string, method = 'GET') => serve(new Request(url, { method }));
    for (const [path, type] of [
      ['/index.html', 'text/html; charset=utf-8'],
      ['/', 'text/html; charset=utf-8'],
      ['/assets/index-abc.js', 'text/javascript; charset=utf-8'],
      ['/assets/index-abc.css', 'text/css; charset=utf-8'],
      ['/assets/inter.woff2', 'font/woff2'],
      ['/assets/logo.svg', 'image/svg+xml'],
      ['/assets/data.bin', 'application/octet-stream'],
    ] as const) {
      const response = await get(`app://involvement-desk${path}`);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type'), path).toBe(type);
      expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    }
    expect(await (await get('app://involvement-desk/index.html')).text()).toContain(
      '<title>Involvement Desk</title>',
    );
  });

  it('refuses path traversal, links out, other hosts, folders and writes', async () => {
    const serve = protocol.handlers.get('app')!;
    const secretName = basename(renderer.secret);
    const refused = [
      [`app://involvement-desk/../${secretName}`, 404],
      [`app://involvement-desk/assets/../../${secretName}`, 404],
      [`app://involvement-desk/%2e%2e/${secretName}`, 404],
      [`app://involvement-desk/..%2f${secretName}`, 403],
      [`app://involvement-desk/assets%2f..%2f..%2f${secretName}`, 403],
      [`app://involvement-desk/..%5c${secretName}`, 400],
      [`app://involvement-desk/%252e%252e/${secretName}`, 404],
      [`app://involvement-desk/index.html%00.js`, 400],
      [`app://involvement-desk/${encodeURIComponent(renderer.secret)}`, 404],
      ['app://involvement-desk/assets/linked.txt', 403],
      ['app://involvement-desk/assets', 404],
      ['app://involvement-desk/missing.js', 404],
      ['app://elsewhere/index.html', 403],
      ['app://involvement-desk/%E0%A4%A', 400],
    ] as const;
    for (const [url, status] of refused) {
      const response = await serve(new Request(url));
      expect(response.status, url).toBe(status);
      expect(await response.text(), url).not.toContain('TOP SECRET');
    }
    const post = await serve(new Request('app://involvement-desk/index.html', { method: 'POST' }));
    expect(post.status).toBe(405);
    const head = await serve(new Request('app://involvement-desk/index.html', { method: 'HEAD' }));
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('answers the app page through the backend worker, on the database named by --db', async () => {
    const call = ipcMain.handlers.get(API_CHANNEL)!;
    expect(await call(fromAppPage(), 'staff.list', {})).toEqual({ ok: true, value: [] });
    expect(existsSync(dbPath)).toBe(true);
    // The user data folder holds the wrapped key and nothing else: the database is where --db said.
    expect(readdirSync(join(folder.dir, 'user-data'))).toEqual([KEY_RECORD_FILE]);

    for (const url of [
      'https://evil.example/',
      'app://elsewhere/index.html',
      'file:///opt/app/out/renderer/index.html',
      'http://localhost:5173/',
    ]) {
      const elsewhere = { url };
      expect(
        await call({ senderFrame: elsewhere, sender: { mainFrame: elsewhere } }, 'staff.list', {}),
        url,
      ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    // An iframe inside the app's own page is not the app.
    const frame = { url: `${appUrl}#/` };
    expect(
      await call({ senderFrame: frame, sender: { mainFrame: { url: appUrl } } }, 'staff.list', {}),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('brings the window forward when the app is started again', () => {
    const window = theWindow();
    window.minimized = true;
    app.emit('second-instance', {}, ['/opt/app/involvement-desk'], '/home/officer');
    expect(window.restored).toBe(1);
    expect(window.focused).toBe(1);
    app.emit('second-instance', {}, [], '/');
    expect(window.restored).toBe(1);
    expect(window.focused).toBe(2);
    expect(FakeBrowserWindow.instances).toHaveLength(1);
  });

  it('quits when the window is closed', () => {
    const before = app.calls.filter((c) => c === 'quit').length;
    app.emit('window-all-closed');
    expect(app.calls.filter((c) => c === 'quit')).toHaveLength(before + 1);
  });

  it('tells the user when the backend stops, and restarts if they choose to', async () => {
    dialog.response = 0;
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const call = ipcMain.handlers.get(API_CHANNEL)!;
    expect(await call(fromAppPage(), 'test.exit', {})).toEqual({
      ok: false,
      error: backendStoppedError,
    });
    await vi.waitFor(() => expect(dialog.messages).toHaveLength(1));
    expect(dialog.messages[0]!.window).toBe(theWindow());
    expect(dialog.messages[0]!.options).toMatchObject({
      type: 'error',
      message: 'The app’s data service stopped.',
      buttons: ['Restart now', 'Later'],
    });
    await vi.waitFor(() => expect(app.calls.slice(-2)).toEqual(['relaunch', 'exit']));
    expect(logged).toHaveBeenCalledWith(
      'The backend stopped:',
      'The backend stopped with exit code 7.',
    );
    logged.mockRestore();
    expect(await call(fromAppPage(), 'staff.list', {})).toMatchObject({
      ok: false,
      error: { code: 'unavailable' },
    });
  });
});

describe('the desktop shell, in other situations', slow, () => {
  const userData = tempDir();
  beforeEach(() => resetFakeElectron(join(userData.dir, 'user-data')));
  afterAll(() => userData.cleanup());

  it('hands over to the running app when it is already open', async () => {
    app.lockGranted = false;
    await startShell({
      appUrl,
      rendererDir: renderer.dir,
      preloadPath: '/opt/app/out/preload/preload.cjs',
      worker: backendWorkerFromSource,
      argv: [],
    });
    expect(app.calls).toEqual(['requestSingleInstanceLock', 'quit']);
    expect(FakeBrowserWindow.instances).toHaveLength(0);
    expect(ipcMain.handlers.size).toBe(0);
  });

  it('says why and quits, rather than showing nothing, when the database cannot be opened', async () => {
    const folder = tempDir();
    try {
      const dbPath = join(folder.dir, 'notes.sqlite');
      writeFileSync(dbPath, 'These are my meeting notes, not a database.');
      await startShell({
        appUrl,
        rendererDir: renderer.dir,
        preloadPath: '/opt/app/out/preload/preload.cjs',
        worker: backendWorkerFromSource,
        argv: ['--db', dbPath],
      });
      expect(dialog.errors).toHaveLength(1);
      expect(dialog.errors[0]!.title).toBe('Involvement Desk could not start');
      expect(dialog.errors[0]!.content).toMatch(/encrypted with another key.*left untouched/);
      expect(app.exitCodes).toEqual([1]);
      // The window showed at once while the database was opening.
      expect(FakeBrowserWindow.instances).toHaveLength(1);
    } finally {
      folder.cleanup();
    }
  });

  it('refuses to start where the only key store is plain text, saying what to install', async () => {
    const folder = tempDir();
    try {
      app.userData = join(folder.dir, 'user-data');
      safeStorage.backend = 'basic_text';
      const dbPath = join(folder.dir, 'desk.sqlite');
      await startShell({
        appUrl,
        rendererDir: renderer.dir,
        preloadPath: '/opt/app/out/preload/preload.cjs',
        worker: backendWorkerFromSource,
        argv: ['--db', dbPath],
      });
      expect(dialog.errors).toHaveLength(1);
      expect(dialog.errors[0]!.title).toBe(
        'Involvement Desk cannot keep its data safe on this computer',
      );
      expect(dialog.errors[0]!.content).toMatch(/GNOME.*gnome-keyring.*KWallet/);
      expect(app.exitCodes).toEqual([1]);
      // Nothing was made: no key, no database, no window.
      expect(existsSync(join(app.userData, KEY_RECORD_FILE))).toBe(false);
      expect(existsSync(dbPath)).toBe(false);
      expect(FakeBrowserWindow.instances).toHaveLength(0);
      expect(safeStorage.wrapped).toBe(0);
    } finally {
      folder.cleanup();
    }
  });

  it('makes the key once, keeps it only wrapped, records what wrapped it, and reuses it', async () => {
    const folder = tempDir();
    try {
      app.userData = join(folder.dir, 'user-data');
      safeStorage.backend = 'kwallet5';
      const first = loadOrCreateKey(app.userData, safeStorageWrapper('linux'), new Date());
      expect(first.created).toBe(true);
      const record = readFileSync(join(app.userData, KEY_RECORD_FILE), 'utf8');
      expect(JSON.parse(record)).toMatchObject({ format: 1, protection: 'kwallet5' });
      expect(record).not.toContain(first.key);
      expect(statSync(join(app.userData, KEY_RECORD_FILE)).mode & 0o077).toBe(0);
      const again = loadOrCreateKey(app.userData, safeStorageWrapper('linux'), new Date());
      expect(again).toMatchObject({ key: first.key, protection: 'kwallet5', created: false });
      // Another keyring (another user, another computer) cannot unwrap it: a clear refusal.
      safeStorage.keyringSecret = randomBytes(32);
      expect(() => loadOrCreateKey(app.userData, safeStorageWrapper('linux'), new Date())).toThrow(
        /kept by KWallet 5, which cannot unlock it now/,
      );
    } finally {
      folder.cleanup();
    }
  });

  it('offers the newest good backup for a damaged database, and keeps the damaged file', async () => {
    const folder = tempDir();
    try {
      app.userData = join(folder.dir, 'user-data');
      const dbPath = join(folder.dir, 'desk.sqlite');
      const { key } = loadOrCreateKey(app.userData, safeStorageWrapper('linux'), new Date());
      const good = await openDatabase(dbPath, { key });
      good.raw.exec(`INSERT INTO app_meta (key, value) VALUES ('marker', 'from the backup')`);
      good.raw.exec(
        `CREATE TABLE filler (x TEXT); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200) INSERT INTO filler SELECT hex(randomblob(500)) FROM n;`,
      );
      const backupPath = join(
        folder.dir,
        'backups',
        'involvement-desk-2026-11-22T10-00-00-000Z.sqlite',
      );
      backupDatabase(good.raw, backupPath, key);
      good.raw.pragma('wal_checkpoint(TRUNCATE)');
      await good.close();
      // Damage over the middle pages, as a failing disk leaves it; the first page is intact.
      const bytes = readFileSync(dbPath);
      bytes.fill(0x55, 8192, bytes.length - 4096);
      writeFileSync(dbPath, bytes);
      const damagedHash = sha256(dbPath);

      dialog.response = 0;
      await startShell({
        appUrl,
        rendererDir: renderer.dir,
        preloadPath: '/opt/app/out/preload/preload.cjs',
        worker: backendWorkerFromSource,
        argv: ['--db', dbPath],
      });
      expect(dialog.errors).toEqual([]);
      expect(dialog.messages).toHaveLength(1);
      const offer = dialog.messages[0]!.options;
      expect(offer.message).toBe('Involvement Desk cannot open its database.');
      expect(String(offer.detail)).toMatch(/damaged and cannot be opened safely/);
      expect(String(offer.detail)).toMatch(
        /The newest good backup is from 22 November 2026 at 10:00/,
      );
      expect(offer.buttons).toEqual(['Restore this backup', 'Quit']);
      expect(dialog.errors).toHaveLength(0);

      // The damaged file was moved aside whole, never written over.
      const aside = readdirSync(join(folder.dir, 'set-aside')).filter((n) => n.endsWith('.sqlite'));
      expect(aside).toHaveLength(1);
      expect(sha256(join(folder.dir, 'set-aside', aside[0]!))).toBe(damagedHash);
      // The backend runs on the restored file.
      const result = await ipcMain.handlers.get(API_CHANNEL)!(fromAppPage(), 'session.state', {});
      expect(result).toMatchObject({ ok: true });
      app.emit('will-quit');
      await new Promise((done) => setTimeout(done, 300));
      const restored = openEncrypted(dbPath, key, { readonly: true });
      expect(
        restored.prepare(`SELECT value FROM app_meta WHERE key = 'marker'`).pluck().get(),
      ).toBe('from the backup');
      restored.close();
    } finally {
      folder.cleanup();
    }
  });

  it('main.ts starts the shell on import', async () => {
    app.lockGranted = false;
    await import('../../../src-main/main');
    await vi.waitFor(() => expect(app.calls).toEqual(['requestSingleInstanceLock', 'quit']));
  });
});

describe('where the built app finds its parts', () => {
  it('names the files electron.vite.config.ts builds', () => {
    const mainDir = '/opt/Involvement Desk/resources/app/out/main';
    const layout = builtLayout(mainDir, {});
    expect(layout.worker).toEqual({ path: join(mainDir, 'backend-worker.js') });
    expect(layout.preloadPath).toBe(resolve(mainDir, '../preload/preload.cjs'));
    expect(layout.appUrl).toBe('app://involvement-desk/index.html');
    expect(layout.rendererDir).toBe(resolve(mainDir, '../renderer'));
    expect(builtLayout(mainDir, { ELECTRON_RENDERER_URL: 'http://localhost:5173' }).appUrl).toBe(
      'http://localhost:5173',
    );
    // An installed app never loads a page named by the environment.
    expect(
      builtLayout(mainDir, { ELECTRON_RENDERER_URL: 'https://evil.example/' }, true).appUrl,
    ).toBe('app://involvement-desk/index.html');

    const config = viteConfig as unknown as {
      main: { build: { rollupOptions: { input: Record<string, string> } } };
      preload: {
        build: {
          rollupOptions: { input: Record<string, string>; output: { entryFileNames: string } };
        };
      };
    };
    // The jobs facility's CPU worker is found beside the bundle (run-in-worker.ts).
    expect(Object.keys(config.main.build.rollupOptions.input).sort()).toEqual([
      'backend-worker',
      'cpu-worker',
      'main',
    ]);
    expect(Object.keys(config.preload.build.rollupOptions.input)).toEqual(['preload']);
    expect(config.preload.build.rollupOptions.output.entryFileNames).toBe('[name].cjs');
  });
});
