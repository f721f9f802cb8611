import { useToday } from '../../clock';
import {
  addDays,
  addMonths,
  endOfMonth,
  endOfWeek,
  format,
  parseISO,
  startOfMonth,
  startOfWeek,
} from 'date-fns';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { ActivitySummary } from '../../../../src-shared/domain/meetings';
import type { HearingEntry } from '../../../../src-shared/domain/cases';
import {
  activityKindLabels,
  activityKinds,
  type ActivityKind,
} from '../../../../src-shared/domain/meetings';
import { call, errorMessage } from '../../api/client';
import { useApiQuery } from '../../api/hooks';
import { SelectField } from '../../components/Field';
import { Loading, Notice, PageHeader } from '../../components/PageHeader';
import { useCan } from '../../session';
import { downloadFile, londonDay, londonTime } from './time';
import '../../styles/groups.css';

type View = 'month' | 'week' | 'agenda';
const iso = (d: Date) => format(d, 'yyyy-MM-dd');

function rangeFor(view: View, anchor: Date): { from: Date; to: Date } {
  if (view === 'month') {
    return {
      from: startOfWeek(startOfMonth(anchor), { weekStartsOn: 1 }),
      to: endOfWeek(endOfMonth(anchor), { weekStartsOn: 1 }),
    };
  }
  if (view === 'week')
    return {
      from: startOfWeek(anchor, { weekStartsOn: 1 }),
      to: endOfWeek(anchor, { weekStartsOn: 1 }),
    };
  return { from: anchor, to: addDays(anchor, 59) };
}

export function Calendar() {
  const [params, setParams] = useSearchParams();
  const view = (params.get('view') as View | null) ?? 'month';
  const today = useToday();
  const anchor = parseISO(params.get('date') ?? today);
  const groupId = params.get('group') ?? '';
  const kind = params.get('kind') ?? '';
  const { from, to } = rangeFor(view, anchor);
  const groups = useApiQuery('groups.list', {});
  const input = {
    from: iso(from),
    to: iso(to),
    ...(groupId ? { groupId } : {}),
    ...(kind ? { kind: kind as ActivityKind } : {}),
  };
  const list = useApiQuery('activities.list', input);
  // Panel hearings are not a group's activity: they show when no group or kind is chosen.
  const hearings = useApiQuery(
    'cases.hearings',
    { from: input.from, to: input.to },
    { enabled: !groupId && !kind },
  );
  const canOpenCases = useCan('cases.read');
  const [exportError, setExportError] = useState<string | null>(null);
  const canSchedule = useCan('meetings.write');

  const update = (patch: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next, { replace: true });
  };
  const step = (n: number) =>
    update({
      date: iso(
        view === 'month' ? addMonths(anchor, n) : addDays(anchor, n * (view === 'week' ? 7 : 60)),
      ),
    });

  const byDay = new Map<string, ActivitySummary[]>();
  for (const a of list.data ?? []) {
    const day = londonDay(a.startsAt);
    byDay.set(day, [...(byDay.get(day) ?? []), a]);
  }
  const hearingsByDay = new Map<string, HearingEntry[]>();
  for (const h of !groupId && !kind ? (hearings.data ?? []) : []) {
    hearingsByDay.set(h.date, [...(hearingsByDay.get(h.date) ?? []), h]);
  }
  const days = { activities: byDay, hearings: hearingsByDay, canOpenCases };
  const title =
    view === 'month'
      ? format(anchor, 'MMMM yyyy')
      : `${format(from, 'd MMM yyyy')} to ${format(to, 'd MMM yyyy')}`;

  return (
    <>
      <PageHeader
        title="Calendar"
        subtitle={title}
        actions={
          <>
            {canSchedule ? (
              <Link className="button" to="/activities/new">
                Schedule an activity
              </Link>
            ) : null}
            <button
              type="button"
              className="button button--secondary"
              onClick={async () => {
                setExportError(null);
                try {
                  downloadFile(await call('activities.ics', input));
                } catch (e) {
                  setExportError(errorMessage(e));
                }
              }}
            >
              Export these to Outlook (.ics)
            </button>
          </>
        }
      />
      {exportError ? <Notice tone="error">{exportError}</Notice> : null}
      <div className="panel calendar-toolbar">
        <div className="button-row" role="group" aria-label="View">
          {(['month', 'week', 'agenda'] as const).map((v) => (
            <button
              key={v}
              type="button"
              className={`button${view === v ? '' : ' button--secondary'}`}
              aria-pressed={view === v}
              onClick={() => update({ view: v })}
            >
              {v === 'month' ? 'Month' : v === 'week' ? 'Week' : 'Agenda'}
            </button>
          ))}
        </div>
        <div className="button-row" role="group" aria-label="Move">
          <button type="button" className="button button--secondary" onClick={() => step(-1)}>
            Previous
          </button>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => update({ date: '' })}
          >
            Today
          </button>
          <button type="button" className="button button--secondary" onClick={() => step(1)}>
            Next
          </button>
        </div>
        <SelectField
          id="calendar-group"
          label="Group"
          placeholder="All groups"
          value={groupId}
          options={(groups.data ?? []).map((g) => ({ value: g.id, label: g.name }))}
          onChange={(e) => update({ group: e.target.value })}
        />
        <SelectField
          id="calendar-kind"
          label="Kind"
          placeholder="All kinds"
          value={kind}
          options={activityKinds.map((k) => ({ value: k, label: activityKindLabels[k] }))}
          onChange={(e) => update({ kind: e.target.value })}
        />
      </div>
      {list.isPending ? <Loading what="Loading activities" /> : null}
      {list.error ? <Notice tone="error">{errorMessage(list.error)}</Notice> : null}
      {list.data ? (
        view === 'agenda' ? (
          <Agenda days={days} />
        ) : (
          <Grid
            from={from}
            to={to}
            days={days}
            month={view === 'month' ? anchor.getMonth() : null}
          />
        )
      ) : null}
    </>
  );
}

