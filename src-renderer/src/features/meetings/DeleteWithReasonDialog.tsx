import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { errorMessage, fieldErrors } from '../../api/client';
import { TextField } from '../../components/Field';

/**
 * Asks for a reason before a delete: the reason goes into the record's
 * history with the tombstone. `onConfirm` rejects with the API's error.
 */
export function DeleteWithReasonDialog({
  id,
  title,
  confirmLabel,
  children,
  onConfirm,
  onClose,
}: {
  id: string;
  title: string;
  confirmLabel: string;
  /** What deleting does, in plain words. */
  children: ReactNode;
  onConfirm: (reason: string) => Promise<unknown>;
  onClose: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const [reason, setReason] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    // Focus goes back to whatever opened the dialog, if it is still there.
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => opener?.focus();
  }, []);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setPending(true);
    setError(null);
    try {
      await onConfirm(reason);
    } catch (err) {
      setError(err);
      setPending(false);
    }
  }
  const fieldError = error ? fieldErrors(error).reason : undefined;
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={`${id}-heading`}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <form onSubmit={submit} noValidate>
        <h2 id={`${id}-heading`}>{title}</h2>
        {children}
        <TextField
          id={`${id}-reason`}
          label="Reason"
          hint="Kept in the history with the deletion."
          required
          autoFocus
          value={reason}
          error={fieldError}
          onChange={(e) => setReason(e.target.value)}
        />
        {error && !fieldError ? (
          <p className="field__error" role="alert">
            {errorMessage(error)}
          </p>
        ) : null}
        <div className="button-row">
          <button type="submit" className="button button--danger" disabled={pending}>
            {confirmLabel}
          </button>
          <button type="button" className="button button--secondary" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  );
}
