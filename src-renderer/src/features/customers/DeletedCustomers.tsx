import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { DeletedCustomer } from '../../../../src-shared/domain/customer';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { formatDateTime } from '../../components/format';
import { Loading, Notice, PageHeader } from '../../components/PageHeader';
import '../../styles/customers.css';

function RestoreButton({ customer }: { customer: DeletedCustomer }) {
  const navigate = useNavigate();
  const restore = useApiMutation('customers.restore', {
    onSuccess: (restored) => navigate(`/customers/${restored.id}`),
  });
  const name = `${customer.firstName} ${customer.lastName}`;
  return (
    <>
      <button
        type="button"
        className="button button--secondary"
        disabled={restore.isPending}
        aria-label={`Restore ${name}`}
        onClick={() => restore.mutate({ id: customer.id, reason: 'Restored by an administrator' })}
      >
        Restore
      </button>
      {restore.error ? (
        <p className="field__error" role="alert">
          {restore.error.message}
        </p>
      ) : null}
    </>
  );
}

/**
 * Customers deleted from the register, for an administrator to bring back
 * one who was deleted by mistake. The restore is on their record's history.
 */
export function DeletedCustomers() {
  const deleted = useApiQuery('customers.listDeleted', {});
  const [filter, setFilter] = useState('');
  const words = filter.trim().toLowerCase();
  const shown = (deleted.data ?? []).filter(
    (c) =>
      !words || `${c.firstName} ${c.lastName} ${c.postcode ?? ''}`.toLowerCase().includes(words),
  );
  return (
    <>
      <PageHeader
        title="Deleted customers"
        subtitle="People deleted from the register. Restoring one puts them back as they were, on the record."
        actions={
          <Link className="button button--secondary" to="/customers">
            Back to customers
          </Link>
        }
      />
      {deleted.isPending ? <Loading what="Loading deleted customers" /> : null}
      {deleted.error ? <Notice tone="error">{deleted.error.message}</Notice> : null}
      {deleted.data?.length === 0 ? <p>No customer has been deleted.</p> : null}
      {deleted.data?.length ? (
        <section className="panel" aria-labelledby="deleted-title">
          <h2 id="deleted-title" className="visually-hidden">
            Deleted customers
          </h2>
          <div className="field">
            <label htmlFor="deleted-filter" className="field__label">
              Find by name or postcode
            </label>
            <input
              id="deleted-filter"
              className="input"
              type="search"
              value={filter}
              onChange={(e) => setFilter(e.target.value)}
            />
          </div>
          <table className="table">
            <caption className="visually-hidden">Deleted customers, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Postcode</th>
                <th scope="col">Deleted</th>
                <th scope="col">By</th>
                <th scope="col">Reason</th>
                <th scope="col">
                  <span className="visually-hidden">Action</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((c) => (
                <tr key={c.id}>
                  <td>
                    {c.lastName}, {c.firstName}
                  </td>
                  <td>{c.postcode ?? '—'}</td>
                  <td>{formatDateTime(c.deletedAt)}</td>
                  <td>{c.deletedBy ?? '—'}</td>
                  <td>{c.reason ?? <span className="muted">None given</span>}</td>
                  <td>
                    <RestoreButton customer={c} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
    </>
  );
}
