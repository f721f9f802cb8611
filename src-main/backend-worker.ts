import { parentPort, workerData } from 'node:worker_threads';
import { createBackend } from './backend';

/**
 * The backend runs here, off the Electron main process's event loop, so that
 * database work, imports and document generation never freeze the window.
 */
interface Request {
  id: number;
  method: string;
  input: unknown;
}

const port = parentPort!;
const backend = await createBackend(workerData as { dbPath: string; dataDir: string });
port.on('message', (request: Request) => {
  void backend
    .call(request.method, request.input)
    .then((result) => port.postMessage({ id: request.id, result }));
});
port.postMessage({ ready: true });
