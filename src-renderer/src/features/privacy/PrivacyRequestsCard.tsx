import { Link } from 'react-router';
import { privacyRequestKindLabels } from '../../../../src-shared/domain/privacy';
import { useApiQuery } from '../../api/hooks';
import { formatDate } from '../../components/format';
import { useCan } from '../../session';

/** Home: requests from customers about their data that are overdue or due within a week. */
export function PrivacyRequestsCard() {
  const canHandle = useCan('privacy.read');
  const attention = useApiQuery('privacy.attention', {}, { enabled: canHandle });
  if (!canHandle || !attention.data?.length) return null;
  return (
    <section className="panel attention__card" aria-labelledby="attention-privacy">
      <h2 id="attention-privacy">Requests about people’s data</h2>
      <ul className="attention__list">
        {attention.data.map((r) => (
          <li key={r.id}>
            <span className={`badge badge--${r.state === 'overdue' ? 'red' : 'amber'}`}>
              {r.state === 'overdue' ? 'Overdue' : `Due in ${r.daysLeft} days`}
            </span>{' '}
            {privacyRequestKindLabels[r.kind]} for {r.customerName}, due {formatDate(r.dueOn)}
          </li>
        ))}
      </ul>
      <Link to="/settings/privacy">Retention and requests</Link>
    </section>
  );
}
