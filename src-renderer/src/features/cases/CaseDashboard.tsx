import { useState } from 'react';
import { Link } from 'react-router';
import {
  caseStatuses,
  caseStatusLabels,
  type CaseStatus,
} from '../../../../src-shared/rules/case-lifecycle';
import { errorMessage } from '../../api/client';
import { useApiQuery } from '../../api/hooks';
import { SelectField, TextField } from '../../components/Field';
import { formatDate } from '../../components/format';
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
            <h2 id="overdue-heading">Overdue ({dash.data.overdue.length})</h2>
            <CaseTable caption="Overdue cases" cases={dash.data.overdue} />
          </section>
          <section className="panel" aria-labelledby="due-heading">
            <h2 id="due-heading">
              Due this week, to {formatDate(dash.data.weekEnds)} ({dash.data.dueThisWeek.length})
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
  const [status, setStatus] = useState<CaseStatus | ''>('');
  const [search, setSearch] = useState('');
  const list = useApiQuery('cases.list', {
    status: status || null,
    search: search || undefined,
    limit: 200,
  });
  return (
    <section className="panel" aria-labelledby="all-heading">
      <h2 id="all-heading">All cases{list.data ? ` (${list.data.total})` : ''}</h2>
      <div className="filters">
        <SelectField
          label="Status"
          value={status}
          placeholder="Any status"
          options={caseStatuses.map((s) => ({ value: s, label: caseStatusLabels[s] }))}
          onChange={(e) => setStatus(e.target.value as CaseStatus | '')}
        />
        <TextField
          label="Search"
          type="search"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          hint="Reference, complainant or subject"
        />
      </div>
      {list.error ? <Notice tone="error">{errorMessage(list.error)}</Notice> : null}
      {list.data ? <CaseTable caption="All cases" cases={list.data.rows} /> : null}
    </section>
  );
}
