import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { serviceAreas, type ServiceArea } from '../../../../src-shared/domain/customer';
import {
  commissionerLabels,
  commissioners,
  reviewKinds,
  type Commissioner,
  type ReviewKind,
} from '../../../../src-shared/domain/reviews';
import { errorMessage, fieldErrors } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { useDayFromToday, useToday } from '../../clock';
import { ErrorSummary, summaryItems } from '../../components/ErrorSummary';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../components/Field';
import { PageHeader } from '../../components/PageHeader';
import { useSession } from '../../session';
import '../../styles/reviews.css';
import { useFormChanges } from '../../components/UnsavedChanges';

export function CommissionForm() {
  const today = useToday();
  const navigate = useNavigate();
  const me = useSession().staff;
  const settings = useApiQuery('reviews.settings', { year: Number(today.slice(0, 4)) });
  const staff = useApiQuery('staff.list', {});
  const org = useApiQuery('organisation.get', {});
  const [kind, setKind] = useState<ReviewKind>('csi_project');
  const [title, setTitle] = useState('');
  const [commissionedBy, setCommissionedBy] = useState<Commissioner>('business_manager');
  const [commissionerName, setCommissionerName] = useState('');
  const [commissionerService, setCommissionerService] = useState('');
  const [commissionedOn, setCommissionedOn] = useState(today);
  const [question, setQuestion] = useState('');
  const [serviceArea, setServiceArea] = useState<string>('');
  const [landlordIds, setLandlordIds] = useState<string[]>([]);
  const [startedOn, setStartedOn] = useState(today);
  const [deadline, setDeadline] = useState(useDayFromToday(56));
  const [leadOfficerId, setLeadOfficerId] = useState(me?.id ?? '');
  const guard = useFormChanges(
    {
      kind,
      title,
      commissionedBy,
      commissionerName,
      commissionerService,
      commissionedOn,
      question,
      serviceArea,
      landlordIds,
      startedOn,
      deadline,
      leadOfficerId,
    },
    'the commission',
  );
  const save = useApiMutation('reviews.commission', {
    onSuccess: (r) => {
      guard.saved();
      navigate(`/reviews/${r.id}`);
    },
  });
  const errors = fieldErrors(save.error);

  function submit(e: FormEvent) {
    e.preventDefault();
    save.mutate({
      kind,
      title,
      commissionedBy,
      commissionerName,
      commissionerService,
      commissionedOn,
      question,
      serviceArea: serviceArea as ServiceArea,
      landlordIds,
      deadline,
      startedOn,
      leadOfficerId,
    });
  }

  const templates = settings.data?.templates;
  return (
    <>
      <PageHeader
        title="Commission a review"
        subtitle="Record who asked for the work, the question it must answer and what is in scope."
      />
      <form {...guard.formProps} className="panel" onSubmit={submit} noValidate>
        {save.error ? (
          <ErrorSummary
            items={summaryItems(errors, 'commission', { message: errorMessage(save.error) })}
          />
        ) : null}
        <div className="form-grid">
          <SelectField
            id="commission-kind"
            label="Kind of review"
            required
            value={kind}
            options={reviewKinds.map((k) => ({ value: k, label: templates?.[k].label ?? k }))}
            onChange={(e) => setKind(e.target.value as ReviewKind)}
            hint={
              templates
                ? `Team from the ${templates[kind].teamGroup}; expected ${templates[kind].expected.minWeeks}–${templates[kind].expected.maxWeeks} weeks.`
                : undefined
            }
            error={errors.kind}
          />
          <TextField
            id="commission-title"
            label="Title"
            required
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            error={errors.title}
          />
          <SelectField
            id="commission-commissionedBy"
            label="Commissioned by"
            required
            value={commissionedBy}
            options={commissioners.map((c) => ({ value: c, label: commissionerLabels[c] }))}
            onChange={(e) => setCommissionedBy(e.target.value as Commissioner)}
            error={errors.commissionedBy}
          />
          {commissionedBy === 'business_manager' ? (
            <>
              <TextField
                id="commission-commissionerName"
                label="Business manager"
                required
                value={commissionerName}
                onChange={(e) => setCommissionerName(e.target.value)}
                error={errors.commissionerName}
              />
              <TextField
                id="commission-commissionerService"
                label="Their service"
                required
                value={commissionerService}
                onChange={(e) => setCommissionerService(e.target.value)}
                error={errors.commissionerService}
              />
            </>
          ) : null}
          <TextField
            id="commission-commissionedOn"
            label="Commissioned on"
            type="date"
            required
            value={commissionedOn}
            onChange={(e) => setCommissionedOn(e.target.value)}
            error={errors.commissionedOn}
          />
          <SelectField
            id="commission-serviceArea"
            label="Service in scope"
            required
            value={serviceArea}
            placeholder="Choose…"
            options={serviceAreas.options}
            onChange={(e) => setServiceArea(e.target.value)}
            error={errors.serviceArea}
          />
        </div>
        <TextAreaField
          id="commission-question"
          label="The question to answer"
          required
          rows={3}
          value={question}
          onChange={(e) => setQuestion(e.target.value)}
          error={errors.question}
        />
        <fieldset className="field">
          <legend className="field__label">Landlords in scope</legend>
          <div className="field__hint">Leave all unticked for every landlord.</div>
          {org.data?.landlords.map((l) => (
            <CheckboxField
              key={l.id}
              label={l.name}
              checked={landlordIds.includes(l.id)}
              onChange={(e) =>
                setLandlordIds((ids) =>
                  e.target.checked ? [...ids, l.id] : ids.filter((x) => x !== l.id),
                )
              }
            />
          ))}
        </fieldset>
        <div className="form-grid">
          <TextField
            id="commission-startedOn"
            label="Starts on"
            type="date"
            required
            value={startedOn}
            onChange={(e) => setStartedOn(e.target.value)}
            error={errors.startedOn}
          />
          <TextField
            id="commission-deadline"
            label="Deadline asked for"
            type="date"
            required
            value={deadline}
            onChange={(e) => setDeadline(e.target.value)}
            error={errors.deadline}
          />
          <SelectField
            id="commission-leadOfficerId"
            label="Lead officer"
            required
            value={leadOfficerId}
            placeholder="Choose…"
            options={(staff.data ?? [])
              .filter((s) => s.active)
              .map((s) => ({ value: s.id, label: s.name }))}
            onChange={(e) => setLeadOfficerId(e.target.value)}
            error={errors.leadOfficerId}
          />
        </div>
        <div className="button-row">
          <button className="button" type="submit" disabled={save.isPending}>
            Commission the review
          </button>
        </div>
      </form>
    </>
  );
}
