import { useState } from 'react';
import {
  complianceLabels,
  type SelfAssessment,
  type SelfAssessmentRow,
} from '../../../../src-shared/domain/self-assessment';
import { call, errorMessage } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { SelectField } from '../../components/Field';
import { formatDate } from '../../components/format';
import { Loading, Notice, PageHeader } from '../../components/PageHeader';
import { useCan } from '../../session';
import { downloadBase64 } from '../customer-import/file-bytes';
import { ProvisionEditor } from './ProvisionEditor';
import { ProvisionEvidence } from './ProvisionEvidence';
import { SubmissionNotice } from './SubmissionNotice';
import { SubmitSelfAssessment } from './SubmitSelfAssessment';
import '../../styles/cases.css';

export function SelfAssessmentPage() {
  const [chosenYear, setChosenYear] = useState<number | undefined>(undefined);
  const sa = useApiQuery('selfAssessment.get', { year: chosenYear });
  const canWrite = useCan('cases.write');
  const [problem, setProblem] = useState<string | null>(null);
  const year = sa.data?.year;
  async function exportAs(format: 'pdf' | 'xlsx') {
    if (!year) return;
    setProblem(null);
    try {
      const f = await call('selfAssessment.export', { year, format });
      downloadBase64(f.fileName, f.contentBase64, f.mimeType);
    } catch (e) {
      setProblem(errorMessage(e));
    }
  }
  return (
    <>
      <PageHeader
        title="Complaint Handling Code self-assessment"
        subtitle="Each year, per provision: whether the landlord complies, the evidence, and the tenant panel’s comments. It goes to the governing body and to the Ombudsman by 30 September."
        actions={
          <div className="button-row">
            <button
              type="button"
              className="button button--secondary"
              disabled={!year}
              onClick={() => void exportAs('pdf')}
            >
              Export PDF
            </button>
            <button
              type="button"
              className="button button--secondary"
              disabled={!year}
              onClick={() => void exportAs('xlsx')}
            >
              Export Excel
            </button>
          </div>
        }
      />
      {problem ? <Notice tone="error">{problem}</Notice> : null}
      {sa.isPending ? <Loading what="Loading the self-assessment" /> : null}
      {sa.error ? <Notice tone="error">{errorMessage(sa.error)}</Notice> : null}
      {sa.data ? (
        <>
          <div className="panel self-assessment__bar">
            <SelectField
              id="sa-year"
              label="Year"
              value={String(sa.data.year)}
              options={[1, 0, -1, -2, -3].map((d) => {
                const y = String(sa.data.currentYear + d);
                return { value: y, label: y };
              })}
              onChange={(e) => setChosenYear(Number(e.target.value))}
            />
            <p className="self-assessment__progress">
              <strong>
                {sa.data.answered} of {sa.data.rows.length}
              </strong>{' '}
              provisions assessed · due {formatDate(sa.data.due)}
            </p>
            <Submission sa={sa.data} canWrite={canWrite} />
          </div>
          <SubmissionNotice reminder={sa.data.reminder} />
          <Provisions sa={sa.data} canWrite={canWrite} />
        </>
      ) : null}
    </>
  );
}

function Submission({ sa, canWrite }: { sa: SelfAssessment; canWrite: boolean }) {
  const mark = useApiMutation('selfAssessment.markSubmitted');
  if (sa.submittedOn)
    return (
      <div className="self-assessment__submission">
        <p>
          Submitted on <strong>{formatDate(sa.submittedOn)}</strong>
        </p>
        {canWrite ? (
          <button
            type="button"
            className="button button--quiet"
            disabled={mark.isPending}
            onClick={() => mark.mutate({ year: sa.year, submittedOn: null })}
          >
            Take off the submitted mark
          </button>
        ) : null}
      </div>
    );
  if (!canWrite) return <p className="self-assessment__submission">Not yet submitted</p>;
  return <SubmitSelfAssessment key={sa.year} sa={sa} />;
}

function summaryOf(r: SelfAssessmentRow): string {
  const parts = [
    r.linkedCases.length
      ? `${r.linkedCases.length} case${r.linkedCases.length === 1 ? '' : 's'}`
      : '',
    r.documents.length
      ? `${r.documents.length} document${r.documents.length === 1 ? '' : 's'}`
      : '',
    r.figures.length ? `${r.figures.length} figure${r.figures.length === 1 ? '' : 's'}` : '',
  ].filter(Boolean);
  return parts.length ? parts.join(', ') : 'no evidence linked';
}

const badgeTone = { yes: 'badge--green', partly: 'badge--amber', no: 'badge--red' } as const;

function Provisions({ sa, canWrite }: { sa: SelfAssessment; canWrite: boolean }) {
  const sections = [...new Set(sa.rows.map((r) => r.section))];
  return (
    <>
      {sections.map((section) => {
        const rows = sa.rows.filter((r) => r.section === section);
        const headingId = `sa-section-${section.replace(/\W/g, '-')}`;
        return (
          <section key={section} className="self-assessment__section" aria-labelledby={headingId}>
            <h2 id={headingId}>
              {section}. {rows[0]?.sectionTitle}
            </h2>
            {rows.map((r) => (
              <details
                key={`${sa.year}-${r.provision}`}
                className="panel self-assessment__provision"
              >
                <summary>
                  <span className="self-assessment__number">{r.provision}</span>
                  <span className="self-assessment__requirement">{r.requirement}</span>
                  <span className="self-assessment__status">
                    {r.complies ? (
                      <span className={`badge ${badgeTone[r.complies]}`}>
                        {complianceLabels[r.complies]}
                      </span>
                    ) : (
                      <span className="badge">Not assessed</span>
                    )}
                    <span className="muted"> {summaryOf(r)}</span>
                  </span>
                </summary>
                <div className="self-assessment__body">
                  <ProvisionEditor
                    key={r.updatedAt ?? 'new'}
                    year={sa.year}
                    row={r}
                    canWrite={canWrite}
                  />
                  <ProvisionEvidence year={sa.year} row={r} canWrite={canWrite} />
                </div>
              </details>
            ))}
          </section>
        );
      })}
    </>
  );
}
