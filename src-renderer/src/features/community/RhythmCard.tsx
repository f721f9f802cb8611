import { Link } from 'react-router';
import { useApiQuery } from '../../api/hooks';
import { formatCount, formatDate } from '../../components/format';
import { Loading } from '../../components/PageHeader';
import { useCan } from '../../session';

/** Home's card for the Framework's rhythm: what is due this part of the year, and what was missed. */
export function RhythmCard() {
  const allowed = useCan('community.read');
  const home = useApiQuery('rhythm.home', {}, { enabled: allowed });
  const taras = useApiQuery('taras.list', {}, { enabled: allowed });
  if (!allowed) return null;
  const overdueVisits = taras.data?.filter((t) => t.visitOverdue) ?? [];
  return (
    <section className="panel attention__card" aria-labelledby="attention-rhythm">
      <h2 id="attention-rhythm">Keeping in touch</h2>
      {!home.data ? <Loading /> : null}
      {home.data ? (
        home.data.due.length === 0 ? (
          <p>Everything in the plan is done for now.</p>
        ) : (
          <ul className="attention__list">
            {home.data.due.map((d) => (
              <li key={`${d.key}-${d.dueOn}`}>
                <span className={`badge badge--${d.state === 'overdue' ? 'red' : 'amber'}`}>
                  {d.state === 'overdue' ? 'Missed' : 'Due'}
                </span>{' '}
                {d.name}:{' '}
                {d.state === 'overdue'
                  ? d.missed > 1
                    ? `${d.missed} missed in the last 12 months, the latest due ${formatDate(d.dueOn)}`
                    : `was due ${formatDate(d.dueOn)}`
                  : `due by ${formatDate(d.dueOn)}`}
              </li>
            ))}
          </ul>
        )
      ) : null}
      {taras.data ? (
        <p>
          <span
            className={`attention__count badge badge--${overdueVisits.length ? 'red' : 'green'}`}
          >
            {formatCount(overdueVisits.length)}
          </span>{' '}
          <Link to="/taras">
            resident {overdueVisits.length === 1 ? 'association is' : 'associations are'} overdue
            for the annual support visit
          </Link>
        </p>
      ) : null}
      <Link to="/keeping-in-touch">Open the plan and the mailing lists</Link>
    </section>
  );
}
