import type { customerTransferApi } from '../../../src-shared/api/customer-transfer';
import type { HandlersFor } from '../context';
import { exportCustomersXlsx } from '../customer-export/export';
import { commitImport, previewImport } from './import';

export const customerTransferHandlers: HandlersFor<typeof customerTransferApi> = {
  'customerTransfer.previewImport': (ctx, input) => previewImport(ctx, input),
  'customerTransfer.commitImport': (ctx, input) => commitImport(ctx, input),
  'customerTransfer.exportXlsx': (ctx, input) => exportCustomersXlsx(ctx, input),
};
