import { useState } from 'react';
import {
  referrerLabels,
  referrers,
  stageOutcomeLabels,
  stageOutcomes,
  type CaseDetail,
  type ReferralInput,
  type Referrer,
  type StageDetails,
} from '../../../../src-shared/domain/cases';
import { serviceAreas, type ServiceArea } from '../../../../src-shared/domain/customer';
import { call } from '../../api/client';
import { useApiQuery } from '../../api/hooks';
import { SelectField, TextAreaField, TextField } from '../../components/Field';
import { SearchAndChoose } from '../../components/SearchAndChoose';

/*
 * The fields of a referral, shared by the referral form and the form that
 * corrects a case's referral details later, so both ask for and check the
 * same facts in the same words.
 */

export interface StageForm {
  received: string;
  acknowledged: string;
  responded: string;
  extensionDays: string;
  outcome: string;
}

export interface ReferralFormState {
  referredOn: string;
  referredBy: Referrer;
  referrerName: string;
  complainantCustomerId: string;
  complainantName: string;
  complainantAddressLine1: string;
  complainantAddressLine2: string;
  complainantTown: string;
  complainantPostcode: string;
  complainantContact: string;
  landlordId: string;
  areaId: string;
  serviceArea: ServiceArea | '';
  subject: string;
  outcomeSought: string;
  differentHandler: string;
  stage1: StageForm;
  stage2: StageForm;
}

const emptyStage: StageForm = {
  received: '',
  acknowledged: '',
  responded: '',
  extensionDays: '0',
  outcome: '',
};

export function emptyReferral(today: string): ReferralFormState {
  return {
    referredOn: today,
    referredBy: 'complainant',
    referrerName: '',
    complainantCustomerId: '',
    complainantName: '',
    complainantAddressLine1: '',
    complainantAddressLine2: '',
    complainantTown: '',
    complainantPostcode: '',
    complainantContact: '',
    landlordId: '',
    areaId: '',
    serviceArea: '',
    subject: '',
    outcomeSought: '',
    differentHandler: '',
    stage1: emptyStage,
    stage2: emptyStage,
  };
}

function stageForm(s: StageDetails): StageForm {
  return {
    received: s.received ?? '',
    acknowledged: s.acknowledged ?? '',
    responded: s.responded ?? '',
    extensionDays: String(s.extensionDays),
    outcome: s.outcome ?? '',
  };
}

/** A case's referral details as the form holds them. */
export function referralFromDetail(d: CaseDetail): ReferralFormState {
  return {
    referredOn: d.referredOn,
    referredBy: d.referredBy,
    referrerName: d.referrerName ?? '',
    complainantCustomerId: d.complainantCustomerId ?? '',
    complainantName: d.complainantName,
    complainantAddressLine1: d.complainantAddressLine1 ?? '',
    complainantAddressLine2: d.complainantAddressLine2 ?? '',
    complainantTown: d.complainantTown ?? '',
    complainantPostcode: d.complainantPostcode ?? '',
    complainantContact: d.complainantContact ?? '',
    landlordId: d.landlordId ?? '',
    areaId: d.areaId ?? '',
    serviceArea: d.serviceArea,
    subject: d.subject,
    outcomeSought: d.outcomeSought ?? '',
    differentHandler:
      d.stage2DifferentHandler === null ? '' : d.stage2DifferentHandler ? 'yes' : 'no',
    stage1: stageForm(d.stage1),
    stage2: stageForm(d.stage2),
  };
}

const blank = (v: string) => (v.trim() === '' ? null : v);

function stageInput(s: StageForm) {
  return {
    received: blank(s.received),
    acknowledged: blank(s.acknowledged),
    responded: blank(s.responded),
    // An unreadable number is sent as it is, so the check names the field.
    extensionDays: s.extensionDays.trim() === '' ? 0 : Number(s.extensionDays),
    outcome: (blank(s.outcome) as (typeof stageOutcomes)[number] | null) ?? null,
  };
}

