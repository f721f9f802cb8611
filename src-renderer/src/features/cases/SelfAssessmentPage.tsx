import { useState } from 'react';
import {
  complianceAnswers,
  complianceLabels,
  type ComplianceAnswer,
  type SelfAssessmentRow,
} from '../../../../src-shared/domain/self-assessment';
import { call, errorMessage } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { SelectField, TextAreaField } from '../../components/Field';
import { formatDate } from '../../components/format';
import { Loading, Notice, PageHeader } from '../../components/PageHeader';
import { useCan } from '../../session';
import { downloadBase64 } from '../customer-import/file-bytes';
import '../../styles/cases.css';

function ProvisionRow({
  year,
  row,
  canWrite,
}: {
  year: number;
  row: SelfAssessmentRow;
  canWrite: boolean;
}) {
  const [complies, setComplies] = useState<string>(row.complies ?? '');
  const [evidence, setEvidence] = useState(row.evidence ?? '');
  const [comments, setComments] = useState(row.panelComments ?? '');
  const save = useApiMutation('selfAssessment.save');
  const id = `p-${row.provision.replace('.', '-')}`;
  return (
    <tr>
      <th scope="row">{row.provision}</th>
      <td>{row.requirement}</td>
      <td>
        <SelectField
          id={`${id}-complies`}
          label={`Provision ${row.provision}: complies?`}
          value={complies}
          placeholder="Not assessed"
          disabled={!canWrite}
          options={complianceAnswers.map((a) => ({ value: a, label: complianceLabels[a] }))}
          onChange={(e) => setComplies(e.target.value)}
        />
      </td>
      <td>
        <TextAreaField
          id={`${id}-evidence`}
          label={`Provision ${row.provision}: evidence`}
          rows={2}
          value={evidence}
          disabled={!canWrite}
          onChange={(e) => setEvidence(e.target.value)}
        />
      </td>
      <td>
        <TextAreaField
          id={`${id}-comments`}
          label={`Provision ${row.provision}: tenant panel comments`}
          rows={2}
          value={comments}
          disabled={!canWrite}
          onChange={(e) => setComments(e.target.value)}
        />
      </td>
      <td>
        {canWrite ? (
          <button
            type="button"
            className="button button--secondary"
            disabled={save.isPending}
            onClick={() =>
              save.mutate({
                year,
                provision: row.provision,
                complies: (complies || null) as ComplianceAnswer | null,
                evidence,
                panelComments: comments,
                linkedCaseIds: row.linkedCaseIds,
              })
            }
          >
            Save {row.provision}
          </button>
        ) : null}
        {save.isSuccess ? <span className="muted"> Saved</span> : null}
        {save.error ? <span className="field__error">{errorMessage(save.error)}</span> : null}
      </td>
    </tr>
  );
}

export function SelfAssessmentPage() {
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const sa = useApiQuery('selfAssessment.get', { year });
  const canWrite = useCan('cases.write');
  const [problem, setProblem] = useState<string | null>(null);
  async function exportAs(format: 'pdf' | 'xlsx') {
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
              onClick={() => void exportAs('pdf')}
            >
              Export PDF
            </button>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => void exportAs('xlsx')}
            >
              Export Excel
            </button>
          </div>
        }
      />
      <div className="panel filters">
        <SelectField
          id="sa-year"
          label="Year"
          value={String(year)}
          options={[thisYear + 1, thisYear, thisYear - 1, thisYear - 2].map((y) => ({
            value: String(y),
            label: String(y),
          }))}
          onChange={(e) => setYear(Number(e.target.value))}
        />
      </div>
      {problem ? <Notice tone="error">{problem}</Notice> : null}
      {sa.isPending ? <Loading what="Loading the self-assessment" /> : null}
      {sa.error ? <Notice tone="error">{errorMessage(sa.error)}</Notice> : null}
      {sa.data ? (
        <>
          {sa.data.reminder.level === 'upcoming' || sa.data.reminder.level === 'urgent' ? (
            <Notice tone="warning">{sa.data.reminder.message}</Notice>
          ) : (
            <Notice>
              Due {formatDate(sa.data.due)}. {sa.data.answered} of {sa.data.rows.length} provisions
              assessed.
            </Notice>
          )}
          <div className="panel">
            <table className="table self-assessment">
              <caption className="visually-hidden">
                {sa.data.codeTitle} ({sa.data.codeVersion}), {year}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Provision</th>
                  <th scope="col">Requirement</th>
                  <th scope="col">Complies</th>
                  <th scope="col">Evidence</th>
                  <th scope="col">Tenant panel comments</th>
                  <th scope="col">Save</th>
                </tr>
              </thead>
              <tbody>
                {sa.data.rows.map((r) => (
                  <ProvisionRow
                    key={`${year}-${r.provision}-${r.updatedAt ?? ''}`}
                    year={year}
                    row={r}
                    canWrite={canWrite}
                  />
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </>
  );
}
