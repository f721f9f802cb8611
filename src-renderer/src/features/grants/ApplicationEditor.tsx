import { useState, type FormEvent } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import {
  applicantKindLabels,
  type ApplicantKind,
  type GrantApplication,
} from '../../../../src-shared/domain/grants';
import { errorMessage, fieldErrors } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { useToday } from '../../clock';
import { SelectField, TextAreaField, TextField } from '../../components/Field';
import { Loading, Notice, PageHeader } from '../../components/PageHeader';
import { SearchAndChoose } from '../../components/SearchAndChoose';
import { useFormChanges } from '../../components/UnsavedChanges';
import { penceOf, poundsText } from './money';
import '../../styles/grants.css';

export function ApplicationEditor() {
  const { id } = useParams();
  const [params] = useSearchParams();
  const existing = useApiQuery('grants.application', { id: id ?? '' }, { enabled: !!id });
  if (id && !existing.data) return <Loading what="Loading the application" />;
  const roundId = existing.data?.roundId ?? params.get('round') ?? '';
  return (
    <ApplicationForm application={existing.data ?? null} roundId={roundId} key={id ?? 'new'} />
  );
}

function ApplicationForm({
  application: a,
  roundId,
}: {
  application: GrantApplication | null;
  roundId: string;
}) {
  const today = useToday();
  const navigate = useNavigate();
  const round = useApiQuery('grants.round', { id: roundId }, { enabled: !!roundId });
  const priorities = useApiQuery('grants.priorities', {});
  const org = useApiQuery('organisation.get', {});
  const [contact, setContact] = useState<{ id: string; name: string } | null>(
    a?.contactCustomerId ? { id: a.contactCustomerId, name: a.contactName } : null,
  );
  const [search, setSearch] = useState('');
  const found = useApiQuery(
    'customers.list',
    { search, limit: 8 },
    { enabled: search.trim().length >= 2 && !contact },
  );
  const [form, setForm] = useState({
    receivedOn: a?.receivedOn ?? today,
    applicantKind: (a?.applicantKind ?? 'community_group') as ApplicantKind,
    applicantName: a?.applicantName ?? '',
    contactName: a?.contactCustomerId ? '' : (a?.contactName ?? ''),
    contactPhone: a?.contactPhone ?? '',
    contactEmail: a?.contactEmail ?? '',
    projectTitle: a?.projectTitle ?? '',
    projectSummary: a?.projectSummary ?? '',
    outcomes: a?.outcomes ?? '',
    areaId: a?.areaId ?? '',
    priorityId: a?.priorityId ?? '',
    amount: poundsText(a?.amountPence),
    peopleExpected:
      a?.peopleExpected === null || a?.peopleExpected === undefined ? '' : String(a.peopleExpected),
    startsOn: a?.startsOn ?? '',
    endsOn: a?.endsOn ?? '',
  });
  const guard = useFormChanges(
    { form, contact },
    a ? `application ${a.reference}` : 'the new application',
  );
  const save = useApiMutation('grants.saveApplication', {
    onSuccess: (saved) => {
      guard.saved();
      void navigate(`/grants/applications/${saved.id}`);
    },
  });
  const errors = fieldErrors(save.error);
  const set = <K extends keyof typeof form>(k: K, v: string) => setForm({ ...form, [k]: v });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({
      id: a?.id ?? null,
      roundId,
      receivedOn: form.receivedOn,
      applicantKind: form.applicantKind,
      applicantName: form.applicantName,
      contactCustomerId: contact?.id ?? null,
      contactName: form.contactName,
      contactPhone: form.contactPhone,
      contactEmail: form.contactEmail,
      projectTitle: form.projectTitle,
      projectSummary: form.projectSummary,
      outcomes: form.outcomes,
      areaId: form.areaId || null,
      priorityId: form.priorityId || null,
      amountPence: penceOf(form.amount),
      peopleExpected: form.peopleExpected === '' ? null : Number(form.peopleExpected),
      startsOn: form.startsOn || null,
      endsOn: form.endsOn || null,
    });
  };
  return (
    <>
      <PageHeader
        title={a ? `Edit ${a.reference}` : 'New application'}
        subtitle={round.data ? round.data.name : undefined}
      />
      <form className="panel grant-form" noValidate {...guard.formProps} onSubmit={submit}>
        {save.error ? <Notice tone="error">{errorMessage(save.error)}</Notice> : null}
        <fieldset className="grant-form__set">
          <legend>Who is applying</legend>
          <div className="form-grid">
            <SelectField
              label="Applicant is"
              value={form.applicantKind}
              options={Object.entries(applicantKindLabels).map(([value, label]) => ({
                value,
                label,
              }))}
              onChange={(e) => set('applicantKind', e.target.value)}
            />
            <TextField
              label="Applicant (group or person)"
              required
              value={form.applicantName}
              onChange={(e) => set('applicantName', e.target.value)}
              error={errors.applicantName}
            />
            <TextField
              label="Received on"
              type="date"
              value={form.receivedOn}
              onChange={(e) => set('receivedOn', e.target.value)}
              error={errors.receivedOn}
            />
          </div>
          {contact ? (
            <p>
              Contact on the register: <strong>{contact.name}</strong>{' '}
              <button type="button" className="link-button" onClick={() => setContact(null)}>
                Choose someone else
              </button>
            </p>
          ) : (
            <>
              <SearchAndChoose
                id="grant-contact"
                label="Contact, if they are on the register"
                hint="Type two letters of their name or postcode. Leave it and type the name below if they are not on the register."
                query={search}
                onQueryChange={setSearch}
                results={search.trim().length >= 2 ? found.data?.rows : undefined}
                resultKey={(c) => c.id}
                choiceLabel={(c) => `Choose ${c.firstName} ${c.lastName}`}
                choiceDetails={(c) => [c.postcode, c.landlordName].filter(Boolean).join(' · ')}
                resultsLabel="Matching customers"
                noResults={`Nobody on the register matches “${search.trim()}”.`}
                onChoose={(c) => setContact({ id: c.id, name: `${c.firstName} ${c.lastName}` })}
              />
              <div className="form-grid">
                <TextField
                  label="Contact’s name"
                  value={form.contactName}
                  onChange={(e) => set('contactName', e.target.value)}
                  error={errors.contactName}
                />
                <TextField
                  label="Contact’s phone"
                  value={form.contactPhone}
                  onChange={(e) => set('contactPhone', e.target.value)}
                />
                <TextField
                  label="Contact’s email"
                  type="email"
                  value={form.contactEmail}
                  onChange={(e) => set('contactEmail', e.target.value)}
                />
              </div>
            </>
          )}
        </fieldset>
        <fieldset className="grant-form__set">
          <legend>The project</legend>
          <div className="form-grid">
            <TextField
              label="Project title"
              required
              value={form.projectTitle}
              onChange={(e) => set('projectTitle', e.target.value)}
              error={errors.projectTitle}
            />
            <SelectField
              label="Area"
              value={form.areaId}
              placeholder="Not given"
              options={(org.data?.areas ?? []).map((x) => ({ value: x.id, label: x.name }))}
              onChange={(e) => set('areaId', e.target.value)}
            />
            <SelectField
              label="Board priority it meets"
              value={form.priorityId}
              placeholder="Not given"
              options={(priorities.data ?? [])
                .filter((p) => !p.retiredOn)
                .map((p) => ({ value: p.id, label: p.name }))}
              onChange={(e) => set('priorityId', e.target.value)}
            />
            <TextField
              label="Amount asked for (£)"
              required
              inputMode="decimal"
              value={form.amount}
              onChange={(e) => set('amount', e.target.value)}
              error={errors.amountPence}
            />
            <TextField
              label="People expected to benefit"
              inputMode="numeric"
              value={form.peopleExpected}
              onChange={(e) => set('peopleExpected', e.target.value)}
              error={errors.peopleExpected}
            />
            <TextField
              label="Starts"
              type="date"
              value={form.startsOn}
              onChange={(e) => set('startsOn', e.target.value)}
            />
            <TextField
              label="Ends"
              type="date"
              value={form.endsOn}
              onChange={(e) => set('endsOn', e.target.value)}
              error={errors.endsOn}
            />
          </div>
          <TextAreaField
            label="What the project is"
            required
            value={form.projectSummary}
            onChange={(e) => set('projectSummary', e.target.value)}
            error={errors.projectSummary}
          />
          <TextAreaField
            label="What it will achieve"
            required
            value={form.outcomes}
            onChange={(e) => set('outcomes', e.target.value)}
            error={errors.outcomes}
          />
        </fieldset>
        <div className="button-row">
          <button type="submit" className="button" disabled={save.isPending}>
            Save the application
          </button>
        </div>
      </form>
    </>
  );
}
