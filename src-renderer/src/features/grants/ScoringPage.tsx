import { useEffect, useState, type KeyboardEvent } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import type { ScoringSheet } from '../../../../src-shared/domain/grants';
import { errorMessage, fieldErrors } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { SelectField, TextField } from '../../components/Field';
import { formatPence } from '../../components/format';
import { Loading, Notice, PageHeader } from '../../components/PageHeader';
import { useFormChanges } from '../../components/UnsavedChanges';
import '../../styles/grants.css';

/**
 * One panel member's score sheet, typed in from the paper the panel used: a
 * digit fills the box and moves to the next, Backspace clears it, Ctrl+S
 * saves. Applications the member may not score are shown, with why, and take
 * no input.
 */
export function ScoringPage() {
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const member = params.get('member') ?? '';
  const round = useApiQuery('grants.round', { id });
  const members = useApiQuery('grants.panelMembers', { roundId: id });
  const sheet = useApiQuery(
    'grants.scoringSheet',
    { roundId: id, customerId: member },
    { enabled: !!member },
  );
  return (
    <>
      <PageHeader
        title="Panel scoring"
        subtitle={
          round.data ? <Link to={`/grants/rounds/${id}`}>{round.data.name}</Link> : undefined
        }
      />
      <div className="filters">
        <SelectField
          label="Panel member"
          value={member}
          placeholder="Choose the member whose sheet this is"
          options={(members.data ?? []).map((m) => ({ value: m.customerId, label: m.name }))}
          onChange={(e) => setParams(e.target.value ? { member: e.target.value } : {})}
          autoFocus={!member}
        />
      </div>
      {members.data && members.data.length === 0 ? (
        <Notice tone="warning">
          The round’s panel has no current members: add them to the panel group first.
        </Notice>
      ) : null}
      {sheet.error ? <Notice tone="error">{errorMessage(sheet.error)}</Notice> : null}
      {member && !sheet.data && !sheet.error ? <Loading what="Loading the score sheet" /> : null}
      {sheet.data ? <Sheet sheet={sheet.data} key={member} /> : null}
    </>
  );
}

type Values = Record<string, string>;

const cellKey = (applicationId: string, criterionId: string) => `${applicationId}:${criterionId}`;

