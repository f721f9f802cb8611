import { sql } from 'kysely';
import type { ClaimStatus, ClaimSummary, LineCheck } from '../../../src-shared/domain/expenses';
import type { CallContext } from '../context';

type Db = CallContext['db'];

/** The claims list's columns, joined once for every list (queue, claims, batch). */
export function summaryQuery(db: Db) {
  return db
    .selectFrom('expense_claims as c')
    .innerJoin('customers as p', 'p.id', 'c.customer_id')
    .leftJoin('staff as s', 's.id', 'c.entered_by')
    .where('c.deleted_at', 'is', null)
    .select([
      'c.id',
      'c.reference',
      'c.customer_id',
      'p.first_name',
      'p.last_name',
      'p.preferred_name',
      'c.status',
      'c.total_pence',
      'c.first_line_on',
      'c.submitted_at',
      'c.paid_on',
      'c.stop_count',
      'c.ask_count',
      's.name as entered_by_name',
      sql<number>`(SELECT count(*) FROM expense_lines l WHERE l.claim_id = c.id AND l.deleted_at IS NULL)`.as(
        'line_count',
      ),
    ]);
}

export type SummaryRow = Awaited<ReturnType<ReturnType<typeof summaryQuery>['execute']>>[number];

export function customerName(r: {
  first_name: string;
  last_name: string;
  preferred_name: string | null;
}): string {
  return `${r.preferred_name && r.preferred_name !== r.first_name ? r.preferred_name : r.first_name} ${r.last_name}`;
}

export function toSummary(r: SummaryRow): ClaimSummary {
  return {
    id: r.id,
    reference: r.reference,
    customerId: r.customer_id,
    customerName: customerName(r),
    status: r.status as ClaimStatus,
    totalPence: r.total_pence,
    lineCount: Number(r.line_count),
    firstLineOn: r.first_line_on,
    submittedAt: r.submitted_at,
    paidOn: r.paid_on,
    stopCount: r.stop_count,
    askCount: r.ask_count,
    enteredByName: r.entered_by_name ?? 'Unknown',
  };
}

export function parseChecks(json: string): LineCheck[] {
  return JSON.parse(json) as LineCheck[];
}
