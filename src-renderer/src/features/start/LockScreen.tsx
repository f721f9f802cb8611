import type { Staff } from '../../../../src-shared/domain/staff';
import { roleLabels } from '../../../../src-shared/rules/permissions';
import { useApiMutation } from '../../api/hooks';
import { useConfirmDiscard } from '../../components/UnsavedChanges';
import { TypePassphrase } from './PassphraseForms';

/**
 * Over a window left idle: the data is hidden (the screens stay underneath,
 * with anything half-typed) until the person signed in types their
 * passphrase. Anyone else can only switch profile, with their own.
 */
export function LockScreen({ staff, idleMinutes }: { staff: Staff; idleMinutes: number }) {
  const unlock = useApiMutation('session.unlock');
  const signOut = useApiMutation('session.signOut');
  const confirmDiscard = useConfirmDiscard();
  return (
    <main className="centred" id="lock-screen">
      <div className="card card--narrow">
        <h1>Involvement Desk is locked</h1>
        <p>
          It locked itself after {idleMinutes === 1 ? '1 minute' : `${idleMinutes} minutes`} with no
          use. <strong>{staff.name}</strong> ({roleLabels[staff.role]}) is still signed in, and
          anything you had not saved is kept.
        </p>
        <TypePassphrase
          id="unlock"
          label={`Passphrase for ${staff.name}`}
          submitLabel="Unlock"
          busy={unlock.isPending}
          error={unlock.error}
          onSubmit={(passphrase) => unlock.mutate({ passphrase })}
        />
        <p>
          <button
            type="button"
            className="button button--quiet"
            onClick={() => void confirmDiscard().then((ok) => ok && signOut.mutate({}))}
          >
            Switch profile
          </button>
        </p>
      </div>
    </main>
  );
}