function Entry({ a }: { a: ActivitySummary }) {
  return (
    <Link to={`/activities/${a.id}`} className={`cal-entry cal-entry--${a.status}`}>
      <span className="cal-entry__time">{londonTime(a.startsAt)}</span> {a.title}
      {a.status === 'cancelled' ? ' (cancelled)' : ''}
    </Link>
  );
}

interface Days {
  activities: Map<string, ActivitySummary[]>;
  hearings: Map<string, HearingEntry[]>;
  canOpenCases: boolean;
}

function Hearing({ h, canOpen }: { h: HearingEntry; canOpen: boolean }) {
  const text = `Panel hearing ${h.reference}${h.held ? ' (held)' : ''}`;
  return canOpen ? (
    <Link to={`/cases/${h.caseId}`} className="cal-entry cal-entry--hearing">
      {text}
    </Link>
  ) : (
    <span className="cal-entry cal-entry--hearing">{text}</span>
  );
}

function Grid({
  from,
  to,
  days,
  month,
}: {
  from: Date;
  to: Date;
  days: Days;
  month: number | null;
}) {
  const weeks: Date[][] = [];
  for (let d = from; d <= to; d = addDays(d, 7))
    weeks.push(Array.from({ length: 7 }, (_, i) => addDays(d, i)));
  return (
    <table className="calendar">
      <caption className="visually-hidden">Activities by day</caption>
      <thead>
        <tr>
          {['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'].map(
            (d) => (
              <th key={d} scope="col">
                {d}
              </th>
            ),
          )}
        </tr>
      </thead>
      <tbody>
        {weeks.map((week) => (
          <tr key={iso(week[0]!)}>
            {week.map((day) => (
              <td
                key={iso(day)}
                className={
                  month !== null && day.getMonth() !== month ? 'calendar__other' : undefined
                }
              >
                <div className="calendar__date">{format(day, 'd MMM')}</div>
                {(days.hearings.get(iso(day)) ?? []).map((h) => (
                  <Hearing key={h.caseId} h={h} canOpen={days.canOpenCases} />
                ))}
                {(days.activities.get(iso(day)) ?? []).map((a) => (
                  <Entry key={a.id} a={a} />
                ))}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Agenda({ days }: { days: Days }) {
  const all = [...new Set([...days.activities.keys(), ...days.hearings.keys()])].sort();
  if (all.length === 0) return <p className="muted">Nothing in these 60 days.</p>;
  return (
    <div className="panel">
      {all.map((day) => (
        <section key={day} className="agenda-day">
          <h2>{format(parseISO(day), 'EEEE d MMMM yyyy')}</h2>
          <ul>
            {(days.hearings.get(day) ?? []).map((h) => (
              <li key={h.caseId}>
                <Hearing h={h} canOpen={days.canOpenCases} />{' '}
                <span className="muted">Designated Complaints Panel</span>
              </li>
            ))}
            {(days.activities.get(day) ?? []).map((a) => (
              <li key={a.id}>
                <Entry a={a} />{' '}
                <span className="muted">
                  {activityKindLabels[a.kind]}
                  {a.groupName ? ` · ${a.groupName}` : ''}
                  {a.venueName ? ` · ${a.venueName}` : ''}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
