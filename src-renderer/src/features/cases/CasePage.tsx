import { useRef, useState, type RefObject } from 'react';
import { Link, useParams } from 'react-router';
import {
  referrerLabels,
  stageOutcomeLabels,
  type CaseDetail,
} from '../../../../src-shared/domain/cases';
import { serviceAreas } from '../../../../src-shared/domain/customer';
import {
  caseStatusLabels,
  decisionOutcomeLabels,
} from '../../../../src-shared/rules/case-lifecycle';
import { errorMessage } from '../../api/client';
import { useApiQuery } from '../../api/hooks';
import { HistoryPanel } from '../../components/HistoryPanel';
import { formatDate, plural } from '../../components/format';
import { Loading, Notice, PageHeader } from '../../components/PageHeader';
import { useCan } from '../../session';
import { ExpectedHolidaysNote } from './BankHolidayNotice';
import { CaseRecommendations } from './CaseRecommendations';
import { EditReferral } from './EditReferral';
import { SectionIndex, type IndexEntry } from './SectionIndex';
import { EvidenceSection, NotesSection } from './EvidenceSection';
import { CaseStatusBadge } from './labels';
import { LifecycleActions } from './LifecycleActions';
import { OmbudsmanPanel } from './OmbudsmanPanel';
import { PanelSection } from './PanelSection';
import '../../styles/cases.css';

const milestoneBadge = {
  met: <span className="badge badge--green">Met</span>,
  missed: <span className="badge badge--red">Missed</span>,
  overdue: <span className="badge badge--red">Overdue</span>,
  pending: <span className="badge">Due</span>,
  not_started: <span className="muted">Not started</span>,
} as const;

const deadlineBadge = {
  met: <span className="badge badge--green">Met</span>,
  missed: <span className="badge badge--red">Missed</span>,
  overdue: <span className="badge badge--red">Overdue</span>,
  due: <span className="badge badge--amber">Due</span>,
} as const;

