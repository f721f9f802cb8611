import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { IpcMainInvokeEvent } from 'electron';
import {
  backendStoppedError,
  startBackend,
  type BackendRelay,
} from '../../../src-main/backend-relay';
import { API_CHANNEL } from '../../../src-main/api-channel';
import { bindApi } from '../../../src-main/ipc';
import type { ApiResult } from '../../../src-shared/errors';
import {
  backendWorkerFromSource,
  breakableBackendWorker,
} from '../../support/backend-worker-source';
import { openTestFile, tempDir, TEST_KEY } from '../../support/temp-db';

// Each worker loads the whole backend from source: allow for a busy machine.
const slow = { timeout: 90_000 };

const appUrl = 'file:///opt/Involvement%20Desk/resources/app/out/renderer/index.html';

type Handler = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<ApiResult<unknown>>;

/** Records what the relay registers with ipcMain, so a test can invoke it as a window would. */
function recordingIpc() {
  const handlers = new Map<string, Handler>();
  return {
    handlers,
    handle(channel: string, handler: Handler) {
      handlers.set(channel, handler);
    },
  };
}

/** An invoke event from a frame at `url`; `subFrame` makes it an iframe of the app's page. */
function eventFrom(url: string | null, options: { subFrame?: boolean } = {}): IpcMainInvokeEvent {
  const mainFrame = { url: appUrl };
  const senderFrame = url === null ? null : options.subFrame ? { url } : mainFrame;
  if (senderFrame && !options.subFrame) mainFrame.url = url!;
  return { senderFrame, sender: { mainFrame } } as unknown as IpcMainInvokeEvent;
}

describe('the backend worker behind the window', slow, () => {
  const folder = tempDir();
  const dbPath = join(folder.dir, 'desk.sqlite');
  let backend: BackendRelay;
  const ipc = recordingIpc();

  beforeAll(async () => {
    backend = await startBackend(backendWorkerFromSource, {
      dbPath,
      dataDir: folder.dir,
      key: TEST_KEY,
    });
    bindApi(ipc, backend, () => appUrl);
  }, slow.timeout);

  afterAll(async () => {
    await backend?.close();
    folder.cleanup();
  });

  const invoke = (event: IpcMainInvokeEvent, method: unknown, input?: unknown) =>
    ipc.handlers.get(API_CHANNEL)!(event, method, input);

  it('carries a call from the app page to the worker and its value back', async () => {
    const created = await invoke(eventFrom(`${appUrl}#/staff`), 'staff.create', {
      name: 'Priya Shah',
      role: 'administrator',
      email: 'priya.shah@example.org',
    });
    expect(created).toMatchObject({
      ok: true,
      value: { name: 'Priya Shah', role: 'administrator' },
    });

    const listed = await invoke(eventFrom(appUrl), 'staff.list', {});
    expect(listed.ok && (listed.value as { name: string }[]).map((s) => s.name)).toEqual([
      'Priya Shah',
    ]);

    // The worker wrote the real file the window's database lives in.
    const file = openTestFile(dbPath, { readonly: true });
    try {
      expect(file.prepare('SELECT name FROM staff').all()).toEqual([{ name: 'Priya Shah' }]);
    } finally {
      file.close();
    }
  });

  it('brings a typed error back as the envelope, with its code and fields', async () => {
    const invalid = await invoke(eventFrom(appUrl), 'staff.create', {
      name: '',
      role: 'administrator',
      email: 'not an email',
    });
    expect(invalid.ok).toBe(false);
    if (invalid.ok) return;
    expect(invalid.error.code).toBe('invalid');
    expect(invalid.error.fields.map((f) => f.path).sort()).toEqual(['email', 'name']);
    expect(invalid.error.message).toMatch(/2 fields need attention/);

    expect(await invoke(eventFrom(appUrl), 'customers.frobnicate', {})).toEqual({
      ok: false,
      error: {
        code: 'not_found',
        message: 'The app has no action called "customers.frobnicate".',
        fields: [],
      },
    });
    expect(await invoke(eventFrom(appUrl), 42, {})).toMatchObject({
      ok: false,
      error: { code: 'invalid' },
    });
  });

  it('refuses calls from any frame that is not the app page, before they reach the worker', async () => {
    const refused = {
      ok: false,
      error: {
        code: 'forbidden',
        message: 'Calls are accepted only from the app itself.',
        fields: [],
      },
    };
    const strangers = [
      eventFrom('https://evil.example/'),
      eventFrom('file:///tmp/downloaded.html'),
      eventFrom(appUrl, { subFrame: true }),
      eventFrom(null),
    ];
    for (const event of strangers) {
      expect(
        await invoke(event, 'staff.create', { name: 'Intruder', role: 'administrator' }),
      ).toEqual(refused);
    }
    const listed = await invoke(eventFrom(appUrl), 'staff.list', {});
    expect(listed.ok && (listed.value as { name: string }[]).map((s) => s.name)).toEqual([
      'Priya Shah',
    ]);
  });
  // Last: it stops the worker the other cases share.
  it('does not count a deliberate close as a failure', async () => {
    await backend.close();
    expect(await backend.stopped).toMatchObject({ unexpected: false });
    expect(await backend.call('staff.list', {})).toEqual({ ok: false, error: backendStoppedError });
  });
});

describe('when the worker stops', slow, () => {
  let cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
    cleanups = [];
  });

  async function startBreakable(): Promise<BackendRelay> {
    const folder = tempDir();
    const backend = await startBackend(breakableBackendWorker, {
      dbPath: join(folder.dir, 'desk.sqlite'),
      dataDir: folder.dir,
      key: TEST_KEY,
    });
    cleanups.push(folder.cleanup, () => backend.close());
    return backend;
  }

  const unavailable = { ok: false, error: backendStoppedError };

  it('answers the calls it was waiting on, and every later one, when the worker exits', async () => {
    const backend = await startBreakable();
    expect(await backend.call('staff.list', {})).toEqual({ ok: true, value: [] });

    const [exiting, waiting] = await Promise.all([
      backend.call('test.exit', {}),
      backend.call('staff.list', {}),
    ]);
    expect(waiting).toEqual(unavailable);
    expect(exiting).toEqual(unavailable);
    expect(await backend.stopped).toEqual({
      unexpected: true,
      reason: 'The backend stopped with exit code 7.',
    });
    expect(await backend.call('staff.list', {})).toEqual(unavailable);
    expect(backendStoppedError.message).toMatch(/may not have been saved.*Restart/);
  });

  it('reports an uncaught error in the worker the same way, with its message', async () => {
    const backend = await startBreakable();
    expect(await backend.call('test.throw', {})).toEqual(unavailable);
    expect(await backend.stopped).toEqual({
      unexpected: true,
      reason: 'The backend hit a fault it could not handle.',
    });
  });

  it('says why when the worker cannot open the database at all', async () => {
    const folder = tempDir();
    cleanups.push(folder.cleanup);
    const dbPath = join(folder.dir, 'notes.sqlite');
    writeFileSync(dbPath, 'These are my meeting notes, not a database.');
    await expect(
      startBackend(backendWorkerFromSource, { dbPath, dataDir: folder.dir, key: TEST_KEY }),
    ).rejects.toThrow(/encrypted with another key.*left untouched/);
  });
});
