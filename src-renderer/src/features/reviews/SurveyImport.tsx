import { useRef, useState } from 'react';
import {
  surveyColumnUses,
  type SurveyColumnUse,
  type SurveyPreview,
} from '../../../../src-shared/domain/reviews';
import { call, errorMessage } from '../../api/client';
import { useApiMutation } from '../../api/hooks';
import { formatDate } from '../../components/format';
import { Notice } from '../../components/PageHeader';
import { fileToBase64 } from '../customer-import/file-bytes';

const useLabels: Record<SurveyColumnUse, string> = {
  comment: 'Comment text',
  date: 'Date of the response',
  themes: 'Themes',
};

/** A survey tool's export (one row a response) read as comments, with the columns mapped and a preview first. */
export function SurveyImport({ reviewId }: { reviewId: string }) {
  const fileRef = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<{ fileName: string; contentBase64: string } | null>(null);
  const [preview, setPreview] = useState<SurveyPreview | null>(null);
  const [mapping, setMapping] = useState<(SurveyColumnUse | null)[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const commit = useApiMutation('reviews.importSurvey', {
    onSuccess: (s) => {
      setDone(`Imported ${preview?.counts.comments ?? 0} comments; ${s.comments.length} in all.`);
      setPreview(null);
      setFile(null);
      if (fileRef.current) fileRef.current.value = '';
    },
  });

  async function load(next: (SurveyColumnUse | null)[] | undefined, chosen = file) {
    if (!chosen) return;
    setProblem(null);
    setDone(null);
    try {
      const p = await call('reviews.previewSurvey', { reviewId, ...chosen, mapping: next });
      setPreview(p);
      setMapping(p.mapping);
    } catch (e) {
      setProblem(errorMessage(e));
    }
  }

  return (
    <div className="subform">
      <h3>Import a survey</h3>
      <div className="field">
        <label className="field__label" htmlFor="survey-file">
          Survey export (CSV or Excel)
        </label>
        <div className="field__hint" id="survey-file-hint">
          One row a response. You choose which columns hold the comments before anything is saved.
        </div>
        <input
          id="survey-file"
          type="file"
          accept=".csv,.xlsx"
          ref={fileRef}
          aria-describedby="survey-file-hint"
          onChange={async (e) => {
            const f = e.target.files?.[0];
            if (!f) return;
            const chosen = { fileName: f.name, contentBase64: await fileToBase64(f) };
            setFile(chosen);
            await load(undefined, chosen);
          }}
        />
      </div>
      {problem ? <Notice tone="error">{problem}</Notice> : null}
      {done ? <Notice tone="success">{done}</Notice> : null}
      {preview ? (
        <>
          <fieldset className="field">
            <legend className="field__label">What each column holds</legend>
            <div className="form-grid">
              {preview.headers.map((h, i) => (
                <div className="field" key={`${h}-${i}`}>
                  <label className="field__label" htmlFor={`survey-col-${i}`}>
                    {h || `Column ${i + 1}`}
                  </label>
                  <select
                    id={`survey-col-${i}`}
                    className="input"
                    value={mapping[i] ?? ''}
                    onChange={(e) => {
                      const next = [...mapping];
                      next[i] = (e.target.value || null) as SurveyColumnUse | null;
                      void load(next);
                    }}
                  >
                    <option value="">Leave out</option>
                    {surveyColumnUses.map((u) => (
                      <option key={u} value={u}>
                        {useLabels[u]}
                      </option>
                    ))}
                  </select>
                </div>
              ))}
            </div>
          </fieldset>
          <p role="status">
            {preview.counts.rows} rows: {preview.counts.comments} comments to import,{' '}
            {preview.counts.invalid} with a problem, {preview.counts.empty} empty.
          </p>
          {preview.errors.length ? (
            <Notice tone="warning">
              <ul>
                {preview.errors.map((e) => (
                  <li key={`${e.row}-${e.message}`}>{e.message}</li>
                ))}
              </ul>
              Correct the file and choose it again: nothing is imported while a row has a problem.
            </Notice>
          ) : null}
          <div className="table-scroll">
            <table className="table">
              <caption className="visually-hidden">Survey preview</caption>
              <thead>
                <tr>
                  <th scope="col">Row</th>
                  <th scope="col">Date</th>
                  <th scope="col">Comment</th>
                  <th scope="col">Themes</th>
                </tr>
              </thead>
              <tbody>
                {preview.rows.map((r) => (
                  <tr key={r.row}>
                    <td>{r.row}</td>
                    <td>
                      {r.problem ? (
                        <span className="badge badge--red">Problem</span>
                      ) : (
                        formatDate(r.receivedOn)
                      )}
                    </td>
                    <td style={{ whiteSpace: 'pre-wrap' }}>{r.text}</td>
                    <td>{r.themes.join(', ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {commit.error ? <Notice tone="error">{errorMessage(commit.error)}</Notice> : null}
          <button
            type="button"
            className="button"
            disabled={!file || preview.errors.length > 0 || commit.isPending}
            onClick={() => file && commit.mutate({ reviewId, ...file, mapping })}
          >
            Import {preview.counts.comments} comments
          </button>
        </>
      ) : null}
    </div>
  );
}
