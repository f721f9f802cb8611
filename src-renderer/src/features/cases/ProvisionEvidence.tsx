import { useRef, useState } from 'react';
import type { SelfAssessmentRow } from '../../../../src-shared/domain/self-assessment';
import { call, errorMessage, fieldErrors } from '../../api/client';
import { useApiMutation } from '../../api/hooks';
import { TextField } from '../../components/Field';
import { formatDate } from '../../components/format';
import { Notice } from '../../components/PageHeader';
import { downloadBase64, fileToBase64 } from '../customer-import/file-bytes';
import { useUnsavedChanges } from '../../components/UnsavedChanges';

/** Documents (kept in the app's file store) and figures that evidence one provision. */
export function ProvisionEvidence({
  year,
  row,
  canWrite,
}: {
  year: number;
  row: SelfAssessmentRow;
  canWrite: boolean;
}) {
  const id = `p-${row.provision.replace(/\./g, '-')}`;
  return (
    <div className="self-assessment__evidence">
      <Documents id={id} year={year} row={row} canWrite={canWrite} />
      <Figures id={id} year={year} row={row} canWrite={canWrite} />
    </div>
  );
}

function Documents({
  id,
  year,
  row,
  canWrite,
}: {
  id: string;
  year: number;
  row: SelfAssessmentRow;
  canWrite: boolean;
}) {
  const fileRef = useRef<HTMLInputElement>(null);
  const [description, setDescription] = useState('');
  const guard = useUnsavedChanges(description !== '', 'the document’s description');
  const [problem, setProblem] = useState<string | null>(null);
  const attach = useApiMutation('selfAssessment.attach', {
    onSuccess: () => {
      setDescription('');
      if (fileRef.current) fileRef.current.value = '';
    },
  });
  const remove = useApiMutation('selfAssessment.removeDocument');

  async function upload() {
    const file = fileRef.current?.files?.[0];
    if (!file) {
      setProblem('Choose a file to attach.');
      fileRef.current?.focus();
      return;
    }
    setProblem(null);
    attach.mutate({
      year,
      provision: row.provision,
      fileName: file.name,
      mimeType: file.type || 'application/octet-stream',
      description,
      contentBase64: await fileToBase64(file),
    });
  }

  async function open(docId: string) {
    setProblem(null);
    try {
      const f = await call('selfAssessment.readDocument', { id: docId });
      downloadBase64(f.fileName, f.contentBase64, f.mimeType);
    } catch (e) {
      setProblem(errorMessage(e));
    }
  }

  return (
    <section aria-labelledby={`${id}-documents`}>
      <h3 id={`${id}-documents`}>Documents</h3>
      {row.documents.length ? (
        <ul className="self-assessment__items">
          {row.documents.map((d) => (
            <li key={d.id}>
              <button
                type="button"
                className="button button--quiet"
                onClick={() => void open(d.id)}
              >
                {d.fileName}
              </button>
              <span className="muted">
                {d.description ? `${d.description} · ` : ''}added {formatDate(d.createdAt)}
              </span>
              {canWrite ? (
                <button
                  type="button"
                  className="button button--quiet"
                  disabled={remove.isPending}
                  onClick={() => remove.mutate({ id: d.id })}
                >
                  Remove {d.fileName}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">No documents attached.</p>
      )}
      {problem ? <Notice tone="error">{problem}</Notice> : null}
      {attach.error ? <Notice tone="error">{errorMessage(attach.error)}</Notice> : null}
      {canWrite ? (
        <form
          {...guard.formProps}
          className="self-assessment__add"
          aria-label={`Attach a document to provision ${row.provision}`}
          onSubmit={(e) => {
            e.preventDefault();
            void upload();
          }}
        >
          <div className="field">
            <label className="field__label" htmlFor={`${id}-file`}>
              File
            </label>
            <input id={`${id}-file`} type="file" ref={fileRef} />
          </div>
          <TextField
            id={`${id}-file-description`}
            label="Description"
            value={description}
            onChange={(e) => setDescription(e.target.value)}
          />
          <button className="button button--secondary" type="submit" disabled={attach.isPending}>
            Attach document
          </button>
        </form>
      ) : null}
    </section>
  );
}

function Figures({
  id,
  year,
  row,
  canWrite,
}: {
  id: string;
  year: number;
  row: SelfAssessmentRow;
  canWrite: boolean;
}) {
  const [label, setLabel] = useState('');
  const [value, setValue] = useState('');
  const figureGuard = useUnsavedChanges(label !== '' || value !== '', 'the figure');
  const [period, setPeriod] = useState(`${year - 1}/${String(year).slice(2)}`);
  const add = useApiMutation('selfAssessment.addFigure', {
    onSuccess: () => {
      setLabel('');
      setValue('');
    },
  });
  const remove = useApiMutation('selfAssessment.removeFigure');
  const errors = add.error ? fieldErrors(add.error) : {};
  return (
    <section aria-labelledby={`${id}-figures`}>
      <h3 id={`${id}-figures`}>Figures</h3>
      {row.figures.length ? (
        <table className="table">
          <caption className="visually-hidden">Figures for provision {row.provision}</caption>
          <thead>
            <tr>
              <th scope="col">Measure</th>
              <th scope="col">Value</th>
              <th scope="col">Period</th>
              {canWrite ? (
                <th scope="col">
                  <span className="visually-hidden">Remove</span>
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {row.figures.map((f) => (
              <tr key={f.id}>
                <th scope="row">{f.label}</th>
                <td>{f.value}</td>
                <td>{f.period}</td>
                {canWrite ? (
                  <td>
                    <button
                      type="button"
                      className="button button--quiet"
                      disabled={remove.isPending}
                      onClick={() => remove.mutate({ id: f.id })}
                      aria-label={`Remove ${f.label}, ${f.period}`}
                    >
                      Remove
                    </button>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted">No figures recorded.</p>
      )}
      {canWrite ? (
        <form
          {...figureGuard.formProps}
          className="self-assessment__add"
          aria-label={`Add a figure to provision ${row.provision}`}
          onSubmit={(e) => {
            e.preventDefault();
            add.mutate({ year, provision: row.provision, label, value, period });
          }}
        >
          <TextField
            id={`${id}-figure-label`}
            label="Measure"
            hint="Like: Stage 1 answered within 10 working days"
            value={label}
            error={errors['label']}
            onChange={(e) => setLabel(e.target.value)}
          />
          <TextField
            id={`${id}-figure-value`}
            label="Value"
            hint="Like: 87%"
            value={value}
            error={errors['value']}
            onChange={(e) => setValue(e.target.value)}
          />
          <TextField
            id={`${id}-figure-period`}
            label="Period"
            hint="Like: 2025/26"
            value={period}
            error={errors['period']}
            onChange={(e) => setPeriod(e.target.value)}
          />
          <button className="button button--secondary" type="submit" disabled={add.isPending}>
            Add figure
          </button>
        </form>
      ) : null}
    </section>
  );
}
