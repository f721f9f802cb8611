import { Link } from 'react-router';
import { grantFundLabels } from '../../../../src-shared/domain/grants';
import { errorMessage } from '../../api/client';
import { useApiQuery } from '../../api/hooks';
import { formatCount, formatDate, formatPence } from '../../components/format';
import { Loading, Notice, PageHeader } from '../../components/PageHeader';
import { useCan } from '../../session';
import { roundStateLabels, roundStateTone } from './labels';
import '../../styles/grants.css';

/** Every funding round, newest first, with its money at a glance. */
export function RoundsList() {
  const rounds = useApiQuery('grants.rounds', {});
  const canSetUp = useCan('grants.rounds');
  return (
    <>
      <PageHeader
        title="Community Fund and participatory budgeting"
        subtitle="Funding rounds, applications, decisions, payments and evaluations"
        actions={
          <>
            {canSetUp ? (
              <Link className="button" to="/grants/rounds/new">
                New round
              </Link>
            ) : null}
            <Link className="button button--secondary" to="/grants/evaluations">
              Evaluations due
            </Link>
            <Link className="button button--secondary" to="/grants/figures">
              Figures
            </Link>
            <Link className="button button--secondary" to="/grants/priorities">
              Board priorities
            </Link>
          </>
        }
      />
      {rounds.error ? <Notice tone="error">{errorMessage(rounds.error)}</Notice> : null}
      {!rounds.data ? (
        <Loading what="Loading the rounds" />
      ) : rounds.data.length === 0 ? (
        <p className="muted">No funding rounds yet.</p>
      ) : (
        <table className="table">
          <caption className="visually-hidden">Funding rounds</caption>
          <thead>
            <tr>
              <th scope="col">Round</th>
              <th scope="col">Fund</th>
              <th scope="col">Open</th>
              <th scope="col">Stage</th>
              <th scope="col" className="num">
                Applications
              </th>
              <th scope="col" className="num">
                Available
              </th>
              <th scope="col" className="num">
                Awarded
              </th>
              <th scope="col" className="num">
                Paid
              </th>
              <th scope="col" className="num">
                Carried on
              </th>
            </tr>
          </thead>
          <tbody>
            {rounds.data.map((r) => (
              <tr key={r.id}>
                <th scope="row">
                  <Link to={`/grants/rounds/${r.id}`}>{r.name}</Link>
                </th>
                <td>{grantFundLabels[r.fund]}</td>
                <td>
                  {formatDate(r.opensOn)} to {formatDate(r.closesOn)}
                </td>
                <td>
                  <span className={`badge badge--${roundStateTone[r.state]}`}>
                    {roundStateLabels[r.state]}
                  </span>
                </td>
                <td className="num">{formatCount(r.applications)}</td>
                <td className="num">{formatPence(r.money.availablePence)}</td>
                <td className="num">{formatPence(r.money.awardedPence)}</td>
                <td className="num">{formatPence(r.money.paidPence)}</td>
                <td className="num">
                  {r.money.carriedOutPence === null ? '—' : formatPence(r.money.carriedOutPence)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
