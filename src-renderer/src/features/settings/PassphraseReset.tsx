import { useState, type FormEvent } from 'react';
import { IDLE_MINUTES_MAX } from '../../../../src-shared/domain/sign-in';
import type { Staff } from '../../../../src-shared/domain/staff';
import { fieldErrors } from '../../api/client';
import { useApiMutation } from '../../api/hooks';
import { TextField } from '../../components/Field';
import { Notice } from '../../components/PageHeader';
import { useCan, useSession } from '../../session';

/**
 * Whether a colleague has a passphrase, and for an administrator the reset:
 * asked twice, because the colleague is signed out at once and chooses a new
 * one at their next sign-in.
 */
export function PassphraseCell({
  staff,
  passphraseSet,
  canReset,
}: {
  staff: Staff;
  passphraseSet: boolean | undefined;
  canReset: boolean;
}) {
  const [asking, setAsking] = useState(false);
  const reset = useApiMutation('staff.resetPassphrase', { onSuccess: () => setAsking(false) });
  const state =
    passphraseSet === undefined ? '' : passphraseSet ? 'Set' : 'To be chosen at next sign-in';
  if (!canReset || !passphraseSet) return <>{state}</>;
  return (
    <div className="button-row">
      <span>{state}</span>
      {asking ? (
        <>
          <button
            type="button"
            className="button"
            disabled={reset.isPending}
            aria-label={`Yes, reset ${staff.name}’s passphrase`}
            onClick={() => reset.mutate({ staffId: staff.id })}
          >
            Yes, reset
          </button>
          <button type="button" className="button button--quiet" onClick={() => setAsking(false)}>
            Keep it
          </button>
        </>
      ) : (
        <button
          type="button"
          className="button button--quiet"
          aria-label={`Reset ${staff.name}’s passphrase`}
          onClick={() => setAsking(true)}
        >
          Reset passphrase
        </button>
      )}
      {reset.error ? <Notice tone="error">{reset.error.message}</Notice> : null}
    </div>
  );
}

/** The organisation's idle time before a window locks. */
export function IdleLockSetting() {
  const session = useSession();
  const canChange = useCan('organisation.write');
  const [minutes, setMinutes] = useState(String(session.idleMinutes));
  const save = useApiMutation('session.setIdleMinutes');
  const errors = fieldErrors(save.error);
  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate({ minutes: Number(minutes) });
  }
  return (
    <section className="panel" aria-labelledby="idle-lock-heading">
      <h2 id="idle-lock-heading">Locking an idle window</h2>
      {canChange ? (
        <form onSubmit={submit} noValidate className="form-grid">
          <TextField
            id="idle-minutes"
            label="Lock after this many minutes with no use"
            hint={`The window hides its data and asks for the passphrase again. From 1 to ${IDLE_MINUTES_MAX}.`}
            inputMode="numeric"
            value={minutes}
            error={
              errors.minutes ?? (save.error && !errors.minutes ? save.error.message : undefined)
            }
            onChange={(e) => setMinutes(e.target.value)}
          />
          <div className="button-row">
            <button type="submit" className="button" disabled={save.isPending}>
              Save
            </button>
          </div>
          {save.data ? (
            <Notice tone="success">
              Windows now lock after {save.data.minutes} minutes with no use.
            </Notice>
          ) : null}
        </form>
      ) : (
        <p>
          Windows lock after {session.idleMinutes} minutes with no use. Only an administrator can
          change this.
        </p>
      )}
    </section>
  );
}
