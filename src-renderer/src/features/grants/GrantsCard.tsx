import { Link } from 'react-router';
import { useApiQuery } from '../../api/hooks';
import { formatCount, formatDate, plural } from '../../components/format';
import { Loading } from '../../components/PageHeader';
import { useCan } from '../../session';

/** Home's fund card: open rounds, decisions waiting, evaluations due soon and overdue. */
export function GrantsCard() {
  const allowed = useCan('grants.read');
  const home = useApiQuery('grants.home', {}, { enabled: allowed });
  if (!allowed) return null;
  const h = home.data;
  const badge = (n: number, tone: string) => (
    <span className={`attention__count badge badge--${n ? tone : 'green'}`}>{formatCount(n)}</span>
  );
  return (
    <section className="panel attention__card" aria-labelledby="attention-grants">
      <h2 id="attention-grants">Community Fund</h2>
      {!h ? <Loading /> : null}
      {h ? (
        <ul className="attention__list">
          <li>
            {badge(h.evaluationsOverdue, 'red')}{' '}
            <Link to="/grants/evaluations?show=overdue">
              {plural(h.evaluationsOverdue, 'evaluation is', 'evaluations are')} overdue
            </Link>
            {h.overdue.length ? (
              <ul className="attention__sublist">
                {h.overdue.slice(0, 5).map((o) => (
                  <li key={o.id}>
                    <Link to={`/grants/applications/${o.id}`}>{o.reference}</Link> {o.projectTitle}:
                    due {formatDate(o.dueOn)}
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
          <li>
            {badge(h.evaluationsDueSoon, 'amber')}{' '}
            {plural(h.evaluationsDueSoon, 'evaluation falls', 'evaluations fall')} due in the next
            four weeks
          </li>
          <li>
            {badge(h.waitingForDecision, 'amber')} eligible{' '}
            {plural(h.waitingForDecision, 'application waits', 'applications wait')} for a decision
            in a closed round
          </li>
          {h.openRounds.map((r) => (
            <li key={r.id}>
              <Link to={`/grants/rounds/${r.id}`}>{r.name}</Link> is open until{' '}
              {formatDate(r.closesOn)}
            </li>
          ))}
        </ul>
      ) : null}
      <Link to="/grants">Open the fund</Link>
    </section>
  );
}
