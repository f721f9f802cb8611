import type { CaseSummary } from '../../../../src-shared/domain/cases';
import { caseStatusLabels, type CaseStatus } from '../../../../src-shared/rules/case-lifecycle';
import { formatDate } from '../../components/format';
import { ExpectedHolidaysNote } from './BankHolidayNotice';

const statusTone: Partial<Record<CaseStatus, string>> = {
  declined: 'badge',
  withdrawn: 'badge',
  closed: 'badge badge--green',
  referred_to_ombudsman: 'badge badge--amber',
};

export function CaseStatusBadge({ status }: { status: CaseStatus }) {
  return <span className={statusTone[status] ?? 'badge'}>{caseStatusLabels[status]}</span>;
}

export function DueCell({
  summary,
}: {
  summary: Pick<CaseSummary, 'nextDue' | 'nextDueLabel' | 'nextDueExpectedHolidays' | 'overdue'>;
}) {
  if (!summary.nextDue) return <span className="muted">Nothing due</span>;
  return (
    <span>
      {summary.nextDueLabel}: {formatDate(summary.nextDue)}
      <ExpectedHolidaysNote shown={summary.nextDueExpectedHolidays} />{' '}
      {summary.overdue ? <span className="badge badge--red">Overdue</span> : null}
    </span>
  );
}
