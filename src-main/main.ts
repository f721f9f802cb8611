import { app, BrowserWindow, session, shell } from 'electron';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bindApi } from './ipc';
import { resolveDbPath } from './paths';
import { isAllowedExternal, isAllowedNavigation, secureWebPreferences } from './security';

const here = dirname(fileURLToPath(import.meta.url));
let mainWindow: BrowserWindow | null = null;

function appUrl(): string {
  const devServer = process.env.ELECTRON_RENDERER_URL;
  return devServer ?? `file://${join(here, '../renderer/index.html')}`;
}

function dbFlag(): string | undefined {
  const i = process.argv.indexOf('--db');
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function createWindow(): Promise<void> {
  mainWindow = new BrowserWindow({
    width: 1360,
    height: 860,
    minWidth: 960,
    minHeight: 600,
    title: 'Involvement Desk',
    show: false,
    webPreferences: { ...secureWebPreferences, preload: join(here, '../preload/preload.cjs') },
  });
  mainWindow.once('ready-to-show', () => mainWindow?.show());

  const contents = mainWindow.webContents;
  contents.on('will-navigate', (event, url) => {
    if (!isAllowedNavigation(url, appUrl())) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternal(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());

  await mainWindow.loadURL(appUrl());
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });

  void app.whenReady().then(async () => {
    // The policy itself travels in the built page (file:// has no headers):
    // see the content-security-policy plugin in electron.vite.config.ts.
    session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) =>
      callback(false),
    );

    const userData = app.getPath('userData');
    const dbPath = resolveDbPath(dbFlag(), userData);
    // The window shows at once, saying it is opening the database, while the
    // worker opens (and if need be migrates) it behind.
    const opening = bindApi(
      join(here, 'backend-worker.js'),
      { dbPath, dataDir: dirname(dbPath) },
      appUrl,
    );
    await createWindow();
    // A file that cannot be opened is explained in the window, by every call's answer.
    await opening.catch(() => undefined);
  });

  app.on('window-all-closed', () => app.quit());
}
