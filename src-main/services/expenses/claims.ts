import type { z } from 'zod';
import type { Page } from '../../../src-shared/domain/common';
import {
  type Claim,
  type ClaimAction,
  type ClaimEvent,
  type ClaimLine,
  type ClaimMove,
  type ClaimStatus,
  type ClaimSummary,
  type DeclarationMethod,
  type EntryMode,
  type ExpenseCategory,
  type Vehicle,
  type claimListInput,
  type claimSaveInput,
  type receiptInput,
} from '../../../src-shared/domain/expenses';
import { ApiError } from '../../../src-shared/errors';
import { milesToTenths } from '../../../src-shared/rules/expense-money';
import { claimEditable, claimMoves, moveRefusal } from '../../../src-shared/rules/expense-workflow';
import { taxYearOf } from '../../../src-shared/rules/tax-year';
import { londonDate } from '../../../src-shared/rules/working-days';
import type { Writer } from '../../changes/writer';
import type { ExpenseClaimRow } from '../../db/schema/expenses';
import { allowed, demand, requireActor, writing, type CallContext } from '../context';
import { readStoredContent, storeContent } from '../files/file-store';
import { budgetWarningFor } from './budgets';
import { parseChecks, summaryQuery, toSummary } from './claim-rows';
import { paymentDetailsFor } from './payment-details';
import { recalculateCustomer } from './recalculate';

export async function claimRow(db: CallContext['db'] | Writer['trx'], id: string) {
  const row = await db
    .selectFrom('expense_claims')
    .selectAll()
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw ApiError.notFound('The claim');
  return row;
}

async function submitters(
  db: CallContext['db'] | Writer['trx'],
  claimId: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom('expense_claim_events')
    .select('updated_by')
    .where('claim_id', '=', claimId)
    .where('kind', 'in', ['submitted', 'resubmitted'])
    .execute();
  return rows.map((r) => r.updated_by);
}

