import { historyFieldsFor } from '../../../src-shared/history/fields';
import {
  describeHistory,
  type HistoryLookup,
  type RefKind,
} from '../../../src-shared/history/words';
import { useApiQuery } from '../api/hooks';
import { formatDateTime } from './format';
import { Loading, Notice } from './PageHeader';

const verbs = {
  create: 'created the record',
  delete: 'deleted the record',
  restore: 'restored the record',
} as const;

/**
 * A record's change history from the change log: who changed what, when,
 * from what to what, in the words of the record's own screen (the shared
 * field words of `src-shared/history`). The fields of one save are one
 * entry, with its reason said once.
 */
export function HistoryPanel({ entity, id }: { entity: string; id: string }) {
  const history = useApiQuery('history.forRecord', { entity, id });
  const organisation = useApiQuery('organisation.get', {});
  // Groups, staff profiles and policies are named by everyone's screens already: the history may name them too.
  const groups = useApiQuery('groups.list', {});
  const staff = useApiQuery('staff.list', {});
  const policies = useApiQuery('policies.list', {});
  const org = organisation.data;
  const places: Partial<Record<RefKind, { id: string; name: string }[] | undefined>> = {
    landlord: org?.landlords,
    area: org?.areas,
    neighbourhood: org?.neighbourhoods,
    group: groups.data,
    staff: staff.data,
    policy: policies.data,
  };
  const lookup: HistoryLookup = {
    name: (kind, ref) => places[kind]?.find((p) => p.id === ref)?.name,
  };
  const items = history.data ? describeHistory(historyFieldsFor(entity), history.data, lookup) : [];
  return (
    <section className="panel" aria-labelledby={`history-${id}`}>
      <h2 id={`history-${id}`}>History</h2>
      {history.isPending ? <Loading what="Loading history" /> : null}
      {history.error ? <Notice tone="error">{history.error.message}</Notice> : null}
      {history.data && items.length === 0 ? <p>No changes recorded yet.</p> : null}
      {items.length ? (
        <ol className="history">
          {items.map((item, i) => (
            <li key={`${item.at}-${i}`} className="history__entry">
              <time dateTime={item.at}>{formatDateTime(item.at)}</time>{' '}
              <strong>{item.actorName}</strong> {item.op !== 'update' ? verbs[item.op] : null}
              {item.changes.length === 1 ? (
                <>
                  changed <em>{item.changes[0]!.label}</em> from “{item.changes[0]!.from}” to “
                  {item.changes[0]!.to}”
                </>
              ) : null}
              {item.changes.length > 1 ? (
                <>
                  changed
                  <ul className="history__changes">
                    {item.changes.map((c) => (
                      <li key={c.field}>
                        <em>{c.label}</em> from “{c.from}” to “{c.to}”
                      </li>
                    ))}
                  </ul>
                </>
              ) : null}
              {item.reason ? <span className="history__reason"> Reason: {item.reason}</span> : null}
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}
