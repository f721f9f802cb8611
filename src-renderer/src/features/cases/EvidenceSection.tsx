import { useRef, useState } from 'react';
import type { CaseDetail } from '../../../../src-shared/domain/cases';
import { call, errorMessage } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { Link } from 'react-router';
import { SelectField, TextAreaField, TextField } from '../../components/Field';
import { useUnsavedChanges } from '../../components/UnsavedChanges';
import { formatDate, formatDateTime } from '../../components/format';
import { Notice } from '../../components/PageHeader';
import { downloadBase64, fileToBase64 } from '../customer-import/file-bytes';

const noSignatory =
  'Name who signs decision letters, with their contact details, before writing one.';

export function NotesSection({
  detail,
  canWrite,
  today,
}: {
  detail: CaseDetail;
  canWrite: boolean;
  today: string;
}) {
  const [kind, setKind] = useState<'note' | 'correspondence'>('note');
  const [onDate, setOnDate] = useState(today);
  const [direction, setDirection] = useState('');
  const [correspondent, setCorrespondent] = useState('');
  const [body, setBody] = useState('');
  const guard = useUnsavedChanges(body.trim() !== '', 'the note');
  const add = useApiMutation('cases.addNote', {
    onSuccess: () => {
      setBody('');
      setCorrespondent('');
    },
  });
  return (
    <section className="panel" aria-labelledby="notes-heading">
      <h2 id="notes-heading">Notes and correspondence</h2>
      {canWrite ? (
        <form
          {...guard.formProps}
          onSubmit={(e) => {
            e.preventDefault();
            add.mutate({
              caseId: detail.id,
              kind,
              onDate,
              direction: (direction || null) as 'in' | 'out' | null,
              correspondent,
              body,
            });
          }}
        >
          {add.error ? <Notice tone="error">{errorMessage(add.error)}</Notice> : null}
          <div className="form-grid">
            <SelectField
              id="note-kind"
              label="Kind"
              value={kind}
              options={[
                { value: 'note', label: 'Note' },
                { value: 'correspondence', label: 'Letter, email or call' },
              ]}
              onChange={(e) => setKind(e.target.value as 'note' | 'correspondence')}
            />
            <TextField
              id="note-date"
              label="Date"
              type="date"
              value={onDate}
              onChange={(e) => setOnDate(e.target.value)}
            />
            {kind === 'correspondence' ? (
              <>
                <SelectField
                  id="note-direction"
                  label="Direction"
                  value={direction}
                  placeholder="Choose…"
                  options={[
                    { value: 'in', label: 'Received' },
                    { value: 'out', label: 'Sent' },
                  ]}
                  onChange={(e) => setDirection(e.target.value)}
                />
                <TextField
                  id="note-correspondent"
                  label="From or to"
                  value={correspondent}
                  onChange={(e) => setCorrespondent(e.target.value)}
                />
              </>
            ) : null}
          </div>
          <TextAreaField
            id="note-body"
            label={kind === 'note' ? 'Note' : 'Summary'}
            rows={3}
            value={body}
            onChange={(e) => setBody(e.target.value)}
          />
          <button
            className="button button--secondary"
            type="submit"
            disabled={!body.trim() || add.isPending}
          >
            Add to the timeline
          </button>
        </form>
      ) : null}
      <ol className="timeline">
        {detail.notes.map((n) => (
          <li key={n.id}>
            <strong>{formatDate(n.onDate)}</strong> ·{' '}
            {n.kind === 'note'
              ? 'Note'
              : `${n.direction === 'in' ? 'Received from' : 'Sent to'} ${n.correspondent ?? 'unknown'}`}
            {n.authorName ? <span className="muted"> · {n.authorName}</span> : null}
            <p>{n.body}</p>
          </li>
        ))}
      </ol>
    </section>
  );
}

