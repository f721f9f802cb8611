import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { VoteImportResult } from '../../../../src-shared/domain/grants';
import { errorMessage, fieldErrors } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { SelectField, TextField } from '../../components/Field';
import { formatCount, formatPence } from '../../components/format';
import { Loading, Notice, PageHeader } from '../../components/PageHeader';
import { useFormChanges } from '../../components/UnsavedChanges';
import '../../styles/grants.css';

/** The public vote: counts typed in per place, or a tally sheet imported as CSV, and the ranking they make. */
export function VotesPage() {
  const { id = '' } = useParams();
  const round = useApiQuery('grants.round', { id });
  const apps = useApiQuery('grants.applications', { roundId: id, status: 'eligible' });
  const ranking = useApiQuery('grants.ranking', { roundId: id });
  return (
    <>
      <PageHeader
        title="Public vote"
        subtitle={
          round.data ? <Link to={`/grants/rounds/${id}`}>{round.data.name}</Link> : undefined
        }
      />
      {round.data?.decisionMethod === 'panel' ? (
        <Notice tone="warning">This round is decided by the panel’s scores, not a vote.</Notice>
      ) : null}
      <TallyForm
        roundId={id}
        options={(apps.data ?? []).map((a) => ({
          value: a.id,
          label: `${a.reference} ${a.projectTitle}`,
        }))}
      />
      <ImportForm roundId={id} />
      <section className="panel" aria-labelledby="votes-ranking">
        <h2 id="votes-ranking">The vote so far</h2>
        <p className="grant-tie-rule">
          <strong>Ties:</strong> {ranking.data?.tieRule}
        </p>
        {!ranking.data ? (
          <Loading />
        ) : (
          <table className="table table--compact">
            <caption className="visually-hidden">Votes by project</caption>
            <thead>
              <tr>
                <th scope="col" className="num">
                  Rank
                </th>
                <th scope="col">Project</th>
                <th scope="col" className="num">
                  Votes
                </th>
                <th scope="col" className="num">
                  Asked
                </th>
                <th scope="col">Within the {formatPence(ranking.data.availablePence)}?</th>
              </tr>
            </thead>
            <tbody>
              {ranking.data.rows.map((r) => (
                <tr key={r.applicationId}>
                  <td className="num">{r.rank}</td>
                  <td>
                    <Link to={`/grants/applications/${r.applicationId}`}>{r.reference}</Link>{' '}
                    {r.projectTitle}
                  </td>
                  <td className="num">
                    {formatCount(r.result)}
                    {r.tiedOnResult ? ' (tied)' : ''}
                  </td>
                  <td className="num">{formatPence(r.amountPence)}</td>
                  <td>{r.note}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}

function TallyForm({
  roundId,
  options,
}: {
  roundId: string;
  options: { value: string; label: string }[];
}) {
  const blank = { applicationId: '', place: '', votes: '' };
  const [form, setForm] = useState(blank);
  const guard = useFormChanges(form, 'the vote count');
  const save = useApiMutation('grants.saveTally', {
    onSuccess: () => {
      guard.saved();
      // The place stays: counts from one place are usually typed one after another.
      const next = { ...blank, place: form.place };
      guard.savedAs(next);
      setForm(next);
      document.getElementById(`tally-app-${roundId}`)?.focus();
    },
  });
  const errors = fieldErrors(save.error);
  return (
    <form
      className="panel"
      noValidate
      {...guard.formProps}
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({
          applicationId: form.applicationId,
          place: form.place,
          votes: form.votes === '' || !/^\d+$/.test(form.votes) ? -1 : Number(form.votes),
        });
      }}
    >
      <h2>Enter a count</h2>
      {save.error ? <Notice tone="error">{errorMessage(save.error)}</Notice> : null}
      <div className="form-grid">
        <SelectField
          id={`tally-app-${roundId}`}
          label="Project"
          value={form.applicationId}
          placeholder="Choose the project"
          options={options}
          onChange={(e) => setForm({ ...form, applicationId: e.target.value })}
          error={errors.applicationId}
        />
        <TextField
          label="Where the votes were cast"
          value={form.place}
          onChange={(e) => setForm({ ...form, place: e.target.value })}
          error={errors.place}
          hint="A roadshow, a community centre, online. A second count for the same place replaces the first."
        />
        <TextField
          label="Votes"
          inputMode="numeric"
          value={form.votes}
          onChange={(e) => setForm({ ...form, votes: e.target.value })}
          error={errors.votes}
        />
      </div>
      <button type="submit" className="button" disabled={save.isPending}>
        Save the count
      </button>
    </form>
  );
}

function ImportForm({ roundId }: { roundId: string }) {
  const [csv, setCsv] = useState<{ name: string; text: string } | null>(null);
  const [result, setResult] = useState<VoteImportResult | null>(null);
  const run = useApiMutation('grants.importVotes', { onSuccess: (r) => setResult(r) });
  return (
    <section className="panel" aria-labelledby="votes-import">
      <h2 id="votes-import">Import a tally sheet (CSV)</h2>
      <p className="muted">
        One line per project per place, with the columns reference, place and votes. Every line is
        checked first; nothing is saved unless every line is good.
      </p>
      <div className="field">
        <label className="field__label" htmlFor="votes-file">
          Tally sheet
        </label>
        <input
          id="votes-file"
          type="file"
          accept=".csv,text/csv"
          onChange={async (e) => {
            const f = e.target.files?.[0];
            setResult(null);
            setCsv(f ? { name: f.name, text: await f.text() } : null);
          }}
        />
      </div>
      <div className="button-row">
        <button
          type="button"
          className="button button--secondary"
          disabled={!csv}
          onClick={() => csv && run.mutate({ roundId, csv: csv.text, dryRun: true })}
        >
          Check the file
        </button>
        <button
          type="button"
          className="button"
          disabled={!csv}
          onClick={() => csv && run.mutate({ roundId, csv: csv.text })}
        >
          Import the votes
        </button>
      </div>
      {run.error ? <Notice tone="error">{errorMessage(run.error)}</Notice> : null}
      {result && result.errors.length ? (
        <Notice tone="error">
          Nothing was saved.{' '}
          {result.errors.length === 1 ? 'One line needs' : `${result.errors.length} lines need`}{' '}
          correcting:
          <ul>
            {result.errors.map((e) => (
              <li key={e.line}>{e.message}</li>
            ))}
          </ul>
        </Notice>
      ) : null}
      {result && !result.errors.length ? (
        <Notice tone="success">
          {result.saved
            ? `${formatCount(result.saved)} counts imported.`
            : `All ${formatCount(result.rows.length)} lines are good: import them when ready.`}
        </Notice>
      ) : null}
    </section>
  );
}
