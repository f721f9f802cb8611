import { useRef, useState } from 'react';
import {
  evidenceKindLabels,
  evidenceKinds,
  type EvidenceKind,
  type ReviewDetail,
} from '../../../../src-shared/domain/reviews';
import { call, errorMessage, fieldErrors } from '../../api/client';
import { useApiMutation } from '../../api/hooks';
import { useToday } from '../../clock';
import { SelectField, TextAreaField, TextField } from '../../components/Field';
import { formatDate, plural } from '../../components/format';
import { Notice } from '../../components/PageHeader';
import { downloadBase64, fileToBase64 } from '../customer-import/file-bytes';
import { TagPicker } from './TagPicker';
import { useUnsavedChanges } from '../../components/UnsavedChanges';

function AnswerButton({ id, today }: { id: string; today: string }) {
  const [on, setOn] = useState(today);
  const answer = useApiMutation('reviews.recordAnswer');
  return (
    <form
      className="inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        answer.mutate({ id, answeredOn: on });
      }}
    >
      <label className="visually-hidden" htmlFor={`answer-${id}`}>
        Date answered
      </label>
      <input
        id={`answer-${id}`}
        className="input"
        type="date"
        value={on}
        onChange={(e) => setOn(e.target.value)}
      />
      <button className="button button--quiet" type="submit" disabled={answer.isPending}>
        Record answer
      </button>
      {answer.error ? <span className="field__error">{errorMessage(answer.error)}</span> : null}
    </form>
  );
}

export function EvidenceLog({ review }: { review: ReviewDetail }) {
  const today = useToday();
  const fileRef = useRef<HTMLInputElement>(null);
  const [kind, setKind] = useState<EvidenceKind>('interview');
  const [title, setTitle] = useState('');
  const [onDate, setOnDate] = useState(today);
  const [notes, setNotes] = useState('');
  const [askedOn, setAskedOn] = useState(today);
  const [dueOn, setDueOn] = useState('');
  const guard = useUnsavedChanges(title !== '' || notes !== '', 'the evidence');
  const add = useApiMutation('reviews.addEvidence', {
    onSuccess: () => {
      setTitle('');
      setNotes('');
      setDueOn('');
      if (fileRef.current) fileRef.current.value = '';
    },
  });
  const errors = fieldErrors(add.error);

  async function submit() {
    const file = fileRef.current?.files?.[0];
    add.mutate({
      reviewId: review.id,
      kind,
      title,
      onDate,
      notes,
      askedOn: kind === 'data_request' ? askedOn || null : null,
      dueOn: kind === 'data_request' ? dueOn || null : null,
      file: file
        ? {
            fileName: file.name,
            mimeType: file.type || 'application/octet-stream',
            contentBase64: await fileToBase64(file),
          }
        : null,
    });
  }

  async function open(id: string) {
    const f = await call('reviews.readEvidenceFile', { id });
    downloadBase64(f.fileName, f.contentBase64, f.mimeType);
  }

  return (
    <section className="panel" aria-labelledby="evidence-heading">
      <h2 id="evidence-heading">Evidence log ({review.evidence.length})</h2>
      {review.evidence.length ? (
        <div className="table-scroll">
          <table className="table">
            <caption className="visually-hidden">Evidence log</caption>
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Evidence</th>
                <th scope="col">Detail</th>
                <th scope="col">Requirements</th>
              </tr>
            </thead>
            <tbody>
              {review.evidence.map((e) => (
                <tr key={e.id}>
                  <td>{formatDate(e.onDate)}</td>
                  <th scope="row">
                    <span className="muted">{evidenceKindLabels[e.kind]}:</span> {e.title}
                    {e.fileName ? (
                      <div>
                        <button
                          type="button"
                          className="button button--quiet"
                          onClick={() => void open(e.id)}
                        >
                          {e.fileName}
                        </button>
                      </div>
                    ) : null}
                  </th>
                  <td>
                    {e.kind === 'data_request' ? (
                      <>
                        Asked {formatDate(e.askedOn)}
                        {e.dueOn ? `, due ${formatDate(e.dueOn)}` : ''}.{' '}
                        {e.answeredOn ? `Answered ${formatDate(e.answeredOn)}.` : 'Not answered.'}{' '}
                        {e.daysLate ? (
                          <span className="badge badge--red">
                            {e.daysLate} {plural(e.daysLate, 'working day', 'working days')} late
                          </span>
                        ) : null}
                        {!e.answeredOn && review.canRecordEvidence ? (
                          <AnswerButton id={e.id} today={today} />
                        ) : null}
                      </>
                    ) : null}
                    {e.notes ? <p>{e.notes}</p> : null}
                  </td>
                  <td>
                    <TagPicker
                      entityType="review_evidence"
                      entityId={e.id}
                      codes={e.tags}
                      label={e.title}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="muted">No evidence logged yet.</p>
      )}
      {review.canRecordEvidence ? (
        <form
          {...guard.formProps}
          className="subform"
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <h3>Log evidence</h3>
          {add.error ? <Notice tone="error">{errorMessage(add.error)}</Notice> : null}
          <div className="form-grid">
            <SelectField
              id="evidence-kind"
              label="Kind"
              value={kind}
              options={evidenceKinds.map((k) => ({ value: k, label: evidenceKindLabels[k] }))}
              onChange={(e) => setKind(e.target.value as EvidenceKind)}
            />
            <TextField
              id="evidence-title"
              label="Title"
              value={title}
              onChange={(e) => setTitle(e.target.value)}
              error={errors.title}
            />
            <TextField
              id="evidence-onDate"
              label="Date"
              type="date"
              value={onDate}
              onChange={(e) => setOnDate(e.target.value)}
              error={errors.onDate}
            />
            {kind === 'data_request' ? (
              <>
                <TextField
                  id="evidence-askedOn"
                  label="Asked on"
                  type="date"
                  value={askedOn}
                  onChange={(e) => setAskedOn(e.target.value)}
                  error={errors.askedOn}
                />
                <TextField
                  id="evidence-dueOn"
                  label="Answer due"
                  type="date"
                  value={dueOn}
                  onChange={(e) => setDueOn(e.target.value)}
                  error={errors.dueOn}
                />
              </>
            ) : null}
          </div>
          <TextAreaField
            id="evidence-notes"
            label="Notes"
            rows={2}
            value={notes}
            onChange={(e) => setNotes(e.target.value)}
            error={errors.notes}
          />
          <div className={`field${errors.file ? ' field--error' : ''}`}>
            <label className="field__label" htmlFor="evidence-file">
              Document
            </label>
            <div className="field__hint" id="evidence-file-hint">
              Optional, except for a document. A copy is kept in the app’s own store and never
              changed.
            </div>
            {errors.file ? (
              <p className="field__error" id="evidence-file-error">
                {errors.file}
              </p>
            ) : null}
            <input
              id="evidence-file"
              type="file"
              ref={fileRef}
              aria-describedby={`evidence-file-hint${errors.file ? ' evidence-file-error' : ''}`}
            />
          </div>
          <button className="button button--secondary" type="submit" disabled={add.isPending}>
            Add to the log
          </button>
        </form>
      ) : null}
    </section>
  );
}
