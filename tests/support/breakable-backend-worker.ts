import { parentPort } from 'node:worker_threads';

// Listens before the real backend does, so these requests never reach it and
// the worker goes down before anything could answer them.
parentPort!.on('message', (request: { method?: string }) => {
  if (request.method === 'test.exit') process.exit(7);
  if (request.method === 'test.throw')
    throw new Error('The backend hit a fault it could not handle.');
});

await import('../../src-main/backend-worker');
