import { Link } from 'react-router';
import { exceptionReasonLabels } from '../../../../src-shared/rules/review-exceptions';
import {
  managementResponseLabels,
  recommendationStatusLabels,
} from '../../../../src-shared/rules/recommendations';
import { useState } from 'react';
import { call, errorMessage } from '../../api/client';
import { downloadBase64 } from '../customer-import/file-bytes';
import { useApiQuery } from '../../api/hooks';
import { formatDate } from '../../components/format';
import { Loading, Notice, PageHeader } from '../../components/PageHeader';
import '../../styles/reviews.css';

export function ExceptionReportPage() {
  const report = useApiQuery('reviews.exceptionReport', {});
  const [problem, setProblem] = useState<string | null>(null);
  async function download() {
    setProblem(null);
    try {
      const f = await call('reviews.exceptionReportXlsx', {});
      downloadBase64(f.fileName, f.contentBase64, f.mimeType);
    } catch (e) {
      setProblem(errorMessage(e));
    }
  }
  return (
    <>
      <PageHeader
        title="Exception report"
        subtitle="For the Group Audit and Risk Committee: overdue, rejected and partly accepted recommendations from reviews, and every Scrutiny Panel recommendation until it is verified."
        actions={
          <button
            type="button"
            className="button button--secondary"
            onClick={() => void download()}
          >
            Download (Excel)
          </button>
        }
      />
      {problem ? <Notice tone="error">{problem}</Notice> : null}
      {report.isPending ? <Loading what="Loading the exception report" /> : null}
      {report.error ? <Notice tone="error">{errorMessage(report.error)}</Notice> : null}
      {report.data ? (
        <section className="panel" aria-labelledby="exceptions-heading">
          <h2 id="exceptions-heading">
            {report.data.rows.length} recommendations at {formatDate(report.data.today)}
          </h2>
          <p className="muted">
            Overdue {report.data.counts.overdue} · rejected {report.data.counts.rejected} · partly
            accepted {report.data.counts.partly_accepted} · Scrutiny Panel awaiting verification{' '}
            {report.data.counts.not_verified}. Rejected and partly accepted ones made since{' '}
            {formatDate(report.data.since)}.
          </p>
          {report.data.rows.length ? (
            <div className="table-scroll">
              <table className="table">
                <caption className="visually-hidden">Exception report</caption>
                <thead>
                  <tr>
                    <th scope="col">Recommendation</th>
                    <th scope="col">Review</th>
                    <th scope="col">Why listed</th>
                    <th scope="col">Response</th>
                    <th scope="col">Owner</th>
                    <th scope="col">Due</th>
                    <th scope="col" className="num">
                      Days overdue
                    </th>
                    <th scope="col">Status</th>
                  </tr>
                </thead>
                <tbody>
                  {report.data.rows.map((r) => (
                    <tr key={r.recommendationId}>
                      <th scope="row">
                        <Link to={`/recommendations/${r.recommendationId}`}>{r.reference}</Link>
                        <div className="plain">{r.text}</div>
                      </th>
                      <td className="nowrap">
                        <Link to={`/reviews/${r.reviewId}`}>{r.reviewReference}</Link>
                      </td>
                      <td>
                        {r.reasons.map((x) => (
                          <span
                            key={x}
                            className={`badge ${x === 'overdue' || x === 'rejected' ? 'badge--red' : 'badge--amber'}`}
                          >
                            {exceptionReasonLabels[x]}
                          </span>
                        ))}
                      </td>
                      <td>
                        {r.managementResponse
                          ? managementResponseLabels[r.managementResponse]
                          : 'Awaited'}
                      </td>
                      <td>{r.owner ?? '—'}</td>
                      <td className="nowrap">{formatDate(r.dueDate)}</td>
                      <td className="num">{r.daysOverdue || ''}</td>
                      <td>{recommendationStatusLabels[r.status]}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <p>Nothing to report.</p>
          )}
        </section>
      ) : null}
    </>
  );
}
