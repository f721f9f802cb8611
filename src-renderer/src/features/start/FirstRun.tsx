import { useState, type FormEvent } from 'react';
import { staffCreateInput } from '../../../../src-shared/domain/staff';
import { roleLabels, roles, type Role } from '../../../../src-shared/rules/permissions';
import { call, errorMessage, fieldErrors } from '../../api/client';
import { useApiMutation } from '../../api/hooks';
import { ErrorSummary, summaryItems } from '../../components/ErrorSummary';
import { SelectField, TextField } from '../../components/Field';

/** First start on this computer: whoever is here creates their profile, and becomes its first administrator by default. */
export function FirstRun() {
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('administrator');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const signIn = useApiMutation('session.signIn');

  async function submit(event: FormEvent) {
    event.preventDefault();
    const input = { name, email, role };
    const parsed = staffCreateInput.safeParse(input);
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])));
      return;
    }
    setErrors({});
    try {
      const staff = await call('staff.create', input);
      signIn.mutate({ staffId: staff.id });
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
        <p>Create your staff profile. Every change you make is recorded under it.</p>
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
          <button type="submit" className="button">
            Create my profile
          </button>
        </form>
      </div>
    </main>
  );
}
