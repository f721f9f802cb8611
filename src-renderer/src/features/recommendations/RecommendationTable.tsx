import { Link } from 'react-router';
import type { Recommendation } from '../../../../src-shared/domain/recommendations';
import {
  managementResponseLabels,
  recommendationStatusLabels,
} from '../../../../src-shared/rules/recommendations';
import { formatDate } from '../../components/format';

/** Recommendations as the tracker and their source's page list them. */
export function RecommendationTable({
  rows,
  caption,
  showResponse = false,
}: {
  rows: Recommendation[];
  caption: string;
  showResponse?: boolean;
}) {
  return (
    <table className="table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Reference</th>
          <th scope="col">Recommendation</th>
          {showResponse ? <th scope="col">Response</th> : null}
          <th scope="col">Owner</th>
          <th scope="col">Due</th>
          <th scope="col">Status</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id}>
            <th scope="row">
              <Link to={`/recommendations/${r.id}`}>{r.reference}</Link>
            </th>
            <td>
              {r.text}{' '}
              {r.systemic ? <span className="badge badge--amber">To Board and GARC</span> : null}
            </td>
            {showResponse ? (
              <td>
                {r.managementResponse ? (
                  managementResponseLabels[r.managementResponse]
                ) : (
                  <span className="muted">Awaited</span>
                )}
              </td>
            ) : null}
            <td>{r.owner}</td>
            <td>{formatDate(r.dueDate)}</td>
            <td>
              {recommendationStatusLabels[r.status]}{' '}
              {r.overdue ? <span className="badge badge--red">Overdue</span> : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
