import { useToday } from '../../clock';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import {
  referrerLabels,
  referrers,
  stageOutcomeLabels,
  stageOutcomes,
  type ReferralInput,
  type Referrer,
} from '../../../../src-shared/domain/cases';
import { serviceAreas, type ServiceArea } from '../../../../src-shared/domain/customer';
import { call, errorMessage, fieldErrors } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { SearchAndChoose } from '../../components/SearchAndChoose';
import { ErrorSummary } from '../../components/ErrorSummary';
import { SelectField, TextAreaField, TextField } from '../../components/Field';
import { PageHeader } from '../../components/PageHeader';
import '../../styles/cases.css';

interface StageForm {
  received: string;
  acknowledged: string;
  responded: string;
  extensionDays: string;
  outcome: string;
}
const emptyStage: StageForm = {
  received: '',
  acknowledged: '',
  responded: '',
  extensionDays: '0',
  outcome: '',
};

const blank = (v: string) => (v.trim() === '' ? null : v);

function stageInput(s: StageForm) {
  return {
    received: blank(s.received),
    acknowledged: blank(s.acknowledged),
    responded: blank(s.responded),
    extensionDays: Number(s.extensionDays || '0'),
    outcome: (blank(s.outcome) as (typeof stageOutcomes)[number] | null) ?? null,
  };
}

function StageFields({
  n,
  value,
  onChange,
  errors,
}: {
  n: 1 | 2;
  value: StageForm;
  onChange: (v: StageForm) => void;
  errors: Record<string, string>;
}) {
  const set = (k: keyof StageForm) => (e: { target: { value: string } }) =>
    onChange({ ...value, [k]: e.target.value });
  const p = `stage${n}`;
  return (
    <fieldset>
      <legend>Stage {n}</legend>
      <div className="form-grid">
        <TextField
          id={`${p}.received`}
          label={n === 1 ? 'Complaint received' : 'Escalation requested'}
          type="date"
          value={value.received}
          onChange={set('received')}
          error={errors[`${p}.received`]}
        />
        <TextField
          id={`${p}.acknowledged`}
          label="Acknowledged"
          type="date"
          value={value.acknowledged}
          onChange={set('acknowledged')}
          error={errors[`${p}.acknowledged`]}
        />
        <TextField
          id={`${p}.responded`}
          label={n === 1 ? 'Answered' : 'Final response'}
          type="date"
          value={value.responded}
          onChange={set('responded')}
          error={errors[`${p}.responded`]}
        />
        <TextField
          id={`${p}.extensionDays`}
          label="Extension (working days)"
          hint={`The Code allows at most ${n === 1 ? 10 : 20}.`}
          type="number"
          min={0}
          value={value.extensionDays}
          onChange={set('extensionDays')}
          error={errors[`${p}.extensionDays`]}
        />
        <SelectField
          id={`${p}.outcome`}
          label="Outcome"
          value={value.outcome}
          placeholder="Not recorded"
          options={stageOutcomes.map((o) => ({ value: o, label: stageOutcomeLabels[o] }))}
          onChange={set('outcome')}
        />
      </div>
    </fieldset>
  );
}

