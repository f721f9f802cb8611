import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import {
  activityKindLabels,
  activityStatusLabels,
  attendanceStatusLabels,
  venueKindLabels,
  type Activity,
  type ActivityAction,
  type Attendee,
} from '../../../../src-shared/domain/meetings';
import { call, errorMessage } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { SelectField, TextField } from '../../components/Field';
import { useFormChanges, useUnsavedChanges } from '../../components/UnsavedChanges';
import { formatDate, formatDateTime } from '../../components/format';
import { Loading, Notice, PageHeader } from '../../components/PageHeader';
import { useCan } from '../../session';
import { DeleteWithReasonDialog } from './DeleteWithReasonDialog';
import { AssuranceTags } from '../reviews/TagPicker';
import { StaffAttending } from './StaffAttending';
import { downloadFile, londonTime } from './time';
import '../../styles/groups.css';

export function ActivityPage() {
  const { id = '' } = useParams();
  const activity = useApiQuery('activities.get', { id });
  const [fileError, setFileError] = useState<string | null>(null);
  const canWrite = useCan('meetings.write');
  if (activity.error && !activity.data)
    return <Notice tone="error">{errorMessage(activity.error)}</Notice>;
  if (!activity.data) return <Loading what="Loading the activity" />;
  const a = activity.data;

  const download = async (
    get: () => Promise<{ fileName: string; mimeType: string; data: string }>,
  ) => {
    setFileError(null);
    try {
      downloadFile(await get());
    } catch (e) {
      setFileError(errorMessage(e));
    }
  };

  return (
    <>
      <PageHeader
        title={a.title}
        subtitle={`${activityKindLabels[a.kind]} · ${activityStatusLabels[a.status]}${a.groupName ? ` · ${a.groupName}` : ''}${a.courseName ? ` · ${a.courseName}` : ''}`}
        actions={
          <>
            {a.status !== 'cancelled' ? (
              <Link className="button" to={`/activities/${a.id}/sign-in`}>
                Sign-in screen
              </Link>
            ) : null}
            <button
              type="button"
              className="button button--secondary"
              onClick={() => download(() => call('activities.signInSheet', { id: a.id }))}
            >
              Print sign-in sheet (PDF)
            </button>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => download(() => call('activities.ics', { activityId: a.id }))}
            >
              Add to calendar (.ics)
            </button>
            {canWrite ? (
              <Link className="button button--secondary" to={`/activities/${a.id}/edit`}>
                Edit
              </Link>
            ) : null}
            <DeleteActivity activity={a} />
          </>
        }
      />
      {fileError ? <Notice tone="error">{fileError}</Notice> : null}
      <section className="panel">
        <dl className="facts">
          <div>
            <dt>When</dt>
            <dd>
              {formatDateTime(a.startsAt)} to {londonTime(a.endsAt)}
            </dd>
          </div>
          <div>
            <dt>Where</dt>
            <dd>
              {[venueKindLabels[a.venueKind], a.venueName, a.venueAddress]
                .filter(Boolean)
                .join(', ')}
            </dd>
          </div>
          {a.groupId ? (
            <div>
              <dt>Group</dt>
              <dd>
                <Link to={`/groups/${a.groupId}`}>{a.groupName}</Link>
              </dd>
            </div>
          ) : null}
        </dl>
        <h2>Agenda</h2>
        {a.agenda ? (
          <p className="preserve-lines">{a.agenda}</p>
        ) : (
          <p className="muted">No agenda yet.</p>
        )}
        <h2>Notes and minutes</h2>
        {a.notes ? (
          <p className="preserve-lines">{a.notes}</p>
        ) : (
          <p className="muted">No notes yet.</p>
        )}
      </section>
      <Actions activity={a} />
      <AttendanceTable activity={a} />
      <StaffAttending activity={a} />
      <AssuranceTags entityType="activity" entityId={a.id} label={a.title} />
    </>
  );
}

/** What deleting does to attendance, said before it is done. */
function deletionConsequences(a: Activity): string {
  const customers = a.attendees.filter((p) => !p.isStaff && p.status !== null).length;
  const staff = a.attendees.filter((p) => p.isStaff).length;
  const parts = [
    customers ? `${customers} customer attendance ${customers === 1 ? 'mark' : 'marks'}` : null,
    staff ? `${staff} staff ${staff === 1 ? 'entry' : 'entries'}` : null,
    a.actions.length
      ? `${a.actions.length} ${a.actions.length === 1 ? 'action' : 'actions'}`
      : null,
  ].filter(Boolean);
  if (parts.length === 0) return 'Nobody has been marked for it and it has no actions.';
  const list =
    parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
  return `It also deletes ${list}.`;
}

