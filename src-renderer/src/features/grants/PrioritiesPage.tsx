import { useState } from 'react';
import type { GrantPriority } from '../../../../src-shared/domain/grants';
import { errorMessage, fieldErrors } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { TextAreaField, TextField } from '../../components/Field';
import { formatDate } from '../../components/format';
import { Loading, Notice, PageHeader } from '../../components/PageHeader';
import { useFormChanges } from '../../components/UnsavedChanges';
import { useCan } from '../../session';
import '../../styles/grants.css';

/** The priorities the Board agreed for the fund: rounds’ criteria and applications link to them. */
export function PrioritiesPage() {
  const list = useApiQuery('grants.priorities', {});
  const canEdit = useCan('grants.priorities');
  const [editing, setEditing] = useState<GrantPriority | null>(null);
  return (
    <>
      <PageHeader
        title="Board priorities for the fund"
        subtitle="What rounds' criteria and applications are measured against"
      />
      {!list.data ? (
        <Loading />
      ) : list.data.length === 0 ? (
        <p className="muted">No priorities recorded yet.</p>
      ) : (
        <table className="table">
          <caption className="visually-hidden">Board priorities</caption>
          <thead>
            <tr>
              <th scope="col">Priority</th>
              <th scope="col">Agreed</th>
              <th scope="col">Retired</th>
              {canEdit ? (
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {list.data.map((p) => (
              <tr key={p.id}>
                <th scope="row">
                  {p.name}
                  {p.description ? <div className="muted">{p.description}</div> : null}
                </th>
                <td>{formatDate(p.agreedOn)}</td>
                <td>{p.retiredOn ? formatDate(p.retiredOn) : 'Current'}</td>
                {canEdit ? (
                  <td>
                    <button
                      type="button"
                      className="button button--quiet"
                      onClick={() => setEditing(p)}
                    >
                      Edit {p.name}
                    </button>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canEdit ? (
        <PriorityForm priority={editing} key={editing?.id ?? 'new'} done={() => setEditing(null)} />
      ) : null}
    </>
  );
}

function PriorityForm({ priority, done }: { priority: GrantPriority | null; done: () => void }) {
  const [form, setForm] = useState({
    name: priority?.name ?? '',
    description: priority?.description ?? '',
    agreedOn: priority?.agreedOn ?? '',
    retiredOn: priority?.retiredOn ?? '',
  });
  const guard = useFormChanges(form, 'the priority');
  const save = useApiMutation('grants.savePriority', {
    onSuccess: () => {
      guard.saved();
      done();
    },
  });
  const errors = fieldErrors(save.error);
  return (
    <form
      className="panel"
      noValidate
      {...guard.formProps}
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({
          id: priority?.id ?? null,
          name: form.name,
          description: form.description,
          agreedOn: form.agreedOn || null,
          retiredOn: form.retiredOn || null,
        });
      }}
    >
      <h2>{priority ? `Edit ${priority.name}` : 'Add a priority'}</h2>
      {save.error ? <Notice tone="error">{errorMessage(save.error)}</Notice> : null}
      <div className="form-grid">
        <TextField
          label="Priority"
          required
          value={form.name}
          onChange={(e) => setForm({ ...form, name: e.target.value })}
          error={errors.name}
        />
        <TextField
          label="Agreed by the Board on"
          type="date"
          value={form.agreedOn}
          onChange={(e) => setForm({ ...form, agreedOn: e.target.value })}
        />
        <TextField
          label="Retired on"
          type="date"
          value={form.retiredOn}
          onChange={(e) => setForm({ ...form, retiredOn: e.target.value })}
          error={errors.retiredOn}
        />
      </div>
      <TextAreaField
        label="Description"
        value={form.description}
        onChange={(e) => setForm({ ...form, description: e.target.value })}
      />
      <button type="submit" className="button">
        Save the priority
      </button>
    </form>
  );
}
