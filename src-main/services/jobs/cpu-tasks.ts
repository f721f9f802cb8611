/** Reports progress from inside a worker: `done` of `total`. */
export type TaskProgress = (done: number, total: number) => void;

/** What a task sends back: bytes, and a few facts about them where the job's result needs them. */
export interface TaskOutput {
  bytes: Uint8Array;
  facts: Record<string, number | string>;
}

type Task<I> = (input: I, progress: TaskProgress) => Promise<Uint8Array | TaskOutput>;

/**
 * The CPU-heavy work that runs in its own worker thread: given plain data,
 * it returns bytes (a file, or JSON). A task that reads the database opens
 * its own read-only connection to the file and never writes. Each task is
 * loaded only in the worker that runs it, so a worker starts with what it
 * needs.
 */
export const cpuTasks = {
  /** A pack's figures, on the worker's own read-only connection to the database (as JSON). */
  'board-pack.figures': async () =>
    (await import('../board-packs/figures-task')).answerFiguresQuestion,
  'board-pack.pdf': async () => (await import('../../documents/board-pack/pdf-task')).renderPackPdf,
  'board-pack.xlsx': async () =>
    (await import('../../documents/board-pack/xlsx-task')).writePackXlsx,
  /** The register as a workbook, read on the worker's own read-only connection. */
  'customers.xlsx': async () => (await import('../customer-export/xlsx-task')).writeRegisterXlsx,
  'expenses.batch-xlsx': async () =>
    (await import('../../documents/expense-batch-xlsx')).writeBatchXlsx,
  /** A subject access pack's PDF, from the data gathered on the backend. */
  'privacy.sar-pdf': async () =>
    (await import('../../documents/subject-access-pack')).renderSubjectAccessPdf,
  /** A verified, encrypted backup written on the worker's own connection (VACUUM INTO). */
  'backups.write': async () => (await import('../backups/write-task')).writeBackup,
  /** A mailing list's mail-merge workbook (recipients, and who is left out and why). */
  'community.mailing-xlsx': async () =>
    (await import('../../documents/mailing-merge')).writeMailingXlsx,
  /** Address labels on the common 21-to-a-sheet A4 layout. */
  'community.address-labels': async () =>
    (await import('../../documents/address-labels')).writeAddressLabels,
  /** The involvement menu as a printable PDF and as a workbook. */
  'community.menu-pdf': async () => (await import('../../documents/involvement-menu')).writeMenuPdf,
  'community.menu-xlsx': async () =>
    (await import('../../documents/involvement-menu-xlsx')).writeMenuXlsx,
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

/**
 * Tasks a screen waits for (a pack's preview), kept loaded in a spare
 * worker so a call does not wait for a worker to start and load its code.
 */
export const warmTasks: readonly CpuTaskName[] = ['board-pack.figures'];
