import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { CaseDetail } from '../../../../src-shared/domain/cases';
import { errorMessage, fieldErrors } from '../../api/client';
import { useApiMutation } from '../../api/hooks';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextField } from '../../components/Field';
import { ReferralFields, referralFromDetail, referralInputOf } from './referral-fields';
import { useFormChanges } from '../../components/UnsavedChanges';

/**
 * Corrects what was entered at referral. It saves through `cases.update`, so
 * the case's history shows each correction with its reason, and the
 * deadlines and the Code check are worked out again from the corrected
 * dates. A failed save keeps everything typed.
 */
export function EditReferral({
  detail,
  onDone,
}: {
  detail: CaseDetail;
  onDone: (saved: boolean) => void;
}) {
  const [form, setForm] = useState(() => referralFromDetail(detail));
  const [reason, setReason] = useState('');
  const guard = useFormChanges({ form, reason }, 'the referral');
  const heading = useRef<HTMLHeadingElement>(null);
  const save = useApiMutation('cases.update', {
    onSuccess: () => {
      guard.saved();
      onDone(true);
    },
  });
  const errors = fieldErrors(save.error);
  useEffect(() => heading.current?.focus(), []);

  function submit(e: FormEvent) {
    e.preventDefault();
    save.mutate({
      ...referralInputOf(form),
      id: detail.id,
      expectedUpdatedAt: detail.updatedAt,
      correctionReason: reason,
    });
  }

  const summary = save.error
    ? Object.keys(errors).length
      ? Object.entries(errors).map(([path, message]) => ({ message, fieldId: path }))
      : [{ message: errorMessage(save.error) }]
    : [];

  return (
    <section className="panel" aria-labelledby="edit-referral-heading">
      <h2 id="edit-referral-heading" ref={heading} tabIndex={-1}>
        Edit referral details
      </h2>
      <p className="muted">
        Correct anything entered at referral. The case’s history keeps what it said before, and the
        deadlines and the Code check are worked out again from the corrected dates.
      </p>
      <form {...guard.formProps} onSubmit={submit} noValidate>
        <ErrorSummary items={summary} />
        <ReferralFields form={form} setForm={setForm} errors={errors} />
        <TextField
          id="correctionReason"
          label="Why the correction (optional)"
          hint="Kept in the case’s history with the change, for example “Stage 2 date taken from the final response letter”."
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          error={errors.correctionReason}
        />
        <div className="button-row">
          <button className="button" type="submit" disabled={save.isPending}>
            Save the corrections
          </button>
          <button className="button button--secondary" type="button" onClick={() => onDone(false)}>
            Cancel
          </button>
        </div>
      </form>
    </section>
  );
}
