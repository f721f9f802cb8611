import { Link } from 'react-router';
import { groupFamilyLabels, groupKindLabels } from '../../../../src-shared/domain/groups';
import { useApiQuery } from '../../api/hooks';
import { errorMessage } from '../../api/client';
import { Loading, Notice, PageHeader } from '../../components/PageHeader';
import { useCan } from '../../session';
import { CadenceBadge } from './labels';
import '../../styles/groups.css';

export function GroupList() {
  const groups = useApiQuery('groups.list', {});
  const canWrite = useCan('groups.write');
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
          <table className="table">
            <caption className="visually-hidden">Groups</caption>
            <thead>
              <tr>
                <th scope="col">Group</th>
                <th scope="col">Family</th>
                <th scope="col">Kind</th>
                <th scope="col" className="num">
                  Members
                </th>
                <th scope="col">Meetings (last 12 months)</th>
                <th scope="col">Membership rules</th>
              </tr>
            </thead>
            <tbody>
              {groups.data.map((g) => (
                <tr key={g.id}>
                  <th scope="row">
                    <Link to={`/groups/${g.id}`}>{g.name}</Link>
                  </th>
                  <td>{groupFamilyLabels[g.family]}</td>
                  <td>{groupKindLabels[g.kind]}</td>
                  <td className="num">{g.members}</td>
                  <td className="groups-cadence">
                    <CadenceBadge cadence={g.cadence} />
                  </td>
                  <td>
                    {g.ruleProblems === 0 ? (
                      <span className="badge badge--green">Met</span>
                    ) : (
                      <span className="badge badge--red">
                        {g.ruleProblems} {g.ruleProblems === 1 ? 'problem' : 'problems'}
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
