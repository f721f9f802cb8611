import { Link } from 'react-router';
import type { Recommendation, TrackerSortKey } from '../../../../src-shared/domain/recommendations';
import {
  managementResponseLabels,
  recommendationStatusLabels,
} from '../../../../src-shared/rules/recommendations';
import { formatDate } from '../../components/format';
import { SortableHeader, type SortState } from '../../components/SortableTable';

/** Recommendations as the tracker and their source's page list them. */
export function RecommendationTable({
  rows,
  caption,
  showResponse = false,
  sort,
  onSort,
}: {
  rows: Recommendation[];
  caption: string;
  showResponse?: boolean;
  /** Given by the tracker, which sorts where the data is; a source's short list stays in order. */
  sort?: SortState<TrackerSortKey>;
  onSort?: (next: SortState<TrackerSortKey>) => void;
}) {
  const header = (key: TrackerSortKey | null, label: string) =>
    key && sort && onSort ? (
      <SortableHeader label={label} sortKey={key} sort={sort} onSort={onSort} />
    ) : (
      <th scope="col">{label}</th>
    );
  return (
    <table className="table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          {header('reference', 'Reference')}
          {header(null, 'Recommendation')}
          {showResponse ? header('response', 'Response') : null}
          {header('owner', 'Owner')}
          {header('due', 'Due')}
          {header('status', 'Status')}
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
