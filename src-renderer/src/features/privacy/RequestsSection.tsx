import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { PrivacyRequest, PrivacyRequestKind } from '../../../../src-shared/domain/privacy';
import {
  privacyRequestKindLabels,
  privacyRequestKinds,
} from '../../../../src-shared/domain/privacy';
import { call, errorMessage, fieldErrors } from '../../api/client';
import { apiKey, useApiQuery } from '../../api/hooks';
import { useToday } from '../../clock';
import { SelectField, TextField } from '../../components/Field';
import { formatDate } from '../../components/format';
import { JobProgress, useJob } from '../../components/JobProgress';
import { Notice } from '../../components/PageHeader';
import { SearchAndChoose } from '../../components/SearchAndChoose';
import { useFormChanges } from '../../components/UnsavedChanges';

function StateBadge({ r }: { r: PrivacyRequest }) {
  if (r.state === 'done')
    return <span className="badge badge--green">Answered {formatDate(r.completedOn)}</span>;
  if (r.state === 'overdue')
    return <span className="badge badge--red">Overdue by {-(r.daysLeft ?? 0)} days</span>;
  if (r.state === 'due_soon')
    return <span className="badge badge--amber">Due in {r.daysLeft} days</span>;
  return <span className="badge">Due in {r.daysLeft} days</span>;
}

function NewRequestForm({ onSaved }: { onSaved: (list: PrivacyRequest[]) => void }) {
  const today = useToday();
  const [customer, setCustomer] = useState<{ id: string; name: string } | null>(null);
  const [search, setSearch] = useState('');
  const [kind, setKind] = useState<PrivacyRequestKind>('access');
  const [receivedOn, setReceivedOn] = useState(today);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const values = { customer: customer?.id ?? null, kind, receivedOn, note };
  const { formProps, saved } = useFormChanges(values, 'the new request');
  const found = useApiQuery(
    'customers.list',
    { search, limit: 8 },
    { enabled: search.trim().length >= 2 && !customer },
  );
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!customer) {
      setErrors({ customerId: 'Choose the customer the request is from.' });
      return;
    }
    try {
      const list = await call('privacy.recordRequest', {
        kind,
        customerId: customer.id,
        receivedOn,
        note: note.trim() || null,
      });
      saved();
      setErrors({});
      setCustomer(null);
      setNote('');
      onSaved(list);
    } catch (error) {
      setErrors({ ...fieldErrors(error), form: errorMessage(error) });
    }
  };
  return (
    <form
      {...formProps}
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-labelledby="new-request-title"
    >
      <h3 id="new-request-title">Record a request</h3>
      <div className="privacy-schedule">
        {customer ? (
          <div className="field">
            <span className="field__label">Customer</span>
            <p className="audit-chosen">
              {customer.name}
              <button
                type="button"
                className="button button--secondary"
                onClick={() => setCustomer(null)}
              >
                Change
              </button>
            </p>
          </div>
        ) : (
          <SearchAndChoose
            id="request-customer"
            label="Customer"
            hint={errors.customerId ?? 'Type two letters of their name or postcode.'}
            query={search}
            onQueryChange={setSearch}
            results={search.trim().length >= 2 ? found.data?.rows : undefined}
            resultKey={(c) => c.id}
            choiceLabel={(c) => `Choose ${c.firstName} ${c.lastName}`}
            choiceDetails={(c) => [c.postcode, c.landlordName].filter(Boolean).join(' · ')}
            resultsLabel="Matching customers"
            noResults={`Nobody on the register matches “${search.trim()}”.`}
            afterChoose="caller"
            onChoose={(c) => {
              setSearch('');
              setCustomer({ id: c.id, name: `${c.firstName} ${c.lastName}` });
            }}
          />
        )}
        <SelectField
          label="Request"
          value={kind}
          onChange={(e) => setKind(e.target.value as PrivacyRequestKind)}
          options={privacyRequestKinds.map((k) => ({
            value: k,
            label: privacyRequestKindLabels[k],
          }))}
        />
        <TextField
          label="Received on"
          type="date"
          value={receivedOn}
          max={today}
          error={errors.receivedOn}
          hint="The answer is due one calendar month from this day."
          onChange={(e) => setReceivedOn(e.target.value)}
        />
        <TextField
          label="Note (optional)"
          value={note}
          error={errors.note}
          onChange={(e) => setNote(e.target.value)}
        />
      </div>
      {errors.form && !errors.receivedOn && !errors.customerId ? (
        <Notice tone="error">{errors.form}</Notice>
      ) : null}
      <div className="button-row">
        <button type="submit" className="button button--secondary">
          Record the request
        </button>
      </div>
    </form>
  );
}

