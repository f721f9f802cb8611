import { useToday } from '../../clock';
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import type { RecommendationDetail } from '../../../../src-shared/domain/recommendations';
import { serviceAreas, type ServiceArea } from '../../../../src-shared/domain/customer';
import {
  managementResponseLabels,
  managementResponses,
  recommendationStatusLabels,
  recommendationStatuses,
  type ManagementResponse,
  type RecommendationStatus,
} from '../../../../src-shared/rules/recommendations';
import { errorMessage, fieldErrors } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../components/Field';
import { HistoryPanel } from '../../components/HistoryPanel';
import { formatDate } from '../../components/format';
import { Loading, Notice, PageHeader } from '../../components/PageHeader';
import { useFormChanges, useUnsavedChanges } from '../../components/UnsavedChanges';
import { useCan } from '../../session';
import { AssuranceTags } from '../reviews/TagPicker';
import '../../styles/cases.css';

function Editor({ rec }: { rec: RecommendationDetail }) {
  const [form, setForm] = useState({
    text: rec.text,
    serviceArea: rec.serviceArea as string,
    managementResponse: rec.managementResponse ?? '',
    responseReason: rec.responseReason ?? '',
    owner: rec.owner ?? '',
    dueDate: rec.dueDate ?? '',
    status: rec.status as string,
    evidence: rec.evidence ?? '',
    systemic: rec.systemic,
  });
  const guard = useFormChanges(form, `recommendation ${rec.reference}`);
  const save = useApiMutation('recommendations.update');
  const errors = fieldErrors(save.error);
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [k]: e.target.value }));
  function submit(e: FormEvent) {
    e.preventDefault();
    const sent = form;
    save.mutate(
      {
        id: rec.id,
        expectedUpdatedAt: rec.updatedAt,
        text: form.text,
        serviceArea: form.serviceArea as ServiceArea,
        managementResponse: (form.managementResponse || null) as ManagementResponse | null,
        responseReason: form.responseReason,
        owner: form.owner,
        dueDate: form.dueDate || null,
        status: form.status as RecommendationStatus,
        evidence: form.evidence,
        systemic: form.systemic,
      },
      { onSuccess: () => guard.savedAs(sent) },
    );
  }
  return (
    <form {...guard.formProps} className="panel" onSubmit={submit} noValidate>
      <h2>Response and status</h2>
      {save.error ? <Notice tone="error">{errorMessage(save.error)}</Notice> : null}
      {save.isSuccess ? <Notice tone="success">Saved.</Notice> : null}
      <TextAreaField
        id="text"
        label="Recommendation"
        rows={2}
        value={form.text}
        onChange={set('text')}
        error={errors.text}
      />
      <div className="form-grid">
        <SelectField
          id="serviceArea"
          label="Service area"
          value={form.serviceArea}
          options={serviceAreas.options}
          onChange={set('serviceArea')}
        />
        <SelectField
          id="managementResponse"
          label="Management response"
          value={form.managementResponse}
          placeholder="Awaited"
          options={managementResponses.map((r) => ({
            value: r,
            label: managementResponseLabels[r],
          }))}
          onChange={set('managementResponse')}
        />
        <TextField id="owner" label="Owner" value={form.owner} onChange={set('owner')} />
        <TextField
          id="dueDate"
          label="Due date"
          type="date"
          value={form.dueDate}
          onChange={set('dueDate')}
        />
        <SelectField
          id="status"
          label="Status"
          value={form.status}
          options={recommendationStatuses.map((s) => ({
            value: s,
            label: recommendationStatusLabels[s],
          }))}
          onChange={set('status')}
          error={errors.status}
        />
      </div>
      <TextAreaField
        id="responseReason"
        label="Reason for the response"
        rows={2}
        value={form.responseReason}
        onChange={set('responseReason')}
        error={errors.responseReason}
      />
      <TextAreaField
        id="evidence"
        label="Evidence of completion"
        rows={2}
        value={form.evidence}
        onChange={set('evidence')}
      />
      <CheckboxField
        id="systemic"
        label="Could recur across other services or households"
        hint="Goes to the Board and the Group Audit and Risk Committee reports."
        checked={form.systemic}
        onChange={(e) => setForm((f) => ({ ...f, systemic: e.target.checked }))}
      />
      <button className="button" type="submit" disabled={save.isPending}>
        Save
      </button>
    </form>
  );
}

