import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { ApiResult } from '../src-shared/errors';
import { API_CHANNEL } from './api-channel';
import type { BackendRelay } from './backend-relay';
import { isAppFrame } from './security';

/** The parts of an invoke event that say who sent it. */
export type CallSender = Pick<IpcMainInvokeEvent, 'senderFrame'> & {
  sender: Pick<IpcMainInvokeEvent['sender'], 'mainFrame'>;
};

/** True only for the app's own page: not one of its iframes, not a page it was navigated to. */
export function isFromAppFrame(event: CallSender, appUrl: string): boolean {
  const frame = event.senderFrame;
  return !!frame && isAppFrame(frame.url, appUrl, frame === event.sender.mainFrame);
}

const notFromApp: ApiResult<never> = {
  ok: false,
  error: { code: 'forbidden', message: 'Calls are accepted only from the app itself.', fields: [] },
};

const noMethod: ApiResult<never> = {
  ok: false,
  error: { code: 'invalid', message: 'No method named.', fields: [] },
};

/** Relays every contract call from the app's own frame to the backend worker. */
export function bindApi(
  ipc: Pick<IpcMain, 'handle'>,
  backend: Pick<BackendRelay, 'call'>,
  appUrl: () => string,
): void {
  ipc.handle(API_CHANNEL, async (event: IpcMainInvokeEvent, method: unknown, input: unknown) => {
    if (!isFromAppFrame(event, appUrl())) return notFromApp;
    if (typeof method !== 'string') return noMethod;
    // Each window has its own signed-in profile.
    return backend.call(method, input, `window-${event.sender.id}`);
  });
}
