import { useState, type FormEvent } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import {
  activityKindLabels,
  activityKinds,
  activityStatusLabels,
  activityStatuses,
  venueKindLabels,
  venueKinds,
  type Activity,
  type ActivityKind,
  type ActivityStatus,
  type SeriesPlanResult,
  type VenueKind,
} from '../../../../src-shared/domain/meetings';
import { errorMessage, fieldErrors } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { ErrorSummary, summaryItems } from '../../components/ErrorSummary';
import { SelectField, TextAreaField, TextField } from '../../components/Field';
import { formatDate, formatDateTime } from '../../components/format';
import { DayNoticeHint, useDayNotice } from '../../components/day-notice';
import { Loading, Notice, PageHeader } from '../../components/PageHeader';
import { isChanged, useUnsavedChanges } from '../../components/UnsavedChanges';
import {
  DEFAULT_ACTIVITY_HOURS,
  defaultActivityTitle,
} from '../../../../src-shared/rules/activity-defaults';
import {
  MAX_SERIES_MEETINGS,
  seriesFrequencies,
  seriesFrequencyLabel,
  type SeriesFrequency,
} from '../../../../src-shared/rules/meeting-series';
import { isoToLondonLocal, londonLocalToIso } from './time';
import '../../styles/groups.css';

export function ActivityEditor() {
  const { id } = useParams();
  const existing = useApiQuery('activities.get', { id: id ?? '' }, { enabled: Boolean(id) });
  // The default title is made from the group's or course's name: the form waits for them, so
  // the title cannot change under someone already typing their own.
  const groups = useApiQuery('groups.list', {});
  const courses = useApiQuery('training.courses', {});
  if (id && !existing.data) return <Loading what="Loading the activity" />;
  if (groups.isPending || courses.isPending) return <Loading what="Loading the groups" />;
  return <ActivityForm activity={existing.data ?? null} />;
}

