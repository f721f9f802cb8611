import { Link, useSearchParams } from 'react-router';
import { claimStatusLabels, type ClaimStatus } from '../../../../src-shared/domain/expenses';
import { errorMessage } from '../../api/client';
import { useApiQuery } from '../../api/hooks';
import { SelectField } from '../../components/Field';
import { formatCount, formatDate, formatPence } from '../../components/format';
import { Loading, Notice, PageHeader } from '../../components/PageHeader';
import { useCan } from '../../session';
import { statusOptions, statusTone } from './labels';
import '../../styles/expenses.css';

/** Every claim, newest first; the status filter lives in the address so Home can link to it. */
export function ClaimsList() {
  const [params, setParams] = useSearchParams();
  const status = (params.get('status') as ClaimStatus | null) || null;
  // A customer's record links here for all of their claims.
  const customerId = params.get('customer') || null;
  const list = useApiQuery('expenses.claims', { status, customerId, limit: 200 });
  const leader = useCan('expenses.approve');
  const batches = useCan('expenses.batches');
  return (
    <>
      <PageHeader
        title="Expenses claims"
        subtitle="Actual out-of-pocket costs, paid back"
        actions={
          <>
            <Link className="button" to="/expenses/new">
              New claim
            </Link>
            {leader ? (
              <Link className="button button--secondary" to="/approvals/expenses">
                Approval queue
              </Link>
            ) : null}
            {batches ? (
              <Link className="button button--secondary" to="/expenses/batches">
                Payment batches
              </Link>
            ) : null}
            <Link className="button button--secondary" to="/expenses/budgets">
              Budgets
            </Link>
          </>
        }
      />
      <div className="filters">
        <SelectField
          label="Status"
          value={status ?? ''}
          placeholder="All claims"
          options={statusOptions}
          onChange={(e) => {
            const next = new URLSearchParams(params);
            if (e.target.value) next.set('status', e.target.value);
            else next.delete('status');
            setParams(next);
          }}
        />
        {customerId ? (
          <p>
            {list.data?.rows[0]?.customerName ?? 'One customer'}’s claims.{' '}
            <Link to={status ? `/expenses?status=${status}` : '/expenses'}>Show everyone’s</Link>
          </p>
        ) : null}
      </div>
      {list.error ? <Notice tone="error">{errorMessage(list.error)}</Notice> : null}
      {!list.data ? (
        <Loading what="Loading the claims" />
      ) : (
        <>
          <p className="muted">{formatCount(list.data.total)} claims</p>
          <table className="table">
            <caption className="visually-hidden">Expenses claims</caption>
            <thead>
              <tr>
                <th scope="col">Reference</th>
                <th scope="col">Customer</th>
                <th scope="col">First cost</th>
                <th scope="col">Status</th>
                <th scope="col">Entered by</th>
                <th scope="col" className="num">
                  Total
                </th>
              </tr>
            </thead>
            <tbody>
              {list.data.rows.map((c) => (
                <tr key={c.id}>
                  <td>
                    <Link to={`/expenses/claims/${c.id}`}>{c.reference}</Link>
                  </td>
                  <td>{c.customerName}</td>
                  <td>{formatDate(c.firstLineOn)}</td>
                  <td>
                    <span className={`badge badge--${statusTone[c.status]}`}>
                      {claimStatusLabels[c.status]}
                    </span>
                  </td>
                  <td>{c.enteredByName}</td>
                  <td className="num">{formatPence(c.totalPence)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </>
  );
}
