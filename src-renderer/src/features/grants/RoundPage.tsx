import { Link, useParams } from 'react-router';
import {
  applicantKindLabels,
  applicationStatusLabels,
  decisionMethodLabels,
  grantFundLabels,
} from '../../../../src-shared/domain/grants';
import { errorMessage } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { formatDate, formatPence } from '../../components/format';
import { HistoryPanel } from '../../components/HistoryPanel';
import { Loading, Notice, PageHeader } from '../../components/PageHeader';
import { useCan } from '../../session';
import { roundStateLabels, roundStateTone, statusTone } from './labels';
import { RoundMoneyFacts } from './RoundMoneyFacts';
import '../../styles/grants.css';

export function RoundPage() {
  const { id = '' } = useParams();
  const round = useApiQuery('grants.round', { id });
  const apps = useApiQuery('grants.applications', { roundId: id });
  const ranking = useApiQuery('grants.ranking', { roundId: id });
  const canSetUp = useCan('grants.rounds');
  const canDecide = useCan('grants.decide');
  const close = useApiMutation('grants.closeDecisions');
  if (round.error) return <Notice tone="error">{errorMessage(round.error)}</Notice>;
  if (!round.data) return <Loading what="Loading the round" />;
  const r = round.data;
  const open = r.state !== 'decided';
  return (
    <>
      <PageHeader
        title={r.name}
        subtitle={
          <>
            {grantFundLabels[r.fund]}, {formatDate(r.opensOn)} to {formatDate(r.closesOn)}.{' '}
            <span className={`badge badge--${roundStateTone[r.state]}`}>
              {roundStateLabels[r.state]}
            </span>
          </>
        }
        actions={
          <>
            {open ? (
              <Link className="button" to={`/grants/applications/new?round=${r.id}`}>
                New application
              </Link>
            ) : null}
            {r.decisionMethod === 'panel' ? (
              <Link className="button button--secondary" to={`/grants/rounds/${r.id}/scoring`}>
                Panel scoring
              </Link>
            ) : (
              <Link className="button button--secondary" to={`/grants/rounds/${r.id}/votes`}>
                Votes
              </Link>
            )}
            {canSetUp && open ? (
              <Link className="button button--secondary" to={`/grants/rounds/${r.id}/edit`}>
                Edit the round
              </Link>
            ) : null}
          </>
        }
      />
      <section className="panel" aria-labelledby="round-money">
        <h2 id="round-money">The round’s money</h2>
        <RoundMoneyFacts money={r.money} previous={r.previousRound?.name ?? null} />
        {canDecide && r.state === 'closed' ? (
          <div className="button-row">
            <button
              type="button"
              className="button button--secondary"
              onClick={() => close.mutate({ id: r.id })}
            >
              Close the round’s decisions
            </button>
            <span className="muted">
              Every application checked and decided; what is left carries on.
            </span>
          </div>
        ) : null}
        {close.error ? <Notice tone="error">{errorMessage(close.error)}</Notice> : null}
      </section>

      <section className="panel" aria-labelledby="round-criteria">
        <h2 id="round-criteria">Criteria</h2>
        <p>
          {decisionMethodLabels[r.decisionMethod]}
          {r.panelGroupName ? ` (${r.panelGroupName})` : ''}. Awards from{' '}
          {formatPence(r.minAwardPence)} to {formatPence(r.maxAwardPence)}. Open to:{' '}
          {r.applicantKinds.map((k) => applicantKindLabels[k]).join(', ')}. Evaluations due{' '}
          {r.evaluationWeeks} weeks after each project ends.
        </p>
        {r.criteria.length ? (
          <ol>
            {r.criteria.map((c) => (
              <li key={c.id}>
                {c.name} (out of {c.maxScore})
                {c.priorityName ? `: Board priority “${c.priorityName}”` : ''}
              </li>
            ))}
          </ol>
        ) : (
          <p className="muted">No scoring criteria: the public vote decides.</p>
        )}
      </section>

      <section className="panel" aria-labelledby="round-ranking">
        <h2 id="round-ranking">
          {r.decisionMethod === 'panel' ? 'Ranking by the panel’s scores' : 'Ranking by the vote'}
        </h2>
        <p className="grant-tie-rule">
          <strong>Ties:</strong> {ranking.data?.tieRule}
        </p>
        {!ranking.data ? (
          <Loading />
        ) : ranking.data.rows.length === 0 ? (
          <p className="muted">No eligible applications yet.</p>
        ) : (
          <table className="table table--compact">
            <caption className="visually-hidden">Ranking</caption>
            <thead>
              <tr>
                <th scope="col" className="num">
                  Rank
                </th>
                <th scope="col">Application</th>
                <th scope="col" className="num">
                  {r.decisionMethod === 'panel' ? 'Score' : 'Votes'}
                </th>
                <th scope="col" className="num">
                  Asked
                </th>
                <th scope="col">Within the money?</th>
              </tr>
            </thead>
            <tbody>
              {ranking.data.rows.map((x) => (
                <tr key={x.applicationId}>
                  <td className="num">{x.rank}</td>
                  <td>
                    <Link to={`/grants/applications/${x.applicationId}`}>{x.reference}</Link>{' '}
                    {x.projectTitle}
                  </td>
                  <td className="num">
                    {x.result}
                    {x.tiedOnResult ? ' (tied)' : ''}
                  </td>
                  <td className="num">{formatPence(x.amountPence)}</td>
                  <td>{x.note}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section className="panel" aria-labelledby="round-applications">
        <h2 id="round-applications">Applications</h2>
        {!apps.data ? (
          <Loading />
        ) : apps.data.length === 0 ? (
          <p className="muted">No applications yet.</p>
        ) : (
          <table className="table table--compact">
            <caption className="visually-hidden">Applications</caption>
            <thead>
              <tr>
                <th scope="col">Reference</th>
                <th scope="col">Project</th>
                <th scope="col">Applicant</th>
                <th scope="col">Area</th>
                <th scope="col" className="num">
                  Asked
                </th>
                <th scope="col">Stage</th>
                <th scope="col" className="num">
                  Awarded
                </th>
                <th scope="col" className="num">
                  Paid
                </th>
              </tr>
            </thead>
            <tbody>
              {apps.data.map((a) => (
                <tr key={a.id}>
                  <td>
                    <Link to={`/grants/applications/${a.id}`}>{a.reference}</Link>
                  </td>
                  <td>{a.projectTitle}</td>
                  <td>{a.applicantName}</td>
                  <td>{a.areaName ?? '—'}</td>
                  <td className="num">{formatPence(a.amountPence)}</td>
                  <td>
                    <span className={`badge badge--${statusTone[a.status]}`}>
                      {applicationStatusLabels[a.status]}
                    </span>
                  </td>
                  <td className="num">{formatPence(a.awardPence)}</td>
                  <td className="num">{formatPence(a.paidPence)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <HistoryPanel entity="grant_rounds" id={r.id} />
    </>
  );
}
