import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { call, errorMessage } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { useToday } from '../../clock';
import { TextField } from '../../components/Field';
import { formatCount, formatDate, formatPence, plural } from '../../components/format';
import { JobProgress, useJob } from '../../components/JobProgress';
import { Loading, Notice, PageHeader } from '../../components/PageHeader';
import { downloadBase64 } from '../customer-import/file-bytes';
import '../../styles/expenses.css';

export function BatchesPage() {
  const batches = useApiQuery('expenses.batches', {});
  const waiting = useApiQuery('expenses.claims', { status: 'approved', limit: 500 });
  const navigate = useNavigate();
  const create = useApiMutation('expenses.createBatch', {
    onSuccess: (b) => navigate(`/expenses/batches/${b.id}`),
  });
  const ready = (waiting.data?.rows ?? []).filter((c) => c.status === 'approved');
  return (
    <>
      <PageHeader title="Payment batches" subtitle="Approved claims gathered for finance to pay" />
      <section className="panel" aria-labelledby="batch-new">
        <h2 id="batch-new">Approved claims not yet in a batch</h2>
        {create.error ? <Notice tone="error">{errorMessage(create.error)}</Notice> : null}
        <p>
          {formatCount(waiting.data?.total ?? 0)} approved{' '}
          {waiting.data?.total === 1 ? 'claim is' : 'claims are'} waiting to be paid, totalling{' '}
          {formatPence(ready.reduce((s, c) => s + c.totalPence, 0))}.
        </p>
        <button
          type="button"
          className="button"
          disabled={!waiting.data?.total || create.isPending}
          onClick={() => create.mutate({ claimIds: null })}
        >
          Gather them into a new batch
        </button>
      </section>
      {!batches.data ? (
        <Loading what="Loading the batches" />
      ) : (
        <table className="table">
          <caption>Batches</caption>
          <thead>
            <tr>
              <th scope="col">Batch</th>
              <th scope="col">Made</th>
              <th scope="col">Claims</th>
              <th scope="col">Paid on</th>
              <th scope="col" className="num">
                Total
              </th>
            </tr>
          </thead>
          <tbody>
            {batches.data.map((b) => (
              <tr key={b.id}>
                <td>
                  <Link to={`/expenses/batches/${b.id}`}>{b.reference}</Link>
                </td>
                <td>{formatDate(b.createdAt)}</td>
                <td>{formatCount(b.claimCount)}</td>
                <td>{b.paidOn ? formatDate(b.paidOn) : 'Not paid yet'}</td>
                <td className="num">{formatPence(b.totalPence)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

export function BatchPage() {
  const { id = '' } = useParams();
  const batch = useApiQuery('expenses.batch', { id });
  const job = useJob();
  const today = useToday();
  const [paidOn, setPaidOn] = useState(today);
  const [problem, setProblem] = useState('');
  const markPaid = useApiMutation('expenses.markPaid');
  const remove = useApiMutation('expenses.removeFromBatch');
  if (batch.error) return <Notice tone="error">{errorMessage(batch.error)}</Notice>;
  if (!batch.data) return <Loading what="Loading the batch" />;
  const b = batch.data;
  const paid = b.status === 'paid';
  const done = job.status?.state === 'done';
  const customers = [...new Map(b.claims.map((c) => [c.customerId, c.customerName])).entries()];
  return (
    <>
      <PageHeader
        title={`Payment batch ${b.reference}`}
        subtitle={`${formatCount(b.claimCount)} ${plural(b.claimCount, 'claim', 'claims')} · ${formatPence(b.totalPence)} · ${paid ? `paid ${formatDate(b.paidOn)}` : 'not paid yet'}`}
      />
      {problem ? <Notice tone="error">{problem}</Notice> : null}
      <section className="panel" aria-labelledby="batch-export">
        <h2 id="batch-export">For finance</h2>
        <div className="button-row">
          <button
            type="button"
            className="button"
            disabled={job.running}
            onClick={() => void job.start(() => call('expenses.startBatchExport', { id: b.id }))}
          >
            Export the batch
          </button>
          {done ? (
            <>
              <button
                type="button"
                className="button button--secondary"
                onClick={() => void job.download('xlsx')}
              >
                Download the workbook (XLSX)
              </button>
              <button
                type="button"
                className="button button--secondary"
                onClick={() => void job.download('csv')}
              >
                Download CSV
              </button>
            </>
          ) : null}
        </div>
        <JobProgress job={job} label="Exporting the batch" />
        {done ? <p role="status">The workbook and CSV are ready.</p> : null}
        {!paid ? (
          <form
            className="batch-paid"
            onSubmit={(e) => {
              e.preventDefault();
              markPaid.mutate({ id: b.id, paidOn });
            }}
          >
            <TextField
              label="Paid by finance on"
              type="date"
              value={paidOn}
              onChange={(e) => setPaidOn(e.target.value)}
            />
            <button type="submit" className="button">
              Mark the batch paid
            </button>
            {markPaid.error ? <Notice tone="error">{errorMessage(markPaid.error)}</Notice> : null}
          </form>
        ) : (
          <p>Paid on {formatDate(b.paidOn)}: its claims cannot change.</p>
        )}
      </section>
      {paid ? (
        <section className="panel" aria-labelledby="batch-remittance">
          <h2 id="batch-remittance">Remittance notes</h2>
          <ul className="plain-list">
            {customers.map(([customerId, name]) => (
              <li key={customerId}>
                <button
                  type="button"
                  className="button button--quiet"
                  onClick={async () => {
                    try {
                      const f = await call('expenses.remittance', { batchId: b.id, customerId });
                      downloadBase64(f.fileName, f.data, f.mimeType);
                    } catch (e) {
                      setProblem(errorMessage(e));
                    }
                  }}
                >
                  Remittance note for {name}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <table className="table">
        <caption>Claims in the batch</caption>
        <thead>
          <tr>
            <th scope="col">Claim</th>
            <th scope="col">Customer</th>
            <th scope="col" className="num">
              Amount
            </th>
            {!paid ? <th scope="col">Take out</th> : null}
          </tr>
        </thead>
        <tbody>
          {b.claims.map((c) => (
            <tr key={c.id}>
              <td>
                <Link to={`/expenses/claims/${c.id}`}>{c.reference}</Link>
              </td>
              <td>{c.customerName}</td>
              <td className="num">{formatPence(c.totalPence)}</td>
              {!paid ? (
                <td>
                  <button
                    type="button"
                    className="button button--quiet"
                    onClick={() => remove.mutate({ claimId: c.id })}
                  >
                    Take {c.reference} out
                  </button>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
