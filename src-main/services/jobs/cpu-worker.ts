import { parentPort, workerData } from 'node:worker_threads';
import { ApiError } from '../../../src-shared/errors';
import { cpuTasks, type CpuTaskName, type TaskOutput } from './cpu-tasks';

/** One task per worker: run it, report progress, send the bytes back, end. */
const port = parentPort!;
const { task, input } = workerData as { task: CpuTaskName; input: never };

try {
  const run = (await cpuTasks[task]()) as (
    input: never,
    progress: (done: number, total: number) => void,
  ) => Promise<Uint8Array | TaskOutput>;
  const out = await run(input, (done, total) => port.postMessage({ progress: { done, total } }));
  const { bytes, facts } = out instanceof Uint8Array ? { bytes: out, facts: {} } : out;
  const copy = new Uint8Array(bytes);
  port.postMessage({ bytes: copy, facts }, [copy.buffer]);
} catch (error) {
  // Our own errors (a pack that is not there, a period refused) keep their code and words.
  if (error instanceof ApiError) port.postMessage({ error: error.message, api: error.toBody() });
  else port.postMessage({ error: error instanceof Error ? error.message : String(error) });
}
