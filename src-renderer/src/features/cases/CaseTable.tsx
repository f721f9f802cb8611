import { useState } from 'react';
import { Link } from 'react-router';
import type { CaseSortKey, CaseSummary } from '../../../../src-shared/domain/cases';
import { serviceAreas } from '../../../../src-shared/domain/customer';
import { caseStatuses } from '../../../../src-shared/rules/case-lifecycle';
import { formatDate } from '../../components/format';
import { SortableHeader, sortRows, type SortState } from '../../components/SortableTable';
import { useCan } from '../../session';
import { CaseStatusBadge, DueCell } from './labels';

const sortValue: Record<CaseSortKey, (c: CaseSummary) => string | number | null> = {
  reference: (c) => c.reference,
  status: (c) => caseStatuses.indexOf(c.status),
  referred: (c) => c.referredOn,
  complainant: (c) => c.complainantName,
  service: (c) => (c.serviceArea ? serviceAreas.labels[c.serviceArea] : null),
  due: (c) => c.nextDue,
};

/**
 * Cases in a table; officers see the reference and dates only, never who or what.
 * A paged list passes its sort in (the service sorts); a short one sorts here.
 */
export function CaseTable({
  caption,
  cases,
  sort: given,
  onSort,
}: {
  caption: string;
  cases: CaseSummary[];
  sort?: SortState<CaseSortKey>;
  onSort?: (next: SortState<CaseSortKey>) => void;
}) {
  const canOpen = useCan('cases.read');
  const [own, setOwn] = useState<SortState<CaseSortKey>>({ key: 'due', direction: 'asc' });
  const sort = given ?? own;
  const rows = onSort ? cases : sortRows(cases, sort, sortValue);
  if (cases.length === 0) return <p className="muted">None.</p>;
  const header = (key: CaseSortKey, label: string) => (
    <SortableHeader label={label} sortKey={key} sort={sort} onSort={onSort ?? setOwn} />
  );
  return (
    <table className="table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          {header('reference', 'Case')}
          {header('status', 'Status')}
          {header('referred', 'Referred')}
          {canOpen ? header('complainant', 'Complainant') : null}
          {canOpen ? header('service', 'Service') : null}
          {header('due', 'Next deadline')}
        </tr>
      </thead>
      <tbody>
        {rows.map((c) => (
          <tr key={c.id}>
            <th scope="row" className="cases-table__reference">
              {canOpen ? <Link to={`/cases/${c.id}`}>{c.reference}</Link> : c.reference}
            </th>
            <td>
              <CaseStatusBadge status={c.status} />
            </td>
            <td>{formatDate(c.referredOn)}</td>
            {canOpen ? <td>{c.complainantName}</td> : null}
            {canOpen ? <td>{c.serviceArea ? serviceAreas.labels[c.serviceArea] : ''}</td> : null}
            <td>
              <DueCell summary={c} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
