import { Link, useSearchParams } from 'react-router';
import { errorMessage } from '../../api/client';
import { useApiQuery } from '../../api/hooks';
import { useToday } from '../../clock';
import { SelectField } from '../../components/Field';
import { formatDate, formatPence } from '../../components/format';
import { Loading, Notice, PageHeader } from '../../components/PageHeader';
import '../../styles/grants.css';

/** Awards whose post-project evaluation has not come in: all of them, or only the overdue. */
export function EvaluationsPage() {
  const [params, setParams] = useSearchParams();
  const which = params.get('show') === 'overdue' ? 'overdue' : 'outstanding';
  const today = useToday();
  const list = useApiQuery('grants.applications', { evaluation: which });
  return (
    <>
      <PageHeader title="Evaluations due" subtitle="Post-project evaluations not yet received" />
      <div className="filters">
        <SelectField
          label="Show"
          value={which}
          options={[
            { value: 'outstanding', label: 'Every evaluation outstanding' },
            { value: 'overdue', label: 'Overdue only' },
          ]}
          onChange={(e) => setParams(e.target.value === 'overdue' ? { show: 'overdue' } : {})}
        />
      </div>
      {list.error ? <Notice tone="error">{errorMessage(list.error)}</Notice> : null}
      {!list.data ? (
        <Loading />
      ) : list.data.length === 0 ? (
        <p className="muted">
          {which === 'overdue' ? 'No evaluation is overdue.' : 'Every evaluation is in.'}
        </p>
      ) : (
        <table className="table">
          <caption className="visually-hidden">Evaluations due</caption>
          <thead>
            <tr>
              <th scope="col">Due</th>
              <th scope="col">Application</th>
              <th scope="col">Applicant</th>
              <th scope="col">Round</th>
              <th scope="col" className="num">
                Awarded
              </th>
              <th scope="col" className="num">
                Paid
              </th>
            </tr>
          </thead>
          <tbody>
            {list.data.map((a) => (
              <tr key={a.id}>
                <td>
                  {formatDate(a.evaluationDueOn)}{' '}
                  {a.evaluationDueOn && a.evaluationDueOn < today ? (
                    <span className="badge badge--red">Overdue</span>
                  ) : null}
                </td>
                <td>
                  <Link to={`/grants/applications/${a.id}#app-evaluation`}>{a.reference}</Link>{' '}
                  {a.projectTitle}
                </td>
                <td>{a.applicantName}</td>
                <td>{a.roundName}</td>
                <td className="num">{formatPence(a.awardPence)}</td>
                <td className="num">{formatPence(a.paidPence)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