function Summary({
  detail,
  canWrite,
  onEdit,
  editButton,
  corrected,
}: {
  detail: CaseDetail;
  canWrite: boolean;
  onEdit: () => void;
  editButton: RefObject<HTMLButtonElement | null>;
  corrected: boolean;
}) {
  const rows: [string, string][] = [
    [
      'Referred',
      `${formatDate(detail.referredOn)} by ${referrerLabels[detail.referredBy].toLowerCase()}${detail.referrerName ? ` (${detail.referrerName})` : ''}`,
    ],
    [
      'Complainant',
      [
        detail.complainantName,
        detail.complainantAddressLine1,
        detail.complainantAddressLine2,
        detail.complainantTown,
        detail.complainantPostcode,
      ]
        .filter(Boolean)
        .join(', '),
    ],
    ['Contact', detail.complainantContact ?? '—'],
    ['Landlord and area', [detail.landlordName, detail.areaName].filter(Boolean).join(', ') || '—'],
    ['Service area', serviceAreas.labels[detail.serviceArea]],
    ['What it is about', detail.subject],
    ['Outcome sought', detail.outcomeSought ?? '—'],
  ];
  if (detail.heardOn) rows.push(['Hearing', `Held on ${formatDate(detail.heardOn)}`]);
  else if (detail.hearingDate)
    rows.push(['Hearing', `Scheduled for ${formatDate(detail.hearingDate)}`]);
  if (detail.decisionOutcome)
    rows.push([
      'Decision',
      `${decisionOutcomeLabels[detail.decisionOutcome]} on ${formatDate(detail.decisionOn)}`,
    ]);
  if (detail.findings) rows.push(['Findings', detail.findings]);
  return (
    <section className="panel" aria-labelledby="summary-heading">
      <div className="panel__heading-row">
        <h2 id="summary-heading" tabIndex={-1}>
          The case
        </h2>
        {canWrite ? (
          <button
            ref={editButton}
            type="button"
            className="button button--secondary"
            onClick={onEdit}
          >
            Edit referral details
          </button>
        ) : null}
      </div>
      {corrected ? (
        <Notice tone="success">
          The referral details are corrected. The deadlines and the Code check have been worked out
          again.
        </Notice>
      ) : null}
      <dl className="facts">
        {rows.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function CodeCheck({ detail }: { detail: CaseDetail }) {
  const stage = (n: 1 | 2) => (n === 1 ? detail.stage1 : detail.stage2);
  return (
    <section className="panel" aria-labelledby="code-heading">
      <h2 id="code-heading" tabIndex={-1}>
        Internal stages against the Complaint Handling Code
      </h2>
      <table className="table">
        <caption className="visually-hidden">
          Internal complaint stages and the Code’s deadlines
        </caption>
        <thead>
          <tr>
            <th scope="col">Step</th>
            <th scope="col">Deadline</th>
            <th scope="col">Done</th>
            <th scope="col">Result</th>
          </tr>
        </thead>
        <tbody>
          {detail.codeCheck.milestones.map((m) => (
            <tr key={`${m.stage}-${m.milestone}`}>
              <th scope="row">
                {m.label}
                {/* How the deadline is worked out, under the step so the table fits a narrow column. */}
                <span className="case-basis">{m.basis}</span>
              </th>
              <td className="case-date">{formatDate(m.due)}</td>
              <td className="case-date">{formatDate(m.actual)}</td>
              <td>
                {milestoneBadge[m.status]}{' '}
                {m.workingDaysLate
                  ? `${m.workingDaysLate} ${plural(m.workingDaysLate, 'working day', 'working days')} late`
                  : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">
        Stage 1 outcome: {stage(1).outcome ? stageOutcomeLabels[stage(1).outcome!] : 'not recorded'}
        . Stage 2 outcome:{' '}
        {stage(2).outcome ? stageOutcomeLabels[stage(2).outcome!] : 'not recorded'}. Stage 2 handled
        by a different person:{' '}
        {detail.stage2DifferentHandler === null
          ? 'not recorded'
          : detail.stage2DifferentHandler
            ? 'yes'
            : 'no'}
        .
      </p>
      {detail.codeCheck.findings.length ? (
        <>
          <h3>Evidence for the panel</h3>
          <ul className="findings">
            {detail.codeCheck.findings.map((f, i) => (
              <li key={i}>{f.message}</li>
            ))}
          </ul>
        </>
      ) : (
        <p>No missed timescales in the recorded dates.</p>
      )}
    </section>
  );
}

function Deadlines({ detail }: { detail: CaseDetail }) {
  return (
    <section className="panel" aria-labelledby="deadlines-heading">
      <h2 id="deadlines-heading" tabIndex={-1}>
        The panel’s service standards
      </h2>
      {detail.deadlines.length ? (
        <table className="table">
          <caption className="visually-hidden">Panel deadlines</caption>
          <thead>
            <tr>
              <th scope="col">Stage</th>
              <th scope="col">Due</th>
              <th scope="col">Done</th>
              <th scope="col" className="num">
                Working days
              </th>
              <th scope="col">State</th>
            </tr>
          </thead>
          <tbody>
            {detail.deadlines.map((d) => (
              <tr key={d.stage}>
                <th scope="row">{d.label}</th>
                <td className="case-date">
                  {formatDate(d.due)}
                  <ExpectedHolidaysNote shown={d.expectedHolidays} />
                </td>
                <td className="case-date">{formatDate(d.done)}</td>
                <td className="num">
                  {d.workingDaysTaken} of {d.allowed}
                </td>
                <td>{deadlineBadge[d.state]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted">No panel deadlines apply now.</p>
      )}
      <h3>Steps so far</h3>
      <ol className="timeline">
        {detail.transitions.map((t) => (
          <li key={t.id}>
            <strong>{formatDate(t.onDate)}</strong> · {caseStatusLabels[t.toStatus]}
            {t.reason ? `: ${t.reason}` : ''}
            {t.byName ? <span className="muted"> · {t.byName}</span> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

export function CasePage() {
  const { id = '' } = useParams();
  const canRead = useCan('cases.read');
  const detail = useApiQuery('cases.get', { id }, { enabled: canRead });
  const canWrite = useCan('cases.write');
  const [editing, setEditing] = useState(false);
  const [corrected, setCorrected] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  if (!canRead) {
    return (
      <>
        <PageHeader title="Complaint case" />
        <Notice>
          Complaint cases hold sensitive information: you can see that a case exists and when it is
          due on the <Link to="/cases">complaint panel dashboard</Link>, not whose it is or what it
          is about.
        </Notice>
      </>
    );
  }
  if (detail.isPending) return <Loading what="Loading the case" />;
  if (detail.error && !detail.data) {
    return (
      <>
        <PageHeader title="Complaint case" />
        <Notice tone="error">{errorMessage(detail.error)}</Notice>
      </>
    );
  }
  const d = detail.data;
  const sections: IndexEntry[] = [
    { id: editing ? 'edit-referral-heading' : 'summary-heading', label: 'The case' },
    ...(canWrite ? [{ id: 'actions-heading', label: 'Next step' }] : []),
    { id: 'panel-heading', label: 'Panel members' },
    { id: 'evidence-heading', label: 'Evidence and documents' },
    { id: 'notes-heading', label: 'Notes' },
    { id: 'deadlines-heading', label: 'Service standards and steps' },
    { id: 'code-heading', label: 'Internal stages' },
    { id: 'recs-heading', label: 'Recommendations' },
    { id: `history-${d.id}`, label: 'History' },
  ];
  return (
    <>
      <PageHeader
        title={`Case ${d.reference}`}
        subtitle={
          <>
            <CaseStatusBadge status={d.status} /> {d.complainantName} ·{' '}
            {serviceAreas.labels[d.serviceArea]}
          </>
        }
      />
      <OmbudsmanPanel detail={d} />
      <SectionIndex entries={sections} />
      {/* Reading and tab order: the case, the work on it (next step, panel, documents, notes), then the record. */}
      <div className="case-layout">
        <div className="case-layout__lead">
          {editing ? (
            <EditReferral
              detail={d}
              onDone={(saved) => {
                setEditing(false);
                setCorrected(saved);
                requestAnimationFrame(() => editButton.current?.focus());
              }}
            />
          ) : (
            <Summary
              detail={d}
              canWrite={canWrite}
              editButton={editButton}
              corrected={corrected}
              onEdit={() => {
                setCorrected(false);
                setEditing(true);
              }}
            />
          )}
        </div>
        <div className="case-layout__side">
          {canWrite ? <LifecycleActions detail={d} today={d.today} /> : null}
          <PanelSection detail={d} canWrite={canWrite} />
          <EvidenceSection detail={d} canWrite={canWrite} />
          <NotesSection detail={d} canWrite={canWrite} today={d.today} />
        </div>
        <div className="case-layout__main">
          <Deadlines detail={d} />
          <CodeCheck detail={d} />
          <CaseRecommendations detail={d} canWrite={canWrite} />
          <HistoryPanel entity="complaint_cases" id={d.id} />
        </div>
      </div>
    </>
  );
}
