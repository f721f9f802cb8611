import { Link } from 'react-router';
import type { CaseSummary } from '../../../../src-shared/domain/cases';
import { serviceAreas } from '../../../../src-shared/domain/customer';
import { formatDate } from '../../components/format';
import { useCan } from '../../session';
import { CaseStatusBadge, DueCell } from './labels';

/** Cases in a table; officers see the reference and dates only, never who or what. */
export function CaseTable({ caption, cases }: { caption: string; cases: CaseSummary[] }) {
  const canOpen = useCan('cases.read');
  if (cases.length === 0) return <p className="muted">None.</p>;
  return (
    <table className="table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Case</th>
          <th scope="col">Status</th>
          <th scope="col">Referred</th>
          {canOpen ? <th scope="col">Complainant</th> : null}
          {canOpen ? <th scope="col">Service</th> : null}
          <th scope="col">Next deadline</th>
        </tr>
      </thead>
      <tbody>
        {cases.map((c) => (
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
