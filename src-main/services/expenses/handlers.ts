import type { expensesApi } from '../../../src-shared/api/expenses';
import type { HandlersFor } from '../context';
import { startJob } from '../jobs/jobs';
import {
  BATCH_EXPORT_STEPS,
  createBatch,
  exportBatch,
  getBatch,
  listBatches,
  markBatchPaid,
  remittanceNote,
  removeFromBatch,
} from './batches';
import { listBudgets, saveBudget } from './budgets';
import {
  approvalQueue,
  attachReceipt,
  deleteDraft,
  getClaim,
  listClaims,
  moveClaim,
  receiptFile,
  removeReceipt,
  saveClaim,
} from './claims';
import { expenseFigures } from './figures';
import { customerActivities, expensesHome } from './home';
import { paymentDetailsFor, savePaymentDetails } from './payment-details';
import { listPolicies, savePolicy } from './policy';

export const expensesHandlers: HandlersFor<typeof expensesApi> = {
  'expenses.policies': (ctx) => listPolicies(ctx),
  'expenses.savePolicy': (ctx, input) => savePolicy(ctx, input),
  'expenses.claims': (ctx, input) => listClaims(ctx, input),
  'expenses.queue': (ctx) => approvalQueue(ctx),
  'expenses.claim': (ctx, input) => getClaim(ctx, input.id),
  'expenses.saveClaim': (ctx, input) => saveClaim(ctx, input),
  'expenses.deleteDraft': async (ctx, input) => {
    await deleteDraft(ctx, input.id);
    return null;
  },
  'expenses.move': (ctx, input) => moveClaim(ctx, input),
  'expenses.attachReceipt': (ctx, input) => attachReceipt(ctx, input),
  'expenses.removeReceipt': (ctx, input) => removeReceipt(ctx, input.id),
  'expenses.receipt': (ctx, input) => receiptFile(ctx, input.id),
  'expenses.customerActivities': (ctx, input) => customerActivities(ctx, input.customerId),
  'expenses.paymentDetails': (ctx, input) => paymentDetailsFor(ctx, input.customerId),
  'expenses.savePaymentDetails': (ctx, input) => savePaymentDetails(ctx, input),
  'expenses.batches': (ctx) => listBatches(ctx),
  'expenses.batch': (ctx, input) => getBatch(ctx, input.id),
  'expenses.createBatch': (ctx, input) => createBatch(ctx, input.claimIds),
  'expenses.removeFromBatch': (ctx, input) => removeFromBatch(ctx, input.claimId),
  'expenses.markPaid': (ctx, input) => markBatchPaid(ctx, input.id, input.paidOn),
  'expenses.startBatchExport': async (ctx, input) => {
    const batch = await getBatch(ctx, input.id);
    const jobId = startJob(
      ctx,
      {
        kind: 'expense-batch',
        title: `Payment batch ${batch.reference}`,
        steps: BATCH_EXPORT_STEPS,
      },
      (job) => exportBatch(ctx, job, input.id),
    );
    return { jobId };
  },
  'expenses.remittance': (ctx, input) => remittanceNote(ctx, input.batchId, input.customerId),
  'expenses.budgets': (ctx, input) => listBudgets(ctx, input.year),
  'expenses.saveBudget': (ctx, input) => saveBudget(ctx, input),
  'expenses.home': (ctx) => expensesHome(ctx),
  'expenses.figures': (ctx, input) => expenseFigures(ctx, input.from, input.to),
};
