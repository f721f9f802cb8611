import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';

/**
 * A recording stand-in for the `electron` module, for testing the shell's
 * wiring where Electron's program cannot run. It records what the shell asks
 * of Electron and lets a test raise the events Electron would.
 */

export interface RecordedEvent {
  defaultPrevented: boolean;
  preventDefault(): void;
}

export function navigationEvent(): RecordedEvent {
  return {
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true;
    },
  };
}

type WindowOpenHandler = (details: { url: string }) => { action: 'allow' | 'deny' };

class FakeWebContents extends EventEmitter {
  windowOpenHandler: WindowOpenHandler | null = null;
  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static instances: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  readonly loaded: string[] = [];
  shown = false;
  minimized = false;
  restored = 0;
  focused = 0;

  constructor(readonly options: Record<string, unknown>) {
    super();
    FakeBrowserWindow.instances.push(this);
  }
  loadURL(url: string): Promise<void> {
    this.loaded.push(url);
    return Promise.resolve();
  }
  show(): void {
    this.shown = true;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  restore(): void {
    this.minimized = false;
    this.restored++;
  }
  focus(): void {
    this.focused++;
  }
}

type PermissionRequestHandler = (
  contents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
  details: { requestingUrl?: string },
) => void;
type PermissionCheckHandler = (
  contents: unknown,
  permission: string,
  requestingOrigin: string,
  details: Record<string, unknown>,
) => boolean;
type InvokeHandler = (event: unknown, ...args: unknown[]) => Promise<unknown>;
type ProtocolHandler = (request: Request) => Response | Promise<Response>;

class FakeApp extends EventEmitter {
  lockGranted = true;
  isPackaged = false;
  userData = '/nonexistent';
  readonly calls: string[] = [];
  readonly exitCodes: number[] = [];
  readonly switches = new Map<string, string | undefined>();
  readonly commandLine = {
    appendSwitch: (name: string, value?: string) => void this.switches.set(name, value),
  };
  requestSingleInstanceLock(): boolean {
    this.calls.push('requestSingleInstanceLock');
    return this.lockGranted;
  }
  whenReady(): Promise<void> {
    this.calls.push('whenReady');
    return Promise.resolve();
  }
  getPath(name: string): string {
    if (name !== 'userData') throw new Error(`The shell asked for the ${name} path.`);
    return this.userData;
  }
  quit(): void {
    this.calls.push('quit');
  }
  relaunch(): void {
    this.calls.push('relaunch');
  }
  exit(code = 0): void {
    this.calls.push('exit');
    this.exitCodes.push(code);
  }
}

export const app = new FakeApp();
export const BrowserWindow = FakeBrowserWindow;

export const ipcMain = {
  handlers: new Map<string, InvokeHandler>(),
  handle(channel: string, handler: InvokeHandler): void {
    if (this.handlers.has(channel))
      throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  },
};

export const session = {
  defaultSession: {
    permissionRequestHandler: null as PermissionRequestHandler | null,
    permissionCheckHandler: null as PermissionCheckHandler | null,
    devicePermissionHandler: null as ((details: unknown) => boolean) | null,
    setPermissionRequestHandler(handler: PermissionRequestHandler): void {
      this.permissionRequestHandler = handler;
    },
    setPermissionCheckHandler(handler: PermissionCheckHandler): void {
      this.permissionCheckHandler = handler;
    },
    setDevicePermissionHandler(handler: (details: unknown) => boolean): void {
      this.devicePermissionHandler = handler;
    },
  },
};

export const protocol = {
  privileged: [] as { scheme: string; privileges: Record<string, boolean> }[],
  handlers: new Map<string, ProtocolHandler>(),
  /** Electron allows this only before the app is ready. */
  registeredBeforeReady: null as boolean | null,
  registerSchemesAsPrivileged(schemes: { scheme: string; privileges: Record<string, boolean> }[]) {
    this.registeredBeforeReady = !app.calls.includes('whenReady');
    this.privileged.push(...schemes);
  },
  handle(scheme: string, handler: ProtocolHandler): void {
    if (this.handlers.has(scheme)) throw new Error(`The scheme ${scheme} is already handled.`);
    this.handlers.set(scheme, handler);
  },
};

export const shell = {
  opened: [] as string[],
  openExternal(url: string): Promise<void> {
    this.opened.push(url);
    return Promise.resolve();
  },
};

export const dialog = {
  errors: [] as { title: string; content: string }[],
  messages: [] as { window: unknown; options: Record<string, unknown> }[],
  /** The button the user "clicks" in the next message box. */
  response: 1,
  showErrorBox(title: string, content: string): void {
    this.errors.push({ title, content });
  },
  showMessageBox(
    windowOrOptions: unknown,
    options?: Record<string, unknown>,
  ): Promise<{ response: number }> {
    const [window, opts] = options ? [windowOrOptions, options] : [null, windowOrOptions];
    this.messages.push({ window, options: opts as Record<string, unknown> });
    return Promise.resolve({ response: this.response });
  },
  showMessageBoxSync(window: unknown, options: Record<string, unknown>): number {
    this.messages.push({ window, options });
    return this.response;
  },
};

/**
 * Electron's safeStorage, as the operating system's keyring would behave: a
 * string is encrypted (AES-256-GCM) under a secret the "keyring" holds for
 * this process, so what is written to disk cannot be read back without it.
 * A test chooses what the platform offers: `backend` is what
 * getSelectedStorageBackend() answers on Linux ('basic_text' where there is
 * no keyring), `available` what isEncryptionAvailable() answers.
 */
export const safeStorage = {
  backend: 'gnome_libsecret' as string,
  available: true,
  keyringSecret: randomBytes(32),
  wrapped: 0,
  isEncryptionAvailable(): boolean {
    return this.available;
  },
  getSelectedStorageBackend(): string {
    return this.backend;
  },
  encryptString(plain: string): Buffer {
    if (!this.available) throw new Error('Encryption is not available.');
    this.wrapped += 1;
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.keyringSecret, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]);
  },
  decryptString(wrapped: Buffer): string {
    if (!this.available) throw new Error('Decryption is not available.');
    const decipher = createDecipheriv('aes-256-gcm', this.keyringSecret, wrapped.subarray(0, 12));
    decipher.setAuthTag(wrapped.subarray(12, 28));
    return Buffer.concat([decipher.update(wrapped.subarray(28)), decipher.final()]).toString(
      'utf8',
    );
  },
};

/** Forgets everything recorded, as if Electron had just started. */
export function resetFakeElectron(userData = '/nonexistent'): void {
  app.removeAllListeners();
  app.lockGranted = true;
  app.userData = userData;
  app.calls.length = 0;
  app.exitCodes.length = 0;
  app.switches.clear();
  FakeBrowserWindow.instances.length = 0;
  ipcMain.handlers.clear();
  app.isPackaged = false;
  session.defaultSession.permissionRequestHandler = null;
  session.defaultSession.permissionCheckHandler = null;
  session.defaultSession.devicePermissionHandler = null;
  protocol.privileged.length = 0;
  protocol.handlers.clear();
  protocol.registeredBeforeReady = null;
  shell.opened.length = 0;
  dialog.errors.length = 0;
  dialog.messages.length = 0;
  dialog.response = 1;
  safeStorage.backend = 'gnome_libsecret';
  safeStorage.available = true;
  safeStorage.wrapped = 0;
}

export default { app, BrowserWindow, ipcMain, protocol, session, shell, dialog, safeStorage };
