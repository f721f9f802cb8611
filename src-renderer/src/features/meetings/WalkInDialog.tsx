import { useEffect, useRef, useState, type FormEvent } from 'react';
import { errorMessage, fieldErrors } from '../../api/client';
import { useApiMutation } from '../../api/hooks';
import { ErrorSummary } from '../../components/ErrorSummary';
import { CheckboxField, TextField } from '../../components/Field';

/** "New person at the door": the least we need, with their consent; the record is completed later. */
export function WalkInDialog({
  activityId,
  initialName,
  onClose,
}: {
  activityId: string;
  initialName: string;
  onClose: (addedName: string | null) => void;
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
  const add = useApiMutation('attendance.walkIn', { onSuccess: (p) => onClose(p.name) });
  const errors = add.error ? fieldErrors(add.error) : {};

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  function submit(e: FormEvent) {
    e.preventDefault();
    add.mutate({ activityId, ...form, consent: form.consent as true });
  }
  const summary = Object.entries(errors).map(([path, message]) => ({
    message,
    fieldId: `walkin-${path}`,
  }));
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby="walkin-heading"
      onCancel={() => onClose(null)}
    >
      <form onSubmit={submit} noValidate>
        <h2 id="walkin-heading">New person at the door</h2>
        <p className="muted">
          They join the register as “interested” and are marked present. Complete their record
          later.
        </p>
        {add.error ? (
          <ErrorSummary
            items={
              summary.length
                ? summary
                : [{ message: errorMessage(add.error), fieldId: 'walkin-firstName' }]
            }
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
          <button type="button" className="button button--secondary" onClick={() => onClose(null)}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  );
}
