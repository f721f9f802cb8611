import type { CadenceResult } from '../../../../src-shared/rules/cadence';

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
  return (
    <span>
      <span className={`badge ${ragClass[cadence.rag]}`}>{ragWord[cadence.rag]}</span>{' '}
      {cadence.summary}
    </span>
  );
}
