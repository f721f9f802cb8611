import { useState } from 'react';
import { Link } from 'react-router';
import { reviewKinds, type ReviewKind } from '../../../../src-shared/domain/reviews';
import { errorMessage } from '../../api/client';
import { useApiQuery } from '../../api/hooks';
import { useToday } from '../../clock';
import { SelectField } from '../../components/Field';
import { formatDate } from '../../components/format';
import { Loading, Notice, PageHeader } from '../../components/PageHeader';
import { useCan } from '../../session';
import { weekBadgeClass, weekBadgeText } from './labels';
import '../../styles/reviews.css';

export function ReviewList() {
  const [kind, setKind] = useState<ReviewKind | ''>('');
  const [state, setState] = useState<'open' | 'complete' | 'all'>('open');
  const list = useApiQuery('reviews.list', { kind: kind || null, state });
  const settings = useApiQuery('reviews.settings', { year: Number(useToday().slice(0, 4)) });
  const canWrite = useCan('reviews.write');
  const kindOptions = reviewKinds.map((k) => ({
    value: k,
    label: settings.data?.templates[k].label ?? k,
  }));
  return (
    <>
      <PageHeader
        title="Scrutiny reviews"
        subtitle="Scrutiny Panel reviews, Customer Service Investigators projects, audits, reality checks, mystery shops and policy consultations."
        actions={
          <div className="button-row">
            {canWrite ? (
              <Link className="button" to="/reviews/new">
                Commission a review
              </Link>
            ) : null}
            <Link className="button button--secondary" to="/reviews/exceptions">
              Exception report
            </Link>
            <Link className="button button--secondary" to="/reviews/figures">
              Figures
            </Link>
            <Link className="button button--secondary" to="/reviews/plan">
              Commissioning plan
            </Link>
            <Link className="button button--secondary" to="/policies">
              Policy register
            </Link>
          </div>
        }
      />
      <section className="panel" aria-labelledby="reviews-heading">
        <h2 id="reviews-heading">Reviews{list.data ? ` (${list.data.length})` : ''}</h2>
        <div className="filters form-grid">
          <SelectField
            id="reviews-kind"
            label="Kind"
            value={kind}
            placeholder="Every kind"
            options={kindOptions}
            onChange={(e) => setKind(e.target.value as ReviewKind | '')}
          />
          <SelectField
            id="reviews-state"
            label="Show"
            value={state}
            options={[
              { value: 'open', label: 'In progress' },
              { value: 'complete', label: 'Complete' },
              { value: 'all', label: 'All' },
            ]}
            onChange={(e) => setState(e.target.value as 'open' | 'complete' | 'all')}
          />
        </div>
        {list.isPending ? <Loading what="Loading reviews" /> : null}
        {list.error ? <Notice tone="error">{errorMessage(list.error)}</Notice> : null}
        {list.data && list.data.length === 0 ? <p className="muted">No reviews to show.</p> : null}
        {list.data && list.data.length ? (
          <div className="table-scroll">
            <table className="table">
              <caption className="visually-hidden">Reviews</caption>
              <thead>
                <tr>
                  <th scope="col">Reference</th>
                  <th scope="col">Title</th>
                  <th scope="col">Kind</th>
                  <th scope="col">Stage</th>
                  <th scope="col">Started</th>
                  <th scope="col">Deadline</th>
                  <th scope="col">Weeks</th>
                  <th scope="col">Lead officer</th>
                </tr>
              </thead>
              <tbody>
                {list.data.map((r) => (
                  <tr key={r.id}>
                    <th scope="row">
                      <Link to={`/reviews/${r.id}`}>{r.reference}</Link>
                    </th>
                    <td>{r.title}</td>
                    <td>{r.kindLabel}</td>
                    <td>{r.stageLabel}</td>
                    <td>{formatDate(r.startedOn)}</td>
                    <td>{formatDate(r.deadline)}</td>
                    <td>
                      {r.completedOn ? (
                        `${r.weeks.week} (complete)`
                      ) : (
                        <>
                          {r.weeks.week}{' '}
                          <span className={weekBadgeClass[r.weeks.state]}>
                            {weekBadgeText[r.weeks.state]}
                          </span>
                        </>
                      )}
                    </td>
                    <td>{r.leadOfficerName}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
    </>
  );
}
