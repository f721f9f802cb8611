import { recordAudit } from '../privacy/audit';
import type { DocumentProps } from '@react-pdf/renderer';
import { createElement, type ReactElement } from 'react';
import type { FileResult } from '../../../src-shared/api/meetings';
import {
  expenseCategoryLabels,
  paymentMethodLabels,
  type Batch,
  type BatchStatus,
  type ExpenseCategory,
  type PaymentMethod,
} from '../../../src-shared/domain/expenses';
import { ApiError } from '../../../src-shared/errors';
import { formatPounds } from '../../../src-shared/rules/expense-money';
import { londonDate, readableDate } from '../../../src-shared/rules/working-days';
import { registerPackFonts } from '../../documents/board-pack/fonts';
import { batchCsv, type BatchPaymentRow } from '../../documents/expense-batch-xlsx';
import { renderPdf } from '../../documents/pdf';
import { RemittanceNote } from '../../documents/remittance-note';
import type { Writer } from '../../changes/writer';
import { allowed, demand, requireActor, writing, type CallContext } from '../context';
import type { JobControl } from '../jobs/jobs';
import { runInWorker } from '../jobs/run-in-worker';
import { readSetting } from '../settings';
import { customerName, summaryQuery, toSummary } from './claim-rows';
import { setClaimStatus } from './claims';
import { shownDetails } from './payment-details';

async function batchRow(db: CallContext['db'] | Writer['trx'], id: string) {
  const row = await db
    .selectFrom('expense_batches')
    .selectAll()
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw ApiError.notFound('The payment batch');
  return row;
}

export async function getBatch(ctx: CallContext, id: string): Promise<Batch> {
  demand(ctx, 'expenses.batches');
  const row = await batchRow(ctx.db, id);
  const claims = (
    await summaryQuery(ctx.db)
      .where('c.batch_id', '=', id)
      .orderBy('p.last_name')
      .orderBy('c.reference')
      .execute()
  ).map(toSummary);
  return {
    id: row.id,
    reference: row.reference,
    status: row.status as BatchStatus,
    paidOn: row.paid_on,
    claimCount: claims.length,
    totalPence: claims.reduce((s, c) => s + c.totalPence, 0),
    createdAt: row.created_at,
    claims,
  };
}

export async function listBatches(ctx: CallContext): Promise<Omit<Batch, 'claims'>[]> {
  demand(ctx, 'expenses.batches');
  const rows = await ctx.db
    .selectFrom('expense_batches as b')
    .leftJoin('expense_claims as c', (j) =>
      j.onRef('c.batch_id', '=', 'b.id').on('c.deleted_at', 'is', null),
    )
    .where('b.deleted_at', 'is', null)
    .groupBy('b.id')
    .select((eb) => [
      'b.id',
      'b.reference',
      'b.status',
      'b.paid_on',
      'b.created_at',
      eb.fn.count<number>('c.id').as('n'),
      eb.fn.coalesce(eb.fn.sum<number>('c.total_pence'), eb.lit(0)).as('total'),
    ])
    .orderBy('b.created_at', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    reference: r.reference,
    status: r.status as BatchStatus,
    paidOn: r.paid_on,
    createdAt: r.created_at,
    claimCount: Number(r.n),
    totalPence: Number(r.total),
  }));
}

/** Gathers approved claims not yet in a batch (all of them, or those chosen) into a new batch. */
export async function createBatch(ctx: CallContext, claimIds: string[] | null): Promise<Batch> {
  demand(ctx, 'expenses.batches');
  const now = ctx.clock.now();
  const id = await writing(ctx, async (w) => {
    let q = w.trx
      .selectFrom('expense_claims')
      .select(['id', 'reference', 'status', 'batch_id'])
      .where('deleted_at', 'is', null);
    q = claimIds
      ? q.where('id', 'in', claimIds.length ? claimIds : [''])
      : q.where('status', '=', 'approved').where('batch_id', 'is', null);
    const claims = await q.orderBy('submitted_at').execute();
    if (claimIds) {
      const wrong = claims.find((c) => c.status !== 'approved' || c.batch_id !== null);
      if (wrong)
        throw ApiError.invalid(
          `Claim ${wrong.reference} cannot go into a batch: only approved claims not already in a batch can.`,
        );
      if (claims.length !== claimIds.length) throw ApiError.notFound('One of the claims');
    }
    if (claims.length === 0)
      throw ApiError.invalid('There are no approved claims waiting for a payment batch.');
    const year = londonDate(now).slice(0, 4);
    const last = await w.trx
      .selectFrom('expense_batches')
      .select('reference')
      .where('reference', 'like', `PAY-${year}-%`)
      .orderBy('reference', 'desc')
      .executeTakeFirst();
    const n = last ? Number(last.reference.slice(9)) + 1 : 1;
    const batchId = await w.create('expense_batches', {
      reference: `PAY-${year}-${String(n).padStart(3, '0')}`,
      status: 'open',
      paid_on: null,
      exported_at: null,
    });
    for (const c of claims) await w.update('expense_claims', c.id, { batch_id: batchId });
    return batchId;
  });
  return getBatch(ctx, id);
}

