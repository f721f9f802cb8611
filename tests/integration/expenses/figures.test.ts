import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../../src-shared/api';
import { medianDays, percentileDays } from '../../../src-shared/rules/expense-figures';
import { openTestApp, type TestApp } from '../../support/temp-db';
import { customer, PNG_BASE64 } from './helpers';

let app: TestApp;
let figures: Result<'expenses.figures'>;
let council: string;
let landlordName: string;

const at = (day: string) => app.clock.set(`2026-11-${day}T10:00:00.000Z`);

/**
 * Four claims worked by hand:
 * A (Maureen, Customer Council): 12 miles 540p + parking 350p, submitted 2 Nov, paid 9 Nov (7 days).
 * B (Derek, no group): bus 620p, submitted 3 Nov, paid 23 Nov (20 days).
 * C (Maureen, Customer Council): meal 1250p capped at 1000p, approved, not paid (committed).
 * D (Derek): parking 300p, queried then rejected ("Claimed twice").
 */
beforeAll(async () => {
  app = await openTestApp({ clock: '2026-11-02T10:00:00.000Z' });
  const org = await app.call('organisation.applyTemplate', {});
  landlordName = org.landlords[0]!.name;
  const groups = await app.call('groups.list', {});
  council = groups.find((g) => g.name === 'Customer Council')!.id;
  const maureen = await customer(app, org.landlords[0]!.id, 'Maureen');
  const derek = await customer(app, org.landlords[0]!.id, 'Derek');
  await app.signInAs('team_leader', 'Tess Leader');
  await app.call('expenses.saveBudget', { year: 2026, groupId: council, limitPence: 5000 });
  await app.signInAs('administrator', 'Test administrator');
  await app.signInAs('officer', 'Olly Officer');
  const declaration = { declaredOn: '2026-11-01', method: 'in_person' } as const;
  const claim = async (customerId: string, groupId: string | null, lines: never[]) => {
    const c = await app.call('expenses.saveClaim', {
      customerId,
      entryMode: 'by_officer',
      groupId,
      declaration,
      lines,
    });
    // Receipts for every line: the meal is over the £10 threshold.
    for (const l of c.lines)
      await app.call('expenses.attachReceipt', {
        lineId: l.id,
        fileName: 'receipt.png',
        mimeType: 'image/png',
        contentBase64: PNG_BASE64,
      });
    await app.call('expenses.move', { action: 'submit', id: c.id });
    return c.id;
  };
  const line = (on: string, category: string, extra: object) =>
    ({ on, category, description: 'Cost', activityId: null, ...extra }) as never;
  const a = await claim(maureen, council, [
    line('2026-11-01', 'mileage', { miles: 12, vehicle: 'car' }),
    line('2026-11-01', 'parking', { amountPence: 350 }),
  ]);
  at('03');
  const b = await claim(derek, null, [
    line('2026-11-02', 'public_transport', { amountPence: 620 }),
  ]);
  at('05');
  const c = await claim(maureen, council, [line('2026-11-04', 'meals', { amountPence: 1250 })]);
  const d = await claim(derek, null, [line('2026-11-04', 'parking', { amountPence: 300 })]);
  await app.signInAs('team_leader', 'Tess Leader');
  for (const id of [a, b, c]) await app.call('expenses.move', { action: 'approve', id });
  at('06');
  await app.call('expenses.move', { action: 'query', id: d, note: 'Which car park?' });
  await app.call('expenses.move', { action: 'reject', id: d, note: 'Claimed twice' });
  at('09');
  const first = await app.call('expenses.createBatch', { claimIds: [a] });
  await app.call('expenses.markPaid', { id: first.id, paidOn: '2026-11-09' });
  at('23');
  const second = await app.call('expenses.createBatch', { claimIds: [b] });
  await app.call('expenses.markPaid', { id: second.id, paidOn: '2026-11-23' });
  figures = await app.call('expenses.figures', { from: '2026-11-01', to: '2026-11-30' });
});
afterAll(() => app.close());

