import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { SelfAssessment } from '../../../../src-shared/domain/self-assessment';
import { errorMessage, fieldErrors } from '../../api/client';
import { useApiMutation } from '../../api/hooks';
import { TextField } from '../../components/Field';
import { formatDate } from '../../components/format';
import { useUnsavedChanges } from '../../components/UnsavedChanges';

/**
 * Marking the year's self-assessment as submitted. Nothing is filled in for
 * the coordinator: they give the day it was sent, then see what is still
 * unassessed and confirm, because the mark takes the overdue notice away.
 */
export function SubmitSelfAssessment({ sa }: { sa: SelfAssessment }) {
  const [on, setOn] = useState('');
  const guard = useUnsavedChanges(on !== '', 'the submission date');
  const [missingDate, setMissingDate] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const mark = useApiMutation('selfAssessment.markSubmitted', {
    onSuccess: () => {
      guard.saved();
      setConfirming(false);
    },
  });
  const errors = mark.error ? fieldErrors(mark.error) : {};
  const dateError = missingDate
    ? 'Enter the date it was sent to the governing body and the Ombudsman.'
    : (errors['submittedOn'] ?? (mark.error && !confirming ? errorMessage(mark.error) : undefined));

  function ask(e: FormEvent) {
    e.preventDefault();
    mark.reset();
    if (!on) {
      setMissingDate(true);
      return;
    }
    setMissingDate(false);
    setConfirming(true);
  }

  return (
    <>
      <form
        {...guard.formProps}
        className="self-assessment__submission"
        aria-label={`Record when the ${sa.year} self-assessment was submitted`}
        onSubmit={ask}
        noValidate
      >
        <TextField
          id="sa-submitted-on"
          label="Submitted on"
          hint="The day it was sent."
          type="date"
          value={on}
          error={dateError}
          onChange={(e) => {
            setOn(e.target.value);
            setMissingDate(false);
          }}
        />
        <button type="submit" className="button button--secondary" disabled={mark.isPending}>
          Mark submitted…
        </button>
      </form>
      {confirming ? (
        <ConfirmSubmission
          sa={sa}
          on={on}
          pending={mark.isPending}
          error={mark.error ? errorMessage(mark.error) : null}
          onConfirm={() => mark.mutate({ year: sa.year, submittedOn: on, confirmUnassessed: true })}
          onClose={() => {
            setConfirming(false);
            mark.reset();
          }}
        />
      ) : null}
    </>
  );
}

function ConfirmSubmission({
  sa,
  on,
  pending,
  error,
  onConfirm,
  onClose,
}: {
  sa: SelfAssessment;
  on: string;
  pending: boolean;
  error: string | null;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const confirm = useRef<HTMLButtonElement>(null);
  const goBack = useRef<HTMLButtonElement>(null);
  const unassessed = sa.rows.filter((r) => r.complies === null);
  const anyUnassessed = unassessed.length > 0;
  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    // With provisions unassessed the safe choice has focus, so Enter does not submit by accident.
    (anyUnassessed ? goBack : confirm).current?.focus();
    return () => opener?.focus();
  }, [anyUnassessed]);
  return (
    <dialog
      ref={ref}
      className="cases-dialog"
      aria-labelledby="sa-confirm-heading"
      aria-describedby="sa-confirm-summary"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <h2 id="sa-confirm-heading">Mark the {sa.year} self-assessment as submitted?</h2>
      {unassessed.length ? (
        <>
          <p id="sa-confirm-summary">
            <strong>
              {unassessed.length} of {sa.rows.length} provisions
            </strong>{' '}
            are not assessed yet. Once it is marked submitted on {formatDate(on)}, the reminder that
            it is due goes away.
          </p>
          <h3 className="cases-dialog__subheading">Not assessed</h3>
          <ul className="cases-dialog__list" tabIndex={0} aria-label="Provisions not assessed">
            {unassessed.map((r) => (
              <li key={r.provision}>
                <strong>{r.provision}</strong> {r.requirement}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p id="sa-confirm-summary">
          All {sa.rows.length} provisions are assessed. It will be marked submitted on{' '}
          {formatDate(on)}.
        </p>
      )}
      {error ? (
        <p className="field__error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="button-row">
        <button
          type="button"
          className="button"
          disabled={pending}
          onClick={onConfirm}
          ref={confirm}
        >
          {unassessed.length ? 'Mark submitted as it is' : 'Mark submitted'}
        </button>
        <button type="button" className="button button--secondary" onClick={onClose} ref={goBack}>
          {anyUnassessed ? 'Go back and assess them' : 'Go back'}
        </button>
      </div>
    </dialog>
  );
}
