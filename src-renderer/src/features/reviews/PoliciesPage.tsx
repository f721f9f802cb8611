import { useState } from 'react';
import { Link } from 'react-router';
import { serviceAreas, type ServiceArea } from '../../../../src-shared/domain/customer';
import type { PolicyEntry } from '../../../../src-shared/domain/reviews';
import { errorMessage, fieldErrors } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../components/Field';
import { formatDate } from '../../components/format';
import { Loading, Notice, PageHeader } from '../../components/PageHeader';
import { useFormChanges } from '../../components/UnsavedChanges';
import { useCan } from '../../session';
import '../../styles/reviews.css';

const stateWords: Record<PolicyEntry['state'], string> = {
  finished: 'Consulted on',
  in_progress: 'Consultation running',
  none: 'No consultation',
};

/**
 * The policy register: when each policy next goes to the Board and whether
 * customers have been consulted on this version, so a customer-facing policy
 * heading for approval unconsulted is seen in time.
 */
export function PoliciesPage() {
  const list = useApiQuery('policies.list', {});
  const canWrite = useCan('reviews.write');
  const [editing, setEditing] = useState<PolicyEntry | 'new' | null>(null);
  const policies = list.data ?? [];
  const due = policies.filter((p) => p.dueWithoutConsultation);
  return (
    <>
      <PageHeader
        title="Policy register"
        subtitle="Every customer-facing policy is consulted on before it goes to the Board."
        actions={
          canWrite ? (
            <button className="button" type="button" onClick={() => setEditing('new')}>
              Add a policy
            </button>
          ) : null
        }
      />
      {list.isPending ? <Loading what="Loading the policies" /> : null}
      {list.error && !list.data ? <Notice tone="error">{errorMessage(list.error)}</Notice> : null}
      {due.length ? (
        <Notice tone="warning">
          {due.length === 1
            ? `${due[0]!.name} goes to the Board on ${formatDate(due[0]!.boardDate!)} without a finished consultation.`
            : `${due.length} customer-facing policies go to the Board without a finished consultation.`}
        </Notice>
      ) : null}
      {editing ? (
        <PolicyForm
          key={editing === 'new' ? 'new' : editing.id}
          policy={editing === 'new' ? null : editing}
          onDone={() => setEditing(null)}
        />
      ) : null}
      <section className="panel" aria-labelledby="policies-heading">
        <h2 id="policies-heading">Policies ({policies.length})</h2>
        {policies.length ? (
          <table className="table">
            <caption className="visually-hidden">
              Policies by the date they next go to the Board
            </caption>
            <thead>
              <tr>
                <th scope="col">Policy</th>
                <th scope="col">Service</th>
                <th scope="col">Next at the Board</th>
                <th scope="col">Last approved</th>
                <th scope="col">Consultation</th>
              </tr>
            </thead>
            <tbody>
              {policies.map((p) => (
                <tr key={p.id}>
                  <th scope="row">
                    {canWrite ? (
                      <button
                        type="button"
                        className="link-button"
                        onClick={() => setEditing(p)}
                        aria-label={`Edit ${p.name}`}
                      >
                        {p.name}
                      </button>
                    ) : (
                      p.name
                    )}
                    {p.customerFacing ? null : <span className="muted"> (internal)</span>}
                    {p.ownerName ? <div className="muted">{p.ownerName}</div> : null}
                  </th>
                  <td>{p.serviceArea ? serviceAreas.labels[p.serviceArea] : '—'}</td>
                  <td>{p.boardDate ? formatDate(p.boardDate) : 'Not set'}</td>
                  <td>{p.lastApprovedOn ? formatDate(p.lastApprovedOn) : '—'}</td>
                  <td>
                    <span
                      className={`badge ${
                        p.state === 'finished'
                          ? 'badge--green'
                          : p.dueWithoutConsultation
                            ? 'badge--red'
                            : 'badge--amber'
                      }`}
                    >
                      {stateWords[p.state]}
                    </span>
                    {p.consultation ? (
                      <>
                        {' '}
                        <Link to={`/reviews/${p.consultation.reviewId}`}>
                          {p.consultation.reference}
                        </Link>
                        {p.state === 'in_progress' ? `, at ${p.consultation.stageLabel}` : null}
                      </>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : list.data ? (
          <p className="muted">No policies on the register yet.</p>
        ) : null}
      </section>
    </>
  );
}

function PolicyForm({ policy, onDone }: { policy: PolicyEntry | null; onDone: () => void }) {
  const [form, setForm] = useState({
    name: policy?.name ?? '',
    serviceArea: (policy?.serviceArea ?? '') as ServiceArea | '',
    ownerName: policy?.ownerName ?? '',
    customerFacing: policy?.customerFacing ?? true,
    boardDate: policy?.boardDate ?? '',
    lastApprovedOn: policy?.lastApprovedOn ?? '',
    notes: policy?.notes ?? '',
  });
  const what = policy ? policy.name : 'the new policy';
  const guard = useFormChanges(form, what);
  const save = useApiMutation('policies.save');
  const remove = useApiMutation('policies.remove', { onSuccess: onDone });
  const errors = fieldErrors(save.error);
  const set = <K extends keyof typeof form>(key: K, value: (typeof form)[K]) =>
    setForm((f) => ({ ...f, [key]: value }));
  return (
    <form
      {...guard.formProps}
      className="panel"
      noValidate
      aria-labelledby="policy-form-heading"
      onSubmit={(e) => {
        e.preventDefault();
        const sent = form;
        save.mutate(
          {
            ...(policy ? { id: policy.id, expectedUpdatedAt: policy.updatedAt } : {}),
            name: form.name,
            serviceArea: form.serviceArea || null,
            ownerName: form.ownerName || null,
            customerFacing: form.customerFacing,
            boardDate: form.boardDate || null,
            lastApprovedOn: form.lastApprovedOn || null,
            notes: form.notes || null,
          },
          {
            onSuccess: () => {
              guard.savedAs(sent);
              onDone();
            },
          },
        );
      }}
    >
      <h2 id="policy-form-heading">{policy ? `Edit ${policy.name}` : 'Add a policy'}</h2>
      {save.error ? <Notice tone="error">{errorMessage(save.error)}</Notice> : null}
      {remove.error ? <Notice tone="error">{errorMessage(remove.error)}</Notice> : null}
      <div className="form-grid">
        <TextField
          id="policy-name"
          label="Policy"
          required
          value={form.name}
          onChange={(e) => set('name', e.target.value)}
          error={errors.name}
        />
        <SelectField
          id="policy-serviceArea"
          label="Service"
          value={form.serviceArea}
          placeholder="Not set"
          options={serviceAreas.options}
          onChange={(e) => set('serviceArea', e.target.value as ServiceArea | '')}
          error={errors.serviceArea}
        />
        <TextField
          id="policy-ownerName"
          label="Policy owner"
          hint="The manager who brings it to the Board."
          value={form.ownerName}
          onChange={(e) => set('ownerName', e.target.value)}
          error={errors.ownerName}
        />
        <TextField
          id="policy-boardDate"
          label="Next goes to the Board on"
          type="date"
          value={form.boardDate}
          onChange={(e) => set('boardDate', e.target.value)}
          error={errors.boardDate}
        />
        <TextField
          id="policy-lastApprovedOn"
          label="Last approved on"
          hint="A consultation counts for the next approval only if it started after this."
          type="date"
          value={form.lastApprovedOn}
          onChange={(e) => set('lastApprovedOn', e.target.value)}
          error={errors.lastApprovedOn}
        />
      </div>
      <CheckboxField
        id="policy-customerFacing"
        label="Customer-facing: customers are consulted on it before it goes to the Board"
        checked={form.customerFacing}
        onChange={(e) => set('customerFacing', e.target.checked)}
      />
      <TextAreaField
        id="policy-notes"
        label="Notes"
        rows={2}
        value={form.notes}
        onChange={(e) => set('notes', e.target.value)}
        error={errors.notes}
      />
      <div className="button-row">
        <button className="button" type="submit" disabled={save.isPending}>
          {policy ? 'Save the policy' : 'Add the policy'}
        </button>
        <button className="button button--secondary" type="button" onClick={onDone}>
          Cancel
        </button>
        {policy ? (
          <button
            className="button button--secondary"
            type="button"
            disabled={remove.isPending}
            onClick={() => remove.mutate({ id: policy.id })}
          >
            Remove from the register
          </button>
        ) : null}
      </div>
    </form>
  );
}