export async function getClaim(ctx: CallContext, id: string): Promise<Claim> {
  const actor = requireActor(ctx);
  const row = await claimRow(ctx.db, id);
  const summary = await summaryQuery(ctx.db).where('c.id', '=', id).executeTakeFirstOrThrow();
  const lineRows = await ctx.db
    .selectFrom('expense_lines as l')
    .leftJoin('activities as a', 'a.id', 'l.activity_id')
    .selectAll('l')
    .select('a.title as activity_title')
    .where('l.claim_id', '=', id)
    .where('l.deleted_at', 'is', null)
    .orderBy('l.position')
    .execute();
  const receipts = await ctx.db
    .selectFrom('expense_receipts')
    .select(['id', 'line_id', 'file_name', 'size_bytes'])
    .where('claim_id', '=', id)
    .where('deleted_at', 'is', null)
    .orderBy('created_at')
    .execute();
  const events = await ctx.db
    .selectFrom('expense_claim_events as e')
    .leftJoin('staff as s', 's.id', 'e.updated_by')
    .select(['e.created_at', 'e.kind', 'e.note', 's.name'])
    .where('e.claim_id', '=', id)
    .where('e.deleted_at', 'is', null)
    .orderBy('e.created_at')
    .execute();
  const group = row.group_id
    ? await ctx.db
        .selectFrom('groups')
        .select('name')
        .where('id', '=', row.group_id)
        .executeTakeFirst()
    : undefined;
  const batch = row.batch_id
    ? await ctx.db
        .selectFrom('expense_batches')
        .select('reference')
        .where('id', '=', row.batch_id)
        .executeTakeFirst()
    : undefined;
  const declared = row.first_line_on
    ? await ctx.db
        .selectFrom('expense_declared_miles')
        .select('miles_tenths')
        .where('customer_id', '=', row.customer_id)
        .where('tax_year', '=', taxYearOf(row.first_line_on).startYear)
        .where('deleted_at', 'is', null)
        .executeTakeFirst()
    : undefined;
  const status = row.status as ClaimStatus;
  const subs = await submitters(ctx.db, id);
  const facts = { enteredBy: row.entered_by, submitters: subs };
  const actions = (Object.keys(claimMoves) as ClaimAction[]).filter(
    (a) =>
      moveRefusal(a, status, actor, facts) === null &&
      allowed(ctx, claimMoves[a].to === 'submitted' ? 'expenses.write' : 'expenses.approve'),
  );
  const lines: ClaimLine[] = lineRows.map((l) => ({
    id: l.id,
    on: l.on_date,
    category: l.category as ExpenseCategory,
    description: l.description,
    activityId: l.activity_id,
    activityTitle: l.activity_title,
    miles: l.miles_tenths === null ? null : l.miles_tenths / 10,
    vehicle: l.vehicle as Vehicle | null,
    passengers: l.passengers,
    amountPence: l.amount_pence,
    priorApproval: l.prior_approval === 1,
    claimedPence: l.claimed_pence,
    allowedPence: l.allowed_pence,
    explanation: l.explanation,
    receipts: receipts
      .filter((r) => r.line_id === l.id)
      .map((r) => ({ id: r.id, fileName: r.file_name, sizeBytes: r.size_bytes })),
  }));
  return {
    ...toSummary(summary),
    updatedAt: row.updated_at,
    entryMode: row.entry_mode as EntryMode,
    enteredBy: row.entered_by,
    groupId: row.group_id,
    groupName: group?.name ?? null,
    costCode: row.cost_code,
    otherMiles: (declared?.miles_tenths ?? 0) / 10,
    notes: row.notes,
    declaration:
      row.declared_on && row.declaration_method
        ? { declaredOn: row.declared_on, method: row.declaration_method as DeclarationMethod }
        : null,
    lines,
    checks: parseChecks(row.checks),
    events: events.map((e): ClaimEvent => ({
      at: e.created_at,
      kind: e.kind as ClaimEvent['kind'],
      byName: e.name ?? 'Unknown',
      note: e.note,
    })),
    batchId: row.batch_id,
    batchReference: batch?.reference ?? null,
    paymentDetails: await paymentDetailsFor(ctx, row.customer_id),
    actions,
    approvalBlockedBecause:
      status === 'submitted' ? moveRefusal('approve', status, actor, facts) : null,
    budgetWarning:
      status === 'submitted' || status === 'approved' ? await budgetWarningFor(ctx, row) : null,
    editable: claimEditable(status) && allowed(ctx, 'expenses.write'),
  };
}

export async function listClaims(
  ctx: CallContext,
  input: z.output<typeof claimListInput>,
): Promise<Page<ClaimSummary>> {
  let q = summaryQuery(ctx.db);
  if (input.status) q = q.where('c.status', '=', input.status);
  if (input.customerId) q = q.where('c.customer_id', '=', input.customerId);
  const total = await ctx.db
    .selectFrom('expense_claims as c')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('c.deleted_at', 'is', null)
    .$if(input.status !== null, (qb) => qb.where('c.status', '=', input.status!))
    .$if(input.customerId !== null, (qb) => qb.where('c.customer_id', '=', input.customerId!))
    .executeTakeFirstOrThrow();
  const rows = await q
    .orderBy('c.created_at', 'desc')
    .limit(input.limit)
    .offset(input.offset)
    .execute();
  return { rows: rows.map(toSummary), total: Number(total.n) };
}

/** The team leader's queue: claims waiting for a decision, oldest first. */
export async function approvalQueue(ctx: CallContext, limit = 200): Promise<ClaimSummary[]> {
  const rows = await summaryQuery(ctx.db)
    .where('c.status', '=', 'submitted')
    .orderBy('c.submitted_at')
    .orderBy('c.id')
    .limit(limit)
    .execute();
  return rows.map(toSummary);
}

async function nextReference(w: Writer, now: Date): Promise<string> {
  const year = londonDate(now).slice(0, 4);
  const last = await w.trx
    .selectFrom('expense_claims')
    .select('reference')
    .where('reference', 'like', `EXP-${year}-%`)
    .orderBy('reference', 'desc')
    .limit(1)
    .executeTakeFirst();
  const n = last ? Number(last.reference.slice(9)) + 1 : 1;
  return `EXP-${year}-${String(n).padStart(5, '0')}`;
}

