import { parentPort, workerData } from 'node:worker_threads';
import { ApiError } from '../../../src-shared/errors';
import { cpuTasks, type CpuTaskName, type TaskOutput } from './cpu-tasks';

/**
 * One task per worker: load it, then run it for each input sent (most
 * workers get one and are ended; a warm task's worker waits, loaded, for the
 * next), reporting progress and sending the bytes back.
 */
const port = parentPort!;
const { task } = workerData as { task: CpuTaskName };

type Run = (
  input: never,
  progress: (done: number, total: number) => void,
) => Promise<Uint8Array | TaskOutput>;

function failed(error: unknown): void {
  // Our own errors (a pack that is not there, a period refused) keep their code and words.
  if (error instanceof ApiError) port.postMessage({ error: error.message, api: error.toBody() });
  else port.postMessage({ error: error instanceof Error ? error.message : String(error) });
}

// Loaded at once, so a warm worker is ready; a failure to load is reported to each call.
const loaded = cpuTasks[task]() as Promise<Run>;
loaded.catch(() => {});

port.on('message', (m: { input: never }) => {
  void (async () => {
    try {
      const run = await loaded;
      const out = await run(m.input, (done, total) =>
        port.postMessage({ progress: { done, total } }),
      );
      const { bytes, facts } = out instanceof Uint8Array ? { bytes: out, facts: {} } : out;
      const copy = new Uint8Array(bytes);
      port.postMessage({ bytes: copy, facts }, [copy.buffer]);
    } catch (error) {
      failed(error);
    }
  })();
});
