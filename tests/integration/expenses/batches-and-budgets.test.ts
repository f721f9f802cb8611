import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultPolicy } from '../../../src-shared/rules/expense-policy';
import { openTestApp, type TestApp } from '../../support/temp-db';
import { claimInput, customer, setUpExpenses } from './helpers';

let app: TestApp;
let s: Awaited<ReturnType<typeof setUpExpenses>>;

beforeEach(async () => {
  app = await openTestApp({ clock: '2026-11-23T10:00:00.000Z' });
  s = await setUpExpenses(app);
  await app.signInAs('team_leader', 'Tess Leader');
  await app.signInAs('administrator', 'Test administrator');
  await app.signInAs('officer', 'Olly Officer');
});
afterEach(() => app.close());

/** An officer enters and submits; the team leader approves. */
async function approvedClaim(customerId = s.customerId, over = {}) {
  await app.signInAs('officer', 'Olly Officer');
  const claim = await app.call('expenses.saveClaim', {
    ...claimInput(customerId, s.meetingId),
    groupId: s.council,
    ...over,
  });
  await app.call('expenses.move', { action: 'submit', id: claim.id });
  await app.signInAs('team_leader', 'Tess Leader');
  return app.call('expenses.move', { action: 'approve', id: claim.id });
}

async function jobFiles(jobId: string) {
  const ctx = await app.ctx();
  const { jobEnded } = await import('../../../src-main/services/jobs/jobs');
  const status = await jobEnded(ctx, jobId);
  expect(status.state, status.failure?.message).toBe('done');
  return {
    xlsx: await app.call('jobs.file', { id: jobId, name: 'xlsx' }),
    csv: await app.call('jobs.file', { id: jobId, name: 'csv' }),
  };
}