function refuseUnlessEditable(row: ExpenseClaimRow): void {
  if (!claimEditable(row.status as ClaimStatus))
    throw new ApiError(
      'conflict',
      row.status === 'paid'
        ? 'This claim has been paid: it cannot change.'
        : row.status === 'submitted'
          ? 'This claim is waiting for approval: it cannot change unless the approver queries it.'
          : `This claim is ${row.status}: it cannot change.`,
    );
}

async function checkCustomerAndActivities(
  ctx: CallContext,
  input: z.output<typeof claimSaveInput>,
): Promise<void> {
  const customer = await ctx.db
    .selectFrom('customers')
    .select('id')
    .where('id', '=', input.customerId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!customer)
    throw ApiError.invalid('Choose the customer the claim is for.', [
      { path: 'customerId', message: 'Not on the register.' },
    ]);
  const activityIds = [...new Set(input.lines.map((l) => l.activityId).filter((a) => a !== null))];
  if (activityIds.length) {
    const found = await ctx.db
      .selectFrom('activities')
      .select('id')
      .where('id', 'in', activityIds)
      .where('deleted_at', 'is', null)
      .execute();
    const known = new Set(found.map((a) => a.id));
    const i = input.lines.findIndex((l) => l.activityId !== null && !known.has(l.activityId));
    if (i >= 0)
      throw ApiError.invalid(`Line ${i + 1}: the activity chosen no longer exists.`, [
        { path: `lines.${i}.activityId`, message: 'Choose another activity.' },
      ]);
  }
}

/** Creates or updates a draft (or a queried claim), its lines and the customer's declared miles. */
export async function saveClaim(
  ctx: CallContext,
  input: z.output<typeof claimSaveInput>,
): Promise<Claim> {
  const actor = demand(ctx, 'expenses.write');
  await checkCustomerAndActivities(ctx, input);
  const now = ctx.clock.now();
  const id = await writing(ctx, async (w) => {
    let claimId: string;
    const fields = {
      entry_mode: input.entryMode,
      group_id: input.groupId,
      cost_code: input.costCode,
      notes: input.notes,
      declared_on: input.declaration?.declaredOn ?? null,
      declaration_method: input.declaration?.method ?? null,
    };
    if (input.id) {
      const row = await claimRow(w.trx, input.id);
      refuseUnlessEditable(row);
      if (row.customer_id !== input.customerId)
        throw ApiError.invalid('A claim stays with its customer: start a new claim for another.');
      await w.update('expense_claims', input.id, fields, {
        ...(input.expectedUpdatedAt ? { expectedUpdatedAt: input.expectedUpdatedAt } : {}),
      });
      claimId = input.id;
    } else {
      claimId = await w.create('expense_claims', {
        ...fields,
        reference: await nextReference(w, now),
        customer_id: input.customerId,
        status: 'draft',
        entered_by: actor.id,
        total_pence: 0,
        checks: '[]',
        stop_count: 0,
        ask_count: 0,
        first_line_on: null,
        submitted_at: null,
        decided_at: null,
        batch_id: null,
        paid_on: null,
      });
    }
    await saveLines(w, claimId, (await claimRow(w.trx, claimId)).status, input.lines);
    const firstOn = input.lines.map((l) => l.on).sort()[0] ?? londonDate(now);
    await saveDeclaredMiles(w, input.customerId, taxYearOf(firstOn).startYear, input.otherMiles);
    await recalculateCustomer(w, input.customerId, now);
    return claimId;
  });
  return getClaim(ctx, id);
}

