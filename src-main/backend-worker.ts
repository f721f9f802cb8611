import { parentPort, workerData } from 'node:worker_threads';
import type { ApiResult } from '../src-shared/errors';
import { createBackend } from './backend';
import type { BackendWorkerData } from './backend-relay';

/**
 * The backend runs here, off the Electron main process's event loop, so that
 * database work, imports and document generation never freeze the window.
 */
interface Request {
  id: number;
  method: string;
  input: unknown;
  session?: string;
}

const port = parentPort!;
// The desktop app backs up on its own: at start, then on the organisation's schedule.
const backend = await createBackend({ ...(workerData as BackendWorkerData), autoBackups: {} });
port.on('message', (request: Request) => {
  void backend
    .call(request.method, request.input, { session: request.session })
    .then((result) => reply(request, result));
});
port.postMessage({ ready: true });

function reply(request: Request, result: ApiResult<unknown>): void {
  try {
    port.postMessage({ id: request.id, result });
  } catch (error) {
    // A value that cannot be copied to the main process must not leave the
    // call waiting for ever (and an uncaught throw here would end the worker).
    console.error(`${request.method} returned a value that cannot be sent:`, error);
    port.postMessage({
      id: request.id,
      result: {
        ok: false,
        error: {
          code: 'internal',
          message:
            'The app could not show the result of this action, which may have been saved. Check before you try it again.',
          fields: [],
        },
      },
    });
  }
}
