import type { CadenceResult } from '../../../../src-shared/rules/cadence';
import { useToday } from '../../clock';
import { formatDate } from '../../components/format';

const ragClass = {
  green: 'badge--green',
  amber: 'badge--amber',
  red: 'badge--red',
  none: '',
} as const;
const ragWord = {
  green: 'On target',
  amber: 'Slightly behind',
  red: 'Behind',
  none: 'No target',
} as const;

export function CadenceBadge({ cadence }: { cadence: CadenceResult }) {
  // A group too new to owe a meeting is neither on target nor behind.
  const notDue = cadence.expected === 0 && cadence.held === 0;
  const today = useToday();
  return (
    <span>
      <span className={`badge ${notDue ? '' : ragClass[cadence.rag]}`}>
        {notDue ? 'Not due yet' : ragWord[cadence.rag]}
      </span>{' '}
      {cadence.summary}
      {cadence.since ? (
        <span className="muted">
          {' '}
          {cadence.since > today ? 'starts' : 'since'} {formatDate(cadence.since)}
        </span>
      ) : null}
    </span>
  );
}
