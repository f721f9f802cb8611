/** Reports progress from inside a worker: `done` of `total`. */
export type TaskProgress = (done: number, total: number) => void;

type Task<I> = (input: I, progress: TaskProgress) => Promise<Uint8Array>;

/**
 * The CPU-heavy work that runs in its own worker thread: given plain data
 * (never a database), it returns the bytes of a file. Each task is loaded
 * only in the worker that runs it, so a worker starts with what it needs.
 */
export const cpuTasks = {
  'board-pack.pdf': async () => (await import('../../documents/board-pack/pdf-task')).renderPackPdf,
  'board-pack.xlsx': async () =>
    (await import('../../documents/board-pack/xlsx-task')).writePackXlsx,
  'expenses.batch-xlsx': async () =>
    (await import('../../documents/expense-batch-xlsx')).writeBatchXlsx,
  /** For the jobs facility's own tests: spins the CPU for `ms`, in `steps`, then returns bytes (or fails). */
  'test.spin':
    async (): Promise<Task<{ ms: number; steps: number; fail?: boolean }>> =>
    async (input, progress) => {
      for (let i = 0; i < input.steps; i += 1) {
        const until = performance.now() + input.ms / input.steps;
        while (performance.now() < until) {
          // Busy on purpose: the point is that the backend does not feel it.
        }
        progress(i + 1, input.steps);
      }
      if (input.fail) throw new Error('The test task failed on purpose.');
      return new TextEncoder().encode('spun');
    },
};

export type CpuTaskName = keyof typeof cpuTasks;
export type CpuTaskInput<T extends CpuTaskName> = Parameters<
  Awaited<ReturnType<(typeof cpuTasks)[T]>>
>[0];