describe('expenses figures for the board packs, against hand-worked values', () => {
  it('spends by category, paid and committed, leaving out the rejected claim', () => {
    expect(figures.byCategory.map((r) => [r.key, r.spentPence, r.committedPence])).toEqual([
      ['mileage', 540, 0],
      ['public_transport', 620, 0],
      ['parking', 350, 0],
      ['meals', 0, 1000],
    ]);
    expect(figures.totalSpentPence).toBe(1510);
    expect(figures.totalCommittedPence).toBe(1000);
    expect(figures.totalBudgetPence).toBe(5000);
  });

  it('spends by group against its budget, by landlord and by month', () => {
    expect(
      figures.byGroup.map((r) => [r.label, r.spentPence, r.committedPence, r.budgetPence]),
    ).toEqual([
      ['No group', 620, 0, null],
      ['Customer Council', 890, 1000, 5000],
    ]);
    expect(figures.byLandlord.map((r) => [r.label, r.spentPence, r.committedPence])).toEqual([
      [landlordName, 1510, 1000],
    ]);
    expect(figures.byMonth.map((r) => [r.key, r.spentPence])).toEqual([['2026-11', 1510]]);
  });

  it('counts claims and customers reimbursed, and days from submission to payment', () => {
    expect(figures.claimsReimbursed).toBe(2);
    expect(figures.customersReimbursed).toBe(2);
    expect(figures.daysToPay).toEqual({ claims: 2, median: 13.5, p95: 20 });
  });

  it('counts claims queried and rejected, with the reasons', () => {
    expect(figures.queried).toBe(1);
    expect(figures.rejected).toEqual({
      count: 1,
      reasons: [{ reference: expect.stringMatching(/^EXP-2026-/), reason: 'Claimed twice' }],
    });
  });

  it('leaves out what falls outside the period', async () => {
    const october = await app.call('expenses.figures', { from: '2026-10-01', to: '2026-10-31' });
    expect(october).toMatchObject({ totalSpentPence: 0, claimsReimbursed: 0, queried: 0 });
  });
});

describe('median and 95th percentile as defined', () => {
  it('takes the middle (or the mean of the two middles) and the nearest rank', () => {
    expect(medianDays([])).toBeNull();
    expect(medianDays([5])).toBe(5);
    expect(medianDays([9, 1, 5])).toBe(5);
    expect(medianDays([1, 2, 3, 10])).toBe(2.5);
    const hundred = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentileDays(hundred, 95)).toBe(95);
    expect(percentileDays([3, 1, 2], 95)).toBe(3);
    expect(
      percentileDays(
        Array.from({ length: 20 }, (_, i) => i + 1),
        95,
      ),
    ).toBe(19);
  });
});

describe('the expenses section of a board pack', () => {
  it('shows the same figures in the pack, and in its PDF', async () => {
    await app.signInAs('team_leader', 'Tess Leader');
    const pack = await app.call('boardPacks.create', {
      audience: 'board',
      period: '2026-11-01..2026-11-30',
    });
    await app.call('boardPacks.update', { id: pack.id, sections: ['expenses'] });
    const shown = await app.call('boardPacks.figures', { id: pack.id });
    const section = shown.sections.find((s) => s.key === 'expenses')!;
    expect(section.summary).toBe(
      '£15.10 paid back to 2 customers, with £10.00 approved and waiting to be paid. Half of the claims paid were paid within 13.5 days of being made, and 95% within 20.',
    );
    expect(section.headlines.map((h) => [h.label, h.value])).toEqual([
      ['Paid back', 1510],
      ['Approved, not yet paid', 1000],
      ['Customers paid', 2],
      ['Median days to pay', 13.5],
      ['95th percentile days to pay', 20],
    ]);
    expect(section.notes[0]).toBe(
      '2 claims were paid; 1 was queried and 1 rejected (the reasons are in the table of rejected claims). The budget for the year is £50.00.',
    );
    // The preview carries a detail table's count; the files carry its rows.
    expect(section.tables.find((t) => t.id === 'expenses-rejected')!.rowCount).toBe(1);
    await app.call('boardPacks.update', { id: pack.id, sections: ['expenses', 'appendix'] });
    const { jobId } = await app.call('boardPacks.startExport', { id: pack.id, formats: ['pdf'] });
    const { jobEnded } = await import('../../../src-main/services/jobs/jobs');
    expect((await jobEnded(await app.ctx(), jobId)).state).toBe('done');
    const file = await app.call('jobs.file', { id: jobId, name: 'pdf' });
    const path = join(app.dir, 'pack.pdf');
    writeFileSync(path, Buffer.from(file.contentBase64, 'base64'));
    const text = execFileSync('pdftotext', ['-layout', path, '-']).toString();
    expect(text).toContain('Expenses against budget');
    expect(text).toContain('Customer Council');
    expect(text).toMatch(/EXP-\S+\s+Claimed twice/);
  });
});