describe('payment batches for finance', () => {
  it('gathers approved claims, exports XLSX with a formula total and CSV, and marks them paid', async () => {
    const other = await customer(app, s.landlordId, 'Derek');
    const a = await approvedClaim();
    await app.signInAs('team_leader', 'Tess Leader');
    await app.call('expenses.savePaymentDetails', {
      customerId: s.customerId,
      method: 'bank_transfer',
      accountName: 'M Claimant',
      sortCode: '20-00-00',
      accountNumber: '12345678',
    });
    const b = await approvedClaim(other, {
      lines: [
        {
          on: '2026-11-20',
          category: 'public_transport',
          description: 'Bus, Hartlepool to Stockton',
          activityId: null,
          amountPence: 620,
        },
      ],
      costCode: 'INV-200',
    });
    await app.call('expenses.savePaymentDetails', { customerId: other, method: 'cheque' });

    const batch = await app.call('expenses.createBatch', { claimIds: null });
    expect(batch.reference).toBe('PAY-2026-001');
    expect(batch.claims.map((c) => c.id).sort()).toEqual([a.id, b.id].sort());
    expect(batch.totalPence).toBe(890 + 620);
    await expect(app.call('expenses.createBatch', { claimIds: null })).rejects.toMatchObject({
      message: 'There are no approved claims waiting for a payment batch.',
    });

    const { jobId } = await app.call('expenses.startBatchExport', { id: batch.id });
    const files = await jobFiles(jobId);
    expect(files.xlsx.fileName).toBe('payment-batch-PAY-2026-001.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(files.xlsx.contentBase64, 'base64') as never);
    const sheet = book.worksheets[0]!;
    const rows = sheet.getSheetValues().slice(1) as unknown[][];
    expect(rows[0]!.slice(1)).toEqual([
      'Payee',
      'Reference',
      'Amount',
      'Cost code',
      'Payment method',
      'Account name',
      'Sort code',
      'Account number',
    ]);
    const body = rows.slice(1, 3).map((r) => Array.from({ length: 8 }, (_, i) => r[i + 1] ?? ''));
    expect(body).toContainEqual([
      expect.stringMatching(/^Maureen Claimant/),
      a.reference,
      8.9,
      '',
      'Bank transfer',
      'M Claimant',
      '20-00-00',
      '12345678',
    ]);
    expect(body).toContainEqual([
      expect.stringMatching(/^Derek Claimant/),
      b.reference,
      6.2,
      'INV-200',
      'Cheque',
      '',
      '',
      '',
    ]);
    const total = sheet.getCell('C4').value as { formula: string; result: number };
    expect(total.formula).toBe('SUM(C2:C3)');
    expect(total.result).toBeCloseTo(8.9 + 6.2, 10);
    expect(sheet.getCell('A4').value).toBe('Total');

    const csv = Buffer.from(files.csv.contentBase64, 'base64').toString('utf8').split('\r\n');
    expect(csv[0]).toBe(
      'Payee,Reference,Amount,Cost code,Payment method,Account name,Sort code,Account number',
    );
    expect(csv).toContain(`Total,2 payments,15.10,,,,,`);

    await expect(
      app.call('expenses.markPaid', { id: batch.id, paidOn: '2026-11-24' }),
    ).rejects.toMatchObject({ message: 'The payment date cannot be in the future.' });
    const paid = await app.call('expenses.markPaid', { id: batch.id, paidOn: '2026-11-23' });
    expect(paid.status).toBe('paid');
    expect(paid.claims.every((c) => c.status === 'paid' && c.paidOn === '2026-11-23')).toBe(true);

    const note = await app.call('expenses.remittance', {
      batchId: batch.id,
      customerId: s.customerId,
    });
    const pdf = join(app.dir, 'remittance.pdf');
    writeFileSync(pdf, Buffer.from(note.data, 'base64'));
    const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString();
    expect(text).toContain('Remittance note');
    expect(text).toMatch(/Paid on 23 November 2026 by bank transfer, payment batch PAY-2026-001/);
    expect(text).toContain('Total paid: £8.90');
    expect(text).toContain('12 miles × 45p = £5.40');
    expect(text).toContain('£3.50 as spent');
    expect(text).not.toContain('12345678');
  });

  it('masks bank details in the export for anyone who may not see them', async () => {
    await approvedClaim();
    await app.call('expenses.savePaymentDetails', {
      customerId: s.customerId,
      method: 'bank_transfer',
      accountName: 'M Claimant',
      sortCode: '20-00-00',
      accountNumber: '12345678',
    });
    const batch = await app.call('expenses.createBatch', { claimIds: null });
    const { batchPaymentRows } = await import('../../../src-main/services/expenses/batches');
    const ctx = await app.ctx();
    // Only leaders reach batches at all; the rows still mask for a role without the permission.
    const asCoordinator = { ...ctx, actor: { ...ctx.actor!, role: 'coordinator' as const } };
    await expect(batchPaymentRows(asCoordinator, batch.id)).rejects.toMatchObject({
      code: 'forbidden',
    });
    const rows = await batchPaymentRows(ctx, batch.id);
    expect(rows[0]).toMatchObject({ sortCode: '20-00-00', accountNumber: '12345678' });
    await app.signInAs('officer', 'Olly Officer');
    await expect(app.call('expenses.batches', {})).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('takes only approved claims not already in a batch', async () => {
    await app.signInAs('officer', 'Olly Officer');
    const draft = await app.call('expenses.saveClaim', claimInput(s.customerId, s.meetingId));
    await app.signInAs('team_leader', 'Tess Leader');
    await expect(app.call('expenses.createBatch', { claimIds: [draft.id] })).rejects.toMatchObject({
      message: expect.stringMatching(/only approved claims/),
    });
  });
});

describe('budgets per group or cost code per financial year', () => {
  it('shows spent, committed and remaining, and warns on approval near or over the limit', async () => {
    await app.signInAs('team_leader', 'Tess Leader');
    const budgets = await app.call('expenses.saveBudget', {
      year: 2026,
      groupId: s.council,
      limitPence: 950,
    });
    expect(budgets[0]).toMatchObject({ spentPence: 0, committedPence: 0, remainingPence: 950 });

    await app.signInAs('officer', 'Olly Officer');
    const claim = await app.call('expenses.saveClaim', {
      ...claimInput(s.customerId, s.meetingId),
      groupId: s.council,
    });
    const waiting = await app.call('expenses.move', { action: 'submit', id: claim.id });
    expect(waiting.budgetWarning).toBe(
      'The Customer Council budget for 2026-27 is nearly used: £8.90 of £9.50 spent or committed with this claim, £0.60 left.',
    );
    await app.signInAs('team_leader', 'Tess Leader');
    await app.call('expenses.move', { action: 'approve', id: claim.id });
    expect((await app.call('expenses.budgets', { year: 2026 }))[0]).toMatchObject({
      spentPence: 0,
      committedPence: 890,
      remainingPence: 60,
    });

    await app.signInAs('officer', 'Olly Officer');
    const more = await app.call('expenses.saveClaim', {
      ...claimInput(s.customerId, s.meetingId),
      groupId: s.council,
      lines: [
        {
          on: '2026-11-21',
          category: 'parking',
          description: 'Car park',
          activityId: null,
          amountPence: 500,
        },
      ],
    });
    const over = await app.call('expenses.move', { action: 'submit', id: more.id });
    expect(over.budgetWarning).toMatch(/is over its limit: £13.90 spent or committed/);

    await app.signInAs('team_leader', 'Tess Leader');
    const batch = await app.call('expenses.createBatch', { claimIds: null });
    await app.call('expenses.markPaid', { id: batch.id, paidOn: '2026-11-23' });
    expect((await app.call('expenses.budgets', { year: 2026 }))[0]).toMatchObject({
      spentPence: 890,
      committedPence: 0,
    });
    // A line dated in March belongs to the year before.
    expect(await app.call('expenses.budgets', { year: 2025 })).toEqual([]);
  });
});

describe('the policy is data', () => {
  it('is seeded with HMRC rates and versioned by an administrator; each line uses its date’s version', async () => {
    const seeded = await app.call('expenses.policies', {});
    expect(seeded).toHaveLength(1);
    expect(seeded[0]).toMatchObject({ carFirstPence: 45, carAfterPence: 25, passengerPence: 5 });
    const { id: _id, ...terms } = defaultPolicy;
    await expect(
      app.call('expenses.savePolicy', { ...terms, startsOn: '2026-11-21' }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await app.signInAs('administrator', 'Test administrator');
    const versions = await app.call('expenses.policies', {}).then(async () =>
      app.call('expenses.savePolicy', {
        ...terms,
        startsOn: '2026-11-21',
        name: 'Higher meal cap',
        categories: {
          ...terms.categories,
          meals: { capPence: 1500, needsPriorApproval: false },
        },
      }),
    );
    expect(versions.map((v) => v.startsOn)).toEqual(['2000-04-06', '2026-11-21']);
    await app.signInAs('officer', 'Olly Officer');
    const claim = await app.call('expenses.saveClaim', {
      ...claimInput(s.customerId, s.meetingId),
      lines: [
        {
          on: '2026-11-20',
          category: 'meals',
          description: 'Lunch',
          activityId: null,
          amountPence: 1250,
        },
        {
          on: '2026-11-21',
          category: 'meals',
          description: 'Lunch',
          activityId: null,
          amountPence: 1250,
        },
      ],
    });
    expect(claim.lines.map((l) => [l.allowedPence, l.explanation])).toEqual([
      [1000, 'over the £10.00 meals and subsistence limit: £10.00 allowed of £12.50 claimed'],
      [1250, '£12.50 as spent'],
    ]);
  });
});

describe('Home and the queue', () => {
  it('lists claims waiting oldest first and customers waiting past the target', async () => {
    await app.signInAs('officer', 'Olly Officer');
    const first = await app.call('expenses.saveClaim', claimInput(s.customerId, s.meetingId));
    await app.call('expenses.move', { action: 'submit', id: first.id });
    app.clock.set('2026-12-10T10:00:00.000Z');
    const other = await customer(app, s.landlordId, 'Derek');
    const second = await app.call('expenses.saveClaim', {
      ...claimInput(other, s.meetingId),
      lines: [
        {
          on: '2026-12-09',
          category: 'parking',
          description: 'Car park',
          activityId: null,
          amountPence: 300,
        },
      ],
    });
    await app.call('expenses.move', { action: 'submit', id: second.id });
    const queue = await app.call('expenses.queue', {});
    expect(queue.map((c) => c.id)).toEqual([first.id, second.id]);
    const home = await app.call('expenses.home', {});
    expect(home).toMatchObject({ waiting: 2, targetDays: 14 });
    expect(home.overdueCustomers.map((c) => [c.customerId, c.days])).toEqual([[s.customerId, 17]]);
  });
});