/** Takes a claim back out of an open batch (finance could not pay it); it stays approved. */
export async function removeFromBatch(ctx: CallContext, claimId: string): Promise<Batch> {
  demand(ctx, 'expenses.batches');
  const batchId = await writing(ctx, async (w) => {
    const claim = await w.trx
      .selectFrom('expense_claims')
      .select(['batch_id', 'status'])
      .where('id', '=', claimId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (!claim?.batch_id) throw ApiError.invalid('This claim is not in a payment batch.');
    const batch = await batchRow(w.trx, claim.batch_id);
    if (batch.status === 'paid')
      throw new ApiError('conflict', 'This batch has been paid: its claims cannot change.');
    await w.update('expense_claims', claimId, { batch_id: null });
    return claim.batch_id;
  });
  return getBatch(ctx, batchId);
}

/** Records that finance paid the batch on a date: its claims become paid and cannot change. */
export async function markBatchPaid(ctx: CallContext, id: string, paidOn: string): Promise<Batch> {
  demand(ctx, 'expenses.batches');
  const today = londonDate(ctx.clock.now());
  if (paidOn > today)
    throw ApiError.invalid('The payment date cannot be in the future.', [
      { path: 'paidOn', message: 'After today.' },
    ]);
  await writing(ctx, async (w) => {
    const batch = await batchRow(w.trx, id);
    if (batch.status === 'paid')
      throw new ApiError(
        'conflict',
        `This batch was already marked paid on ${readableDate(batch.paid_on!)}.`,
      );
    const claims = await w.trx
      .selectFrom('expense_claims')
      .select(['id', 'submitted_at'])
      .where('batch_id', '=', id)
      .where('deleted_at', 'is', null)
      .execute();
    if (claims.length === 0) throw ApiError.invalid('This batch has no claims in it.');
    const early = claims.find((c) => c.submitted_at && paidOn < c.submitted_at.slice(0, 10));
    if (early)
      throw ApiError.invalid('The payment date is before one of its claims was submitted.', [
        { path: 'paidOn', message: 'Too early.' },
      ]);
    await w.update('expense_batches', id, { status: 'paid', paid_on: paidOn });
    for (const c of claims) {
      await setClaimStatus(w, c.id, { status: 'paid', paid_on: paidOn });
      await w.create('expense_claim_events', { claim_id: c.id, kind: 'paid', note: null });
    }
  });
  return getBatch(ctx, id);
}

/** The batch as finance receives it; bank details masked for anyone who may not see them. */
export async function batchPaymentRows(ctx: CallContext, id: string): Promise<BatchPaymentRow[]> {
  demand(ctx, 'expenses.batches');
  // The rows are the batch file for finance: an export of the class, decided as one.
  const visible = allowed(ctx, 'expenses.paymentDetails.export');
  const rows = await ctx.db
    .selectFrom('expense_claims as c')
    .innerJoin('customers as p', 'p.id', 'c.customer_id')
    .leftJoin('customer_payment_details as d', (j) =>
      j.onRef('d.customer_id', '=', 'c.customer_id').on('d.deleted_at', 'is', null),
    )
    .select([
      'c.customer_id',
      'c.reference',
      'c.total_pence',
      'c.cost_code',
      'p.first_name',
      'p.last_name',
      'p.preferred_name',
      'd.method',
      'd.account_name',
      'd.sort_code',
      'd.account_number',
    ])
    .where('c.batch_id', '=', id)
    .where('c.deleted_at', 'is', null)
    .orderBy('p.last_name')
    .orderBy('c.reference')
    .execute();
  return rows.map((r) => {
    const shown = r.method
      ? shownDetails(r.customer_id, { ...r, method: r.method }, visible)
      : null;
    return {
      payee: customerName(r),
      reference: r.reference,
      amountPence: r.total_pence,
      costCode: r.cost_code ?? '',
      method: shown ? paymentMethodLabels[shown.method] : 'Not recorded',
      accountName: shown?.accountName ?? '',
      sortCode: shown?.sortCode ?? '',
      accountNumber: shown?.accountNumber ?? '',
    };
  });
}

export const BATCH_EXPORT_STEPS = [
  'Gathering the payments',
  'Writing the workbook',
  'Saving the files',
];

/** The job's work: the workbook in a worker thread, the CSV beside it; kept whole or not at all. */
export async function exportBatch(
  ctx: CallContext,
  job: JobControl,
  id: string,
): Promise<{ payments: number; totalPence: number }> {
  job.step(BATCH_EXPORT_STEPS[0]!);
  const batch = await batchRow(ctx.db, id);
  const rows = await batchPaymentRows(ctx, id);
  job.step(BATCH_EXPORT_STEPS[1]!, rows.length);
  const { bytes: xlsx } = await runInWorker(job, 'expenses.batch-xlsx', {
    reference: batch.reference,
    rows,
  });
  job.step(BATCH_EXPORT_STEPS[2]!, 2);
  await job.keepFile(
    'xlsx',
    `payment-batch-${batch.reference}.xlsx`,
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    xlsx,
  );
  await job.keepFile(
    'csv',
    `payment-batch-${batch.reference}.csv`,
    'text/csv',
    new TextEncoder().encode(batchCsv(rows)),
  );
  await writing(ctx, (w) =>
    w.update('expense_batches', id, { exported_at: ctx.clock.now().toISOString() }),
  );
  recordAudit(ctx, requireActor(ctx).id, {
    action: 'export',
    what: `Payment batch ${batch.reference}: workbook and CSV for finance`,
    entity: 'expense_batches',
    entityId: id,
    rows: rows.length,
    classes: allowed(ctx, 'expenses.paymentDetails.export') ? ['payment_details'] : [],
  });
  return { payments: rows.length, totalPence: rows.reduce((s, r) => s + r.amountPence, 0) };
}

const longDate = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});

