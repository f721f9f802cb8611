import { useEffect, useState, type FormEvent } from 'react';
import { newPassphraseFields, PASSPHRASE_MIN } from '../../../../src-shared/domain/sign-in';
import { errorMessage, fieldErrors } from '../../api/client';
import { TextField } from '../../components/Field';

interface TypedProps {
  /** Prefix of the field ids, unique on the screen. */
  id: string;
  label?: string;
  submitLabel: string;
  busy: boolean;
  error: unknown;
  onSubmit(passphrase: string): void;
}

/**
 * Typing the passphrase to sign in or unlock. After a refusal the field is
 * empty and focused, so the next try starts clean; the message says why.
 */
export function TypePassphrase({
  id,
  label = 'Passphrase',
  submitLabel,
  busy,
  error,
  onSubmit,
}: TypedProps) {
  const [passphrase, setPassphrase] = useState('');
  const [missing, setMissing] = useState(false);
  useEffect(() => {
    if (error) document.getElementById(`${id}-passphrase`)?.focus();
  }, [error, id]);
  function submit(event: FormEvent) {
    event.preventDefault();
    if (!passphrase) return setMissing(true);
    setMissing(false);
    // Emptied as it is sent: a refused try leaves nothing to correct, only to type again.
    setPassphrase('');
    onSubmit(passphrase);
  }
  const message = missing ? 'Type your passphrase.' : error ? errorMessage(error) : undefined;
  return (
    <form onSubmit={submit} noValidate>
      <TextField
        id={`${id}-passphrase`}
        label={label}
        type="password"
        autoComplete="current-password"
        autoFocus
        value={passphrase}
        error={message}
        onChange={(e) => setPassphrase(e.target.value)}
      />
      <button type="submit" className="button" disabled={busy}>
        {submitLabel}
      </button>
    </form>
  );
}

interface ChooseProps {
  id: string;
  submitLabel: string;
  busy: boolean;
  error: unknown;
  onSubmit(chosen: { passphrase: string; confirmation: string }): void;
}

export const PASSPHRASE_HINT = `At least ${PASSPHRASE_MIN} characters. A few words you will remember is easier to type and harder to guess than a short password.`;

/** Choosing a passphrase: typed twice, checked here and again by the backend. */
export function ChoosePassphrase({ id, submitLabel, busy, error, onSubmit }: ChooseProps) {
  const [passphrase, setPassphrase] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const shown = { ...fieldErrors(error), ...errors };
  function submit(event: FormEvent) {
    event.preventDefault();
    const found: Record<string, string> = {};
    const chosen = newPassphraseFields.passphrase.safeParse(passphrase);
    if (!chosen.success) found.passphrase = chosen.error.issues[0]!.message;
    else if (confirmation !== passphrase)
      found.confirmation = 'The two passphrases are not the same. Type it again.';
    setErrors(found);
    if (Object.keys(found).length === 0) onSubmit({ passphrase, confirmation });
  }
  return (
    <form onSubmit={submit} noValidate>
      <ChooseFields
        id={id}
        passphrase={passphrase}
        confirmation={confirmation}
        errors={shown}
        onPassphrase={setPassphrase}
        onConfirmation={setConfirmation}
      />
      {error && Object.keys(fieldErrors(error)).length === 0 ? (
        <p className="field__error" role="alert">
          {errorMessage(error)}
        </p>
      ) : null}
      <button type="submit" className="button" disabled={busy}>
        {submitLabel}
      </button>
    </form>
  );
}

/** The two fields of a new passphrase, for forms that hold more (the first run). */
export function ChooseFields({
  id,
  passphrase,
  confirmation,
  errors,
  onPassphrase,
  onConfirmation,
}: {
  id: string;
  passphrase: string;
  confirmation: string;
  errors: Record<string, string | undefined>;
  onPassphrase(value: string): void;
  onConfirmation(value: string): void;
}) {
  return (
    <>
      <TextField
        id={`${id}-passphrase`}
        label="Choose a passphrase"
        hint={PASSPHRASE_HINT}
        type="password"
        autoComplete="new-password"
        required
        value={passphrase}
        error={errors.passphrase}
        onChange={(e) => onPassphrase(e.target.value)}
      />
      <TextField
        id={`${id}-confirmation`}
        label="Type the passphrase again"
        type="password"
        autoComplete="new-password"
        required
        value={confirmation}
        error={errors.confirmation}
        onChange={(e) => onConfirmation(e.target.value)}
      />
    </>
  );
}
