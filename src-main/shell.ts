import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  protocol,
  session,
  shell,
  type MessageBoxOptions,
} from 'electron';
import { dirname, join } from 'node:path';
import { APP_SCHEME, APP_URL, appSchemePrivileges, serveAppFile } from './app-protocol';
import { startBackend, type BackendRelay, type BackendWorkerSpec } from './backend-relay';
import { bindApi } from './ipc';
import type { BackupFile } from './db/backup-files';
import type { DatabaseKey } from './db/database-key';
import { inspectFile, recoveryFor } from './db/open';
import { setAsideDir, swapInBackup } from './db/restore';
import { safeStorageWrapper } from './electron-key';
import { loadOrCreateKey, protectionName } from './key-store';
import { resolveDbPath } from './paths';
import {
  isAllowedExternal,
  isAllowedNavigation,
  isPermissionGranted,
  secureWebPreferences,
} from './security';

export interface ShellOptions {
  /** The page the window shows: the built renderer on the app scheme, or the dev server's address. */
  appUrl: string;
  /** The built renderer's folder: the only files the app scheme serves. */
  rendererDir: string;
  preloadPath: string;
  worker: BackendWorkerSpec;
  argv: readonly string[];
}

/**
 * Where the built app keeps each part, beside `out/main/main.js` (see
 * electron.vite.config.ts). The dev server's address is taken from the
 * environment only when not packaged: an installed app never loads a page
 * named by a variable someone could set.
 */
export function builtLayout(
  mainDir: string,
  env: NodeJS.ProcessEnv,
  packaged = false,
): Pick<ShellOptions, 'appUrl' | 'rendererDir' | 'preloadPath' | 'worker'> {
  return {
    appUrl: (!packaged && env.ELECTRON_RENDERER_URL) || APP_URL,
    rendererDir: join(mainDir, '../renderer'),
    preloadPath: join(mainDir, '../preload/preload.cjs'),
    worker: { path: join(mainDir, 'backend-worker.js') },
  };
}

function dbFlag(argv: readonly string[]): string | undefined {
  const i = argv.indexOf('--db');
  return i >= 0 ? argv[i + 1] : undefined;
}

function openWindow(options: ShellOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1360,
    height: 860,
    minWidth: 960,
    minHeight: 600,
    title: 'Involvement Desk',
    show: false,
    webPreferences: { ...secureWebPreferences, preload: options.preloadPath },
  });
  window.once('ready-to-show', () => window.show());

  const contents = window.webContents;
  const stayInApp = (event: { preventDefault(): void }, url: string) => {
    if (!isAllowedNavigation(url, options.appUrl)) event.preventDefault();
  };
  contents.on('will-navigate', stayInApp);
  contents.on('will-redirect', stayInApp);
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternal(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  // The page refuses to unload while a form has unsaved changes; Electron asks
  // nothing of its own, so ask here and let the window go only on "Leave".
  contents.on('will-prevent-unload', (event) => {
    const choice = dialog.showMessageBoxSync(window, {
      type: 'question',
      buttons: ['Stay and keep editing', 'Leave and lose the changes'],
      defaultId: 0,
      cancelId: 0,
      title: 'Unsaved changes',
      message: 'Leave without saving?',
      detail: 'A form has changes that are not saved. If you leave now they will be lost.',
    });
    if (choice === 1) event.preventDefault();
  });
  return window;
}

/**
 * A database refused at open because it is damaged, empty or unreadable
 * with the key: the newest backup that opens with the key and passes its
 * check now, offered in plain words. Restoring it moves the refused file
 * aside whole; it is never overwritten.
 */
function offerBackup(
  dbPath: string,
  key: DatabaseKey,
): { backup: BackupFile; message: MessageBoxOptions } | null {
  // The worker's error crosses as a bare message: the file is looked at again
  // here (read only) to learn why it was refused.
  let refusal: unknown;
  try {
    inspectFile(dbPath, key);
    return null; // The file itself is fine: the failure lies elsewhere.
  } catch (error) {
    refusal = error;
  }
  const backup = recoveryFor(refusal, dbPath, key, new Date());
  if (!backup) return null;
  const when = new Date(backup.at).toLocaleString('en-GB', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Europe/London',
  });
  const size = `${(backup.sizeBytes / (1024 * 1024)).toFixed(1)} MB`;
  return {
    backup,
    message: {
      type: 'error',
      title: 'Involvement Desk',
      message: 'Involvement Desk cannot open its database.',
      detail: `${refusal instanceof Error ? refusal.message : String(refusal)}\n\nThe newest good backup is from ${when} (${size}, checked just now). Restore it? The file that cannot be opened is kept, unchanged, in ${setAsideDir(dbPath)}. Anything saved after the backup was taken is not in it.`,
      buttons: ['Restore this backup', 'Quit'],
      defaultId: 0,
      cancelId: 1,
    },
  };
}

