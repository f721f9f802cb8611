import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import {
  claimEventLabels,
  claimStatusLabels,
  expenseCategoryLabels,
  type Claim,
} from '../../../../src-shared/domain/expenses';
import { call, errorMessage } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { TextAreaField } from '../../components/Field';
import { formatDate, formatDateTime, formatPence } from '../../components/format';
import { HistoryPanel } from '../../components/HistoryPanel';
import { Loading, Notice, PageHeader } from '../../components/PageHeader';
import { downloadBase64 } from '../customer-import/file-bytes';
import { statusTone } from './labels';
import { PaymentDetailsPanel } from './PaymentDetailsPanel';
import '../../styles/expenses.css';
import { useUnsavedChanges } from '../../components/UnsavedChanges';

export function ClaimPage() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const claim = useApiQuery('expenses.claim', { id });
  if (claim.error) return <Notice tone="error">{errorMessage(claim.error)}</Notice>;
  if (!claim.data) return <Loading what="Loading the claim" />;
  const c = claim.data;
  return (
    <>
      <PageHeader
        title={`Claim ${c.reference}`}
        subtitle={`${c.customerName} · ${formatPence(c.totalPence)} · ${claimStatusLabels[c.status]}`}
        actions={
          c.editable ? (
            <Link className="button button--secondary" to={`/expenses/claims/${c.id}/edit`}>
              Change the claim
            </Link>
          ) : null
        }
      />
      {params.get('problem') ? <Notice tone="error">{params.get('problem')}</Notice> : null}
      <ClaimBody claim={c} />
      <ClaimActions claim={c} />
      <PaymentDetailsPanel customerId={c.customerId} />
      <section className="panel" aria-labelledby="claim-steps">
        <h2 id="claim-steps">Steps</h2>
        {c.events.length === 0 ? <p className="muted">Not submitted yet.</p> : null}
        <ol className="claim-steps">
          {c.events.map((e, i) => (
            <li key={i}>
              <strong>{claimEventLabels[e.kind]}</strong> by {e.byName}, {formatDateTime(e.at)}
              {e.note ? <q className="claim-steps__note">{e.note}</q> : null}
            </li>
          ))}
        </ol>
      </section>
      <HistoryPanel entity="expense_claims" id={c.id} />
    </>
  );
}

