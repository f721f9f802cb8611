import type { TaskOutput, TaskProgress } from '../jobs/cpu-tasks';
import { withReadOnlyContext, type ReadSource } from '../jobs/read-only-context';
import { registerWorkbook, type RegisterExportInput } from './export';

export interface RegisterXlsxInput {
  source: ReadSource;
  query: RegisterExportInput;
}

/** The register's workbook, in a worker thread on its own read-only connection. */
export function writeRegisterXlsx(
  input: RegisterXlsxInput,
  progress: TaskProgress,
): Promise<TaskOutput> {
  return withReadOnlyContext(input.source, async (ctx) => {
    progress(0, 1);
    const file = await registerWorkbook(ctx, input.query);
    progress(1, 1);
    return { bytes: file.bytes, facts: { rows: file.rows, fileName: file.fileName } };
  });
}
