import { useState } from 'react';
import { Link } from 'react-router';
import { reviewKinds, type ReviewKind } from '../../../../src-shared/domain/reviews';
import { errorMessage } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { formatDate } from '../../components/format';
import { FinancialYearField, useFinancialYear } from '../../components/FinancialYearField';
import { financialYearLabel } from '../../../../src-shared/rules/report-period';
import { Loading, Notice, PageHeader } from '../../components/PageHeader';
import { useCan } from '../../session';
import '../../styles/reviews.css';
import { useUnsavedChanges } from '../../components/UnsavedChanges';

/** The scrutiny figures the board packs use, for a year, with the year's targets. */
export function ReviewFiguresPage() {
  const [year, setYear] = useFinancialYear();
  const figures = useApiQuery('reviews.figures', { year });
  const due = useApiQuery('reviews.policiesDue', {});
  const canSet = useCan('reviews.settings');
  const [targets, setTargets] = useState<Partial<Record<ReviewKind, string>>>({});
  const guard = useUnsavedChanges(Object.keys(targets).length > 0, 'the targets');
  const save = useApiMutation('reviews.saveTargets', { onSuccess: () => setTargets({}) });
  const f = figures.data;
  return (
    <>
      <PageHeader
        title="Scrutiny figures"
        subtitle="Reviews completed against the financial year’s targets, their length, their recommendations, assurance coverage and consultations before the Board."
      />
      <div className="panel form-grid">
        <FinancialYearField id="figures-year" year={year} onChange={setYear} />
      </div>
      {figures.isPending ? <Loading what="Working out the figures" /> : null}
      {figures.error ? <Notice tone="error">{errorMessage(figures.error)}</Notice> : null}
      {f ? (
        <>
          <section className="panel" aria-labelledby="completed-heading">
            <h2 id="completed-heading">Reviews completed in {financialYearLabel(f.year)}</h2>
            <form
              {...guard.formProps}
              onSubmit={(e) => {
                e.preventDefault();
                const out: Partial<Record<ReviewKind, number | null>> = {};
                for (const k of reviewKinds) {
                  const v = targets[k];
                  if (v !== undefined) out[k] = v === '' ? null : Number(v);
                  else out[k] = f.completed.find((c) => c.kind === k)?.target ?? null;
                }
                save.mutate({ year: f.year, targets: out });
              }}
            >
              {save.error ? <Notice tone="error">{errorMessage(save.error)}</Notice> : null}
              <table className="table">
                <caption className="visually-hidden">Reviews completed against targets</caption>
                <thead>
                  <tr>
                    <th scope="col">Kind</th>
                    <th scope="col" className="num">
                      Completed
                    </th>
                    <th scope="col" className="num">
                      Target
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {f.completed.map((c) => (
                    <tr key={c.kind}>
                      <th scope="row">{c.label}</th>
                      <td className="num">
                        {c.completed}{' '}
                        {c.target !== null ? (
                          <span
                            className={`badge ${c.completed >= c.target ? 'badge--green' : 'badge--amber'}`}
                          >
                            {c.completed >= c.target ? 'Met' : 'Below target'}
                          </span>
                        ) : null}
                      </td>
                      <td className="num">
                        {canSet ? (
                          <input
                            className="input"
                            type="number"
                            min={0}
                            aria-label={`Target for ${c.label} in ${financialYearLabel(f.year)}`}
                            value={targets[c.kind] ?? (c.target === null ? '' : String(c.target))}
                            onChange={(e) =>
                              setTargets((t) => ({ ...t, [c.kind]: e.target.value }))
                            }
                            style={{ width: '5rem' }}
                          />
                        ) : (
                          (c.target ?? '—')
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {canSet ? (
                <button
                  className="button button--secondary"
                  type="submit"
                  disabled={save.isPending}
                >
                  Save the {financialYearLabel(f.year)} targets
                </button>
              ) : null}
            </form>
          </section>
          <section className="panel" aria-labelledby="durations-heading">
            <h2 id="durations-heading">Length against expected</h2>
            {f.durations.length ? (
              <ul>
                {f.durations.map((d) => (
                  <li key={d.reviewId}>
                    <Link to={`/reviews/${d.reviewId}`}>{d.reference}</Link>: {d.weeks} weeks
                    (expected up to {d.expectedMaxWeeks}){' '}
                    {d.withinExpected ? null : <span className="badge badge--red">Over</span>}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">No reviews completed in {financialYearLabel(f.year)}.</p>
            )}
          </section>
          <section className="panel" aria-labelledby="recs-figures-heading">
            <h2 id="recs-figures-heading">
              Recommendations made in {financialYearLabel(f.year)}, by review
            </h2>
            {f.recommendations.length ? (
              <table className="table">
                <caption className="visually-hidden">Recommendations by review</caption>
                <thead>
                  <tr>
                    <th scope="col">Review</th>
                    <th scope="col" className="num">
                      Made
                    </th>
                    <th scope="col" className="num">
                      Accepted
                    </th>
                    <th scope="col" className="num">
                      Implemented
                    </th>
                    <th scope="col" className="num">
                      Verified
                    </th>
                    <th scope="col" className="num">
                      Overdue
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {f.recommendations.map((r) => (
                    <tr key={r.reviewId}>
                      <th scope="row">
                        <Link to={`/reviews/${r.reviewId}`}>{r.reference}</Link>
                      </th>
                      <td className="num">{r.made}</td>
                      <td className="num">{r.accepted}</td>
                      <td className="num">{r.implemented}</td>
                      <td className="num">{r.verified}</td>
                      <td className="num">{r.overdue}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : (
              <p className="muted">None made in {financialYearLabel(f.year)}.</p>
            )}
          </section>
          <section className="panel" aria-labelledby="coverage-figures-heading">
            <h2 id="coverage-figures-heading">Assurance and consultations</h2>
            <p>
              Assurance coverage in {financialYearLabel(f.year)}: {f.coverage.covered} of{' '}
              {f.coverage.total} requirements ({f.coverage.percent}%).{' '}
              <Link to="/assurance">Open the matrix</Link>
            </p>
            <p>
              Policy consultations completed: {f.consultations.completed}, of which{' '}
              {f.consultations.beforeBoard} before the Board’s date.
            </p>
          </section>
        </>
      ) : null}
      <section className="panel" aria-labelledby="due-heading">
        <h2 id="due-heading">Policies due to the Board without a finished consultation</h2>
        {due.data?.length ? (
          <ul>
            {due.data.map((p) => (
              <li key={p.policyId ?? p.consultation?.reviewId}>
                {p.policyId ? <Link to="/policies">{p.policyName}</Link> : p.policyName}: Board on{' '}
                {formatDate(p.boardDate)},{' '}
                {p.consultation ? (
                  <>
                    consultation{' '}
                    <Link to={`/reviews/${p.consultation.reviewId}`}>
                      {p.consultation.reference}
                    </Link>{' '}
                    at {p.consultation.stageLabel}
                  </>
                ) : (
                  'no consultation started'
                )}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">None.</p>
        )}
      </section>
    </>
  );
}