export function referralInputOf(form: ReferralFormState): ReferralInput {
  return {
    referredOn: form.referredOn,
    referredBy: form.referredBy,
    referrerName: form.referrerName,
    complainantCustomerId: blank(form.complainantCustomerId),
    complainantName: form.complainantName,
    complainantAddressLine1: form.complainantAddressLine1,
    complainantAddressLine2: form.complainantAddressLine2,
    complainantTown: form.complainantTown,
    complainantPostcode: form.complainantPostcode,
    complainantContact: form.complainantContact,
    landlordId: blank(form.landlordId),
    areaId: blank(form.areaId),
    serviceArea: form.serviceArea as ServiceArea,
    subject: form.subject,
    outcomeSought: form.outcomeSought,
    stage1: stageInput(form.stage1),
    stage2: stageInput(form.stage2),
    stage2DifferentHandler: form.differentHandler === '' ? null : form.differentHandler === 'yes',
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
          error={errors[`${p}.outcome`]}
        />
      </div>
    </fieldset>
  );
}

/** Every field of a referral; the form around it decides what saving means. */
export function ReferralFields({
  form,
  setForm,
  errors,
}: {
  form: ReferralFormState;
  setForm: (update: (f: ReferralFormState) => ReferralFormState) => void;
  errors: Record<string, string>;
}) {
  const org = useApiQuery('organisation.get', {});
  const [lookup, setLookup] = useState('');
  const matches = useApiQuery(
    'customers.list',
    { search: lookup, limit: 8 },
    { enabled: lookup.trim().length >= 2 },
  );
  const set = (k: keyof ReferralFormState) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [k]: e.target.value }));

  async function pickCustomer(id: string) {
    const c = await call('customers.get', { id });
    setForm((f) => ({
      ...f,
      complainantCustomerId: c.id,
      complainantName: `${c.preferredName ?? c.firstName} ${c.lastName}`,
      complainantAddressLine1: c.addressLine1 ?? '',
      complainantAddressLine2: c.addressLine2 ?? '',
      complainantTown: c.town ?? '',
      complainantPostcode: c.postcode ?? '',
      complainantContact: c.email ?? c.phone ?? c.mobile ?? '',
      landlordId: c.landlordId ?? f.landlordId,
      areaId: c.areaId ?? f.areaId,
    }));
    setLookup('');
  }

  return (
    <>
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
            error={errors.referredBy}
          />
          <TextField
            id="referrerName"
            label="Referrer’s name"
            hint="The councillor, MP or officer, if not the complainant."
            value={form.referrerName}
            onChange={set('referrerName')}
            error={errors.referrerName}
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
        {form.complainantCustomerId ? (
          <p className="muted">
            Linked to the register.{' '}
            <button
              type="button"
              className="button button--quiet"
              onClick={() => setForm((f) => ({ ...f, complainantCustomerId: '' }))}
            >
              Unlink
            </button>
          </p>
        ) : null}
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
            error={errors.complainantAddressLine1}
          />
          <TextField
            id="complainantAddressLine2"
            label="Address line 2"
            value={form.complainantAddressLine2}
            onChange={set('complainantAddressLine2')}
            error={errors.complainantAddressLine2}
          />
          <TextField
            id="complainantTown"
            label="Town"
            value={form.complainantTown}
            onChange={set('complainantTown')}
            error={errors.complainantTown}
          />
          <TextField
            id="complainantPostcode"
            label="Postcode"
            value={form.complainantPostcode}
            onChange={set('complainantPostcode')}
            error={errors.complainantPostcode}
          />
          <TextField
            id="complainantContact"
            label="Contact (email or phone)"
            value={form.complainantContact}
            onChange={set('complainantContact')}
            error={errors.complainantContact}
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
            error={errors.landlordId}
          />
          <SelectField
            id="areaId"
            label="Area"
            value={form.areaId}
            placeholder="Not recorded"
            options={(org.data?.areas ?? []).map((a) => ({ value: a.id, label: a.name }))}
            onChange={set('areaId')}
            error={errors.areaId}
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
          error={errors.outcomeSought}
        />
      </fieldset>
      <StageFields
        n={1}
        value={form.stage1}
        onChange={(stage1) => setForm((f) => ({ ...f, stage1 }))}
        errors={errors}
      />
      <StageFields
        n={2}
        value={form.stage2}
        onChange={(stage2) => setForm((f) => ({ ...f, stage2 }))}
        errors={errors}
      />
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
        error={errors.stage2DifferentHandler}
      />
    </>
  );
}
