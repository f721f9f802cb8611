import { communicationKindLabels } from '../../../../src-shared/domain/community';
import { useApiQuery } from '../../api/hooks';
import { formatDate } from '../../components/format';
import { Loading } from '../../components/PageHeader';
import { channelLabel } from './labels';

/** On the customer's record: every communication logged against them, newest first. */
export function CommunicationsSection({ customerId }: { customerId: string }) {
  const sent = useApiQuery('mailing.customerCommunications', { customerId });
  return (
    <section className="panel" aria-labelledby="communications-title">
      <h2 id="communications-title">Communications sent</h2>
      {!sent.data ? <Loading what="Loading communications" /> : null}
      {sent.data?.length === 0 ? <p>Nothing has been sent to this customer yet.</p> : null}
      {sent.data?.length ? (
        <table className="table table--compact">
          <thead>
            <tr>
              <th scope="col">What</th>
              <th scope="col">When</th>
              <th scope="col">How</th>
              <th scope="col">List</th>
            </tr>
          </thead>
          <tbody>
            {sent.data.map((c) => (
              <tr key={c.id}>
                <th scope="row">
                  {c.title} <span className="muted">({communicationKindLabels[c.kind]})</span>
                </th>
                <td>{formatDate(c.sentOn)}</td>
                <td>{channelLabel(c.channel)}</td>
                <td>{c.listName ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
