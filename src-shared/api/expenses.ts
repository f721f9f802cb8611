import { z } from 'zod';
import { method } from '../contract';
import { idSchema, isoDateSchema, type Page } from '../domain/common';
import {
  budgetInput,
  claimListInput,
  claimMoveInput,
  claimSaveInput,
  paymentDetailsInput,
  policyInput,
  receiptInput,
  type Batch,
  type Budget,
  type Claim,
  type ClaimSummary,
  type ExpensePolicy,
  type ExpensesHome,
  type PaymentDetails,
} from '../domain/expenses';
import type { JobStarted } from '../domain/jobs';
import type { ExpenseFigures } from '../domain/expense-figures';
import type { FileResult } from './meetings';

const byId = z.object({ id: idSchema });

export type BatchSummary = Omit<Batch, 'claims'>;

export const expensesApi = {
  'expenses.policies': method(z.object({}), 'expenses.read').returns<ExpensePolicy[]>(),
  'expenses.savePolicy': method(policyInput, 'expenses.policy').returns<ExpensePolicy[]>(),
  'expenses.claims': method(claimListInput, 'expenses.read').returns<Page<ClaimSummary>>(),
  /** Claims waiting for a decision, oldest first. */
  'expenses.queue': method(z.object({}), 'expenses.read').returns<ClaimSummary[]>(),
  'expenses.claim': method(byId, 'expenses.read').returns<Claim>(),
  'expenses.saveClaim': method(claimSaveInput, 'expenses.write').returns<Claim>(),
  'expenses.deleteDraft': method(byId, 'expenses.write').returns<null>(),
  /** Submit, query, answer and resubmit, approve or reject; the service checks who may. */
  'expenses.move': method(claimMoveInput, 'expenses.write').returns<Claim>(),
  'expenses.attachReceipt': method(receiptInput, 'expenses.write').returns<Claim>(),
  'expenses.removeReceipt': method(byId, 'expenses.write').returns<Claim>(),
  'expenses.receipt': method(byId, 'expenses.read').returns<FileResult>(),
  'expenses.customerActivities': method(
    z.object({ customerId: idSchema }),
    'expenses.read',
  ).returns<{ id: string; title: string; on: string; groupId: string | null }[]>(),
  'expenses.paymentDetails': method(
    z.object({ customerId: idSchema }),
    'expenses.read',
  ).returns<PaymentDetails | null>(),
  'expenses.savePaymentDetails': method(
    paymentDetailsInput,
    'expenses.paymentDetails.write',
  ).returns<PaymentDetails | null>(),
  'expenses.batches': method(z.object({}), 'expenses.batches').returns<BatchSummary[]>(),
  'expenses.batch': method(byId, 'expenses.batches').returns<Batch>(),
  'expenses.createBatch': method(
    z.object({ claimIds: z.array(idSchema).nullable().default(null) }),
    'expenses.batches',
  ).returns<Batch>(),
  'expenses.removeFromBatch': method(
    z.object({ claimId: idSchema }),
    'expenses.batches',
  ).returns<Batch>(),
  'expenses.markPaid': method(
    z.object({ id: idSchema, paidOn: isoDateSchema }),
    'expenses.batches',
  ).returns<Batch>(),
  /** Writes the batch's workbook and CSV as a job; the files are read with `jobs.file`. */
  'expenses.startBatchExport': method(byId, 'expenses.batches').returns<JobStarted>(),
  'expenses.remittance': method(
    z.object({ batchId: idSchema, customerId: idSchema }),
    'expenses.batches',
  ).returns<FileResult>(),
  'expenses.budgets': method(
    z.object({ year: z.number().int().min(2000).max(2100) }),
    'expenses.read',
  ).returns<Budget[]>(),
  'expenses.saveBudget': method(budgetInput, 'expenses.budgets').returns<Budget[]>(),
  'expenses.home': method(z.object({}), 'expenses.read').returns<ExpensesHome>(),
  /** The board packs' figures for a period: spend against budget, time to pay, queries and rejections. */
  'expenses.figures': method(
    z.object({ from: isoDateSchema, to: isoDateSchema }),
    'expenses.read',
  ).returns<ExpenseFigures>(),
} as const;