function Steps({
  rec,
  canWrite,
  today,
}: {
  rec: RecommendationDetail;
  canWrite: boolean;
  today: string;
}) {
  const [text, setText] = useState('');
  const [due, setDue] = useState('');
  const [note, setNote] = useState('');
  const [onDate, setOnDate] = useState(today);
  const stepGuard = useUnsavedChanges(text.trim() !== '' || due !== '', 'the new step');
  const noteGuard = useUnsavedChanges(note.trim() !== '', 'the progress note');
  const addStep = useApiMutation('recommendations.addStep', {
    onSuccess: () => {
      setText('');
      setDue('');
    },
  });
  const mark = useApiMutation('recommendations.markStep');
  const progress = useApiMutation('recommendations.addProgress', { onSuccess: () => setNote('') });
  return (
    <>
      <section className="panel" aria-labelledby="steps-heading">
        <h2 id="steps-heading">Action plan</h2>
        {rec.steps.length ? (
          <ul className="steps">
            {rec.steps.map((s) => (
              <li key={s.id}>
                <label>
                  <input
                    type="checkbox"
                    checked={s.doneOn !== null}
                    disabled={!canWrite}
                    onChange={(e) =>
                      mark.mutate({ id: s.id, doneOn: e.target.checked ? today : null })
                    }
                  />{' '}
                  {s.text}
                </label>
                <span className="muted">
                  {' '}
                  · due {formatDate(s.dueDate)}
                  {s.doneOn ? ` · done ${formatDate(s.doneOn)}` : ''}
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">No steps yet.</p>
        )}
        {canWrite ? (
          <form
            {...stepGuard.formProps}
            className="subform"
            onSubmit={(e) => {
              e.preventDefault();
              addStep.mutate({ recommendationId: rec.id, text, dueDate: due || null });
            }}
          >
            {addStep.error ? <Notice tone="error">{errorMessage(addStep.error)}</Notice> : null}
            <div className="form-grid">
              <TextField
                id="step-text"
                label="Step"
                value={text}
                onChange={(e) => setText(e.target.value)}
              />
              <TextField
                id="step-due"
                label="Due"
                type="date"
                value={due}
                onChange={(e) => setDue(e.target.value)}
              />
            </div>
            <button className="button button--secondary" type="submit" disabled={!text.trim()}>
              Add the step
            </button>
          </form>
        ) : null}
      </section>
      <section className="panel" aria-labelledby="progress-heading">
        <h2 id="progress-heading">Progress</h2>
        <ol className="timeline">
          {rec.updates.map((u) => (
            <li key={u.id}>
              <strong>{formatDate(u.onDate)}</strong>{' '}
              {u.byName ? <span className="muted">· {u.byName}</span> : null}
              <p>{u.note}</p>
            </li>
          ))}
        </ol>
        {canWrite ? (
          <form
            {...noteGuard.formProps}
            className="subform"
            onSubmit={(e) => {
              e.preventDefault();
              progress.mutate({ recommendationId: rec.id, onDate, note });
            }}
          >
            {progress.error ? <Notice tone="error">{errorMessage(progress.error)}</Notice> : null}
            <TextField
              id="progress-date"
              label="Date"
              type="date"
              value={onDate}
              onChange={(e) => setOnDate(e.target.value)}
            />
            <TextAreaField
              id="progress-note"
              label="Update"
              rows={2}
              value={note}
              onChange={(e) => setNote(e.target.value)}
            />
            <button className="button button--secondary" type="submit" disabled={!note.trim()}>
              Add the update
            </button>
          </form>
        ) : null}
      </section>
    </>
  );
}

export function RecommendationPage() {
  const { id = '' } = useParams();
  const rec = useApiQuery('recommendations.get', { id });
  const today = useToday();
  const canWrite = useCan('recommendations.write');
  if (rec.isPending) return <Loading what="Loading the recommendation" />;
  if (rec.error && !rec.data) return <Notice tone="error">{errorMessage(rec.error)}</Notice>;
  const r = rec.data;
  return (
    <>
      <PageHeader
        title={`Recommendation ${r.reference}`}
        subtitle={
          <>
            From{' '}
            <Link
              to={
                r.sourceType === 'complaint_case'
                  ? `/cases/${r.sourceId}`
                  : `/reviews/${r.sourceId}`
              }
            >
              {r.sourceLabel}
            </Link>{' '}
            · {recommendationStatusLabels[r.status]}
            {r.overdue ? <span className="badge badge--red"> Overdue</span> : null}
          </>
        }
      />
      {canWrite ? <Editor key={r.updatedAt} rec={r} /> : null}
      <Steps rec={r} canWrite={canWrite} today={today} />
      <AssuranceTags
        entityType="recommendation"
        entityId={r.id}
        label={`recommendation ${r.reference}`}
      />
      <HistoryPanel entity="recommendations" id={r.id} />
    </>
  );
}
