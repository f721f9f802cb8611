import { z } from 'zod';
import { method } from '../contract';
import { customerListInput } from '../domain/customer';
import {
  importCommitInput,
  importFileInput,
  type ImportOutcome,
  type ImportPreview,
} from '../domain/customer-import';

/**
 * The register's filters, without paging: an export has every customer that
 * matches. Equality data (special category data) is left out unless asked
 * for, and only roles that may see it can ask.
 */
export const customerExportInput = customerListInput
  .omit({ offset: true, limit: true })
  .extend({ includeEquality: z.boolean().optional() });

export interface CustomerExportFile {
  fileName: string;
  contentBase64: string;
  rows: number;
}

export const customerTransferApi = {
  /** Reads the file and says what importing it would do; writes nothing. */
  'customerTransfer.previewImport': method(
    importFileInput,
    'customers.import',
  ).returns<ImportPreview>(),
  /** Imports every row in one transaction, or none if any row has a problem. */
  'customerTransfer.commitImport': method(
    importCommitInput,
    'customers.import',
  ).returns<ImportOutcome>(),
  'customerTransfer.exportXlsx': method(
    customerExportInput,
    'customers.export',
  ).returns<CustomerExportFile>(),
} as const;
