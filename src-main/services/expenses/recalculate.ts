import type { ExpenseCategory, LineCheck, Vehicle } from '../../../src-shared/domain/expenses';
import {
  checkLines,
  duplicateKey,
  type CheckedLine,
} from '../../../src-shared/rules/expense-checks';
import { workOutLine } from '../../../src-shared/rules/expense-lines';
import { taxYearOf } from '../../../src-shared/rules/tax-year';
import { londonDate } from '../../../src-shared/rules/working-days';
import type { Writer } from '../../changes/writer';
import { loadPolicies, policyBook } from './policy';

/** Claims whose amounts are settled: what they paid stays as it was decided. */
const settled = new Set(['approved', 'paid']);

/**
 * Works out again every line of the customer's open claims (draft,
 * submitted, queried) and their checks. The 10,000-mile band runs through
 * all the customer's lines in date order, so a line added to an earlier
 * date moves the band for the open lines after it; settled claims keep
 * their amounts and count their miles. Rejected claims count nothing.
 */
export async function recalculateCustomer(w: Writer, customerId: string, now: Date): Promise<void> {
  const book = policyBook(await loadPolicies(w.trx));
  const today = londonDate(now);
  const lines = await w.trx
    .selectFrom('expense_lines as l')
    .innerJoin('expense_claims as c', 'c.id', 'l.claim_id')
    .where('c.customer_id', '=', customerId)
    .where('c.deleted_at', 'is', null)
    .where('l.deleted_at', 'is', null)
    .where('c.status', '!=', 'rejected')
    .select([
      'l.id',
      'l.claim_id',
      'l.position',
      'l.on_date',
      'l.category',
      'l.description',
      'l.activity_id',
      'l.miles_tenths',
      'l.vehicle',
      'l.passengers',
      'l.amount_pence',
      'l.prior_approval',
      'l.claimed_pence',
      'l.allowed_pence',
      'l.explanation',
      'c.status',
      'c.submitted_at',
    ])
    .orderBy('l.on_date')
    .orderBy('c.created_at')
    .orderBy('l.position')
    .execute();
  const declared = new Map(
    (
      await w.trx
        .selectFrom('expense_declared_miles')
        .select(['tax_year', 'miles_tenths'])
        .where('customer_id', '=', customerId)
        .where('deleted_at', 'is', null)
        .execute()
    ).map((d) => [d.tax_year, d.miles_tenths]),
  );

  let year: number | null = null;
  let counted = 0;
  const worked = new Map<string, { claimed: number; allowed: number }>();
  for (const line of lines) {
    const lineYear = taxYearOf(line.on_date).startYear;
    if (lineYear !== year) {
      year = lineYear;
      counted = declared.get(lineYear) ?? 0;
    }
    const isCar = line.category === 'mileage' && (line.vehicle ?? 'car') === 'car';
    if (settled.has(line.status)) {
      if (isCar) counted += line.miles_tenths ?? 0;
      worked.set(line.id, { claimed: line.claimed_pence, allowed: line.allowed_pence });
      continue;
    }
    const policy = book.on(line.on_date) ?? book.current(today);
    const result = workOutLine(
      {
        category: line.category as ExpenseCategory,
        milesTenths: line.miles_tenths,
        vehicle: line.vehicle as Vehicle | null,
        passengers: line.passengers,
        amountPence: line.amount_pence,
      },
      policy,
      counted,
    );
    counted += result.bandTenths;
    worked.set(line.id, { claimed: result.claimedPence, allowed: result.allowedPence });
    await w.update('expense_lines', line.id, {
      claimed_pence: result.claimedPence,
      allowed_pence: result.allowedPence,
      explanation: result.explanation,
    });
  }

  const openClaims = await w.trx
    .selectFrom('expense_claims')
    .select(['id', 'status', 'submitted_at'])
    .where('customer_id', '=', customerId)
    .where('deleted_at', 'is', null)
    .where('status', 'in', ['draft', 'submitted', 'queried'])
    .execute();
  if (openClaims.length === 0) return;
  const attended = new Set(
    (
      await w.trx
        .selectFrom('attendance')
        .select('activity_id')
        .where('customer_id', '=', customerId)
        .where('deleted_at', 'is', null)
        .where((eb) => eb.or([eb('status', 'is', null), eb('status', '=', 'present')]))
        .execute()
    ).map((a) => a.activity_id),
  );
  const receiptCounts = new Map<string, number>();
  for (const r of await w.trx
    .selectFrom('expense_receipts as r')
    .innerJoin('expense_claims as c', 'c.id', 'r.claim_id')
    .select(['r.line_id'])
    .where('c.customer_id', '=', customerId)
    .where('r.deleted_at', 'is', null)
    .execute())
    receiptCounts.set(r.line_id, (receiptCounts.get(r.line_id) ?? 0) + 1);

  for (const claim of openClaims) {
    const own = lines
      .filter((l) => l.claim_id === claim.id)
      .sort((a, b) => a.position - b.position);
    const otherKeys = new Set(
      lines.filter((l) => l.claim_id !== claim.id).map((l) => duplicateKey(lineFacts(l, 0))),
    );
    const checked: CheckedLine[] = own.map((l) => ({
      ...lineFacts(l, receiptCounts.get(l.id) ?? 0),
      claimedPence: worked.get(l.id)?.claimed ?? l.claimed_pence,
    }));
    const checks: LineCheck[] = checkLines(checked, {
      submittedOn: claim.submitted_at ? londonDate(new Date(claim.submitted_at)) : today,
      policyOn: book.on,
      attended,
      otherClaimKeys: otherKeys,
    });
    await w.update('expense_claims', claim.id, {
      total_pence: own.reduce((sum, l) => sum + (worked.get(l.id)?.allowed ?? 0), 0),
      first_line_on: own.reduce<string | null>(
        (min, l) => (min === null || l.on_date < min ? l.on_date : min),
        null,
      ),
      checks: JSON.stringify(checks),
      stop_count: checks.filter((c) => c.severity === 'stop').length,
      ask_count: checks.filter((c) => c.severity === 'ask').length,
    });
  }
}

function lineFacts(
  l: {
    on_date: string;
    category: string;
    description: string;
    activity_id: string | null;
    miles_tenths: number | null;
    claimed_pence: number;
    prior_approval: number;
  },
  receiptCount: number,
): CheckedLine {
  return {
    on: l.on_date,
    category: l.category as ExpenseCategory,
    description: l.description,
    activityId: l.activity_id,
    milesTenths: l.miles_tenths,
    claimedPence: l.claimed_pence,
    receiptCount,
    priorApproval: l.prior_approval === 1,
  };
}