function DeleteActivity({ activity }: { activity: Activity }) {
  const canWrite = useCan('meetings.write');
  const canDeleteHeld = useCan('meetings.delete_held');
  const [asking, setAsking] = useState(false);
  const navigate = useNavigate();
  const client = useQueryClient();
  if (!canWrite || (activity.status === 'held' && !canDeleteHeld)) return null;
  const heldWithAttendance = activity.status === 'held' && activity.present > 0;
  return (
    <>
      <button type="button" className="button button--quiet" onClick={() => setAsking(true)}>
        Delete…
      </button>
      {asking ? (
        <DeleteWithReasonDialog
          id="delete-activity"
          title={`Delete ${activity.title}?`}
          confirmLabel="Delete activity"
          onClose={() => setAsking(false)}
          onConfirm={async (reason) => {
            await call('activities.remove', { id: activity.id, reason });
            // Leave the page before refreshing, so it never shows the deleted activity as missing.
            navigate(activity.groupId ? `/groups/${activity.groupId}` : '/calendar', {
              replace: true,
            });
            await client.invalidateQueries();
          }}
        >
          <p>{deletionConsequences(activity)}</p>
          {heldWithAttendance ? (
            <p>
              This activity was held and {activity.present}{' '}
              {activity.present === 1 ? 'customer was' : 'customers were'} present. Once it is
              deleted it no longer counts in the meetings held, attendance or involvement hours
              figures, and it leaves those customers’ involvement records. Their last activity date
              is worked out again from their other activities, so some may then show as having had
              no activity in the last 12 months.
            </p>
          ) : null}
          <p className="muted">The history keeps the activity, with your reason.</p>
        </DeleteWithReasonDialog>
      ) : null}
    </>
  );
}

