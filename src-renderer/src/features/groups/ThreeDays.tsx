import { Link } from 'react-router';
import type { Group } from '../../../../src-shared/domain/groups';
import { errorMessage } from '../../api/client';
import { useApiMutation } from '../../api/hooks';
import { formatDateTime } from '../../components/format';
import { Notice } from '../../components/PageHeader';
import { useCan } from '../../session';

/** A task & finish group's three volunteer days, planned in one click between its dates. */
export function ThreeDays({
  group,
  scheduledInDates,
}: {
  group: Group;
  /** Activities of the group, not cancelled, already between its dates. */
  scheduledInDates: number;
}) {
  const canSchedule = useCan('meetings.write');
  const canEdit = useCan('groups.write');
  const plan = useApiMutation('groups.planThreeDays');
  const hasDates = Boolean(group.startsOn && group.endsOn);
  return (
    <section className="panel" aria-labelledby="three-days-heading">
      <h2 id="three-days-heading">The three volunteer days</h2>
      {group.commitment ? null : (
        <p>
          Day 1 training on the policy’s context; an online comment window; day 2 revising the
          policy; day 3 the manager shows the revised policy.
        </p>
      )}
      {!hasDates ? (
        <Notice tone="warning">
          {group.name} has no start and end dates yet. The three days are planned between them.{' '}
          {canEdit ? <Link to={`/groups/${group.id}/edit`}>Add the dates</Link> : null}
        </Notice>
      ) : scheduledInDates > 0 && !plan.data ? (
        <p>
          {scheduledInDates} {scheduledInDates === 1 ? 'activity is' : 'activities are'} already
          scheduled between the group’s dates: see Meetings and activities below.
        </p>
      ) : canSchedule && !plan.data ? (
        <div className="button-row">
          <button
            type="button"
            className="button"
            disabled={plan.isPending}
            onClick={() => plan.mutate({ groupId: group.id })}
          >
            Plan the three days
          </button>
        </div>
      ) : null}
      {plan.data ? (
        <div className="notice notice--success" role="status">
          <p>Planned. Open each day to change its time, venue or agenda:</p>
          <ul>
            {plan.data.map((a) => (
              <li key={a.id}>
                <Link to={`/activities/${a.id}`}>{a.title}</Link>, {formatDateTime(a.startsAt)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {plan.error ? <Notice tone="error">{errorMessage(plan.error)}</Notice> : null}
    </section>
  );
}
