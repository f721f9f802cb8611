import { useToday } from '../../clock';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { errorMessage, fieldErrors } from '../../api/client';
import { useApiMutation } from '../../api/hooks';
import { ErrorSummary } from '../../components/ErrorSummary';
import { PageHeader } from '../../components/PageHeader';
import { useFormChanges } from '../../components/UnsavedChanges';
import { emptyReferral, ReferralFields, referralInputOf } from './referral-fields';
import '../../styles/cases.css';

export function ReferralForm() {
  const navigate = useNavigate();
  const today = useToday();
  const [form, setForm] = useState(() => emptyReferral(today));
  const guard = useFormChanges(form, 'the referral');
  const refer = useApiMutation('cases.refer', {
    onSuccess: (c) => {
      guard.saved();
      navigate(`/cases/${c.id}`);
    },
  });
  const errors = fieldErrors(refer.error);

  function submit(e: FormEvent) {
    e.preventDefault();
    refer.mutate(referralInputOf(form));
  }

  const summary = refer.error
    ? Object.keys(errors).length
      ? Object.entries(errors).map(([path, message]) => ({ message, fieldId: path }))
      : [{ message: errorMessage(refer.error) }]
    : [];

  return (
    <>
      <PageHeader
        title="Refer a case to the panel"
        subtitle="The panel reviews complaints after the landlord’s two internal stages. It is never a third stage and never delays the resident’s route to the Housing Ombudsman."
      />
      <form {...guard.formProps} className="panel" onSubmit={submit} noValidate>
        <ErrorSummary items={summary} />
        <ReferralFields form={form} setForm={setForm} errors={errors} />
        <div className="button-row">
          <button className="button" type="submit" disabled={refer.isPending}>
            Refer the case
          </button>
        </div>
      </form>
    </>
  );
}
