import { describe, expect, it } from 'vitest';
import { batchCsv, type BatchPaymentRow } from '../../../src-main/documents/expense-batch-xlsx';

const row = (over: Partial<BatchPaymentRow> = {}): BatchPaymentRow => ({
  payee: 'Maureen Ashby',
  reference: 'EXP-2026-00001',
  amountPence: 1240,
  costCode: 'INV-200',
  method: 'Bank transfer',
  accountName: 'Mrs M Ashby',
  sortCode: '20-00-00',
  accountNumber: '12345678',
  ...over,
});

describe('the batch as CSV for finance', () => {
  it('writes pounds to two places and a total line', () => {
    const lines = batchCsv([row(), row({ amountPence: 5 })]).split('\r\n');
    expect(lines[1]).toBe(
      'Maureen Ashby,EXP-2026-00001,12.40,INV-200,Bank transfer,Mrs M Ashby,20-00-00,12345678',
    );
    expect(lines[2]).toContain(',0.05,');
    expect(lines[3]).toBe('Total,2 payments,12.45,,,,,');
  });
  it('quotes commas and quotes, and never lets a cell start a formula', () => {
    const [, line] = batchCsv([
      row({ payee: 'Ashby, "Mo"', accountName: '=HYPERLINK("x")' }),
    ]).split('\r\n');
    expect(line).toContain('"Ashby, ""Mo"""');
    expect(line).toContain(`"'=HYPERLINK(""x"")"`);
  });
});
