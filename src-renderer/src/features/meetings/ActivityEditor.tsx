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
  type VenueKind,
} from '../../../../src-shared/domain/meetings';
import { errorMessage, fieldErrors } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { ErrorSummary, summaryItems } from '../../components/ErrorSummary';
import { SelectField, TextAreaField, TextField } from '../../components/Field';
import { DayNoticeHint, useDayNotice } from '../../components/day-notice';
import { Loading, PageHeader } from '../../components/PageHeader';
import { isChanged, useUnsavedChanges } from '../../components/UnsavedChanges';
import { isoToLondonLocal, londonLocalToIso } from './time';

export function ActivityEditor() {
  const { id } = useParams();
  const existing = useApiQuery('activities.get', { id: id ?? '' }, { enabled: Boolean(id) });
  if (id && !existing.data) return <Loading what="Loading the activity" />;
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
  const set = (patch: Partial<typeof form>) => setForm((f) => ({ ...f, ...patch }));
  const startsNotice = useDayNotice(form.startsAt);
  const save = useApiMutation('activities.save', {
    onSuccess: (a) => {
      guard.saved();
      navigate(`/activities/${a.id}`);
    },
  });
  const errors = save.error ? fieldErrors(save.error) : {};

  function submit(e: FormEvent) {
    e.preventDefault();
    save.mutate({
      id: activity?.id,
      expectedUpdatedAt: activity?.updatedAt,
      kind: form.kind,
      title: form.title,
      status: form.status,
      groupId: form.groupId || null,
      courseId: form.courseId || null,
      startsAt: form.startsAt ? londonLocalToIso(form.startsAt) : '',
      endsAt: form.endsAt ? londonLocalToIso(form.endsAt) : '',
      venueKind: form.venueKind,
      venueName: form.venueName,
      venueAddress: form.venueAddress,
      agenda: form.agenda,
      notes: form.notes,
    });
  }
  return (
    <>
      <PageHeader title={activity ? `Edit ${activity.title}` : 'Schedule an activity'} />
      <form {...guard.formProps} className="panel" onSubmit={submit} noValidate>
        {save.error ? (
          <ErrorSummary
            items={summaryItems(errors, 'activity', {
              message: errorMessage(save.error),
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
            value={form.title}
            error={errors.title}
            onChange={(e) => set({ title: e.target.value })}
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
            hint={startsNotice ? <DayNoticeHint notice={startsNotice} /> : undefined}
            value={form.startsAt}
            error={errors.startsAt}
            onChange={(e) =>
              set({ startsAt: e.target.value, endsAt: form.endsAt || addHours(e.target.value, 2) })
            }
          />
          <TextField
            id="activity-endsAt"
            label="Ends (UK time)"
            type="datetime-local"
            required
            value={form.endsAt}
            error={errors.endsAt}
            onChange={(e) => set({ endsAt: e.target.value })}
          />
          <SelectField
            id="activity-status"
            label="Status"
            value={form.status}
            error={errors.status}
            options={activityStatuses.map((s) => ({ value: s, label: activityStatusLabels[s] }))}
            onChange={(e) => set({ status: e.target.value as ActivityStatus })}
          />
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
          <button type="submit" className="button" disabled={save.isPending}>
            Save
          </button>
          <button type="button" className="button button--secondary" onClick={() => navigate(-1)}>
            Cancel
          </button>
        </div>
      </form>
    </>
  );
}

function addHours(local: string, hours: number): string {
  if (!local) return '';
  const d = new Date(`${local}:00.000Z`);
  return new Date(d.getTime() + hours * 3_600_000).toISOString().slice(0, 16);
}
