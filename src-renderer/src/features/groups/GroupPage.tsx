import { useToday } from '../../clock';
import { Link, useParams } from 'react-router';
import {
  groupFamilyLabels,
  groupKindLabels,
  memberRoleLabels,
  selectionMethodLabels,
} from '../../../../src-shared/domain/groups';
import { tenures } from '../../../../src-shared/domain/customer';
import { activityKindLabels, activityStatusLabels } from '../../../../src-shared/domain/meetings';
import { Fragment, useRef, useState } from 'react';
import { errorMessage } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { TextField } from '../../components/Field';
import { formatDate, formatDateTime } from '../../components/format';
import { Loading, Notice, PageHeader } from '../../components/PageHeader';
import { useCan } from '../../session';
import { addCalendarDays } from '../../../../src-shared/rules/working-days';
import { londonDay } from '../meetings/time';
import { AddMember } from './AddMember';
import { ThreeDays } from './ThreeDays';
import { CadenceBadge } from './labels';
import '../../styles/groups.css';
import { useFormChanges } from '../../components/UnsavedChanges';

export function GroupPage() {
  const { id = '' } = useParams();
  const detail = useApiQuery('groups.get', { id });
  const today = useToday();
  const from = addCalendarDays(today, -365);
  const to = addCalendarDays(today, 180);
  const activities = useApiQuery('activities.list', { from, to, groupId: id });
  const canWrite = useCan('groups.write');
  const canSchedule = useCan('meetings.write');
  const organisation = useApiQuery('organisation.get', {});
  const landlordNames = new Map((organisation.data?.landlords ?? []).map((l) => [l.id, l.name]));
  if (detail.error && !detail.data)
    return <Notice tone="error">{errorMessage(detail.error)}</Notice>;
  if (!detail.data) return <Loading what="Loading the group" />;
  const { group, members, ruleStatus, cadence } = detail.data;
  const current = members.filter((m) => !m.leftOn || m.leftOn > today);
  const former = members.filter((m) => !current.includes(m));
  return (
    <>
      <PageHeader
        title={group.name}
        subtitle={`${groupFamilyLabels[group.family]} · ${groupKindLabels[group.kind]}${group.cadenceNote ? ` · ${group.cadenceNote}` : ''}`}
        actions={
          <>
            {canSchedule ? (
              <Link className="button" to={`/activities/new?groupId=${group.id}`}>
                Schedule a meeting
              </Link>
            ) : null}
            {canWrite ? (
              <Link className="button button--secondary" to={`/groups/${group.id}/edit`}>
                Edit group
              </Link>
            ) : null}
          </>
        }
      />
      <section className="panel" aria-labelledby="rules-heading">
        <h2 id="rules-heading">Membership rules</h2>
        {ruleStatus.length === 0 ? (
          <p className="rule-ok">
            <span className="badge badge--green">Met</span> The current membership meets every rule
            for this group.
          </p>
        ) : (
          <ul className="rule-list">
            {ruleStatus.map((v, i) => (
              <li key={i}>
                <span className="badge badge--red">Not met</span> {v.message}
                {v.landlordId ? (
                  <>
                    {' '}
                    <Link
                      to={`/customers?${new URLSearchParams({ landlord: v.landlordId, tenure: 'tenant', eligible: group.id })}`}
                    >
                      Find {landlordNames.get(v.landlordId) ?? 'their'} tenants who could join
                    </Link>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        <p>
          Meetings in the last 12 months: <CadenceBadge cadence={cadence} />
        </p>
        {group.startsOn || group.endsOn ? (
          <p>
            Runs {group.startsOn ? `from ${formatDate(group.startsOn)}` : ''}
            {group.endsOn ? ` to ${formatDate(group.endsOn)}` : ''}
          </p>
        ) : null}
        {group.commitment ? <p className="muted">Commitment: {group.commitment}</p> : null}
      </section>

      {group.kind === 'task_and_finish' ? (
        <ThreeDays
          group={group}
          scheduledInDates={
            (activities.data ?? []).filter(
              (a) =>
                a.status !== 'cancelled' &&
                group.startsOn !== null &&
                group.endsOn !== null &&
                londonDay(new Date(a.startsAt)) >= group.startsOn &&
                londonDay(new Date(a.startsAt)) <= group.endsOn,
            ).length
          }
        />
      ) : null}

      <section className="panel" aria-labelledby="members-heading">
        <h2 id="members-heading">Members ({current.length})</h2>
        {current.length === 0 ? (
          <p className="muted">No members yet.</p>
        ) : (
          <MemberTable members={current} caption="Current members" />
        )}
        {former.length > 0 ? (
          <details>
            <summary>Former members ({former.length})</summary>
            <MemberTable members={former} caption="Former members" />
          </details>
        ) : null}
      </section>

      {canWrite ? <AddMember groupId={group.id} groupName={group.name} /> : null}

      <section className="panel" aria-labelledby="activities-heading">
        <h2 id="activities-heading">Meetings and activities</h2>
        {activities.data && activities.data.length > 0 ? (
          <table className="table">
            <caption className="visually-hidden">Meetings and activities of {group.name}</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Activity</th>
                <th scope="col">Status</th>
                <th scope="col" className="num">
                  Present
                </th>
              </tr>
            </thead>
            <tbody>
              {[...activities.data].reverse().map((a) => (
                <tr key={a.id}>
                  <td>{formatDateTime(a.startsAt)}</td>
                  <td>
                    <Link to={`/activities/${a.id}`}>{a.title}</Link>{' '}
                    <span className="muted">{activityKindLabels[a.kind]}</span>
                  </td>
                  <td>{activityStatusLabels[a.status]}</td>
                  <td className="num">{a.present}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="muted">No meetings in the last year or the next six months.</p>
        )}
      </section>
    </>
  );
}

type Member = NonNullable<ReturnType<typeof useApiQuery<'groups.get'>>['data']>['members'][number];

/** Ends a membership on a date; the member moves to "Former members". */
function RecordLeaving({
  membership,
  columns,
  onDone,
}: {
  membership: Member;
  columns: number;
  onDone: () => void;
}) {
  const [leftOn, setLeftOn] = useState(useToday());
  const guard = useFormChanges({ leftOn }, 'the leaving date');
  const save = useApiMutation('groups.updateMember', { onSuccess: onDone });
  return (
    <tr className="groups-leaving">
      <td colSpan={columns}>
        <form
          {...guard.formProps}
          className="inline-form"
          aria-label={`Record when ${membership.customerName} left`}
          onKeyDown={(e) => {
            if (e.key === 'Escape') onDone();
          }}
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate({
              id: membership.id,
              expectedUpdatedAt: membership.updatedAt,
              role: membership.role,
              leftOn,
              selectionMethod: membership.selectionMethod,
              selectionNotes: membership.selectionNotes,
              roleDescriptionAgreedOn: membership.roleDescriptionAgreedOn,
              codeOfConductSignedOn: membership.codeOfConductSignedOn,
            });
          }}
        >
          <TextField
            id={`left-${membership.id}`}
            label={`${membership.customerName} left on`}
            type="date"
            autoFocus
            value={leftOn}
            onChange={(e) => setLeftOn(e.target.value)}
          />
          <button type="submit" className="button button--secondary" disabled={save.isPending}>
            Save
          </button>
          <button type="button" className="button button--quiet" onClick={onDone}>
            Cancel
          </button>
          {save.error ? <span role="alert">{errorMessage(save.error)}</span> : null}
        </form>
      </td>
    </tr>
  );
}

function MemberTable({ members, caption }: { members: Member[]; caption: string }) {
  const canWrite = useCan('groups.write');
  const [leaving, setLeaving] = useState<string | null>(null);
  const openers = useRef(new Map<string, HTMLButtonElement>());
  const withLeaving = canWrite && members.some((m) => !m.leftOn);
  // Current members rarely have a leaving date: the column appears when one does.
  const withLeft = members.some((m) => m.leftOn);
  const withOverride = members.some((m) => m.overrideReason);
  const columns = 6 + Number(withLeft) + Number(withOverride) + Number(withLeaving);
  const close = (id: string) => {
    setLeaving(null);
    openers.current.get(id)?.focus();
  };
  return (
    <table className="table table--compact">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Landlord</th>
          <th scope="col">Role</th>
          <th scope="col">Joined</th>
          {withLeft ? <th scope="col">Left</th> : null}
          <th scope="col">Selected by</th>
          <th scope="col">Code of conduct</th>
          {withOverride ? <th scope="col">Rule override</th> : null}
          {withLeaving ? (
            <th scope="col">
              <span className="visually-hidden">Leaving</span>
            </th>
          ) : null}
        </tr>
      </thead>
      <tbody>
        {members.map((m) => (
          <Fragment key={m.id}>
            <tr>
              <th scope="row">
                <Link to={`/customers/${m.customerId}`}>{m.customerName}</Link>
              </th>
              <td>
                {m.landlordName ?? <span className="muted">None recorded</span>}
                {m.tenure && m.tenure !== 'tenant' ? (
                  <span className="muted">
                    {' '}
                    ({tenures.labels[m.tenure as keyof typeof tenures.labels] ?? m.tenure})
                  </span>
                ) : null}
              </td>
              <td>{memberRoleLabels[m.role]}</td>
              <td className="groups-nowrap">{formatDate(m.joinedOn)}</td>
              {withLeft ? (
                <td className="groups-nowrap">{m.leftOn ? formatDate(m.leftOn) : ''}</td>
              ) : null}
              <td>{m.selectionMethod ? selectionMethodLabels[m.selectionMethod] : ''}</td>
              <td className="groups-nowrap">
                {m.codeOfConductSignedOn ? (
                  formatDate(m.codeOfConductSignedOn)
                ) : (
                  <span className="badge badge--amber">Not signed</span>
                )}
              </td>
              {withOverride ? <td>{m.overrideReason ?? ''}</td> : null}
              {withLeaving ? (
                <td className="groups-row-action">
                  {m.leftOn ? null : (
                    <button
                      type="button"
                      className="button button--quiet"
                      aria-expanded={leaving === m.id}
                      ref={(el) => {
                        if (el) openers.current.set(m.id, el);
                        else openers.current.delete(m.id);
                      }}
                      onClick={() => setLeaving(leaving === m.id ? null : m.id)}
                    >
                      {/* One word seen, so the table fits a 1024-wide window; the whole action heard. */}
                      <span className="visually-hidden">Record </span>Leaving
                      <span className="visually-hidden"> for {m.customerName}</span>
                    </button>
                  )}
                </td>
              ) : null}
            </tr>
            {leaving === m.id ? (
              <RecordLeaving membership={m} columns={columns} onDone={() => close(m.id)} />
            ) : null}
          </Fragment>
        ))}
      </tbody>
    </table>
  );
}
