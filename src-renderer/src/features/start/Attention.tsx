import { Link } from 'react-router';
import { useApiQuery } from '../../api/hooks';
import { formatCount, formatDate, formatDateTime, plural } from '../../components/format';
import { Loading } from '../../components/PageHeader';
import { useCan } from '../../session';
import type { BankHolidayListNotice } from '../../../../src-shared/rules/bank-holidays';
import { BankHolidayNotice } from '../cases/BankHolidayNotice';
import { CASE_RECOMMENDATIONS_HIDDEN } from '../recommendations/RecommendationsTracker';
import { SubmissionNotice } from '../cases/SubmissionNotice';
import { ExpensesCard } from '../expenses/ExpensesCard';
import { GrantsCard } from '../grants/GrantsCard';
import { RhythmCard } from '../community/RhythmCard';
import { customerListLink } from '../customers/list-link';
import { groupListLink } from '../groups/list-filters';
import { recommendationsLink } from '../recommendations/tracker-filters';
import { PrivacyRequestsCard } from '../privacy/PrivacyRequestsCard';

/** What a coordinator should look at first: overdue work, rule problems, this week's activities. */
export function Attention() {
  const cases = useApiQuery('cases.dashboard', {});
  const today = cases.data?.today;
  return (
    <div className="attention">
      <PrivacyRequestsCard />
      <CasesCard />
      {cases.data?.bankHolidayList ? (
        <BankHolidaysCard notice={cases.data.bankHolidayList} />
      ) : null}
      <RecommendationsCard />
      <GroupsCard />
      <NoActivityCard />
      <ExpensesCard />
      <GrantsCard />
      <RhythmCard />
      {today ? <ThisWeekCard from={today} to={cases.data!.weekEnds} /> : null}
    </div>
  );
}

function Count({ n, tone }: { n: number; tone: 'red' | 'amber' | 'green' }) {
  return (
    <span className={`attention__count badge badge--${n === 0 ? 'green' : tone}`}>
      {formatCount(n)}
    </span>
  );
}

