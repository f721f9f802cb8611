import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { WalkInMatch } from '../../../../src-shared/api/meetings';
import { errorMessage, fieldErrors } from '../../api/client';
import { useApiMutation } from '../../api/hooks';
import { ErrorSummary, summaryItems } from '../../components/ErrorSummary';
import { CheckboxField, TextField } from '../../components/Field';
import { Notice } from '../../components/PageHeader';
import { WalkInMatches } from './WalkInMatches';
import { useFormChanges } from '../../components/UnsavedChanges';

/** Who was signed in, and whether they are new to the register. */
export interface WalkInOutcome {
  name: string;
  added: boolean;
}

/**
 * "New person at the door": the least we need, with their consent; the record
 * is completed later. If they look like someone already on the register, the
 * officer is asked "Is this them?" before anyone new is added.
 */
export function WalkInDialog({
  activityId,
  initialName,
  onClose,
}: {
  activityId: string;
  initialName: string;
  onClose: (outcome: WalkInOutcome | null) => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const [first, ...rest] = initialName.trim().split(/\s+/);
  const [form, setForm] = useState({
    firstName: first ?? '',
    lastName: rest.join(' '),
    postcode: '',
    phone: '',
    email: '',
    consent: false,
  });
  const set = (patch: Partial<typeof form>) => setForm((f) => ({ ...f, ...patch }));
  const guard = useFormChanges(form, 'the walk-in’s details');
  // A modal dialog makes the page behind it inert: close it first, so the screen can put focus
  // back in its search box.
  const finish = (outcome: WalkInOutcome | null) => {
    ref.current?.close();
    onClose(outcome);
  };
  const [matches, setMatches] = useState<WalkInMatch[] | null>(null);
  const add = useApiMutation('attendance.walkIn', {
    onSuccess: (result) =>
      result.added ? finish({ name: result.person.name, added: true }) : setMatches(result.matches),
  });
  // Choosing a match marks them through the same path as the sign-in list.
  const signIn = useApiMutation('attendance.mark');
  const errors = add.error && !matches ? fieldErrors(add.error) : {};

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  function submit(e: FormEvent) {
    e.preventDefault();
    add.mutate({ activityId, ...form, consent: form.consent as true });
  }
  // Buttons stay enabled while a call is out, so focus is not lost; a second press waits.
  const busy = add.isPending || signIn.isPending;
  function choose(match: WalkInMatch) {
    if (busy) return;
    signIn.mutate(
      { activityId, customerId: match.customerId, status: 'present' },
      { onSuccess: () => finish({ name: match.name, added: false }) },
    );
  }
  function changeDetails() {
    setMatches(null);
    add.reset();
    signIn.reset();
  }
  const matchProblem = signIn.error ?? (matches ? add.error : null);
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby="walkin-heading"
      onCancel={() => finish(null)}
    >
      <h2 id="walkin-heading">New person at the door</h2>
      {matches ? (
        <>
          {matchProblem ? <Notice tone="error">{errorMessage(matchProblem)}</Notice> : null}
          <WalkInMatches
            matches={matches}
            onChoose={choose}
            onAddNew={() => {
              if (!busy)
                add.mutate({
                  activityId,
                  ...form,
                  consent: form.consent as true,
                  confirmNew: true,
                });
            }}
            onChangeDetails={changeDetails}
          />
          <div className="button-row">
            <button type="button" className="button button--quiet" onClick={() => finish(null)}>
              Cancel
            </button>
          </div>
        </>
      ) : (
        <form {...guard.formProps} onSubmit={submit} noValidate>
          <p className="muted">
            They join the register as “interested” and are marked present. Complete their record
            later.
          </p>
          {add.error ? (
            <ErrorSummary
              items={summaryItems(errors, 'walkin', {
                message: errorMessage(add.error),
                fieldId: 'walkin-firstName',
              })}
            />
          ) : null}
          <TextField
            id="walkin-firstName"
            label="First name"
            required
            autoFocus
            value={form.firstName}
            error={errors.firstName}
            onChange={(e) => set({ firstName: e.target.value })}
          />
          <TextField
            id="walkin-lastName"
            label="Last name"
            required
            value={form.lastName}
            error={errors.lastName}
            onChange={(e) => set({ lastName: e.target.value })}
          />
          <TextField
            id="walkin-postcode"
            label="Postcode"
            value={form.postcode}
            error={errors.postcode}
            onChange={(e) => set({ postcode: e.target.value })}
          />
          <TextField
            id="walkin-phone"
            label="Phone"
            type="tel"
            value={form.phone}
            error={errors.phone}
            onChange={(e) => set({ phone: e.target.value })}
          />
          <TextField
            id="walkin-email"
            label="Email"
            type="email"
            value={form.email}
            error={errors.email}
            onChange={(e) => set({ email: e.target.value })}
          />
          <CheckboxField
            id="walkin-consent"
            label="They agree to us keeping their details on the Customer Voice register"
            checked={form.consent}
            error={errors.consent}
            onChange={(e) => set({ consent: e.target.checked })}
          />
          <div className="button-row">
            <button type="submit" className="button" disabled={add.isPending}>
              Add and mark present
            </button>
            <button type="button" className="button button--secondary" onClick={() => finish(null)}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}
