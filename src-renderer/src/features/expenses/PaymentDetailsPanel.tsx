import { useState } from 'react';
import { paymentMethodLabels, type PaymentMethod } from '../../../../src-shared/domain/expenses';
import { errorMessage, fieldErrors } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { SelectField, TextField } from '../../components/Field';
import { Notice } from '../../components/PageHeader';
import { useFormChanges } from '../../components/UnsavedChanges';
import { useCan } from '../../session';
import { paymentMethodOptions } from './labels';

/** How the customer is paid. Bank details show to team leaders and administrators only. */
export function PaymentDetailsPanel({ customerId }: { customerId: string }) {
  const details = useApiQuery('expenses.paymentDetails', { customerId });
  const canEdit = useCan('expenses.paymentDetails.write');
  const [editing, setEditing] = useState(false);
  const d = details.data;
  return (
    <section className="panel" aria-labelledby="payment-details">
      <h2 id="payment-details">How the customer is paid</h2>
      {d ? (
        <dl className="facts">
          <div>
            <dt>Paid by</dt>
            <dd>{paymentMethodLabels[d.method]}</dd>
          </div>
          {d.method === 'bank_transfer' ? (
            <>
              <div>
                <dt>Account name</dt>
                <dd>{d.accountName ?? 'Held: seen by team leaders and administrators only'}</dd>
              </div>
              <div>
                <dt>Sort code</dt>
                <dd>{d.sortCode}</dd>
              </div>
              <div>
                <dt>Account number</dt>
                <dd>{d.accountNumber}</dd>
              </div>
            </>
          ) : null}
        </dl>
      ) : details.data === null ? (
        <p className="muted">Not recorded yet.</p>
      ) : null}
      {d && !d.visible ? (
        <p className="muted">Bank details are kept for team leaders and administrators only.</p>
      ) : null}
      {canEdit && !editing ? (
        <button type="button" className="button button--secondary" onClick={() => setEditing(true)}>
          {d ? 'Change payment details' : 'Record payment details'}
        </button>
      ) : null}
      {canEdit && editing ? (
        <PaymentForm customerId={customerId} onDone={() => setEditing(false)} />
      ) : null}
    </section>
  );
}

function PaymentForm({ customerId, onDone }: { customerId: string; onDone: () => void }) {
  const current = useApiQuery('expenses.paymentDetails', { customerId }).data;
  const [form, setForm] = useState({
    method: (current?.method ?? 'bank_transfer') as PaymentMethod,
    accountName: current?.accountName ?? '',
    sortCode: current?.sortCode ?? '',
    accountNumber: current?.accountNumber ?? '',
  });
  const guard = useFormChanges(form, 'the payment details');
  const save = useApiMutation('expenses.savePaymentDetails', {
    onSuccess: () => {
      guard.saved();
      onDone();
    },
  });
  const errors = fieldErrors(save.error);
  return (
    <form
      {...guard.formProps}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ customerId, ...form });
      }}
    >
      {save.error ? <Notice tone="error">{errorMessage(save.error)}</Notice> : null}
      <div className="form-grid">
        <SelectField
          label="Paid by"
          value={form.method}
          options={paymentMethodOptions}
          onChange={(e) => setForm({ ...form, method: e.target.value as PaymentMethod })}
        />
        {form.method === 'bank_transfer' ? (
          <>
            <TextField
              label="Account name"
              value={form.accountName}
              autoComplete="off"
              onChange={(e) => setForm({ ...form, accountName: e.target.value })}
              error={errors.accountName}
            />
            <TextField
              label="Sort code"
              value={form.sortCode}
              autoComplete="off"
              onChange={(e) => setForm({ ...form, sortCode: e.target.value })}
              error={errors.sortCode}
            />
            <TextField
              label="Account number"
              value={form.accountNumber}
              autoComplete="off"
              inputMode="numeric"
              onChange={(e) => setForm({ ...form, accountNumber: e.target.value })}
              error={errors.accountNumber}
            />
          </>
        ) : null}
      </div>
      <div className="button-row">
        <button type="submit" className="button">
          Save payment details
        </button>
        <button type="button" className="button button--quiet" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
