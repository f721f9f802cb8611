import { Link, useSearchParams } from 'react-router';
import { caseSortKeys } from '../../../../src-shared/domain/cases';
import {
  caseStatuses,
  caseStatusLabels,
  type CaseStatus,
} from '../../../../src-shared/rules/case-lifecycle';
import { errorMessage } from '../../api/client';
import { useApiQuery } from '../../api/hooks';
import { SelectField, TextField } from '../../components/Field';
import { formatCount, formatDate } from '../../components/format';
import { useSortParam } from '../../components/SortableTable';
import { Loading, Notice, PageHeader } from '../../components/PageHeader';
import { useCan } from '../../session';
import { BankHolidayNotice } from './BankHolidayNotice';
import { CaseTable } from './CaseTable';
import { SubmissionNotice } from './SubmissionNotice';
import '../../styles/cases.css';

export function CaseDashboard() {
  const dash = useApiQuery('cases.dashboard', {});
  const canWrite = useCan('cases.write');
  const canOpen = useCan('cases.read');
  return (
    <>
      <PageHeader
        title="Complaint panel cases"
        subtitle="Designated Complaints Panel: what is overdue and what falls due this week, against the panel’s service standards in working days."
        actions={
          <div className="button-row">
            {canWrite ? (
              <Link className="button" to="/cases/new">
                Refer a case
              </Link>
            ) : null}
            {canOpen ? (
              <Link className="button button--secondary" to="/cases/self-assessment">
                Code self-assessment
              </Link>
            ) : null}
          </div>
        }
      />
      {!canOpen ? (
        <Notice>
          Complaint cases hold sensitive information: you can see that a case exists and when it is
          due, not whose it is or what it is about.
        </Notice>
      ) : null}
      {dash.isPending ? <Loading what="Loading deadlines" /> : null}
      {dash.error ? <Notice tone="error">{errorMessage(dash.error)}</Notice> : null}
      {dash.data?.bankHolidayList ? <BankHolidayNotice notice={dash.data.bankHolidayList} /> : null}
      {dash.data?.selfAssessment ? (
        <div className="cases-reminder">
          <SubmissionNotice reminder={dash.data.selfAssessment} />
          {canOpen ? (
            <Link to="/cases/self-assessment">
              Open the {dash.data.selfAssessment.year} self-assessment
            </Link>
          ) : null}
        </div>
      ) : null}
      {dash.data ? (
        <div className="case-dashboard">
          <section className="panel" aria-labelledby="overdue-heading">
            <h2 id="overdue-heading">Overdue ({formatCount(dash.data.overdue.length)})</h2>
            <CaseTable caption="Overdue cases" cases={dash.data.overdue} />
          </section>
          <section className="panel" aria-labelledby="due-heading">
            <h2 id="due-heading">
              Due this week, to {formatDate(dash.data.weekEnds)} (
              {formatCount(dash.data.dueThisWeek.length)})
            </h2>
            <CaseTable caption="Cases due this week" cases={dash.data.dueThisWeek} />
          </section>
        </div>
      ) : null}
      <AllCases />
    </>
  );
}

function AllCases() {
  // Filters and sort live in the address, so coming back from a case finds the list as left.
  const [params, setParams] = useSearchParams();
  const setParam = (key: string, value: string) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  const chosen = params.get('status') ?? '';
  const status = (caseStatuses as readonly string[]).includes(chosen) ? (chosen as CaseStatus) : '';
  const search = params.get('q') ?? '';
  const [sort, setSort] = useSortParam(caseSortKeys, { key: 'referred', direction: 'desc' });
  const list = useApiQuery('cases.list', {
    status: status || null,
    search: search || undefined,
    sort: sort.key,
    direction: sort.direction,
    limit: 200,
  });
  return (
    <section className="panel" aria-labelledby="all-heading">
      <h2 id="all-heading">All cases{list.data ? ` (${formatCount(list.data.total)})` : ''}</h2>
      <div className="filters">
        <SelectField
          label="Status"
          value={status}
          placeholder="Any status"
          options={caseStatuses.map((s) => ({ value: s, label: caseStatusLabels[s] }))}
          onChange={(e) => setParam('status', e.target.value)}
        />
        <TextField
          label="Search"
          type="search"
          value={search}
          onChange={(e) => setParam('q', e.target.value)}
          hint="Reference, complainant or subject"
        />
      </div>
      {list.error ? <Notice tone="error">{errorMessage(list.error)}</Notice> : null}
      {list.data ? (
        <CaseTable caption="All cases" cases={list.data.rows} sort={sort} onSort={setSort} />
      ) : null}
    </section>
  );
}
