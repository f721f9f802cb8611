import { Link } from 'react-router';
import { useApiQuery } from '../../api/hooks';
import { formatDate, formatCount } from '../../components/format';
import { Loading, PageHeader } from '../../components/PageHeader';
import { useCan } from '../../session';
import '../../styles/community.css';

/** Tenant and resident associations: the annual support visit (overdue first) and self-sufficiency. */
export function TarasPage() {
  const taras = useApiQuery('taras.list', {});
  const canWrite = useCan('community.write');
  const overdue = taras.data?.filter((t) => t.visitOverdue).length ?? 0;
  return (
    <>
      <PageHeader
        title="Resident associations"
        subtitle="Tenant and resident associations (TARAs): recognition, the annual support visit, and progress toward running themselves."
        actions={
          canWrite ? (
            <Link className="button" to="/taras/new">
              New association
            </Link>
          ) : null
        }
      />
      {!taras.data ? <Loading what="Loading the associations" /> : null}
      {taras.data ? (
        <section className="panel" aria-labelledby="taras-title">
          <h2 id="taras-title">
            {formatCount(taras.data.length)} associations · {formatCount(overdue)} overdue for a
            support visit
          </h2>
          {taras.data.length === 0 ? <p>No associations are registered yet.</p> : null}
          {taras.data.length ? (
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Association</th>
                  <th scope="col">Area</th>
                  <th scope="col">Recognised</th>
                  <th scope="col">Last support visit</th>
                  <th scope="col">Next visit due</th>
                  <th scope="col">Self-sufficiency</th>
                </tr>
              </thead>
              <tbody>
                {taras.data.map((t) => (
                  <tr key={t.id} className={t.visitOverdue ? 'row--attention' : undefined}>
                    <th scope="row">
                      <Link to={`/taras/${t.id}`}>{t.name}</Link>
                    </th>
                    <td>{t.areaName ?? '—'}</td>
                    <td>
                      {t.recognisedFrom ? `From ${formatDate(t.recognisedFrom)}` : 'Not recognised'}
                      {t.recognisedTo ? (
                        <div className="muted">to {formatDate(t.recognisedTo)}</div>
                      ) : null}
                    </td>
                    <td>{t.lastVisitOn ? formatDate(t.lastVisitOn) : 'None yet'}</td>
                    <td>
                      {formatDate(t.visitDueOn)}{' '}
                      {t.visitOverdue ? (
                        <div>
                          <span className="badge badge--red">
                            {formatCount(t.daysOverdue)} days overdue
                          </span>
                        </div>
                      ) : null}
                    </td>
                    <td>
                      <span className="progress-line">
                        <progress
                          max={100}
                          value={t.percent}
                          aria-label={`${t.name}: criteria met`}
                        />
                        {t.criteriaMet} of {t.criteriaTotal}
                        {t.selfSufficient ? (
                          <span className="badge badge--green">Self-sufficient</span>
                        ) : null}
                      </span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </section>
      ) : null}
    </>
  );
}
