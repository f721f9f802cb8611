import { Link, useSearchParams } from 'react-router';
import type { GroupListItem } from '../../../../src-shared/api/groups';
import { groupFamilyLabels, groupKindLabels } from '../../../../src-shared/domain/groups';
import { useApiQuery } from '../../api/hooks';
import { errorMessage } from '../../api/client';
import { formatCount } from '../../components/format';
import { Loading, Notice, PageHeader } from '../../components/PageHeader';
import { SortableHeader, sortRows, useSortParam } from '../../components/SortableTable';
import { useCan } from '../../session';
import { CadenceBadge } from './labels';
import { RULE_PROBLEMS_PARAM } from './list-filters';
import '../../styles/groups.css';

const sortKeys = ['name', 'family', 'kind', 'members', 'meetings', 'rules'] as const;
type GroupSortKey = (typeof sortKeys)[number];
const sortValue: Record<GroupSortKey, (g: GroupListItem) => string | number | null> = {
  name: (g) => g.name,
  family: (g) => groupFamilyLabels[g.family],
  kind: (g) => groupKindLabels[g.kind],
  members: (g) => g.members,
  // How far the group is towards its target; groups with no target go last.
  meetings: (g) => (g.cadence.expected ? g.cadence.held / g.cadence.expected : null),
  rules: (g) => g.ruleProblems,
};

export function GroupList() {
  const groups = useApiQuery('groups.list', {});
  const canWrite = useCan('groups.write');
  const [params, setParams] = useSearchParams();
  const onlyBroken = params.get(RULE_PROBLEMS_PARAM) === 'broken';
  const [sort, setSort] = useSortParam(sortKeys, { key: 'name', direction: 'asc' });
  const shown = groups.data
    ? sortRows(
        onlyBroken ? groups.data.filter((g) => g.ruleProblems > 0) : groups.data,
        sort,
        sortValue,
      )
    : [];
  const header = (key: GroupSortKey, label: string, className?: string) => (
    <SortableHeader
      label={label}
      sortKey={key}
      sort={sort}
      onSort={setSort}
      className={className}
    />
  );
  return (
    <>
      <PageHeader
        title="Groups"
        subtitle="Panels, committees and task & finish groups, with their meetings in the last 12 months against target."
        actions={
          canWrite ? (
            <Link className="button" to="/groups/new">
              New group
            </Link>
          ) : null
        }
      />
      {groups.isPending ? <Loading what="Loading groups" /> : null}
      {groups.error ? <Notice tone="error">{errorMessage(groups.error)}</Notice> : null}
      {groups.data ? (
        <div className="panel">
          {onlyBroken ? (
            <p className="groups-filter" role="status">
              Showing the {formatCount(shown.length)}{' '}
              {shown.length === 1 ? 'group that breaks' : 'groups that break'} a membership rule.{' '}
              <button
                type="button"
                className="button button--quiet"
                onClick={() =>
                  setParams(
                    (prev) => {
                      const next = new URLSearchParams(prev);
                      next.delete(RULE_PROBLEMS_PARAM);
                      return next;
                    },
                    { replace: true },
                  )
                }
              >
                Show all groups
              </button>
            </p>
          ) : null}
          <table className="table">
            <caption className="visually-hidden">
              {onlyBroken ? 'Groups that break a membership rule' : 'Groups'}
            </caption>
            <thead>
              <tr>
                {header('name', 'Group')}
                {header('family', 'Family')}
                {header('kind', 'Kind')}
                {header('members', 'Members', 'num')}
                {header('meetings', 'Meetings (last 12 months)')}
                {header('rules', 'Membership rules')}
              </tr>
            </thead>
            <tbody>
              {shown.map((g) => (
                <tr key={g.id}>
                  <th scope="row">
                    <Link to={`/groups/${g.id}`}>{g.name}</Link>
                  </th>
                  <td>{groupFamilyLabels[g.family]}</td>
                  <td>{groupKindLabels[g.kind]}</td>
                  <td className="num">{formatCount(g.members)}</td>
                  <td className="groups-cadence">
                    <CadenceBadge cadence={g.cadence} />
                  </td>
                  <td>
                    {g.ruleProblems === 0 ? (
                      <span className="badge badge--green">Met</span>
                    ) : (
                      <span className="badge badge--red">
                        {formatCount(g.ruleProblems)}{' '}
                        {g.ruleProblems === 1 ? 'problem' : 'problems'}
                      </span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}
