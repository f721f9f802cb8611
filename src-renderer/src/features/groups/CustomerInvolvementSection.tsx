import { useToday } from '../../clock';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { skillOptions } from '../../../../src-shared/domain/customer';
import { memberRoleLabels, type MemberRole } from '../../../../src-shared/domain/groups';
import {
  activityKindLabels,
  attendanceStatusLabels,
  type ActivityKind,
  type AttendanceStatus,
} from '../../../../src-shared/domain/meetings';
import {
  skillLevelLabels,
  skillLevels,
  type SkillLevel,
} from '../../../../src-shared/domain/training';
import { call, errorMessage } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { SelectField, TextField } from '../../components/Field';
import { useUnsavedChanges } from '../../components/UnsavedChanges';
import { formatDate, formatDateTime } from '../../components/format';
import { Notice } from '../../components/PageHeader';
import { useCan } from '../../session';
import { downloadFile, londonDay } from '../meetings/time';
import '../../styles/groups.css';

const skillLabel = (s: string) => (skillOptions.labels as Record<string, string>)[s] ?? s;

/** A customer's groups, activities, hours, training and last activity, for their record. */
export function CustomerInvolvementSection({ customerId }: { customerId: string }) {
  const data = useApiQuery('groups.customerInvolvement', { customerId });
  const training = useApiQuery('training.record', { customerId });
  const canAudit = useCan('training.write');
  const [certError, setCertError] = useState<string | null>(null);
  if (data.error && !data.data) return <Notice tone="error">{errorMessage(data.error)}</Notice>;
  if (!data.data) return null;
  const d = data.data;
  return (
    <section className="panel involvement" aria-labelledby="taking-part-heading">
      <h2 id="taking-part-heading">Groups, activities and training</h2>
      <dl className="facts">
        <div>
          <dt>Last activity</dt>
          <dd>
            {d.lastActivityAt ? formatDate(londonDay(d.lastActivityAt)) : 'None recorded'}{' '}
            {d.activeInLastYear ? null : (
              <span className="badge badge--amber">No activity in the last 12 months</span>
            )}
          </dd>
        </div>
        <div>
          <dt>Activities attended</dt>
          <dd>{d.activitiesAttended}</dd>
        </div>
        <div>
          <dt>Hours given</dt>
          <dd>{(d.totalMinutes / 60).toFixed(1)}</dd>
        </div>
        <div>
          <dt>Training sessions</dt>
          <dd>{d.trainingSessions}</dd>
        </div>
      </dl>
      <h3>Groups</h3>
      {d.groups.length === 0 ? (
        <p className="muted">Not a member of any group.</p>
      ) : (
        <ul>
          {d.groups.map((g) => (
            <li key={`${g.groupId}-${g.joinedOn}`}>
              <Link to={`/groups/${g.groupId}`}>{g.groupName}</Link>:{' '}
              {memberRoleLabels[g.role as MemberRole] ?? g.role}, since {formatDate(g.joinedOn)}
              {g.leftOn ? `, left ${formatDate(g.leftOn)}` : ''}
            </li>
          ))}
        </ul>
      )}
      <h3>Activities</h3>
      {d.activities.length === 0 ? (
        <p className="muted">No activities recorded.</p>
      ) : (
        <table className="table">
          <caption className="visually-hidden">Activities</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Activity</th>
              <th scope="col">Attendance</th>
              <th scope="col" className="num">
                Hours
              </th>
            </tr>
          </thead>
          <tbody>
            {d.activities.slice(0, 50).map((a) => (
              <tr key={a.activityId}>
                <td>{formatDateTime(a.startsAt)}</td>
                <td>
                  <Link to={`/activities/${a.activityId}`}>{a.title}</Link>{' '}
                  <span className="muted">
                    {activityKindLabels[a.kind as ActivityKind] ?? a.kind}
                  </span>
                </td>
                <td>{a.status ? attendanceStatusLabels[a.status as AttendanceStatus] : '—'}</td>
                <td className="num">{a.minutesGiven ? (a.minutesGiven / 60).toFixed(1) : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>Training</h3>
      {certError ? <Notice tone="error">{certError}</Notice> : null}
      {training.data && training.data.sessions.length > 0 ? (
        <ul>
          {training.data.sessions.map((s) => (
            <li key={s.attendanceId}>
              {formatDate(s.on)}: {s.courseName}
              {s.sessionTitle !== s.courseName ? ` (${s.sessionTitle})` : ''}{' '}
              <button
                type="button"
                className="button button--quiet"
                onClick={async () => {
                  try {
                    downloadFile(
                      await call('training.certificate', { attendanceId: s.attendanceId }),
                    );
                  } catch (e) {
                    setCertError(errorMessage(e));
                  }
                }}
              >
                Certificate
                <span className="visually-hidden">
                  {' '}
                  for {s.courseName} on {formatDate(s.on)}
                </span>
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">No training attended.</p>
      )}
      <h3>Skills audits</h3>
      {training.data && training.data.audits.length > 0 ? (
        <ul>
          {training.data.audits.map((a) => (
            <li key={a.id}>
              {formatDate(a.auditedOn)}:{' '}
              {a.skills
                .map((s) => `${skillLabel(s.skill)} (${skillLevelLabels[s.level]})`)
                .join(', ')}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">No skills audit yet.</p>
      )}
      {canAudit ? <SkillsAuditForm customerId={customerId} /> : null}
    </section>
  );
}

function SkillsAuditForm({ customerId }: { customerId: string }) {
  const [auditedOn, setAuditedOn] = useState(useToday());
  const [levels, setLevels] = useState<Record<string, string>>({});
  const save = useApiMutation('training.saveAudit', { onSuccess: () => setLevels({}) });
  const guard = useUnsavedChanges(Object.values(levels).some(Boolean), 'the skills audit');
  function submit(e: FormEvent) {
    e.preventDefault();
    save.mutate({
      customerId,
      auditedOn,
      skills: Object.entries(levels)
        .filter(([, level]) => level)
        .map(([skill, level]) => ({ skill, level: level as SkillLevel })),
    });
  }
  return (
    <details>
      <summary>Record a skills audit</summary>
      <form {...guard.formProps} onSubmit={submit} noValidate>
        <TextField
          id="audit-date"
          label="Audited on"
          type="date"
          value={auditedOn}
          onChange={(e) => setAuditedOn(e.target.value)}
        />
        <div className="form-grid">
          {skillOptions.options.map((o) => (
            <SelectField
              key={o.value}
              id={`audit-${o.value}`}
              label={o.label}
              placeholder="Not assessed"
              value={levels[o.value] ?? ''}
              options={skillLevels.map((l) => ({ value: l, label: skillLevelLabels[l] }))}
              onChange={(e) => setLevels((s) => ({ ...s, [o.value]: e.target.value }))}
            />
          ))}
        </div>
        {save.error ? <Notice tone="error">{errorMessage(save.error)}</Notice> : null}
        <button type="submit" className="button" disabled={save.isPending}>
          Save skills audit
        </button>
      </form>
    </details>
  );
}
