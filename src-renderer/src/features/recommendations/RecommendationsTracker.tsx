import { useState } from 'react';
import type { TrackerFilter } from '../../../../src-shared/domain/recommendations';
import {
  recommendationSourceLabels,
  recommendationSources,
  recommendationStatusLabels,
  recommendationStatuses,
  type RecommendationSource,
} from '../../../../src-shared/rules/recommendations';
import { call, errorMessage } from '../../api/client';
import { useApiQuery } from '../../api/hooks';
import { CheckboxField, SelectField } from '../../components/Field';
import { Loading, Notice, PageHeader } from '../../components/PageHeader';
import { downloadBase64 } from '../customer-import/file-bytes';
import { useCan } from '../../session';
import { RecommendationTable } from './RecommendationTable';
import '../../styles/cases.css';

/** Said wherever an officer sees recommendation counts, so a hidden one never reads as none. */
export const CASE_RECOMMENDATIONS_HIDDEN =
  'Recommendations from complaint panel cases are shown only to coordinators and the team leader, so they are not counted here.';

export function RecommendationsTracker() {
  const [source, setSource] = useState('');
  const [status, setStatus] = useState('');
  const [owner, setOwner] = useState('');
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [systemicOnly, setSystemicOnly] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const filter: TrackerFilter = {
    sourceType: (source || null) as RecommendationSource | null,
    status: (status || null) as TrackerFilter['status'],
    owner: owner || null,
    overdueOnly,
    systemicOnly,
    limit: 500,
  };
  const page = useApiQuery('recommendations.list', filter);
  const seesCases = useCan('cases.read');

  async function exportXlsx() {
    setExporting(true);
    setProblem(null);
    try {
      const f = await call('recommendations.exportXlsx', filter);
      downloadBase64(f.fileName, f.contentBase64, f.mimeType);
    } catch (e) {
      setProblem(errorMessage(e));
    } finally {
      setExporting(false);
    }
  }

  return (
    <>
      <PageHeader
        title="Recommendations tracker"
        subtitle="Every recommendation from complaint cases and scrutiny reviews, with management’s response and progress. Overdue means open past its due date."
        actions={
          <button
            type="button"
            className="button button--secondary"
            onClick={() => void exportXlsx()}
            disabled={exporting}
          >
            {exporting ? 'Exporting…' : 'Export to Excel'}
          </button>
        }
      />
      {problem ? <Notice tone="error">{problem}</Notice> : null}
      {seesCases ? null : <Notice>{CASE_RECOMMENDATIONS_HIDDEN}</Notice>}
      <div className="panel filters">
        <SelectField
          id="filter-source"
          label="Source"
          value={source}
          placeholder="All sources"
          options={recommendationSources.map((s) => ({
            value: s,
            label: recommendationSourceLabels[s],
          }))}
          onChange={(e) => setSource(e.target.value)}
        />
        <SelectField
          id="filter-status"
          label="Status"
          value={status}
          placeholder="Any status"
          options={[...recommendationStatuses, 'overdue' as const].map((s) => ({
            value: s,
            label: recommendationStatusLabels[s],
          }))}
          onChange={(e) => setStatus(e.target.value)}
        />
        <SelectField
          id="filter-owner"
          label="Owner"
          value={owner}
          placeholder="Anyone"
          options={(page.data?.owners ?? []).map((o) => ({ value: o, label: o }))}
          onChange={(e) => setOwner(e.target.value)}
        />
        <CheckboxField
          id="filter-overdue"
          label="Overdue only"
          checked={overdueOnly}
          onChange={(e) => setOverdueOnly(e.target.checked)}
        />
        <CheckboxField
          id="filter-systemic"
          label="Could recur elsewhere only"
          checked={systemicOnly}
          onChange={(e) => setSystemicOnly(e.target.checked)}
        />
      </div>
      {page.isPending ? <Loading what="Loading recommendations" /> : null}
      {page.error ? <Notice tone="error">{errorMessage(page.error)}</Notice> : null}
      {page.data ? (
        <div className="panel">
          <p>
            {page.data.total} recommendation{page.data.total === 1 ? '' : 's'}
            {page.data.total > page.data.rows.length
              ? `, showing the first ${page.data.rows.length}`
              : ''}
            .
          </p>
          <RecommendationTable rows={page.data.rows} caption="Recommendations" showResponse />
        </div>
      ) : null}
    </>
  );
}
