import type { z } from 'zod';
import type { customerExportInput } from '../../../src-shared/api/customer-transfer';
import type { importCommitInput } from '../../../src-shared/domain/customer-import';
import type { customerTransferJobsApi } from '../../../src-shared/api/customer-transfer-jobs';
import { demand, type CallContext, type HandlersFor } from '../context';
import { exportRegister } from '../customer-export/export';
import { startJob } from '../jobs/jobs';
import { commitImport } from './import';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/*
 * The register's export and import, run as jobs: what they do is the export
 * and import modules' own business; this only runs them through the one jobs
 * facility, so the window shows progress and the backend keeps answering.
 */

export function startCustomerExport(
  ctx: CallContext,
  query: z.output<typeof customerExportInput>,
): string {
  demand(ctx, 'customers.export');
  const steps = ['Writing the workbook', 'Saving the file'];
  return startJob(
    ctx,
    { kind: 'customer-export', title: 'Register export', steps },
    async (job) => {
      job.step(steps[0]!);
      const file = await exportRegister(ctx, query, job);
      job.step(steps[1]!);
      await job.keepFile('workbook', file.fileName, XLSX_MIME, file.bytes);
      return { rows: file.rows };
    },
  );
}

export function startCustomerImport(
  ctx: CallContext,
  input: z.output<typeof importCommitInput>,
): string {
  demand(ctx, 'customers.import');
  const steps = ['Importing the rows'];
  return startJob(
    ctx,
    { kind: 'customer-import', title: `Import of ${input.fileName}`, steps },
    async (job) => {
      // One transaction: all rows or none, so once it begins it runs to its end.
      job.step(steps[0]!, 1, { cancellable: false });
      return commitImport(ctx, input);
    },
  );
}

export const customerTransferJobsHandlers: HandlersFor<typeof customerTransferJobsApi> = {
  'customerTransfer.startExport': async (ctx, input) => ({
    jobId: startCustomerExport(ctx, input),
  }),
  'customerTransfer.startImport': async (ctx, input) => ({
    jobId: startCustomerImport(ctx, input),
  }),
};
