import { resolve } from 'node:path';
import type { BackendWorkerSpec } from '../../src-main/backend-relay';

const root = resolve(import.meta.dirname, '../..');

/** The backend worker the app ships, run from its TypeScript source. */
export const backendWorkerFromSource: BackendWorkerSpec = {
  path: resolve(root, 'src-main/backend-worker.ts'),
  execArgv: ['--import', 'tsx'],
};

/**
 * The same worker with two extra methods that break it on purpose:
 * `test.exit` ends the thread, `test.throw` throws an uncaught error.
 */
export const breakableBackendWorker: BackendWorkerSpec = {
  path: resolve(root, 'tests/support/breakable-backend-worker.ts'),
  execArgv: ['--import', 'tsx'],
};
