import { useState } from 'react';
import type { CaseSettings } from '../../../../src-shared/api/cases';
import { defaultOmbudsmanContact } from '../../../../src-shared/rules/ombudsman';
import { errorMessage, fieldErrors } from '../../api/client';
import { useApiMutation } from '../../api/hooks';
import { TextField } from '../../components/Field';
import { Notice } from '../../components/PageHeader';
import { useFormChanges } from '../../components/UnsavedChanges';

const fields = [
  ['name', 'Name', 'As letters should show it.'],
  ['address', 'Postal address', undefined],
  ['telephone', 'Telephone', undefined],
  ['email', 'Email', undefined],
  ['website', 'Website', undefined],
] as const;

/** The Ombudsman's details every letter to a resident and every case page gives. */
export function OmbudsmanContactSettings({
  settings,
  canEdit,
}: {
  settings: CaseSettings;
  canEdit: boolean;
}) {
  const [form, setForm] = useState(settings.ombudsmanContact);
  const guard = useFormChanges(form, 'the Ombudsman’s contact details');
  const save = useApiMutation('cases.saveOmbudsmanContact');
  const errors = fieldErrors(save.error);
  return (
    <form
      {...guard.formProps}
      className="panel"
      noValidate
      aria-labelledby="ombudsman-contact-heading"
      onSubmit={(e) => {
        e.preventDefault();
        const sent = form;
        save.mutate(form, { onSuccess: () => guard.savedAs(sent) });
      }}
    >
      <h2 id="ombudsman-contact-heading">Housing Ombudsman contact details</h2>
      <p className="muted">
        Decision letters, hearing packs and the case page give residents these details.
      </p>
      {!canEdit ? (
        <Notice>Only a team leader or administrator can change the Ombudsman’s details.</Notice>
      ) : null}
      {save.error ? <Notice tone="error">{errorMessage(save.error)}</Notice> : null}
      {save.isSuccess ? (
        <Notice tone="success">Saved. New letters will carry these details.</Notice>
      ) : null}
      <div className="form-grid cases-contact-grid">
        {fields.map(([key, label, hint]) => (
          <TextField
            key={key}
            id={`ombudsman-${key}`}
            label={label}
            hint={hint}
            type={key === 'email' ? 'email' : key === 'telephone' ? 'tel' : 'text'}
            required
            value={form[key]}
            disabled={!canEdit}
            error={errors[key]}
            onChange={(e) => setForm((f) => ({ ...f, [key]: e.target.value }))}
          />
        ))}
      </div>
      {canEdit ? (
        <div className="button-row">
          <button className="button" type="submit" disabled={save.isPending}>
            Save the Ombudsman’s details
          </button>
          <button
            className="button button--quiet"
            type="button"
            onClick={() => setForm(defaultOmbudsmanContact)}
          >
            Put back the standard details
          </button>
        </div>
      ) : null}
    </form>
  );
}
