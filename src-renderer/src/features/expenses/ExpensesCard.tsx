import { Link } from 'react-router';
import { useApiQuery } from '../../api/hooks';
import { formatCount, formatDate, plural } from '../../components/format';
import { Loading } from '../../components/PageHeader';
import { useCan } from '../../session';

/** Home's expenses card: claims waiting for approval, and customers waiting too long to be paid. */
export function ExpensesCard() {
  const allowed = useCan('expenses.read');
  const leader = useCan('expenses.approve');
  const home = useApiQuery('expenses.home', {}, { enabled: allowed });
  if (!allowed) return null;
  const h = home.data;
  return (
    <section className="panel attention__card" aria-labelledby="attention-expenses">
      <h2 id="attention-expenses">Expenses</h2>
      {!h ? <Loading /> : null}
      {h ? (
        <ul className="attention__list">
          <li>
            <span className={`attention__count badge badge--${h.waiting ? 'amber' : 'green'}`}>
              {formatCount(h.waiting)}
            </span>{' '}
            {plural(h.waiting, 'claim is', 'claims are')} waiting for approval
            {h.oldestWaitingSince ? `, the oldest since ${formatDate(h.oldestWaitingSince)}` : ''}
          </li>
          <li>
            <span
              className={`attention__count badge badge--${h.overdueCustomers.length ? 'red' : 'green'}`}
            >
              {formatCount(h.overdueCustomers.length)}
            </span>{' '}
            {plural(h.overdueCustomers.length, 'customer has', 'customers have')} waited more than{' '}
            {h.targetDays} days to be paid
            {h.overdueCustomers.length ? (
              <ul className="attention__sublist">
                {h.overdueCustomers.slice(0, 5).map((c) => (
                  <li key={c.customerId}>
                    {c.name}: {formatCount(c.days)} days
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        </ul>
      ) : null}
      {leader ? (
        <Link to="/approvals/expenses">Open the approval queue</Link>
      ) : (
        <Link to="/expenses">Open the claims</Link>
      )}
    </section>
  );
}
