import { useState } from 'react';
import type { FigureRow } from '../../../../src-shared/domain/grants';
import { financialYearOf, financialYearRange } from '../../../../src-shared/rules/report-period';
import { errorMessage } from '../../api/client';
import { useApiQuery } from '../../api/hooks';
import { useToday } from '../../clock';
import { TextField } from '../../components/Field';
import { formatCount, formatPence } from '../../components/format';
import { Loading, Notice, PageHeader } from '../../components/PageHeader';
import '../../styles/grants.css';

/** Applications, awards and spend by round, area and priority, for applications received in a period. */
export function FiguresPage() {
  const today = useToday();
  const year = financialYearOf(today);
  const [from, setFrom] = useState(financialYearRange(year).from);
  const [to, setTo] = useState(financialYearRange(year).to);
  const figures = useApiQuery('grants.figures', { from, to }, { enabled: from <= to });
  const f = figures.data;
  return (
    <>
      <PageHeader
        title="Fund figures"
        subtitle="Applications received in the period, what they were awarded and what has been paid"
      />
      <div className="filters">
        <TextField
          label="Received from"
          type="date"
          value={from}
          onChange={(e) => setFrom(e.target.value)}
        />
        <TextField label="to" type="date" value={to} onChange={(e) => setTo(e.target.value)} />
      </div>
      {figures.error ? <Notice tone="error">{errorMessage(figures.error)}</Notice> : null}
      {!f ? (
        <Loading what="Working out the figures" />
      ) : (
        <>
          <dl className="facts facts--columns">
            <div>
              <dt>Applications</dt>
              <dd>
                {formatCount(f.totals.applications)} asking for {formatPence(f.totals.askedPence)}
              </dd>
            </div>
            <div>
              <dt>Awards</dt>
              <dd>
                {formatCount(f.totals.awards)} totalling {formatPence(f.totals.awardedPence)}
              </dd>
            </div>
            <div>
              <dt>Paid</dt>
              <dd>{formatPence(f.totals.paidPence)}</dd>
            </div>
            <div>
              <dt>Evaluations outstanding (today)</dt>
              <dd>
                {formatCount(f.evaluationsOutstanding)}, of which{' '}
                {formatCount(f.evaluationsOverdue)} overdue
              </dd>
            </div>
          </dl>
          <FigureTable title="By round" rows={f.byRound} />
          <FigureTable title="By area" rows={f.byArea} />
          <FigureTable title="By Board priority" rows={f.byPriority} />
        </>
      )}
    </>
  );
}

function FigureTable({ title, rows }: { title: string; rows: FigureRow[] }) {
  return (
    <section className="panel">
      <h2>{title}</h2>
      {rows.length === 0 ? (
        <p className="muted">No applications in the period.</p>
      ) : (
        <table className="table table--compact">
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">
                {title.replace(/^By /, '').replace(/^\w/, (c) => c.toUpperCase())}
              </th>
              <th scope="col" className="num">
                Applications
              </th>
              <th scope="col" className="num">
                Asked
              </th>
              <th scope="col" className="num">
                Awards
              </th>
              <th scope="col" className="num">
                Awarded
              </th>
              <th scope="col" className="num">
                Paid
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key ?? 'none'}>
                <th scope="row">{r.label}</th>
                <td className="num">{formatCount(r.applications)}</td>
                <td className="num">{formatPence(r.askedPence)}</td>
                <td className="num">{formatCount(r.awards)}</td>
                <td className="num">{formatPence(r.awardedPence)}</td>
                <td className="num">{formatPence(r.paidPence)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