/**
 * Offers a restart when the backend stops under an open window. "Later" keeps
 * the window, so what the user typed can still be copied; until a restart
 * every call says the data service stopped.
 */
async function reportBackendStopped(window: BrowserWindow | null, reason: string): Promise<void> {
  console.error('The backend stopped:', reason);
  const message = {
    type: 'error' as const,
    title: 'Involvement Desk',
    message: 'The app’s data service stopped.',
    detail:
      'Everything the app confirmed as saved is kept, but nothing more can be saved until it restarts.',
    buttons: ['Restart now', 'Later'],
    defaultId: 0,
    cancelId: 1,
  };
  const { response } = window
    ? await dialog.showMessageBox(window, message)
    : await dialog.showMessageBox(message);
  if (response === 0) {
    app.relaunch();
    app.exit(0);
  }
}

/**
 * The whole Electron shell: one instance, one hardened window, every API call
 * relayed to the backend worker. Resolves once the window is loading, or once
 * a failed start has been reported.
 */
export async function startShell(options: ShellOptions): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  let mainWindow: BrowserWindow | null = null;
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => app.quit());
  // Date fields follow Chromium's language, not the page's: a UK team reads
  // 03/12/2026 as the third of December whatever language the computer is set to.
  app.commandLine.appendSwitch('lang', 'en-GB');
  // Only before ready: the app's own scheme, treated like https.
  protocol.registerSchemesAsPrivileged([appSchemePrivileges]);

  await app.whenReady();
  // The built page's files, and nothing else, each with the
  // Content-Security-Policy as a header (the page carries it too, for dev).
  protocol.handle(APP_SCHEME, (request) => serveAppFile(options.rendererDir, request));
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(isPermissionGranted(permission, details.requestingUrl, options.appUrl)),
  );
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionGranted(permission, requestingOrigin, options.appUrl),
  );
  // No USB, serial or HID device is ever chosen for the page.
  ses.setDevicePermissionHandler(() => false);

  const userData = app.getPath('userData');
  const dbPath = resolveDbPath(dbFlag(options.argv), userData);
  let unlocked: ReturnType<typeof loadOrCreateKey>;
  try {
    unlocked = loadOrCreateKey(userData, safeStorageWrapper(), new Date());
  } catch (error) {
    // No keyring (or a locked one): refuse before any window, saying what to install.
    dialog.showErrorBox(
      'Involvement Desk cannot keep its data safe on this computer',
      error instanceof Error ? error.message : String(error),
    );
    app.exit(1);
    return;
  }
  const workerData = {
    dbPath,
    dataDir: dirname(dbPath),
    key: unlocked.key,
    keyProtection: protectionName(unlocked.protection),
  };
  // The window shows at once ("Opening Involvement Desk") while the worker
  // opens, and if need be migrates, the database; calls made meanwhile wait.
  const starting = startBackend(options.worker, workerData).catch(async (error: unknown) => {
    const offered = offerBackup(dbPath, unlocked.key);
    if (!offered) throw error;
    const { response } = await dialog.showMessageBox(offered.message);
    if (response !== 0) throw error;
    swapInBackup(dbPath, offered.backup.path, new Date());
    return startBackend(options.worker, workerData);
  });
  bindApi(
    ipcMain,
    {
      call: (method, input, session) =>
        starting.then(
          (started) => started.call(method, input, session),
          (error: unknown) => ({
            ok: false as const,
            error: {
              code: 'unavailable',
              message: error instanceof Error ? error.message : String(error),
              fields: [],
            },
          }),
        ),
    },
    () => options.appUrl,
  );
  mainWindow = openWindow(options);
  const loading = mainWindow.loadURL(options.appUrl);

  let backend: BackendRelay;
  try {
    backend = await starting;
  } catch (error) {
    // Without this the app would sit with no window and no word of why.
    dialog.showErrorBox(
      'Involvement Desk could not start',
      error instanceof Error ? error.message : String(error),
    );
    app.exit(1);
    return;
  }
  void backend.stopped.then((stop) => {
    if (stop.unexpected) return reportBackendStopped(mainWindow, stop.reason);
  });
  app.on('will-quit', () => void backend.close());
  await loading;
}