function Actions({ activity }: { activity: Activity }) {
  const [description, setDescription] = useState('');
  const [owner, setOwner] = useState('');
  const [dueOn, setDueOn] = useState('');
  const guard = useUnsavedChanges(
    description.trim() !== '' || owner.trim() !== '' || dueOn !== '',
    'the new action',
  );
  const save = useApiMutation('activities.saveAction', {
    onSuccess: () => {
      setDescription('');
      setOwner('');
      setDueOn('');
    },
  });
  const canWrite = useCan('meetings.write');
  const [deleting, setDeleting] = useState<ActivityAction | null>(null);
  const remove = useApiMutation('activities.removeAction');
  function submit(e: FormEvent) {
    e.preventDefault();
    save.mutate({ activityId: activity.id, description, owner, dueOn: dueOn || null, done: false });
  }
  return (
    <section className="panel" aria-labelledby="actions-heading">
      <h2 id="actions-heading">Actions</h2>
      {activity.actions.length ? (
        <table className="table">
          <caption className="visually-hidden">Actions</caption>
          <thead>
            <tr>
              <th scope="col">Action</th>
              <th scope="col">Owner</th>
              <th scope="col">Due</th>
              <th scope="col">Done</th>
              {canWrite ? (
                <th scope="col">
                  <span className="visually-hidden">Delete</span>
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {activity.actions.map((x) => (
              <tr key={x.id}>
                <td>{x.description}</td>
                <td>{x.owner}</td>
                <td>{formatDate(x.dueOn)}</td>
                <td>
                  <label>
                    <input
                      type="checkbox"
                      checked={x.doneOn !== null}
                      disabled={!canWrite}
                      onChange={(e) =>
                        save.mutate({
                          id: x.id,
                          activityId: activity.id,
                          description: x.description,
                          owner: x.owner,
                          dueOn: x.dueOn,
                          done: e.target.checked,
                        })
                      }
                    />{' '}
                    {x.doneOn ? (
                      formatDate(x.doneOn)
                    ) : (
                      <span className="visually-hidden">Not done</span>
                    )}
                  </label>
                </td>
                {canWrite ? (
                  <td className="groups-row-action">
                    <button
                      type="button"
                      className="button button--quiet"
                      onClick={() => setDeleting(x)}
                    >
                      Delete<span className="visually-hidden"> action: {x.description}</span>
                    </button>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted">No actions.</p>
      )}
      {canWrite ? (
        <form {...guard.formProps} className="inline-form" onSubmit={submit} noValidate>
          <TextField
            id="action-description"
            label="New action"
            value={description}
            onChange={(e) => setDescription(e.target.value)}
          />
          <TextField
            id="action-owner"
            label="Owner"
            value={owner}
            onChange={(e) => setOwner(e.target.value)}
          />
          <TextField
            id="action-due"
            label="Due on"
            type="date"
            value={dueOn}
            onChange={(e) => setDueOn(e.target.value)}
          />
          <button type="submit" className="button" disabled={save.isPending}>
            Add action
          </button>
        </form>
      ) : null}
      {save.error ? <Notice tone="error">{errorMessage(save.error)}</Notice> : null}
      {deleting ? (
        <DeleteWithReasonDialog
          id="delete-action"
          title="Delete this action?"
          confirmLabel="Delete action"
          onClose={() => setDeleting(null)}
          onConfirm={async (reason) => {
            await remove.mutateAsync({ id: deleting.id, reason });
            setDeleting(null);
          }}
        >
          <p>“{deleting.description}” will no longer be listed with this activity.</p>
          <p className="muted">The history keeps it, with your reason.</p>
        </DeleteWithReasonDialog>
      ) : null}
    </section>
  );
}

function AttendanceTable({ activity }: { activity: Activity }) {
  const customers = activity.attendees.filter((p) => !p.isStaff);
  return (
    <section className="panel" aria-labelledby="attendance-heading">
      <h2 id="attendance-heading">Attendance</h2>
      {customers.length === 0 ? (
        <p className="muted">Nobody has been marked yet. Use the sign-in screen at the door.</p>
      ) : (
        <table className="table">
          <caption className="visually-hidden">Attendance and satisfaction</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Attendance</th>
              <th scope="col" className="num">
                Hours
              </th>
              <th scope="col">
                Satisfaction, 1 to 5: with the opportunity, and with how they were involved
              </th>
            </tr>
          </thead>
          <tbody>
            {customers.map((p) => (
              <tr key={p.id}>
                <th scope="row">
                  <Link to={`/customers/${p.customerId}`}>{p.name}</Link>
                  {p.isMember ? null : <span className="muted"> (guest)</span>}
                </th>
                <td>{p.status ? attendanceStatusLabels[p.status] : '—'}</td>
                <td className="num">{p.minutesGiven ? (p.minutesGiven / 60).toFixed(1) : ''}</td>
                <td>
                  {p.status === 'present' ? (
                    <Satisfaction attendee={p} training={activity.kind === 'training_session'} />
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

const scores = [1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: String(n) }));

function Satisfaction({ attendee, training }: { attendee: Attendee; training: boolean }) {
  const [opportunity, setOpportunity] = useState(
    attendee.satisfactionOpportunity?.toString() ?? '',
  );
  const [involvement, setInvolvement] = useState(
    attendee.satisfactionInvolvement?.toString() ?? '',
  );
  const [comment, setComment] = useState(attendee.satisfactionComment ?? '');
  const satisfaction = useFormChanges(
    { opportunity, involvement, comment },
    `${attendee.name}’s satisfaction scores`,
  );
  const [saved, setSaved] = useState(false);
  const save = useApiMutation('attendance.satisfaction', {
    onSuccess: () => {
      satisfaction.savedAs({ opportunity, involvement, comment });
      setSaved(true);
    },
  });
  const [certError, setCertError] = useState<string | null>(null);
  return (
    <form
      {...satisfaction.formProps}
      className="satisfaction"
      onSubmit={(e) => {
        e.preventDefault();
        setSaved(false);
        save.mutate({
          attendanceId: attendee.id,
          opportunity: opportunity ? Number(opportunity) : null,
          involvement: involvement ? Number(involvement) : null,
          comment,
        });
      }}
    >
      <SelectField
        id={`sat-opp-${attendee.id}`}
        label="Opportunity"
        placeholder="–"
        value={opportunity}
        options={scores}
        onChange={(e) => setOpportunity(e.target.value)}
      />
      <SelectField
        id={`sat-inv-${attendee.id}`}
        label="Involvement"
        placeholder="–"
        value={involvement}
        options={scores}
        onChange={(e) => setInvolvement(e.target.value)}
      />
      <TextField
        id={`sat-comment-${attendee.id}`}
        label="Comment"
        value={comment}
        onChange={(e) => setComment(e.target.value)}
      />
      <button type="submit" className="button button--secondary" disabled={save.isPending}>
        Save scores<span className="visually-hidden"> for {attendee.name}</span>
      </button>
      {saved ? <span role="status">Saved</span> : null}
      {save.error ? <span role="alert">{errorMessage(save.error)}</span> : null}
      {training ? (
        <button
          type="button"
          className="button button--quiet"
          onClick={async () => {
            try {
              downloadFile(await call('training.certificate', { attendanceId: attendee.id }));
            } catch (err) {
              setCertError(errorMessage(err));
            }
          }}
        >
          Certificate<span className="visually-hidden"> for {attendee.name}</span> (PDF)
        </button>
      ) : null}
      {certError ? <span role="alert">{certError}</span> : null}
    </form>
  );
}