async function saveLines(
  w: Writer,
  claimId: string,
  status: string,
  lines: z.output<typeof claimSaveInput>['lines'],
): Promise<void> {
  const existing = await w.trx
    .selectFrom('expense_lines')
    .select('id')
    .where('claim_id', '=', claimId)
    .where('deleted_at', 'is', null)
    .execute();
  const keep = new Set(lines.map((l) => l.id).filter(Boolean));
  for (const old of existing) {
    if (keep.has(old.id)) continue;
    const receipts = await w.trx
      .selectFrom('expense_receipts')
      .select('id')
      .where('line_id', '=', old.id)
      .where('deleted_at', 'is', null)
      .execute();
    for (const r of receipts) await w.remove('expense_receipts', r.id);
    await w.remove('expense_lines', old.id);
  }
  const known = new Set(existing.map((e) => e.id));
  for (const [position, line] of lines.entries()) {
    const mileage = line.category === 'mileage';
    const values = {
      position,
      on_date: line.on,
      category: line.category,
      description: line.description,
      activity_id: line.activityId,
      miles_tenths: mileage && line.miles !== null ? milesToTenths(line.miles) : null,
      vehicle: mileage ? line.vehicle : null,
      passengers: mileage ? line.passengers : 0,
      amount_pence: mileage ? null : line.amountPence,
      prior_approval: line.priorApproval ? 1 : 0,
    };
    if (line.id && known.has(line.id)) await w.update('expense_lines', line.id, values);
    else if (line.id)
      throw ApiError.invalid(`Line ${position + 1} belongs to another claim.`, [
        { path: `lines.${position}.id`, message: 'Not a line of this claim.' },
      ]);
    else
      await w.create('expense_lines', {
        ...values,
        claim_id: claimId,
        claim_status: status,
        claimed_pence: 0,
        allowed_pence: 0,
        explanation: '',
      });
  }
}

async function saveDeclaredMiles(
  w: Writer,
  customerId: string,
  taxYear: number,
  miles: number,
): Promise<void> {
  const tenths = milesToTenths(miles);
  const row = await w.trx
    .selectFrom('expense_declared_miles')
    .select(['id', 'miles_tenths'])
    .where('customer_id', '=', customerId)
    .where('tax_year', '=', taxYear)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (row) await w.update('expense_declared_miles', row.id, { miles_tenths: tenths });
  else if (tenths > 0)
    await w.create('expense_declared_miles', {
      customer_id: customerId,
      tax_year: taxYear,
      miles_tenths: tenths,
    });
}

/** A draft that was never submitted may be thrown away; anything later stays on record. */
export async function deleteDraft(ctx: CallContext, id: string): Promise<void> {
  demand(ctx, 'expenses.write');
  await writing(ctx, async (w) => {
    const row = await claimRow(w.trx, id);
    if (row.status !== 'draft')
      throw new ApiError('conflict', 'Only a draft can be deleted: this claim is on record.');
    await w.remove('expense_claims', id);
    await recalculateCustomer(w, row.customer_id, ctx.clock.now());
  });
}

/** Moves a claim and keeps its lines' copy of its status in step, in the same write. */
export async function setClaimStatus(
  w: Writer,
  claimId: string,
  patch: Partial<ExpenseClaimRow> & { status: string },
  reason: string | null = null,
): Promise<void> {
  await w.update('expense_claims', claimId, patch, { reason });
  const lines = await w.trx
    .selectFrom('expense_lines')
    .select('id')
    .where('claim_id', '=', claimId)
    .where('deleted_at', 'is', null)
    .execute();
  for (const l of lines) await w.update('expense_lines', l.id, { claim_status: patch.status });
}

