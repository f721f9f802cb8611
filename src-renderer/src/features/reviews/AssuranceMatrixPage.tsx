import { useState } from 'react';
import { Link } from 'react-router';
import { tagEntityLabels, type MatrixLink } from '../../../../src-shared/domain/reviews';
import { errorMessage, fieldErrors } from '../../api/client';
import { useApiQuery } from '../../api/hooks';
import { useToday } from '../../clock';
import { TextField } from '../../components/Field';
import { formatDate } from '../../components/format';
import { Loading, Notice, PageHeader } from '../../components/PageHeader';
import '../../styles/reviews.css';

/** The financial year (April to March) that today falls in. */
function financialYear(today: string): { from: string; to: string } {
  const y = Number(today.slice(0, 4));
  const start = today.slice(5) >= '04-01' ? y : y - 1;
  return { from: `${start}-04-01`, to: `${start + 1}-03-31` };
}

function LinkTo({ link }: { link: MatrixLink }) {
  if (link.entityType === 'activity')
    return <Link to={`/activities/${link.entityId}`}>{link.label}</Link>;
  if (link.entityType === 'recommendation')
    return <Link to={`/recommendations/${link.entityId}`}>{link.label}</Link>;
  if (link.reviewId) return <Link to={`/reviews/${link.reviewId}`}>{link.label}</Link>;
  return <span>{link.label}</span>;
}

export function AssuranceMatrixPage() {
  const fy = financialYear(useToday());
  const [from, setFrom] = useState(fy.from);
  const [to, setTo] = useState(fy.to);
  const matrix = useApiQuery('assurance.matrix', { from, to });
  const errors = fieldErrors(matrix.error);
  const m = matrix.data;
  return (
    <>
      <PageHeader
        title="Assurance matrix"
        subtitle="Each consumer standard requirement and Tenant Satisfaction Measure against the involvement evidence tagged to it: where customers have looked, and where they have not."
      />
      <div className="panel form-grid">
        <TextField
          id="matrix-from"
          label="From"
          type="date"
          value={from}
          onChange={(e) => setFrom(e.target.value)}
          error={errors.from}
        />
        <TextField
          id="matrix-to"
          label="To"
          type="date"
          value={to}
          onChange={(e) => setTo(e.target.value)}
          error={errors.to}
        />
      </div>
      {matrix.isPending ? <Loading what="Loading the matrix" /> : null}
      {matrix.error && !Object.keys(errors).length ? (
        <Notice tone="error">{errorMessage(matrix.error)}</Notice>
      ) : null}
      {m ? (
        <>
          <section className="panel" aria-labelledby="coverage-heading">
            <h2 id="coverage-heading">
              Coverage: {m.coverage.covered} of {m.coverage.total} requirements (
              {m.coverage.percent}%)
            </h2>
            <p className="muted">
              {m.framework.title}, version {m.framework.version} (in force from{' '}
              {formatDate(m.framework.effectiveFrom)}).
            </p>
            {m.uncovered.length ? (
              <details>
                <summary>
                  Requirements with no evidence in the period ({m.uncovered.length})
                </summary>
                <ul>
                  {m.uncovered.map((u) => (
                    <li key={u.code}>
                      {u.code} {u.title} <span className="muted">({u.standard})</span>
                    </li>
                  ))}
                </ul>
              </details>
            ) : (
              <p>Every requirement has evidence in the period.</p>
            )}
            {m.retired.length ? (
              <Notice>
                Evidence is also tagged against requirements no longer in this version:{' '}
                {m.retired.map((r) => `${r.title} (${r.version}, ${r.count})`).join('; ')}.
              </Notice>
            ) : null}
          </section>
          <section className="panel" aria-labelledby="matrix-heading">
            <h2 id="matrix-heading">Requirements and evidence</h2>
            <div className="table-scroll">
              <table className="table matrix-table">
                <caption className="visually-hidden">Assurance matrix</caption>
                <thead>
                  <tr>
                    <th scope="col">Requirement</th>
                    <th scope="col">Standard</th>
                    <th scope="col" className="num">
                      Evidence
                    </th>
                    <th scope="col">Latest</th>
                    <th scope="col">Most recent evidence</th>
                  </tr>
                </thead>
                <tbody>
                  {m.rows.map((r) => (
                    <tr key={r.code} data-code={r.code}>
                      <th scope="row">
                        {r.title.startsWith(r.code) ? r.title : `${r.code} ${r.title}`}
                      </th>
                      <td>{r.standard}</td>
                      <td className={`num${r.count ? '' : ' matrix-none'}`}>{r.count || 'None'}</td>
                      <td>{formatDate(r.latest)}</td>
                      <td>
                        {r.links.map((l) => (
                          <div key={`${l.entityType}-${l.entityId}`}>
                            <span className="muted">{tagEntityLabels[l.entityType]}:</span>{' '}
                            <LinkTo link={l} />
                          </div>
                        ))}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        </>
      ) : null}
    </>
  );
}