/** A note for one customer of what a paid batch paid them, and how each line was worked out. */
export async function remittanceNote(
  ctx: CallContext,
  batchId: string,
  customerId: string,
): Promise<FileResult> {
  demand(ctx, 'expenses.batches');
  const batch = await batchRow(ctx.db, batchId);
  if (batch.status !== 'paid' || !batch.paid_on)
    throw ApiError.invalid(
      'A remittance note is for a batch that has been paid: mark it paid first.',
    );
  const claims = await ctx.db
    .selectFrom('expense_claims as c')
    .innerJoin('customers as p', 'p.id', 'c.customer_id')
    .select([
      'c.id',
      'c.reference',
      'c.total_pence',
      'p.first_name',
      'p.last_name',
      'p.preferred_name',
    ])
    .where('c.batch_id', '=', batchId)
    .where('c.customer_id', '=', customerId)
    .where('c.deleted_at', 'is', null)
    .orderBy('c.reference')
    .execute();
  if (claims.length === 0) throw ApiError.invalid('This customer has no claims in this batch.');
  const lines = await ctx.db
    .selectFrom('expense_lines as l')
    .leftJoin('activities as a', 'a.id', 'l.activity_id')
    .select([
      'l.claim_id',
      'l.on_date',
      'l.category',
      'l.description',
      'l.explanation',
      'l.allowed_pence',
      'a.title',
    ])
    .where(
      'l.claim_id',
      'in',
      claims.map((c) => c.id),
    )
    .where('l.deleted_at', 'is', null)
    .orderBy('l.position')
    .execute();
  const method = await ctx.db
    .selectFrom('customer_payment_details')
    .select('method')
    .where('customer_id', '=', customerId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  const name = customerName(claims[0]!);
  registerPackFonts();
  const bytes = await renderPdf(
    createElement(RemittanceNote, {
      data: {
        organisation:
          (await readSetting<string | null>(ctx, 'organisation.name', null)) ??
          'Customer involvement',
        customerName: name,
        batchReference: batch.reference,
        paidOn: longDate.format(new Date(`${batch.paid_on}T12:00:00Z`)),
        method: method ? paymentMethodLabels[method.method as PaymentMethod] : 'Payment',
        total: formatPounds(claims.reduce((s, c) => s + c.total_pence, 0)),
        claims: claims.map((c) => ({
          reference: c.reference,
          total: formatPounds(c.total_pence),
          lines: lines
            .filter((l) => l.claim_id === c.id)
            .map((l) => ({
              date: readableDate(l.on_date),
              what: `${expenseCategoryLabels[l.category as ExpenseCategory]}: ${l.description}`,
              activity: l.title,
              explanation: l.explanation,
              amount: formatPounds(l.allowed_pence),
            })),
        })),
        issuedOn: longDate.format(ctx.clock.now()),
      },
    }) as ReactElement<DocumentProps>,
  );
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  return {
    fileName: `remittance-${batch.reference}-${slug}.pdf`,
    mimeType: 'application/pdf',
    data: bytes.toString('base64'),
  };
}