export function EvidenceSection({ detail, canWrite }: { detail: CaseDetail; canWrite: boolean }) {
  const fileRef = useRef<HTMLInputElement>(null);
  const [description, setDescription] = useState('');
  const uploadGuard = useUnsavedChanges(description !== '', 'the attachment’s description');
  const [busy, setBusy] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const attach = useApiMutation('cases.attach', { onSuccess: () => setDescription('') });
  const settings = useApiQuery('cases.settings', {});

  async function upload() {
    const file = fileRef.current?.files?.[0];
    if (!file) return;
    attach.mutate({
      caseId: detail.id,
      fileName: file.name,
      mimeType: file.type || 'application/octet-stream',
      description,
      contentBase64: await fileToBase64(file),
    });
    if (fileRef.current) fileRef.current.value = '';
  }

  async function generate(kind: 'hearing_pack' | 'decision_letter') {
    setBusy(kind);
    setProblem(null);
    try {
      const f = await call('cases.document', { caseId: detail.id, kind });
      downloadBase64(f.fileName, f.contentBase64, f.mimeType);
    } catch (e) {
      setProblem(errorMessage(e));
    } finally {
      setBusy(null);
    }
  }

  async function open(id: string) {
    const f = await call('cases.readAttachment', { id });
    downloadBase64(f.fileName, f.contentBase64, f.mimeType);
  }

  const letterBlocked = !detail.decisionOutcome
    ? 'The decision letter can be written once the panel has issued its decision.'
    : settings.data && !settings.data.signatory
      ? noSignatory
      : null;

  return (
    <section className="panel" aria-labelledby="evidence-heading">
      <h2 id="evidence-heading">Evidence and documents</h2>
      <div className="button-row">
        <button
          type="button"
          className="button"
          onClick={() => void generate('hearing_pack')}
          disabled={busy !== null}
        >
          {busy === 'hearing_pack' ? 'Preparing…' : 'Hearing pack (PDF)'}
        </button>
        <button
          type="button"
          className="button"
          onClick={() => void generate('decision_letter')}
          disabled={busy !== null || letterBlocked !== null}
          aria-describedby={letterBlocked ? 'decision-letter-why' : undefined}
        >
          {busy === 'decision_letter' ? 'Preparing…' : 'Decision letter (PDF)'}
        </button>
      </div>
      {letterBlocked ? (
        <p id="decision-letter-why" className="field__hint">
          {letterBlocked}
          {letterBlocked === noSignatory ? (
            <>
              {' '}
              <Link to="/settings/cases">Open the complaint panel settings</Link>.
            </>
          ) : null}
        </p>
      ) : null}
      {problem ? <Notice tone="error">{problem}</Notice> : null}
      {detail.attachments.length ? (
        <table className="table">
          <caption className="visually-hidden">Attached evidence</caption>
          <thead>
            <tr>
              <th scope="col">File</th>
              <th scope="col">Description</th>
              <th scope="col">Added</th>
            </tr>
          </thead>
          <tbody>
            {detail.attachments.map((a) => (
              <tr key={a.id}>
                <th scope="row">
                  <button
                    type="button"
                    className="button button--quiet"
                    onClick={() => void open(a.id)}
                  >
                    {a.fileName}
                  </button>
                </th>
                <td>{a.description}</td>
                <td>{formatDateTime(a.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted">No evidence attached.</p>
      )}
      {canWrite ? (
        <form
          {...uploadGuard.formProps}
          className="subform"
          onSubmit={(e) => {
            e.preventDefault();
            void upload();
          }}
        >
          {attach.error ? <Notice tone="error">{errorMessage(attach.error)}</Notice> : null}
          <div className="field">
            <label className="field__label" htmlFor="evidence-file">
              Attach a file
            </label>
            <div className="field__hint" id="evidence-file-hint">
              A copy is kept in the app’s own store and never changed.
            </div>
            <input
              id="evidence-file"
              type="file"
              ref={fileRef}
              aria-describedby="evidence-file-hint"
            />
          </div>
          <TextField
            id="evidence-description"
            label="Description"
            value={description}
            onChange={(e) => setDescription(e.target.value)}
          />
          <button className="button button--secondary" type="submit" disabled={attach.isPending}>
            Attach
          </button>
        </form>
      ) : null}
    </section>
  );
}
