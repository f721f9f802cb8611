import { useState } from 'react';
import type { CaseSettings } from '../../../../src-shared/api/cases';
import { errorMessage, fieldErrors } from '../../api/client';
import { useApiMutation } from '../../api/hooks';
import { TextField } from '../../components/Field';
import { Notice } from '../../components/PageHeader';
import { useFormChanges } from '../../components/UnsavedChanges';

const fields = [
  ['name', 'Name', 'The person whose name the resident sees at the foot of the letter.'],
  ['jobTitle', 'Job title', undefined],
  ['telephone', 'Telephone', 'A number the resident can ring about the letter.'],
  ['email', 'Email', undefined],
] as const;

/** Who signs decision letters: a resident should know who wrote to them and how to reply. */
export function LetterSignatorySettings({
  settings,
  canEdit,
}: {
  settings: CaseSettings;
  canEdit: boolean;
}) {
  const [form, setForm] = useState(
    settings.signatory ?? { name: '', jobTitle: '', telephone: '', email: '' },
  );
  const save = useApiMutation('cases.saveLetterSignatory', {
    onSuccess: () => guard.savedAs(form),
  });
  const guard = useFormChanges(form, 'the letters’ signatory');
  const errors = fieldErrors(save.error);
  return (
    <form
      {...guard.formProps}
      className="panel"
      noValidate
      aria-labelledby="signatory-heading"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(form);
      }}
    >
      <h2 id="signatory-heading">Who signs decision letters</h2>
      <p className="muted">
        Decision letters are signed by this person, with their contact details, on behalf of the
        Designated Complaints Panel.
      </p>
      {!settings.signatory ? (
        <Notice tone="warning">
          No one is named yet, so decision letters cannot be written until you save these details.
        </Notice>
      ) : null}
      {save.error ? <Notice tone="error">{errorMessage(save.error)}</Notice> : null}
      {save.isSuccess ? (
        <Notice tone="success">
          Saved. New letters will be signed by {save.data.signatory?.name}.
        </Notice>
      ) : null}
      <div className="form-grid cases-contact-grid">
        {fields.map(([key, label, hint]) => (
          <TextField
            key={key}
            id={`signatory-${key}`}
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
        <button className="button" type="submit" disabled={save.isPending}>
          Save who signs the letters
        </button>
      ) : null}
    </form>
  );
}