function RequestActions({
  r,
  onChanged,
}: {
  r: PrivacyRequest;
  onChanged: (l: PrivacyRequest[]) => void;
}) {
  const today = useToday();
  const job = useJob();
  const [error, setError] = useState<string | null>(null);
  const done = job.status?.state === 'done';
  return (
    <div className="button-row">
      {r.kind === 'access' ? (
        <button
          type="button"
          className="button button--secondary"
          disabled={job.running}
          aria-label={`Produce the pack for ${r.customerName}`}
          onClick={() =>
            void job.start(() => call('privacy.startSubjectAccess', { customerId: r.customerId }))
          }
        >
          Produce the pack
        </button>
      ) : null}
      {done ? (
        <>
          <button type="button" className="button" onClick={() => void job.download('pdf')}>
            Download PDF
          </button>
          <button type="button" className="button" onClick={() => void job.download('json')}>
            Download JSON
          </button>
        </>
      ) : null}
      {!r.completedOn ? (
        <button
          type="button"
          className="button button--secondary"
          aria-label={`Mark answered: the request from ${r.customerName}`}
          onClick={() =>
            void call('privacy.completeRequest', { id: r.id, completedOn: today })
              .then(onChanged)
              .catch((e: unknown) => setError(errorMessage(e)))
          }
        >
          Mark answered
        </button>
      ) : null}
      <JobProgress job={job} label="Subject access pack" />
      {error ? (
        <p className="field__error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** Subject access and erasure requests, with the one-month deadline from receipt. */
export function RequestsSection() {
  const queryClient = useQueryClient();
  const requests = useApiQuery('privacy.requests', {});
  const update = (list: PrivacyRequest[]) => {
    queryClient.setQueryData(apiKey('privacy.requests', {}), list);
    void queryClient.invalidateQueries({ queryKey: apiKey('privacy.retention', {}) });
    void queryClient.invalidateQueries({ queryKey: apiKey('privacy.attention', {}) });
  };
  return (
    <section className="panel" aria-labelledby="requests-title">
      <h2 id="requests-title">Requests from customers</h2>
      {requests.error ? <Notice tone="error">{requests.error.message}</Notice> : null}
      {requests.data?.length === 0 ? <p>No request has been recorded.</p> : null}
      {requests.data?.length ? (
        <table className="table table--compact">
          <caption className="visually-hidden">Requests, open ones first by deadline</caption>
          <thead>
            <tr>
              <th scope="col">Customer</th>
              <th scope="col">Request</th>
              <th scope="col">Received</th>
              <th scope="col">Due</th>
              <th scope="col">State</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {requests.data.map((r) => (
              <tr key={r.id}>
                <td>{r.customerName}</td>
                <td>{privacyRequestKindLabels[r.kind]}</td>
                <td>{formatDate(r.receivedOn)}</td>
                <td>{formatDate(r.dueOn)}</td>
                <td>
                  <StateBadge r={r} />
                </td>
                <td>
                  <RequestActions r={r} onChanged={update} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <NewRequestForm onSaved={update} />
    </section>
  );
}