/** One step of the workflow, checked by the rules and recorded with who and why. */
export async function moveClaim(ctx: CallContext, move: ClaimMove): Promise<Claim> {
  const actor = demand(
    ctx,
    move.action === 'submit' || move.action === 'resubmit' ? 'expenses.write' : 'expenses.approve',
  );
  const now = ctx.clock.now();
  await writing(ctx, async (w) => {
    const row = await claimRow(w.trx, move.id);
    const subs = await submitters(w.trx, move.id);
    const refusal = moveRefusal(move.action, row.status as ClaimStatus, actor, {
      enteredBy: row.entered_by,
      submitters: subs,
    });
    if (refusal) throw new ApiError('conflict', refusal);
    if (move.action === 'submit' || move.action === 'resubmit') {
      if (!row.declared_on || !row.declaration_method)
        throw ApiError.invalid(
          'Record the customer’s declaration that these costs were actually incurred before submitting.',
          [{ path: 'declaration', message: 'The declaration is needed.' }],
        );
      // The time limit counts back from the day it is first submitted.
      if (move.action === 'submit')
        await w.update('expense_claims', move.id, { submitted_at: now.toISOString() });
      await recalculateCustomer(w, row.customer_id, now);
    }
    const fresh = await claimRow(w.trx, move.id);
    const lineCount = await w.trx
      .selectFrom('expense_lines')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('claim_id', '=', move.id)
      .where('deleted_at', 'is', null)
      .executeTakeFirstOrThrow();
    if (Number(lineCount.n) === 0 && move.action !== 'reject')
      throw ApiError.invalid('Add at least one line before submitting the claim.');
    if (
      (move.action === 'submit' || move.action === 'resubmit' || move.action === 'approve') &&
      fresh.stop_count > 0
    ) {
      const first = parseChecks(fresh.checks).find((c) => c.severity === 'stop');
      throw ApiError.invalid(
        `${fresh.stop_count === 1 ? 'One thing needs' : `${fresh.stop_count} things need`} putting right first. ${first?.message ?? ''}`.trim(),
        parseChecks(fresh.checks)
          .filter((c) => c.severity === 'stop')
          .map((c) => ({ path: `lines.${c.lineIndex}`, message: c.message })),
      );
    }
    const to = claimMoves[move.action].to;
    const patch: Partial<ExpenseClaimRow> & { status: string } = { status: to };
    if (move.action === 'approve' || move.action === 'reject') patch.decided_at = now.toISOString();
    await setClaimStatus(w, move.id, patch, 'note' in move ? move.note : null);
    await w.create('expense_claim_events', {
      claim_id: move.id,
      kind:
        move.action === 'submit' ? 'submitted' : move.action === 'resubmit' ? 'resubmitted' : to,
      note: 'note' in move ? move.note : null,
    });
  });
  return getClaim(ctx, move.id);
}

export async function attachReceipt(
  ctx: CallContext,
  input: z.output<typeof receiptInput>,
): Promise<Claim> {
  demand(ctx, 'expenses.write');
  const line = await ctx.db
    .selectFrom('expense_lines')
    .select(['claim_id'])
    .where('id', '=', input.lineId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!line) throw ApiError.notFound('The claim line');
  refuseUnlessEditable(await claimRow(ctx.db, line.claim_id));
  if (!/^(image\/(jpeg|png|heic|heif|webp)|application\/pdf)$/.test(input.mimeType))
    throw ApiError.invalid('A receipt is a photo (JPEG, PNG, HEIC) or a PDF.', [
      { path: 'mimeType', message: 'Not a photo or PDF.' },
    ]);
  // Stored before the record that cites it: never inside the transaction.
  const stored = storeContent(ctx, input.contentBase64);
  await writing(ctx, async (w) => {
    const claim = await claimRow(w.trx, line.claim_id);
    refuseUnlessEditable(claim);
    await w.create('expense_receipts', {
      claim_id: line.claim_id,
      line_id: input.lineId,
      file_name: input.fileName,
      mime_type: input.mimeType,
      content_hash: stored.hash,
      size_bytes: stored.sizeBytes,
    });
    await recalculateCustomer(w, claim.customer_id, ctx.clock.now());
  });
  return getClaim(ctx, line.claim_id);
}

export async function removeReceipt(ctx: CallContext, id: string): Promise<Claim> {
  demand(ctx, 'expenses.write');
  const receipt = await ctx.db
    .selectFrom('expense_receipts')
    .select(['claim_id'])
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!receipt) throw ApiError.notFound('The receipt');
  await writing(ctx, async (w) => {
    const claim = await claimRow(w.trx, receipt.claim_id);
    refuseUnlessEditable(claim);
    await w.remove('expense_receipts', id);
    await recalculateCustomer(w, claim.customer_id, ctx.clock.now());
  });
  return getClaim(ctx, receipt.claim_id);
}

export async function receiptFile(
  ctx: CallContext,
  id: string,
): Promise<{ fileName: string; mimeType: string; data: string }> {
  const r = await ctx.db
    .selectFrom('expense_receipts')
    .select(['file_name', 'mime_type', 'content_hash'])
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!r) throw ApiError.notFound('The receipt');
  return {
    fileName: r.file_name,
    mimeType: r.mime_type,
    data: readStoredContent(ctx, r.content_hash, r.file_name),
  };
}
