import type { IpcMainInvokeEvent } from 'electron';
import { ipcMain } from 'electron';
import { Worker } from 'node:worker_threads';
import type { ApiResult } from '../src-shared/errors';
import { isAppFrame } from './security';

export const API_CHANNEL = 'involvement-desk:api';

/**
 * Starts the backend worker and relays every contract call from the app's own
 * frame to it; resolves once the database is open.
 */
export async function bindApi(
  workerPath: string,
  data: { dbPath: string; dataDir: string },
  appUrl: () => string,
): Promise<Worker> {
  const worker = new Worker(workerPath, { workerData: data });
  const pending = new Map<number, (result: ApiResult<unknown>) => void>();
  let nextId = 1;

  // The relay is bound before the database is open, so the window can show
  // at once: calls made while it opens wait for it, then run in order.
  const opened = new Promise<void>((ready, fail) => {
    worker.once('error', fail);
    worker.on('message', (message: { ready?: true; id?: number; result?: ApiResult<unknown> }) => {
      if (message.ready) return ready();
      if (message.id !== undefined && message.result) {
        pending.get(message.id)?.(message.result);
        pending.delete(message.id);
      }
    });
  });

  ipcMain.handle(
    API_CHANNEL,
    (event: IpcMainInvokeEvent, method: unknown, input: unknown): Promise<ApiResult<unknown>> => {
      const frame = event.senderFrame;
      if (!frame || !isAppFrame(frame.url, appUrl(), frame === event.sender.mainFrame)) {
        return Promise.resolve({
          ok: false,
          error: {
            code: 'forbidden',
            message: 'Calls are accepted only from the app itself.',
            fields: [],
          },
        });
      }
      if (typeof method !== 'string') {
        return Promise.resolve({
          ok: false,
          error: { code: 'invalid', message: 'No method named.', fields: [] },
        });
      }
      return opened.then(
        () => {
          const id = nextId++;
          return new Promise<ApiResult<unknown>>((done) => {
            pending.set(id, done);
            worker.postMessage({ id, method, input });
          });
        },
        (error: unknown) => ({
          ok: false,
          error: {
            code: 'unavailable',
            message: error instanceof Error ? error.message : String(error),
            fields: [],
          },
        }),
      );
    },
  );
  await opened;
  return worker;
}
