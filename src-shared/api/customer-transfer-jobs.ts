import { method } from '../contract';
import { importCommitInput, type ImportOutcome } from '../domain/customer-import';
import type { JobStarted } from '../domain/jobs';
import { customerExportInput } from './customer-transfer';

/** What the register's export and import jobs return when done (read with `jobs.get`). */
export interface CustomerExportJobResult {
  rows: number;
}
export type CustomerImportJobResult = ImportOutcome;

/** The register's export and import as jobs: each returns the job's id at once. */
export const customerTransferJobsApi = {
  'customerTransfer.startExport': method(
    customerExportInput,
    'customers.export',
  ).returns<JobStarted>(),
  'customerTransfer.startImport': method(
    importCommitInput,
    'customers.import',
  ).returns<JobStarted>(),
} as const;