export function ReferralForm() {
  const navigate = useNavigate();
  const org = useApiQuery('organisation.get', {});
  const today = useToday();
  const [form, setForm] = useState({
    referredOn: today,
    referredBy: 'complainant' as Referrer,
    referrerName: '',
    complainantCustomerId: '',
    complainantName: '',
    complainantAddressLine1: '',
    complainantPostcode: '',
    complainantContact: '',
    landlordId: '',
    areaId: '',
    serviceArea: '' as ServiceArea | '',
    subject: '',
    outcomeSought: '',
    differentHandler: '',
  });
  const [stage1, setStage1] = useState<StageForm>(emptyStage);
  const [stage2, setStage2] = useState<StageForm>(emptyStage);
  const [lookup, setLookup] = useState('');
  const matches = useApiQuery(
    'customers.list',
    { search: lookup, limit: 8 },
    { enabled: lookup.trim().length >= 2 },
  );
  const refer = useApiMutation('cases.refer', { onSuccess: (c) => navigate(`/cases/${c.id}`) });
  const errors = fieldErrors(refer.error);
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [k]: e.target.value }));

  async function pickCustomer(id: string) {
    const c = await call('customers.get', { id });
    setForm((f) => ({
      ...f,
      complainantCustomerId: c.id,
      complainantName: `${c.preferredName ?? c.firstName} ${c.lastName}`,
      complainantAddressLine1: c.addressLine1 ?? '',
      complainantPostcode: c.postcode ?? '',
      complainantContact: c.email ?? c.phone ?? c.mobile ?? '',
      landlordId: c.landlordId ?? f.landlordId,
      areaId: c.areaId ?? f.areaId,
    }));
    setLookup('');
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    const input: ReferralInput = {
      referredOn: form.referredOn,
      referredBy: form.referredBy,
      referrerName: form.referrerName,
      complainantCustomerId: blank(form.complainantCustomerId),
      complainantName: form.complainantName,
      complainantAddressLine1: form.complainantAddressLine1,
      complainantPostcode: form.complainantPostcode,
      complainantContact: form.complainantContact,
      landlordId: blank(form.landlordId),
      areaId: blank(form.areaId),
      serviceArea: form.serviceArea as ServiceArea,
      subject: form.subject,
      outcomeSought: form.outcomeSought,
      stage1: stageInput(stage1),
      stage2: stageInput(stage2),
      stage2DifferentHandler: form.differentHandler === '' ? null : form.differentHandler === 'yes',
    };
    refer.mutate(input);
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
      <form className="panel" onSubmit={submit} noValidate>
        <ErrorSummary items={summary} />
        <fieldset>
          <legend>Referral</legend>
          <div className="form-grid">
            <TextField
              id="referredOn"
              label="Referred on"
              type="date"
              required
              value={form.referredOn}
              onChange={set('referredOn')}
              error={errors.referredOn}
            />
            <SelectField
              id="referredBy"
              label="Referred by"
              required
              value={form.referredBy}
              options={referrers.map((r) => ({ value: r, label: referrerLabels[r] }))}
              onChange={set('referredBy')}
            />
            <TextField
              id="referrerName"
              label="Referrer’s name"
              hint="The councillor, MP or officer, if not the complainant."
              value={form.referrerName}
              onChange={set('referrerName')}
            />
          </div>
        </fieldset>
        <fieldset>
          <legend>Complainant</legend>
          <SearchAndChoose
            id="lookup"
            label="Find on the register"
            hint="Optional: the complainant may not be on the register. Type two or more letters."
            query={lookup}
            onQueryChange={setLookup}
            results={lookup.trim().length >= 2 ? matches.data?.rows : undefined}
            resultKey={(c) => c.id}
            choiceLabel={(c) =>
              `${c.preferredName ?? c.firstName} ${c.lastName}${c.postcode ? ` (${c.postcode})` : ''}`
            }
            resultsLabel="Matching customers"
            noResults="No customer matches."
            afterChoose="caller"
            onChoose={(c) => {
              // The complainant's details fill in below: the work continues at their name.
              document.getElementById('complainantName')?.focus();
              void pickCustomer(c.id);
            }}
          />
          {form.complainantCustomerId ? <p className="muted">Linked to the register.</p> : null}
          <div className="form-grid">
            <TextField
              id="complainantName"
              label="Name"
              required
              value={form.complainantName}
              onChange={set('complainantName')}
              error={errors.complainantName}
            />
            <TextField
              id="complainantAddressLine1"
              label="Address"
              value={form.complainantAddressLine1}
              onChange={set('complainantAddressLine1')}
            />
            <TextField
              id="complainantPostcode"
              label="Postcode"
              value={form.complainantPostcode}
              onChange={set('complainantPostcode')}
            />
            <TextField
              id="complainantContact"
              label="Contact (email or phone)"
              value={form.complainantContact}
              onChange={set('complainantContact')}
            />
          </div>
        </fieldset>
        <fieldset>
          <legend>The complaint</legend>
          <div className="form-grid">
            <SelectField
              id="landlordId"
              label="Landlord"
              value={form.landlordId}
              placeholder="Not recorded"
              options={(org.data?.landlords ?? []).map((l) => ({ value: l.id, label: l.name }))}
              onChange={set('landlordId')}
            />
            <SelectField
              id="areaId"
              label="Area"
              value={form.areaId}
              placeholder="Not recorded"
              options={(org.data?.areas ?? []).map((a) => ({ value: a.id, label: a.name }))}
              onChange={set('areaId')}
            />
            <SelectField
              id="serviceArea"
              label="Service area"
              required
              value={form.serviceArea}
              placeholder="Choose…"
              options={serviceAreas.options}
              onChange={set('serviceArea')}
              error={errors.serviceArea}
            />
          </div>
          <TextAreaField
            id="subject"
            label="What the complaint is about"
            required
            rows={3}
            value={form.subject}
            onChange={set('subject')}
            error={errors.subject}
          />
          <TextAreaField
            id="outcomeSought"
            label="Outcome the complainant seeks"
            rows={2}
            value={form.outcomeSought}
            onChange={set('outcomeSought')}
          />
        </fieldset>
        <StageFields n={1} value={stage1} onChange={setStage1} errors={errors} />
        <StageFields n={2} value={stage2} onChange={setStage2} errors={errors} />
        <SelectField
          id="differentHandler"
          label="Was stage 2 handled by a different person from stage 1?"
          value={form.differentHandler}
          placeholder="Not known"
          options={[
            { value: 'yes', label: 'Yes' },
            { value: 'no', label: 'No, the same person' },
          ]}
          onChange={set('differentHandler')}
        />
        <div className="button-row">
          <button className="button" type="submit" disabled={refer.isPending}>
            Refer the case
          </button>
        </div>
      </form>
    </>
  );
}