function ActivityForm({ activity }: { activity: Activity | null }) {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const groups = useApiQuery('groups.list', {});
  const courses = useApiQuery('training.courses', {});
  const groupFromLink = params.get('groupId') ?? '';
  const courseFromLink = params.get('courseId') ?? '';
  const [form, setForm] = useState({
    kind: (activity?.kind ?? (courseFromLink ? 'training_session' : 'meeting')) as ActivityKind,
    title: activity?.title ?? '',
    status: (activity?.status ?? 'scheduled') as ActivityStatus,
    groupId: activity?.groupId ?? groupFromLink,
    courseId: activity?.courseId ?? courseFromLink,
    startsAt: activity ? isoToLondonLocal(activity.startsAt) : '',
    endsAt: activity ? isoToLondonLocal(activity.endsAt) : '',
    venueKind: (activity?.venueKind ?? 'community_centre') as VenueKind,
    venueName: activity?.venueName ?? '',
    venueAddress: activity?.venueAddress ?? '',
    agenda: activity?.agenda ?? '',
    notes: activity?.notes ?? '',
  });
  const [initial] = useState(form);
  const guard = useUnsavedChanges(
    isChanged(initial, form),
    activity ? activity.title : 'the new activity',
  );
  const startsNotice = useDayNotice(form.startsAt);
  const set = (patch: Partial<typeof form>) => setForm((f) => ({ ...f, ...patch }));
  // A new activity's title and end follow what is chosen until the coordinator types their own.
  const [titleTyped, setTitleTyped] = useState(Boolean(activity));
  const [endTyped, setEndTyped] = useState(Boolean(activity));
  const [repeat, setRepeat] = useState<SeriesFrequency | ''>('');
  const [count, setCount] = useState('12');
  const groupName = (groups.data ?? []).find((g) => g.id === form.groupId)?.name ?? null;
  const courseName = (courses.data ?? []).find((c) => c.id === form.courseId)?.name ?? null;
  const title = titleTyped
    ? form.title
    : defaultActivityTitle({ kind: form.kind, groupName, courseName });
  const endsAt = endTyped ? form.endsAt : addHours(form.startsAt, DEFAULT_ACTIVITY_HOURS);
  const startsIso = validLocal(form.startsAt) ? londonLocalToIso(form.startsAt) : '';
  const endsIso = validLocal(endsAt) ? londonLocalToIso(endsAt) : '';
  const meetings = Number(count);
  const plan = useApiQuery(
    'activities.planSeries',
    {
      startsAt: startsIso,
      endsAt: endsIso,
      repeat: { frequency: repeat || 'monthly_weekday', count: meetings },
    },
    {
      enabled:
        repeat !== '' &&
        startsIso !== '' &&
        endsIso > startsIso &&
        Number.isInteger(meetings) &&
        meetings >= 2 &&
        meetings <= MAX_SERIES_MEETINGS,
    },
  );
  const save = useApiMutation('activities.save', {
    onSuccess: (a) => {
      guard.saved();
      navigate(`/activities/${a.id}`);
    },
  });
  const saveSeries = useApiMutation('activities.saveSeries', {
    onSuccess: () => {
      guard.saved();
      navigate(form.groupId ? `/groups/${form.groupId}` : '/calendar');
    },
  });
  const failed = save.error ?? saveSeries.error;
  // A series reports the first meeting's fields under "activity.": they are the same fields here.
  const errors = Object.fromEntries(
    Object.entries(failed ? fieldErrors(failed) : {}).map(([path, message]) => [
      path.replace(/^activity\./, '').replace(/^repeat\./, 'repeat-'),
      message,
    ]),
  );

  function submit(e: FormEvent) {
    e.preventDefault();
    const input = {
      kind: form.kind,
      title,
      status: form.status,
      groupId: form.groupId || null,
      courseId: form.courseId || null,
      startsAt: form.startsAt ? londonLocalToIso(form.startsAt) : '',
      endsAt: endsAt ? londonLocalToIso(endsAt) : '',
      venueKind: form.venueKind,
      venueName: form.venueName,
      venueAddress: form.venueAddress,
      agenda: form.agenda,
      notes: form.notes,
    };
    if (repeat) {
      saveSeries.mutate({
        activity: { ...input, status: 'scheduled' },
        repeat: { frequency: repeat, count: count.trim() === '' ? Number.NaN : Number(count) },
      });
    } else {
      save.mutate({ ...input, id: activity?.id, expectedUpdatedAt: activity?.updatedAt });
    }
  }
  return (
    <>
      <PageHeader title={activity ? `Edit ${activity.title}` : 'Schedule an activity'} />
      <form {...guard.formProps} className="panel" onSubmit={submit} noValidate>
        {failed ? (
          <ErrorSummary
            items={summaryItems(errors, 'activity', {
              message: errorMessage(failed),
              fieldId: 'activity-title',
            })}
          />
        ) : null}
        <div className="form-grid">
          <SelectField
            id="activity-kind"
            label="Kind"
            value={form.kind}
            options={activityKinds.map((k) => ({ value: k, label: activityKindLabels[k] }))}
            onChange={(e) => set({ kind: e.target.value as ActivityKind })}
          />
          <TextField
            id="activity-title"
            label="Title"
            required
            value={title}
            error={errors.title}
            onChange={(e) => {
              setTitleTyped(true);
              set({ title: e.target.value });
            }}
          />
          <SelectField
            id="activity-groupId"
            label="Group"
            placeholder="No group"
            value={form.groupId}
            error={errors.groupId}
            options={(groups.data ?? []).map((g) => ({ value: g.id, label: g.name }))}
            onChange={(e) => set({ groupId: e.target.value })}
          />
          {form.kind === 'training_session' ? (
            <SelectField
              id="activity-courseId"
              label="Course"
              placeholder="Choose a course"
              required
              value={form.courseId}
              error={errors.courseId}
              options={(courses.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
              onChange={(e) => set({ courseId: e.target.value })}
            />
          ) : null}
          <TextField
            id="activity-startsAt"
            label="Starts (UK time)"
            type="datetime-local"
            required
            value={form.startsAt}
            hint={startsNotice ? <DayNoticeHint notice={startsNotice} /> : undefined}
            error={errors.startsAt}
            onChange={(e) => set({ startsAt: e.target.value })}
          />
          <TextField
            id="activity-endsAt"
            label="Ends (UK time)"
            type="datetime-local"
            required
            hint={
              endTyped
                ? undefined
                : `${DEFAULT_ACTIVITY_HOURS} hours after the start unless you change it.`
            }
            value={endsAt}
            error={errors.endsAt}
            onChange={(e) => {
              setEndTyped(true);
              set({ endsAt: e.target.value });
            }}
          />
          {activity ? null : (
            <SelectField
              id="activity-repeat"
              label="Repeats"
              value={repeat}
              options={[
                { value: '', label: 'Does not repeat' },
                ...seriesFrequencies.map((f) => ({
                  value: f,
                  label: seriesFrequencyLabel(
                    f,
                    validLocal(form.startsAt) ? form.startsAt.slice(0, 10) : null,
                  ),
                })),
              ]}
              onChange={(e) => setRepeat(e.target.value as SeriesFrequency | '')}
            />
          )}
          {repeat ? (
            <TextField
              id="activity-repeat-count"
              label="Number of meetings"
              hint="Including the first. Each meeting is its own record."
              inputMode="numeric"
              value={count}
              error={errors['repeat-count']}
              onChange={(e) => setCount(e.target.value)}
            />
          ) : (
            <SelectField
              id="activity-status"
              label="Status"
              value={form.status}
              error={errors.status}
              options={activityStatuses.map((s) => ({ value: s, label: activityStatusLabels[s] }))}
              onChange={(e) => set({ status: e.target.value as ActivityStatus })}
            />
          )}
          <SelectField
            id="activity-venueKind"
            label="Venue"
            value={form.venueKind}
            options={venueKinds.map((v) => ({ value: v, label: venueKindLabels[v] }))}
            onChange={(e) => set({ venueKind: e.target.value as VenueKind })}
          />
          <TextField
            id="activity-venueName"
            label="Venue name"
            value={form.venueName}
            error={errors.venueName}
            onChange={(e) => set({ venueName: e.target.value })}
          />
          <TextField
            id="activity-venueAddress"
            label={form.venueKind === 'online' ? 'Joining link or details' : 'Address'}
            value={form.venueAddress}
            error={errors.venueAddress}
            onChange={(e) => set({ venueAddress: e.target.value })}
          />
        </div>
        {repeat && plan.data ? <SeriesPreview plan={plan.data} /> : null}
        <TextAreaField
          id="activity-agenda"
          label="Agenda"
          rows={5}
          value={form.agenda}
          error={errors.agenda}
          onChange={(e) => set({ agenda: e.target.value })}
        />
        <TextAreaField
          id="activity-notes"
          label="Notes or minutes"
          rows={6}
          value={form.notes}
          error={errors.notes}
          onChange={(e) => set({ notes: e.target.value })}
        />
        <div className="button-row">
          <button
            type="submit"
            className="button"
            disabled={save.isPending || saveSeries.isPending}
          >
            {repeat && plan.data ? `Schedule ${plan.data.meetings.length} meetings` : 'Save'}
          </button>
          <button type="button" className="button button--secondary" onClick={() => navigate(-1)}>
            Cancel
          </button>
        </div>
      </form>
    </>
  );
}

/** The meetings of a series as they will be saved, with any moved off a holiday or weekend. */
function SeriesPreview({ plan }: { plan: SeriesPlanResult }) {
  const moved = plan.meetings.filter((m) => m.movedFrom).length;
  return (
    <section className="series-preview" aria-labelledby="series-preview-heading">
      <h2 id="series-preview-heading">The {plan.meetings.length} meetings</h2>
      <p className="muted">
        {moved === 0
          ? 'None falls on a weekend or bank holiday.'
          : `${moved} ${moved === 1 ? 'falls' : 'fall'} on a weekend or bank holiday and ${moved === 1 ? 'moves' : 'move'} to the next working day.`}
      </p>
      {plan.uncoveredYears.length ? (
        <Notice tone="warning">
          The bank holiday list does not cover {plan.uncoveredYears.join(' or ')}: check those
          dates, or load a newer list in the complaint panel settings.
        </Notice>
      ) : null}
      <ol className="series-preview__list">
        {plan.meetings.map((m) => (
          <li key={m.startsAt}>
            {formatDateTime(m.startsAt)}
            {m.movedFrom ? (
              <span className="muted">
                {' '}
                (moved from {formatDate(m.movedFrom)}
                {m.movedBecause ? `, ${m.movedBecause}` : ''})
              </span>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

function validLocal(local: string): boolean {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local);
}

function addHours(local: string, hours: number): string {
  if (!validLocal(local)) return '';
  const d = new Date(`${local}:00.000Z`);
  return new Date(d.getTime() + hours * 3_600_000).toISOString().slice(0, 16);
}
