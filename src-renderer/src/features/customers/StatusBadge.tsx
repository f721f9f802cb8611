import { customerStatuses, type CustomerStatus } from '../../../../src-shared/domain/customer';

const tones: Record<CustomerStatus, string> = {
  active: 'badge badge--green',
  interested: 'badge',
  paused: 'badge badge--amber',
  left: 'badge badge--red',
};

export function StatusBadge({ status }: { status: CustomerStatus }) {
  return <span className={tones[status]}>{customerStatuses.labels[status]}</span>;
}
