import { Link } from 'react-router';
import { claimStatusLabels } from '../../../../src-shared/domain/expenses';
import { errorMessage } from '../../api/client';
import { useApiQuery } from '../../api/hooks';
import { formatCount, formatDate, formatPence } from '../../components/format';
import { Notice } from '../../components/PageHeader';
import { statusTone } from './labels';
import { PaymentDetailsPanel } from './PaymentDetailsPanel';

const SHOWN = 5;

/** A customer's latest expense claims and how they are paid, from their record. */
export function CustomerExpenses({ customerId, name }: { customerId: string; name: string }) {
  const claims = useApiQuery('expenses.claims', { customerId, limit: SHOWN });
  const list = claims.data;
  return (
    <>
      <section className="panel" aria-labelledby="customer-claims">
        <h2 id="customer-claims">Expenses claims</h2>
        {claims.error && !list ? <Notice tone="error">{errorMessage(claims.error)}</Notice> : null}
        {list && list.total === 0 ? <p className="muted">No claims yet.</p> : null}
        {list && list.total > 0 ? (
          <table className="table table--compact">
            <caption className="visually-hidden">{name}’s latest claims</caption>
            <thead>
              <tr>
                <th scope="col">Reference</th>
                <th scope="col">First cost</th>
                <th scope="col">Status</th>
                <th scope="col" className="num">
                  Total
                </th>
              </tr>
            </thead>
            <tbody>
              {list.rows.map((c) => (
                <tr key={c.id}>
                  <th scope="row">
                    <Link to={`/expenses/claims/${c.id}`}>{c.reference}</Link>
                  </th>
                  <td>{formatDate(c.firstLineOn)}</td>
                  <td>
                    <span className={`badge badge--${statusTone[c.status]}`}>
                      {claimStatusLabels[c.status]}
                    </span>
                  </td>
                  <td className="num">{formatPence(c.totalPence)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
        <div className="button-row">
          <Link className="button button--secondary" to={`/expenses/new?customer=${customerId}`}>
            New claim for {name}
          </Link>
          {list && list.total > SHOWN ? (
            <Link to={`/expenses?customer=${customerId}`}>
              All {formatCount(list.total)} of their claims
            </Link>
          ) : null}
        </div>
      </section>
      <PaymentDetailsPanel customerId={customerId} />
    </>
  );
}
