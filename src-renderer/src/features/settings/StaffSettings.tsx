import { useState, type FormEvent } from 'react';
import { roleLabels, roles, type Role } from '../../../../src-shared/rules/permissions';
import { fieldErrors } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { SelectField, TextField } from '../../components/Field';
import { Loading, Notice, PageHeader } from '../../components/PageHeader';
import { useUnsavedChanges } from '../../components/UnsavedChanges';
import { useCan, useSession } from '../../session';
import { IdleLockSetting, PassphraseCell } from './PassphraseReset';

export function StaffSettings() {
  const staff = useApiQuery('staff.list', {});
  const canManage = useCan('staff.manage');
  const update = useApiMutation('staff.update');
  const profiles = useApiQuery('session.profiles', {});
  const me = useSession().staff;
  return (
    <>
      <PageHeader title="Staff profiles" />
      {staff.isPending ? <Loading /> : null}
      {update.error ? <Notice tone="error">{update.error.message}</Notice> : null}
      <section className="panel" aria-labelledby="staff-heading">
        <h2 id="staff-heading">The team</h2>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Role</th>
              <th scope="col">Email</th>
              <th scope="col">Active</th>
              <th scope="col">Passphrase</th>
            </tr>
          </thead>
          <tbody>
            {staff.data?.map((s) => (
              <tr key={s.id}>
                <td>{s.name}</td>
                <td>
                  {canManage ? (
                    <select
                      className="input"
                      aria-label={`Role of ${s.name}`}
                      value={s.role}
                      onChange={(e) => update.mutate({ id: s.id, role: e.target.value as Role })}
                    >
                      {roles.map((r) => (
                        <option key={r} value={r}>
                          {roleLabels[r]}
                        </option>
                      ))}
                    </select>
                  ) : (
                    roleLabels[s.role]
                  )}
                </td>
                <td>{s.email ?? '—'}</td>
                <td>{s.active ? 'Yes' : 'No'}</td>
                <td>
                  <PassphraseCell
                    staff={s}
                    passphraseSet={profiles.data?.find((p) => p.id === s.id)?.passphraseSet}
                    canReset={canManage && s.id !== me?.id}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <IdleLockSetting />
      {canManage ? (
        <NewStaff />
      ) : (
        <Notice>Only an administrator can add staff profiles or change roles.</Notice>
      )}
    </>
  );
}

function NewStaff() {
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('officer');
  const guard = useUnsavedChanges(name.trim() !== '' || email.trim() !== '', 'the new profile');
  const create = useApiMutation('staff.create', {
    onSuccess: () => {
      setName('');
      setEmail('');
    },
  });
  const errors = fieldErrors(create.error);
  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate({ name, email, role });
  }
  return (
    <section className="panel" aria-labelledby="new-staff-heading">
      <h2 id="new-staff-heading">Add a staff profile</h2>
      {create.error && !Object.keys(errors).length ? (
        <Notice tone="error">{create.error.message}</Notice>
      ) : null}
      {create.data ? <Notice tone="success">Added {create.data.name}.</Notice> : null}
      <form {...guard.formProps} onSubmit={submit} noValidate className="form-grid">
        <TextField
          label="Name"
          required
          value={name}
          error={errors.name}
          onChange={(e) => setName(e.target.value)}
        />
        <TextField
          label="Email"
          type="email"
          value={email}
          error={errors.email}
          onChange={(e) => setEmail(e.target.value)}
        />
        <SelectField
          label="Role"
          value={role}
          options={roles.map((r) => ({ value: r, label: roleLabels[r] }))}
          onChange={(e) => setRole(e.target.value as Role)}
        />
        <div className="button-row">
          <button type="submit" className="button" disabled={create.isPending}>
            Add profile
          </button>
        </div>
      </form>
    </section>
  );
}
