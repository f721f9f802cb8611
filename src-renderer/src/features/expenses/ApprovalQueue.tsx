import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { TextAreaField } from '../../components/Field';
import { formatCount, formatDate, formatPence, plural } from '../../components/format';
import { Loading, Notice, PageHeader } from '../../components/PageHeader';
import { ClaimBody } from './ClaimPage';
import '../../styles/expenses.css';
import { useUnsavedChanges } from '../../components/UnsavedChanges';

/**
 * The team leader's queue, oldest first, for forty claims on a Friday:
 * arrow keys (or J and K) move through the claims with the chosen one shown
 * in full beside the list; A approves and moves on, Q queries, R rejects
 * (each asking for the words first), Enter opens the claim's own page.
 */
export function ApprovalQueue() {
  const queue = useApiQuery('expenses.queue', {});
  const [index, setIndex] = useState(0);
  const [asking, setAsking] = useState<'query' | 'reject' | null>(null);
  const [note, setNote] = useState('');
  const guard = useUnsavedChanges(note !== '', 'the note');
  const [announce, setAnnounce] = useState('');
  const listRef = useRef<HTMLUListElement>(null);
  const rows = queue.data ?? [];
  // The claim just decided leaves the list, so the same place shows the next one.
  const current = rows[Math.min(index, rows.length - 1)];
  const claim = useApiQuery('expenses.claim', { id: current?.id ?? '' }, { enabled: !!current });
  const move = useApiMutation('expenses.move', {
    onSuccess: (c) => {
      setAnnounce(`${c.reference} for ${c.customerName}: ${c.status}.`);
      setAsking(null);
      setNote('');
      setTimeout(
        () => listRef.current?.querySelector<HTMLElement>('[aria-selected="true"]')?.focus(),
        0,
      );
    },
  });

  // The queue opens ready for the keyboard: on the oldest claim.
  const focusedOnce = useRef(false);
  useEffect(() => {
    if (focusedOnce.current || !queue.data?.length) return;
    focusedOnce.current = true;
    listRef.current?.querySelector<HTMLElement>('[aria-selected="true"]')?.focus();
  }, [queue.data]);

  if (queue.error) return <Notice tone="error">{errorMessage(queue.error)}</Notice>;
  if (!queue.data) return <Loading what="Loading the claims waiting" />;

  const focusRow = (i: number) => {
    setIndex(i);
    setTimeout(
      () => listRef.current?.querySelectorAll<HTMLElement>('[role="option"]')[i]?.focus(),
      0,
    );
  };

  function onKey(e: KeyboardEvent<HTMLUListElement>) {
    if (e.ctrlKey || e.metaKey || e.altKey || !current) return;
    const key = e.key.toLowerCase();
    if (e.key === 'ArrowDown' || key === 'j') {
      e.preventDefault();
      focusRow(Math.min(index + 1, rows.length - 1));
    } else if (e.key === 'ArrowUp' || key === 'k') {
      e.preventDefault();
      focusRow(Math.max(index - 1, 0));
    } else if (e.key === 'Home') {
      e.preventDefault();
      focusRow(0);
    } else if (e.key === 'End') {
      e.preventDefault();
      focusRow(rows.length - 1);
    } else if (key === 'a' && claim.data?.actions.includes('approve')) {
      e.preventDefault();
      move.mutate({ action: 'approve', id: current.id });
    } else if (
      (key === 'q' || key === 'r') &&
      claim.data?.actions.includes(key === 'q' ? 'query' : 'reject')
    ) {
      e.preventDefault();
      setAsking(key === 'q' ? 'query' : 'reject');
    }
  }

  return (
    <>
      <PageHeader
        title="Claims waiting for approval"
        subtitle={`${formatCount(rows.length)} ${plural(rows.length, 'claim', 'claims')}, oldest first`}
      />
      <p id="queue-help" className="muted">
        Up and down arrows (or J and K) move through the claims. A approves the claim shown, Q asks
        the submitter a question, R rejects it with a reason. Tab reaches the claim’s details.
      </p>
      <p className="visually-hidden" role="status">
        {announce}
      </p>
      {move.error ? <Notice tone="error">{errorMessage(move.error)}</Notice> : null}
      {rows.length === 0 ? (
        <Notice tone="success">
          No claims are waiting. Every customer’s claim has been decided.
        </Notice>
      ) : (
        <div className="queue">
          <ul
            ref={listRef}
            className="queue__list"
            role="listbox"
            aria-label="Claims waiting, oldest first"
            aria-describedby="queue-help"
            onKeyDown={onKey}
          >
            {rows.map((r, i) => (
              <li
                key={r.id}
                role="option"
                aria-selected={r.id === current?.id}
                tabIndex={r.id === current?.id ? 0 : -1}
                className="queue__item"
                onClick={() => setIndex(i)}
                onFocus={() => setIndex(i)}
              >
                <span className="queue__who">{r.customerName}</span>
                <span className="queue__amount">{formatPence(r.totalPence)}</span>
                <span className="muted">
                  {r.reference} · submitted {formatDate(r.submittedAt)} · {formatCount(r.lineCount)}{' '}
                  {plural(r.lineCount, 'line', 'lines')}
                </span>
                {r.stopCount || r.askCount ? (
                  <span className={`badge badge--${r.stopCount ? 'red' : 'amber'}`}>
                    {r.stopCount + r.askCount} to check
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
          <div className="queue__detail">
            {claim.data ? (
              <>
                <ClaimBody claim={claim.data} />
                {claim.data.approvalBlockedBecause ? (
                  <Notice tone="info">{claim.data.approvalBlockedBecause}</Notice>
                ) : null}
                {asking ? (
                  <form
                    {...guard.formProps}
                    className="panel"
                    onSubmit={(e) => {
                      e.preventDefault();
                      move.mutate({ action: asking, id: claim.data!.id, note });
                    }}
                  >
                    <TextAreaField
                      label={
                        asking === 'query'
                          ? 'Your question to the submitter'
                          : 'Why the claim is rejected'
                      }
                      value={note}
                      autoFocus
                      onChange={(e) => setNote(e.target.value)}
                      onKeyDown={(e) => {
                        if (e.key === 'Escape') setAsking(null);
                      }}
                    />
                    <div className="button-row">
                      <button type="submit" className="button">
                        {asking === 'query' ? 'Send the question' : 'Reject'}
                      </button>
                      <button
                        type="button"
                        className="button button--quiet"
                        onClick={() => setAsking(null)}
                      >
                        Cancel
                      </button>
                    </div>
                  </form>
                ) : (
                  <div className="button-row">
                    {claim.data.actions.includes('approve') ? (
                      <button
                        type="button"
                        className="button"
                        onClick={() => move.mutate({ action: 'approve', id: claim.data!.id })}
                      >
                        Approve <kbd>A</kbd>
                      </button>
                    ) : null}
                    {claim.data.actions.includes('query') ? (
                      <button
                        type="button"
                        className="button button--secondary"
                        onClick={() => setAsking('query')}
                      >
                        Query <kbd>Q</kbd>
                      </button>
                    ) : null}
                    {claim.data.actions.includes('reject') ? (
                      <button
                        type="button"
                        className="button button--danger"
                        onClick={() => setAsking('reject')}
                      >
                        Reject <kbd>R</kbd>
                      </button>
                    ) : null}
                    <Link to={`/expenses/claims/${claim.data.id}`}>Open the claim</Link>
                  </div>
                )}
              </>
            ) : (
              <Loading what="Loading the claim" />
            )}
          </div>
        </div>
      )}
    </>
  );
}
