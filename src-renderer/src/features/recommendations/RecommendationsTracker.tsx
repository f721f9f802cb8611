import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { trackerSortKeys, type TrackerFilter } from '../../../../src-shared/domain/recommendations';
import {
  recommendationSourceLabels,
  recommendationSources,
  recommendationStatusLabels,
  recommendationStatuses,
} from '../../../../src-shared/rules/recommendations';
import { call, errorMessage } from '../../api/client';
import { useApiQuery } from '../../api/hooks';
import { CheckboxField, SelectField } from '../../components/Field';
import { formatCount } from '../../components/format';
import { useSortParam } from '../../components/SortableTable';
import { Loading, Notice, PageHeader } from '../../components/PageHeader';
import { downloadBase64 } from '../customer-import/file-bytes';
import { useCan } from '../../session';
import { RecommendationTable } from './RecommendationTable';
import { trackerFilterFrom, trackerParams } from './tracker-filters';
import '../../styles/cases.css';

/** Said wherever an officer sees recommendation counts, so a hidden one never reads as none. */
export const CASE_RECOMMENDATIONS_HIDDEN =
  'Recommendations from complaint panel cases are shown only to coordinators and the team leader, so they are not counted here.';

export function RecommendationsTracker() {
  // Filters and sort live in the address, so a link (from Home) can open the tracker filtered.
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
  const [sort, setSort] = useSortParam(trackerSortKeys, { key: 'due', direction: 'asc' });
  const [exporting, setExporting] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const chosen = trackerFilterFrom(params);
  const filter: TrackerFilter = {
    ...chosen,
    sort: sort.key,
    direction: sort.direction,
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
          value={chosen.sourceType ?? ''}
          placeholder="All sources"
          options={recommendationSources.map((s) => ({
            value: s,
            label: recommendationSourceLabels[s],
          }))}
          onChange={(e) => setParam(trackerParams.source, e.target.value)}
        />
        <SelectField
          id="filter-status"
          label="Status"
          value={chosen.status ?? ''}
          placeholder="Any status"
          options={[...recommendationStatuses, 'overdue' as const].map((s) => ({
            value: s,
            label: recommendationStatusLabels[s],
          }))}
          onChange={(e) => setParam(trackerParams.status, e.target.value)}
        />
        <SelectField
          id="filter-owner"
          label="Owner"
          value={chosen.owner ?? ''}
          placeholder="Anyone"
          options={(page.data?.owners ?? []).map((o) => ({ value: o, label: o }))}
          onChange={(e) => setParam(trackerParams.owner, e.target.value)}
        />
        <CheckboxField
          id="filter-overdue"
          label="Overdue only"
          checked={chosen.overdueOnly ?? false}
          onChange={(e) => setParam(trackerParams.overdue, e.target.checked ? '1' : '')}
        />
        <CheckboxField
          id="filter-systemic"
          label="Could recur elsewhere only"
          checked={chosen.systemicOnly ?? false}
          onChange={(e) => setParam(trackerParams.systemic, e.target.checked ? '1' : '')}
        />
      </div>
      {page.isPending ? <Loading what="Loading recommendations" /> : null}
      {page.error ? <Notice tone="error">{errorMessage(page.error)}</Notice> : null}
      {page.data ? (
        <div className="panel">
          <p>
            {formatCount(page.data.total)} recommendation{page.data.total === 1 ? '' : 's'}
            {page.data.total > page.data.rows.length
              ? `, showing the first ${formatCount(page.data.rows.length)}`
              : ''}
            .
          </p>
          <RecommendationTable
            rows={page.data.rows}
            caption="Recommendations"
            showResponse
            sort={sort}
            onSort={setSort}
          />
        </div>
      ) : null}
    </>
  );
}
