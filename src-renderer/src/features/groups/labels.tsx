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
  const today = useToday();
  // A group too new to owe a meeting is neither on target nor behind.
  if (cadence.expected === 0 && cadence.held === 0) {
    return (
      <span>
        <span className="badge">Not due yet</span>{' '}
        {cadence.since
          ? `${cadence.since > today ? 'starts' : 'started'} ${formatDate(cadence.since)}`
          : 'no meetings held'}
      </span>
    );
  }
  return (
    <span>
      <span className={`badge ${ragClass[cadence.rag]}`}>{ragWord[cadence.rag]}</span>{' '}
      {cadence.summary}
      {cadence.since ? <span className="muted"> since {formatDate(cadence.since)}</span> : null}
    </span>
  );
}
