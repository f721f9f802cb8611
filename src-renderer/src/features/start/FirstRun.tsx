import { useState, type FormEvent } from 'react';
import { staffCreateInput } from '../../../../src-shared/domain/staff';
import { roleLabels, roles, type Role } from '../../../../src-shared/rules/permissions';
import { call, errorMessage, fieldErrors } from '../../api/client';
import { useApiMutation } from '../../api/hooks';
import { ErrorSummary, summaryItems } from '../../components/ErrorSummary';
import { SelectField, TextField } from '../../components/Field';
import { newPassphraseFields } from '../../../../src-shared/domain/sign-in';
import { ChooseFields } from './PassphraseForms';

/** First start on this computer: whoever is here creates their profile, and becomes its first administrator by default. */
export function FirstRun() {
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('administrator');
  const [passphrase, setPassphrase] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const choose = useApiMutation('session.setPassphrase');

  async function submit(event: FormEvent) {
    event.preventDefault();
    const input = { name, email, role };
    const parsed = staffCreateInput.safeParse(input);
    const found: Record<string, string> = parsed.success
      ? {}
      : Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message]));
    const chosen = newPassphraseFields.passphrase.safeParse(passphrase);
    if (!chosen.success) found.passphrase = chosen.error.issues[0]!.message;
    else if (confirmation !== passphrase)
      found.confirmation = 'The two passphrases are not the same. Type it again.';
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    try {
      const staff = await call('staff.create', input);
      // The profile and its passphrase are made one after the other: should the
      // second fail, the profile asks for its passphrase when next chosen.
      await choose.mutateAsync({ staffId: staff.id, passphrase, confirmation });
    } catch (error) {
      setErrors(fieldErrors(error));
      setFailure(errorMessage(error));
    }
  }

  const summary = summaryItems(errors, 'first-run');
  return (
    <main className="centred" id="main">
      <div className="card card--narrow">
        <h1>Welcome to Involvement Desk</h1>
        <p>
          Create your staff profile. Every change you make is recorded under it, and its passphrase
          keeps anyone else from using it.
        </p>
        <ErrorSummary items={summary} />
        {failure && summary.length === 0 ? <p className="field__error">{failure}</p> : null}
        <form onSubmit={submit} noValidate>
          <TextField
            id="first-run-name"
            label="Your name"
            required
            autoComplete="name"
            value={name}
            error={errors.name}
            onChange={(e) => setName(e.target.value)}
          />
          <TextField
            id="first-run-email"
            label="Work email"
            type="email"
            autoComplete="email"
            value={email}
            error={errors.email}
            onChange={(e) => setEmail(e.target.value)}
          />
          <SelectField
            id="first-run-role"
            label="Your role"
            hint="The first profile is usually an administrator, who can then add the rest of the team."
            value={role}
            options={roles.map((r) => ({ value: r, label: roleLabels[r] }))}
            onChange={(e) => setRole(e.target.value as Role)}
          />
          <ChooseFields
            id="first-run"
            passphrase={passphrase}
            confirmation={confirmation}
            errors={errors}
            onPassphrase={setPassphrase}
            onConfirmation={setConfirmation}
          />
          <button type="submit" className="button">
            Create my profile
          </button>
        </form>
      </div>
    </main>
  );
}