function Sheet({ sheet }: { sheet: ScoringSheet }) {
  const initial: Values = {};
  for (const r of sheet.rows)
    for (const c of sheet.round.criteria)
      initial[cellKey(r.applicationId, c.id)] = r.scores[c.id]?.score?.toString() ?? '';
  const [values, setValues] = useState<Values>(initial);
  const guard = useFormChanges(values, `${sheet.member.name}’s scores`);
  const save = useApiMutation('grants.saveScores', {
    onSuccess: () => {
      guard.saved();
      guard.savedAs(values);
    },
  });
  const errors = fieldErrors(save.error);
  const inputs = () => [...document.querySelectorAll<HTMLInputElement>('input[data-score]')];
  useEffect(() => {
    inputs()[0]?.focus();
  }, []);
  const onKey = (e: KeyboardEvent<HTMLInputElement>, key: string, max: number) => {
    const all = inputs();
    const at = all.indexOf(e.currentTarget);
    if (/^[0-9]$/.test(e.key) && !e.ctrlKey && !e.metaKey && max < 10) {
      e.preventDefault();
      setValues((v) => ({ ...v, [key]: e.key }));
      all[at + 1]?.focus();
    } else if (e.key === 'Enter') {
      e.preventDefault();
      all[at + 1]?.focus();
    }
  };
  const payload = sheet.rows
    .filter((r) => !r.refused && !r.warning)
    .flatMap((r) =>
      sheet.round.criteria.map((c) => {
        const text = values[cellKey(r.applicationId, c.id)] ?? '';
        return {
          applicationId: r.applicationId,
          criterionId: c.id,
          score: text === '' ? null : Number(text),
        };
      }),
    );
  return (
    <form
      className="panel"
      noValidate
      {...guard.formProps}
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({
          roundId: sheet.round.id,
          customerId: sheet.member.customerId,
          scores: payload,
        });
      }}
    >
      <h2>{sheet.member.name}’s scores</h2>
      <p className="muted">
        Type a digit to fill a box and move on; Enter moves on too; Ctrl+S saves. Scores are from 0
        to each criterion’s maximum.
      </p>
      {save.error ? <Notice tone="error">{errorMessage(save.error)}</Notice> : null}
      {save.isSuccess ? <Notice tone="success">The scores are saved.</Notice> : null}
      <div className="grant-scoring">
        <table className="table table--compact">
          <caption className="visually-hidden">Score sheet</caption>
          <thead>
            <tr>
              <th scope="col">Application</th>
              {sheet.round.criteria.map((c) => (
                <th scope="col" key={c.id} className="grant-score-cell">
                  {c.name} <span className="muted">/ {c.maxScore}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {sheet.rows.map((r, ri) => (
              <tr key={r.applicationId}>
                <th scope="row">
                  <Link to={`/grants/applications/${r.applicationId}`}>{r.reference}</Link>{' '}
                  {r.projectTitle}
                  <div className="muted">
                    {r.applicantName}, {formatPence(r.amountPence)}
                  </div>
                  {r.refused ? (
                    <p className="grant-conflict grant-conflict--refused">{r.refused}</p>
                  ) : null}
                  {r.warning ? <Declare sheet={sheet} row={r} /> : null}
                  {r.acceptedWarning ? (
                    <p className="muted">May score: {r.acceptedWarning}</p>
                  ) : null}
                  {!r.refused && !r.warning ? <Declare sheet={sheet} row={r} compact /> : null}
                </th>
                {sheet.round.criteria.map((c, ci) => {
                  const key = cellKey(r.applicationId, c.id);
                  const index = payload.findIndex(
                    (p) => p.applicationId === r.applicationId && p.criterionId === c.id,
                  );
                  const blocked = Boolean(r.refused || r.warning);
                  return (
                    <td key={c.id} className="grant-score-cell">
                      {blocked ? (
                        <span className="muted">May not score</span>
                      ) : (
                        <TextField
                          label={`${r.reference}, ${c.name}`}
                          className="input grant-score"
                          inputMode="numeric"
                          data-score={`${ri}-${ci}`}
                          value={values[key] ?? ''}
                          onChange={(e) => setValues({ ...values, [key]: e.target.value.trim() })}
                          onKeyDown={(e) => onKey(e, key, c.maxScore)}
                          error={errors[`scores.${index}.score`]}
                        />
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <button type="submit" className="button" disabled={save.isPending}>
        Save {sheet.member.name}’s scores
      </button>
    </form>
  );
}

/** A declaration for one application: a relation or prior involvement (which stops scoring), or why a warning may be accepted. */
function Declare({
  sheet,
  row,
  compact = false,
}: {
  sheet: ScoringSheet;
  row: ScoringSheet['rows'][number];
  compact?: boolean;
}) {
  const [open, setOpen] = useState(!compact);
  const [relation, setRelation] = useState('');
  const [prior, setPrior] = useState('');
  const [reason, setReason] = useState('');
  const declare = useApiMutation('grants.declare');
  if (!open)
    return (
      <button type="button" className="link-button" onClick={() => setOpen(true)}>
        Declare an interest in {row.reference}
      </button>
    );
  const send = () =>
    declare.mutate({
      applicationId: row.applicationId,
      customerId: sheet.member.customerId,
      relation,
      priorInvolvement: prior,
      acceptWarningReason: reason,
    });
  return (
    <div className="grant-declare" role="group" aria-label={`Declaration for ${row.reference}`}>
      {row.warning ? <p className="grant-conflict">{row.warning}</p> : null}
      {declare.error ? <Notice tone="error">{errorMessage(declare.error)}</Notice> : null}
      {row.warning ? (
        <TextField
          label={`Why they may score ${row.reference} anyway`}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      ) : (
        <>
          <TextField
            label={`Relation to ${row.reference}’s contact`}
            value={relation}
            onChange={(e) => setRelation(e.target.value)}
          />
          <TextField
            label={`Prior involvement in ${row.reference}`}
            value={prior}
            onChange={(e) => setPrior(e.target.value)}
          />
        </>
      )}
      <button type="button" className="button button--secondary" onClick={send}>
        {row.warning ? 'Accept and let them score' : 'Record the declaration'}
      </button>
    </div>
  );
}