/** The lines, how each was worked out, and what needs putting right: shared with the queue. */
export function ClaimBody({ claim: c }: { claim: Claim }) {
  return (
    <section className="panel" aria-labelledby={`claim-lines-${c.id}`}>
      <h2 id={`claim-lines-${c.id}`}>
        Lines{' '}
        <span className={`badge badge--${statusTone[c.status]}`}>
          {claimStatusLabels[c.status]}
        </span>
      </h2>
      <p className="muted">
        Entered by {c.enteredByName}
        {c.groupName ? ` · ${c.groupName}` : ''}
        {c.costCode ? ` · cost code ${c.costCode}` : ''}
        {c.declaration
          ? ` · declaration given ${formatDate(c.declaration.declaredOn)}`
          : ' · no declaration yet'}
        {c.batchReference ? ` · in batch ${c.batchReference}` : ''}
        {c.paidOn ? ` · paid ${formatDate(c.paidOn)}` : ''}
      </p>
      {c.checks.length ? (
        <ul className="claim-checks" aria-label="Checks">
          {c.checks.map((k, i) => (
            <li key={i} className={`claim-checks__${k.severity}`}>
              <span className={`badge badge--${k.severity === 'stop' ? 'red' : 'amber'}`}>
                {k.severity === 'stop' ? 'Put right' : 'Check'}
              </span>{' '}
              {k.message}
            </li>
          ))}
        </ul>
      ) : null}
      {c.budgetWarning ? <Notice tone="warning">{c.budgetWarning}</Notice> : null}
      <table className="table claim-lines">
        <caption className="visually-hidden">Lines of claim {c.reference}</caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">Date</th>
            <th scope="col">Cost</th>
            <th scope="col">How it was worked out</th>
            <th scope="col">Receipts</th>
            <th scope="col" className="num">
              Paid
            </th>
          </tr>
        </thead>
        <tbody>
          {c.lines.map((l, i) => (
            <tr key={l.id}>
              <td>{i + 1}</td>
              <td>{formatDate(l.on)}</td>
              <td>
                {expenseCategoryLabels[l.category]}: {l.description}
                {l.activityTitle ? <div className="muted">{l.activityTitle}</div> : null}
              </td>
              <td>{l.explanation}</td>
              <td>
                {l.receipts.length === 0 ? <span className="muted">None</span> : null}
                {l.receipts.map((r) => (
                  <button
                    key={r.id}
                    type="button"
                    className="button button--quiet"
                    onClick={async () => {
                      const f = await call('expenses.receipt', { id: r.id });
                      downloadBase64(f.fileName, f.data, f.mimeType);
                    }}
                  >
                    {r.fileName}
                  </button>
                ))}
              </td>
              <td className="num">{formatPence(l.allowedPence)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={5}>
              Total
            </th>
            <td className="num">
              <strong>{formatPence(c.totalPence)}</strong>
            </td>
          </tr>
        </tfoot>
      </table>
    </section>
  );
}

function ClaimActions({ claim: c }: { claim: Claim }) {
  const move = useApiMutation('expenses.move');
  const remove = useApiMutation('expenses.deleteDraft');
  const [note, setNote] = useState('');
  const guard = useUnsavedChanges(note !== '', 'the note');
  const [asking, setAsking] = useState<'query' | 'reject' | 'resubmit' | null>(null);
  if (!c.actions.length && !c.approvalBlockedBecause && c.status !== 'draft') return null;
  return (
    <section className="panel" aria-labelledby="claim-actions">
      <h2 id="claim-actions">What next</h2>
      {move.error ? <Notice tone="error">{errorMessage(move.error)}</Notice> : null}
      {c.approvalBlockedBecause ? <p className="muted">{c.approvalBlockedBecause}</p> : null}
      {asking ? (
        <form
          {...guard.formProps}
          onSubmit={(e) => {
            e.preventDefault();
            move.mutate(
              { action: asking, id: c.id, note },
              { onSuccess: () => (setAsking(null), setNote('')) },
            );
          }}
        >
          <TextAreaField
            label={
              asking === 'query'
                ? 'Your question to the submitter'
                : asking === 'reject'
                  ? 'Why the claim is rejected'
                  : 'Your answer to the question'
            }
            value={note}
            autoFocus
            onChange={(e) => setNote(e.target.value)}
          />
          <div className="button-row">
            <button type="submit" className="button">
              {asking === 'query'
                ? 'Send the question'
                : asking === 'reject'
                  ? 'Reject'
                  : 'Resubmit'}
            </button>
            <button type="button" className="button button--quiet" onClick={() => setAsking(null)}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <div className="button-row">
          {c.actions.includes('submit') ? (
            <button
              type="button"
              className="button"
              onClick={() => move.mutate({ action: 'submit', id: c.id })}
            >
              Submit for approval
            </button>
          ) : null}
          {c.actions.includes('approve') ? (
            <button
              type="button"
              className="button"
              onClick={() => move.mutate({ action: 'approve', id: c.id })}
            >
              Approve
            </button>
          ) : null}
          {c.actions.includes('query') ? (
            <button
              type="button"
              className="button button--secondary"
              onClick={() => setAsking('query')}
            >
              Query
            </button>
          ) : null}
          {c.actions.includes('resubmit') ? (
            <button type="button" className="button" onClick={() => setAsking('resubmit')}>
              Answer and resubmit
            </button>
          ) : null}
          {c.actions.includes('reject') ? (
            <button
              type="button"
              className="button button--danger"
              onClick={() => setAsking('reject')}
            >
              Reject
            </button>
          ) : null}
          {c.status === 'draft' && c.editable ? (
            <button
              type="button"
              className="button button--quiet"
              onClick={() => remove.mutate({ id: c.id }, { onSuccess: () => history.back() })}
            >
              Delete the draft
            </button>
          ) : null}
        </div>
      )}
    </section>
  );
}
