import { useRef, useState, type KeyboardEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { SignInPerson } from '../../../../src-shared/api/meetings';
import {
  attendanceStatusLabels,
  type AttendanceStatus,
} from '../../../../src-shared/domain/meetings';
import { londonDate } from '../../../../src-shared/rules/working-days';
import { errorMessage } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { formatDateTime } from '../../components/format';
import { Loading, Notice, PageHeader } from '../../components/PageHeader';
import { WalkInDialog } from './WalkInDialog';
import '../../styles/groups.css';
import '../../styles/expenses.css';

const keys: Record<string, AttendanceStatus> = { p: 'present', a: 'apologies', x: 'absent' };
const columns: AttendanceStatus[] = ['present', 'apologies', 'absent'];

/**
 * Taking attendance at the door: type to filter, arrow keys to move, one key
 * (P, A or X) or one tap to mark, and "new person at the door" for someone
 * not on the register yet.
 */
export function SignInScreen() {
  const { id = '' } = useParams();
  const roster = useApiQuery('activities.roster', { id });
  const [filter, setFilter] = useState('');
  const [marks, setMarks] = useState<Record<string, AttendanceStatus>>({});
  const [announce, setAnnounce] = useState('');
  const [problem, setProblem] = useState('');
  const [walkIn, setWalkIn] = useState(false);
  const navigate = useNavigate();
  const filterRef = useRef<HTMLInputElement>(null);
  const tableRef = useRef<HTMLTableSectionElement>(null);
  const query = filter.trim();
  const others = useApiQuery(
    'activities.findPeople',
    { activityId: id, query },
    { enabled: query.length >= 2 },
  );
  const mark = useApiMutation('attendance.mark', {
    // The button showed the mark at once; a refused mark must not stay on screen as if saved.
    onError: (e, input) => {
      setMarks((m) =>
        Object.fromEntries(Object.entries(m).filter(([c]) => c !== input.customerId)),
      );
      setProblem(errorMessage(e));
    },
  });

  if (roster.error && !roster.data)
    return <Notice tone="error">{errorMessage(roster.error)}</Notice>;
  if (!roster.data) return <Loading what="Loading the sign-in list" />;
  const { activity, people } = roster.data;
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const matches = (p: SignInPerson) =>
    words.every(
      (w) => p.name.toLowerCase().includes(w) || (p.postcode ?? '').toLowerCase().includes(w),
    );
  const shown = people.filter(matches);
  const onRoster = new Set(people.map((p) => p.customerId));
  const extra = (others.data ?? []).filter((p) => !onRoster.has(p.customerId));
  const rows = [...shown, ...extra];
  const statusOf = (p: SignInPerson) => marks[p.customerId] ?? p.status;
  const presentCount =
    people.filter((p) => statusOf(p) === 'present').length +
    extra.filter((p) => marks[p.customerId] === 'present').length;

  const setStatus = (p: SignInPerson, status: AttendanceStatus) => {
    setMarks((m) => ({ ...m, [p.customerId]: status }));
    setProblem('');
    setAnnounce(`${p.name}: ${attendanceStatusLabels[status]}`);
    mark.mutate({ activityId: activity.id, customerId: p.customerId, status });
  };

  // A claim for this meeting, for someone signed in: the activity and date filled in.
  const claimLink = (customerId: string) =>
    `/expenses/new?${new URLSearchParams({ customer: customerId, activity: activity.id, on: londonDate(new Date(activity.startsAt)), back: `/activities/${activity.id}/sign-in` }).toString()}`;

  const buttonAt = (row: number, col: number) =>
    tableRef.current?.querySelector<HTMLButtonElement>(`[data-row="${row}"][data-col="${col}"]`);

  function onFilterKey(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'ArrowDown' && rows.length) {
      e.preventDefault();
      buttonAt(0, 0)?.focus();
    } else if (e.key === 'Enter' && query && rows[0]) {
      e.preventDefault();
      setStatus(rows[0], 'present');
      setFilter('');
    }
  }

  function onRowKey(e: KeyboardEvent<HTMLTableSectionElement>) {
    const target = e.target as HTMLElement;
    const row = Number(target.dataset.row);
    const col = Number(target.dataset.col);
    if (Number.isNaN(row)) return;
    const person = rows[row];
    const key = e.key.toLowerCase();
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const next = row + (e.key === 'ArrowDown' ? 1 : -1);
      if (next < 0) filterRef.current?.focus();
      else buttonAt(Math.min(next, rows.length - 1), col)?.focus();
    } else if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
      e.preventDefault();
      buttonAt(row, (col + (e.key === 'ArrowRight' ? 1 : 2)) % 3)?.focus();
    } else if (person && keys[key] && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      setStatus(person, keys[key]);
      buttonAt(Math.min(row + 1, rows.length - 1), col)?.focus();
    } else if (person && key === 'e' && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      navigate(claimLink(person.customerId));
    } else if (key === 'n' || e.key === '/') {
      e.preventDefault();
      if (key === 'n') setWalkIn(true);
      else filterRef.current?.focus();
    } else if (e.key === 'Escape') {
      setFilter('');
      filterRef.current?.focus();
    }
  }

  return (
    <>
      <PageHeader
        title={`Sign in: ${activity.title}`}
        subtitle={`${formatDateTime(activity.startsAt)}${activity.venueName ? ` · ${activity.venueName}` : ''}`}
        actions={
          <>
            <button type="button" className="button" onClick={() => setWalkIn(true)}>
              New person at the door
            </button>
            <Link className="button button--secondary" to={`/activities/${activity.id}`}>
              Done
            </Link>
          </>
        }
      />
      {problem ? <Notice tone="error">{problem}</Notice> : null}
      <div className="signin">
        <p className="signin__count" aria-live="polite">
          <strong>{presentCount}</strong> present
        </p>
        <input
          ref={filterRef}
          className="input signin__filter"
          type="search"
          aria-label="Find a person by name or postcode"
          aria-describedby="signin-help"
          placeholder="Type a name…"
          autoFocus
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          onKeyDown={onFilterKey}
        />
        <p id="signin-help" className="muted">
          Enter marks the first match present. Down arrow moves into the list; there, press P for
          present, A for apologies, X for absent, E to claim expenses for that person, N for a new
          person, / to search again.
        </p>
        <p className="visually-hidden" role="status">
          {announce}
        </p>
        <table className="table signin__table">
          <caption className="visually-hidden">People to sign in</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Postcode</th>
              <th scope="col">Mark</th>
            </tr>
          </thead>
          <tbody ref={tableRef} onKeyDown={onRowKey}>
            {rows.map((p, row) => {
              const status = statusOf(p);
              return (
                <tr
                  key={p.customerId}
                  className={status ? `signin__row signin__row--${status}` : 'signin__row'}
                >
                  <th scope="row">
                    {p.name}
                    {!p.isMember ? (
                      <span className="muted">
                        {' '}
                        {onRoster.has(p.customerId) ? '(guest)' : '(on the register)'}
                      </span>
                    ) : null}
                  </th>
                  <td>{p.postcode}</td>
                  <td className="signin__marks">
                    {columns.map((c, col) => (
                      <button
                        key={c}
                        type="button"
                        data-row={row}
                        data-col={col}
                        className={`button signin__mark signin__mark--${c}${status === c ? ' is-on' : ' button--secondary'}`}
                        aria-pressed={status === c}
                        onClick={() => setStatus(p, c)}
                      >
                        {attendanceStatusLabels[c]}
                        <span className="visually-hidden"> for {p.name}</span>
                      </button>
                    ))}
                    {status === 'present' ? (
                      <Link
                        className="button button--quiet signin__claim"
                        to={claimLink(p.customerId)}
                      >
                        Claim expenses<span className="visually-hidden"> for {p.name}</span>
                      </Link>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {rows.length === 0 ? (
          <p className="muted">
            {query
              ? `Nobody matches “${query}”. Add them as a new person at the door.`
              : 'Nobody is on the list yet.'}
          </p>
        ) : null}
      </div>
      {walkIn ? (
        <WalkInDialog
          activityId={activity.id}
          initialName={query}
          onClose={(outcome) => {
            setWalkIn(false);
            if (outcome) {
              setAnnounce(
                outcome.added
                  ? `${outcome.name} added and marked present`
                  : `${outcome.name} marked present`,
              );
              setFilter('');
            }
            filterRef.current?.focus();
          }}
        />
      ) : null}
    </>
  );
}
