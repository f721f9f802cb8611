import { useApiQuery } from '../api/hooks';
import { formatDateTime, humanise } from './format';
import { Loading, Notice } from './PageHeader';

const verbs = {
  create: 'created the record',
  delete: 'deleted the record',
  restore: 'restored the record',
} as const;

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '(empty)';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (Array.isArray(value)) return value.length ? value.join(', ') : '(none)';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/**
 * A record's change history from the change log: who changed what, when,
 * from what to what. `labels` names fields as the form does; `values`, when
 * given, words a field's stored value (a code as its label), or returns
 * undefined to show it as it is.
 */
export function HistoryPanel({
  entity,
  id,
  labels = {},
  values,
}: {
  entity: string;
  id: string;
  labels?: Record<string, string>;
  values?: (field: string, value: unknown) => string | undefined;
}) {
  const history = useApiQuery('history.forRecord', { entity, id });
  return (
    <section className="panel" aria-labelledby={`history-${id}`}>
      <h2 id={`history-${id}`}>History</h2>
      {history.isPending ? <Loading what="Loading history" /> : null}
      {history.error ? <Notice tone="error">{history.error.message}</Notice> : null}
      {history.data?.length === 0 ? <p>No changes recorded yet.</p> : null}
      {history.data?.length ? (
        <ol className="history">
          {history.data.map((entry, i) => (
            <li key={`${entry.at}-${i}`} className="history__entry">
              <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>{' '}
              <strong>{entry.actorName}</strong>{' '}
              {entry.op === 'update' && entry.field ? (
                <>
                  changed <em>{labels[entry.field] ?? humanise(entry.field)}</em> from “
                  {values?.(entry.field, entry.before) ?? show(entry.before)}” to “
                  {values?.(entry.field, entry.after) ?? show(entry.after)}”
                </>
              ) : (
                verbs[entry.op as keyof typeof verbs]
              )}
              {entry.reason ? (
                <span className="history__reason"> Reason: {entry.reason}</span>
              ) : null}
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}