function CasesCard() {
  const dashboard = useApiQuery('cases.dashboard', {});
  const canOpen = useCan('cases.read');
  const nearing = dashboard.data?.ombudsmanNearing ?? [];
  const reminder = dashboard.data?.selfAssessment;
  return (
    <section className="panel attention__card" aria-labelledby="attention-cases">
      <h2 id="attention-cases">Complaint panel</h2>
      {dashboard.isPending ? <Loading /> : null}
      {dashboard.data ? (
        <ul className="attention__list">
          <li>
            <Count n={dashboard.data.overdue.length} tone="red" />{' '}
            {plural(dashboard.data.overdue.length, 'case has', 'cases have')} an overdue stage
          </li>
          <li>
            <Count n={dashboard.data.dueThisWeek.length} tone="amber" /> falling due by{' '}
            {formatDate(dashboard.data.weekEnds)}
          </li>
          <li>
            <Count n={nearing.length} tone="amber" />{' '}
            {plural(nearing.length, 'case nears', 'cases near')} the end of the 12 months for the
            Housing Ombudsman
            {nearing.length ? (
              <ul className="attention__sublist">
                {nearing.slice(0, 5).map((n) => (
                  <li key={n.case.id}>
                    {canOpen ? (
                      <Link to={`/cases/${n.case.id}`}>{n.case.reference}</Link>
                    ) : (
                      n.case.reference
                    )}
                    : by {formatDate(n.windowEnds)}{' '}
                    <span className={`badge badge--${n.level === 'urgent' ? 'red' : 'amber'}`}>
                      {n.daysLeft === 0
                        ? 'today'
                        : `${formatCount(n.daysLeft)} ${plural(n.daysLeft, 'day', 'days')} left`}
                    </span>
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        </ul>
      ) : null}
      {reminder && reminder.level !== 'submitted' ? (
        <div className="attention__reminder">
          <SubmissionNotice reminder={reminder} />
          {canOpen ? (
            <Link to="/cases/self-assessment">Open the {reminder.year} Code self-assessment</Link>
          ) : null}
        </div>
      ) : null}
      <Link to="/cases">Open the overdue and due cases</Link>
    </section>
  );
}

function BankHolidaysCard({ notice }: { notice: BankHolidayListNotice }) {
  const canLoad = useCan('settings.write');
  return (
    <section className="panel attention__card" aria-labelledby="attention-bank-holidays">
      <h2 id="attention-bank-holidays">Bank holidays</h2>
      <BankHolidayNotice notice={notice} />
      {canLoad ? <Link to="/settings/cases">Open the complaint panel settings</Link> : null}
    </section>
  );
}

function RecommendationsCard() {
  const allowed = useCan('recommendations.read');
  const seesCases = useCan('cases.read');
  const overdue = useApiQuery(
    'recommendations.list',
    { overdueOnly: true, limit: 1 },
    { enabled: allowed },
  );
  const systemic = useApiQuery(
    'recommendations.list',
    { systemicOnly: true, limit: 1 },
    { enabled: allowed },
  );
  if (!allowed) return null;
  return (
    <section className="panel attention__card" aria-labelledby="attention-recommendations">
      <h2 id="attention-recommendations">Recommendations</h2>
      <ul className="attention__list">
        <li>
          <Count n={overdue.data?.total ?? 0} tone="red" />{' '}
          <Link to={recommendationsLink({ overdue: true })}>overdue</Link>
        </li>
        <li>
          <Count n={systemic.data?.total ?? 0} tone="amber" />{' '}
          <Link to={recommendationsLink({ systemic: true })}>could recur elsewhere</Link>, so go to
          the Board and the Group Audit and Risk Committee
        </li>
      </ul>
      {seesCases ? null : <p className="muted">{CASE_RECOMMENDATIONS_HIDDEN}</p>}
      <Link to="/recommendations">Open the whole tracker</Link>
    </section>
  );
}

function GroupsCard() {
  const groups = useApiQuery('groups.list', {});
  const problems = groups.data?.filter((g) => g.ruleProblems > 0) ?? [];
  return (
    <section className="panel attention__card" aria-labelledby="attention-groups">
      <h2 id="attention-groups">Groups</h2>
      {groups.isPending ? <Loading /> : null}
      {groups.data ? (
        <p>
          <Count n={problems.length} tone="red" />{' '}
          {problems.length ? (
            <Link to={groupListLink({ ruleProblems: true })}>
              {plural(problems.length, 'group breaks', 'groups break')} a membership rule
            </Link>
          ) : (
            'groups break a membership rule'
          )}
        </p>
      ) : null}
      {problems.length ? (
        <ul className="attention__list">
          {problems.slice(0, 5).map((g) => (
            <li key={g.id}>
              <Link to={`/groups/${g.id}`}>{g.name}</Link>
            </li>
          ))}
        </ul>
      ) : null}
      <Link to="/groups">All groups</Link>
    </section>
  );
}

function NoActivityCard() {
  const filter = { noRecentActivity: true, status: 'active' } as const;
  const customers = useApiQuery('customers.list', { ...filter, status: [filter.status], limit: 1 });
  // Never a count of 0 while it is still being counted.
  if (!customers.data)
    return (
      <section className="panel attention__card" aria-labelledby="attention-customers">
        <h2 id="attention-customers">Customer Voice</h2>
        <p role="status">{customers.error ? customers.error.message : 'Counting…'}</p>
      </section>
    );
  const n = customers.data.total;
  return (
    <section className="panel attention__card" aria-labelledby="attention-customers">
      <h2 id="attention-customers">Customer Voice</h2>
      <p>
        <Count n={n} tone="amber" /> active {plural(n, 'customer has', 'customers have')} had no
        activity in the last 12 months. Everyone should be offered at least one a year.
      </p>
      <Link to={customerListLink(filter)}>
        Open {plural(n, 'this customer', `these ${formatCount(n)} customers`)} in the register
      </Link>
    </section>
  );
}

function ThisWeekCard({ from, to }: { from: string; to: string }) {
  const activities = useApiQuery('activities.list', { from, to });
  const upcoming = activities.data?.filter((a) => a.status === 'scheduled') ?? [];
  return (
    <section
      className="panel attention__card attention__card--wide"
      aria-labelledby="attention-week"
    >
      <h2 id="attention-week">Activities to {formatDate(to)}</h2>
      {activities.isPending ? <Loading /> : null}
      {activities.data && upcoming.length === 0 ? <p>Nothing scheduled.</p> : null}
      {upcoming.length ? (
        <ul className="attention__list">
          {upcoming.map((a) => (
            <li key={a.id}>
              {formatDateTime(a.startsAt)}: <Link to={`/activities/${a.id}`}>{a.title}</Link>
            </li>
          ))}
        </ul>
      ) : null}
      <Link to="/calendar">Open the calendar</Link>
    </section>
  );
}
