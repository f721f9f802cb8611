import type { ReactNode } from 'react';
import {
  ageBands,
  availabilityOptions,
  consentMethods,
  consentPurposes,
  contactMethods,
  customerStatuses,
  digitalAccessLevels,
  disabilityAnswers,
  ethnicities,
  genders,
  recruitmentSources,
  religions,
  serviceAreas,
  sexualOrientations,
  skillOptions,
  supportNeeds,
  tenures,
  type EqualityData,
} from '../../../../src-shared/domain/customer';
import type { Organisation } from '../../../../src-shared/domain/organisation';
import {
  CheckboxField,
  SelectField,
  TextAreaField,
  TextField,
  type Option,
} from '../../components/Field';
import { formExamples } from '../../../../src-shared/rules/uk-formats';
import { fieldId, type ConsentRow, type CustomerForm } from './form-model';

export interface FormFieldsProps {
  form: CustomerForm;
  errors: Record<string, string>;
  organisation: Organisation | undefined;
  withEquality: boolean;
  /** A new customer is asked for their consent to be on the register. */
  isNew?: boolean;
  onChange(next: CustomerForm): void;
  /** A field lost focus: check it. */
  onBlur(path: string): void;
}

function ChoiceGroup({
  legend,
  hint,
  name,
  options,
  value,
  error,
  onChange,
  onBlur,
}: {
  legend: string;
  hint?: string;
  name: string;
  options: readonly Option[];
  value: string[];
  error?: string | undefined;
  onChange(next: string[]): void;
  onBlur(): void;
}) {
  return (
    <fieldset
      className="choice-group"
      id={fieldId(name)}
      aria-describedby={error ? `${fieldId(name)}-error` : undefined}
    >
      <legend>{legend}</legend>
      {hint ? <p className="field__hint">{hint}</p> : null}
      {error ? (
        <p className="field__error" id={`${fieldId(name)}-error`}>
          {error}
        </p>
      ) : null}
      <div className="choice-group__options">
        {options.map((o) => (
          <CheckboxField
            key={o.value}
            id={`${fieldId(name)}-${o.value}`}
            label={o.label}
            checked={value.includes(o.value)}
            onBlur={onBlur}
            onChange={(e) =>
              onChange(e.target.checked ? [...value, o.value] : value.filter((v) => v !== o.value))
            }
          />
        ))}
      </div>
    </fieldset>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className="form-section">
      <legend>{title}</legend>
      {children}
    </fieldset>
  );
}

const consentPurposeOptions = consentPurposes.options;
const emptyConsent = (): ConsentRow => ({
  purpose: '',
  givenOn: '',
  method: '',
  withdrawnOn: '',
  note: '',
});

/** The customer form's sections; state lives in the page so nothing typed is lost. */
export function CustomerFormFields({
  form,
  errors,
  organisation,
  withEquality,
  isNew = false,
  onChange,
  onBlur,
}: FormFieldsProps) {
  const set = <K extends keyof CustomerForm>(key: K, value: CustomerForm[K]) =>
    onChange({ ...form, [key]: value });

  const text = (
    key: keyof CustomerForm & string,
    label: string,
    props: Partial<Parameters<typeof TextField>[0]> = {},
  ) => (
    <TextField
      id={fieldId(key)}
      label={label}
      value={form[key] as string}
      error={errors[key]}
      onChange={(e) => set(key, e.target.value as never)}
      onBlur={() => onBlur(key)}
      {...props}
    />
  );
  const select = (
    key: keyof CustomerForm & string,
    label: string,
    options: readonly Option[],
    placeholder: string | null = 'Not known',
  ) => (
    <SelectField
      id={fieldId(key)}
      label={label}
      options={options}
      placeholder={placeholder ?? undefined}
      value={form[key] as string}
      error={errors[key]}
      onChange={(e) => set(key, e.target.value as never)}
      onBlur={() => onBlur(key)}
    />
  );
  const choices = (
    key: 'contactMethods' | 'supportNeeds' | 'availability' | 'interests' | 'skills',
    legend: string,
    options: readonly Option[],
    hint?: string,
  ) => (
    <ChoiceGroup
      legend={legend}
      hint={hint}
      name={key}
      options={options}
      value={form[key]}
      error={errors[key]}
      onChange={(next) => set(key, next)}
      onBlur={() => onBlur(key)}
    />
  );

  const landlords = (organisation?.landlords ?? []).map((l) => ({ value: l.id, label: l.name }));
  const areas = (organisation?.areas ?? [])
    .filter((a) => !form.landlordId || !a.landlordId || a.landlordId === form.landlordId)
    .map((a) => ({ value: a.id, label: a.name }));
  const hoods = (organisation?.neighbourhoods ?? [])
    .filter((n) => !form.areaId || n.areaId === form.areaId)
    .map((n) => ({ value: n.id, label: n.name }));

  const setConsent = (i: number, patch: Partial<ConsentRow>) =>
    set(
      'consents',
      form.consents.map((c, j) => (j === i ? { ...c, ...patch } : c)),
    );

  const setEquality = (key: keyof EqualityData, value: string) =>
    set('equality', { ...form.equality, [key]: value });

  return (
    <>
      <Section title="Name">
        <div className="form-grid">
          {text('firstName', 'First name', { required: true, autoComplete: 'off' })}
          {text('lastName', 'Last name', { required: true, autoComplete: 'off' })}
          {text('preferredName', 'Preferred name', {
            hint: 'What they like to be called, if different.',
          })}
          {text('externalRef', 'Customer reference', {
            hint: 'From the housing system, if known.',
          })}
        </div>
      </Section>

      <Section title="Contact">
        <div className="form-grid">
          {text('email', 'Email', {
            type: 'email',
            inputMode: 'email',
            hint: `For example ${formExamples.email}`,
          })}
          {text('mobile', 'Mobile', {
            type: 'tel',
            inputMode: 'tel',
            hint: `For example ${formExamples.mobile}`,
          })}
          {text('phone', 'Other phone', {
            type: 'tel',
            inputMode: 'tel',
            hint: `For example ${formExamples.phone}`,
          })}
          {select('digitalAccess', 'Digital access', digitalAccessLevels.options)}
        </div>
        {choices('contactMethods', 'How they like to be contacted', contactMethods.options)}
      </Section>

      <Section title="Address and tenancy">
        <div className="form-grid">
          {text('addressLine1', 'Address line 1')}
          {text('addressLine2', 'Address line 2')}
          {text('town', 'Town')}
          {text('postcode', 'Postcode', {
            hint: `For example ${formExamples.postcode}`,
            autoCapitalize: 'characters',
          })}
          <SelectField
            id={fieldId('landlordId')}
            label="Landlord"
            options={landlords}
            placeholder="Not known"
            value={form.landlordId}
            error={errors.landlordId}
            onChange={(e) =>
              onChange({ ...form, landlordId: e.target.value, areaId: '', neighbourhoodId: '' })
            }
            onBlur={() => onBlur('landlordId')}
          />
          <SelectField
            id={fieldId('areaId')}
            label="Area"
            options={areas}
            placeholder="Not known"
            value={form.areaId}
            error={errors.areaId}
            onChange={(e) => onChange({ ...form, areaId: e.target.value, neighbourhoodId: '' })}
            onBlur={() => onBlur('areaId')}
          />
          {select('neighbourhoodId', 'Neighbourhood', hoods)}
          {select('tenure', 'Tenure', tenures.options)}
        </div>
      </Section>

      <Section title="Involvement">
        <div className="form-grid">
          {select('status', 'Status', customerStatuses.options, null)}
          {text('dateOfBirth', 'Date of birth', {
            type: 'date',
            hint: 'Involved customers are 10 or older.',
          })}
          {select('recruitmentSource', 'How they were recruited', recruitmentSources.options)}
          {text('codeOfConductSignedOn', 'Code of Conduct signed on', { type: 'date' })}
        </div>
        <CheckboxField
          id={fieldId('isBoardMember')}
          label="Board member"
          hint="Board members may not sit on the four scrutiny groups."
          checked={form.isBoardMember}
          onChange={(e) => set('isBoardMember', e.target.checked)}
        />
        {choices('availability', 'When and how they can take part', availabilityOptions.options)}
        {choices('interests', 'Service areas they are interested in', serviceAreas.options)}
        {choices('skills', 'Skills (from the skills audit)', skillOptions.options)}
      </Section>

      <Section title="Accessibility and support">
        {choices('supportNeeds', 'Support they need to take part', supportNeeds.options)}
        <TextAreaField
          id={fieldId('supportNotes')}
          label="Support notes"
          value={form.supportNotes}
          error={errors.supportNotes}
          onChange={(e) => set('supportNotes', e.target.value)}
          onBlur={() => onBlur('supportNotes')}
        />
      </Section>

      <Section title="Consent">
        {isNew ? (
          <div className="form-grid">
            <CheckboxField
              id={fieldId('registerConsent')}
              label="They agree to us keeping their details on the Customer Voice register"
              hint="Recorded as given today. Add any other consent below."
              checked={form.registerConsent}
              error={errors.registerConsent}
              onChange={(e) => set('registerConsent', e.target.checked)}
              onBlur={() => onBlur('registerConsent')}
            />
            {form.registerConsent ? (
              <SelectField
                id={fieldId('registerConsentMethod')}
                label="How they agreed"
                options={consentMethods.options}
                placeholder="Choose"
                value={form.registerConsentMethod}
                error={errors.registerConsentMethod}
                onChange={(e) =>
                  set(
                    'registerConsentMethod',
                    e.target.value as CustomerForm['registerConsentMethod'],
                  )
                }
                onBlur={() => onBlur('registerConsentMethod')}
              />
            ) : null}
          </div>
        ) : null}
        {form.consents.length === 0 && !isNew ? (
          <p className="muted">No consent recorded yet.</p>
        ) : null}
        {form.consents.map((c, i) => (
          <div className="consent-row" key={i} role="group" aria-label={`Consent ${i + 1}`}>
            <SelectField
              id={fieldId(`consents.${i}.purpose`)}
              label="What they agreed to"
              options={consentPurposeOptions}
              placeholder="Choose"
              value={c.purpose}
              error={errors[`consents.${i}.purpose`]}
              onChange={(e) => setConsent(i, { purpose: e.target.value as ConsentRow['purpose'] })}
              onBlur={() => onBlur(`consents.${i}.purpose`)}
            />
            <TextField
              id={fieldId(`consents.${i}.givenOn`)}
              label="Given on"
              type="date"
              value={c.givenOn}
              error={errors[`consents.${i}.givenOn`]}
              onChange={(e) => setConsent(i, { givenOn: e.target.value })}
              onBlur={() => onBlur(`consents.${i}.givenOn`)}
            />
            <SelectField
              id={fieldId(`consents.${i}.method`)}
              label="How it was recorded"
              options={consentMethods.options}
              placeholder="Choose"
              value={c.method}
              error={errors[`consents.${i}.method`]}
              onChange={(e) => setConsent(i, { method: e.target.value as ConsentRow['method'] })}
              onBlur={() => onBlur(`consents.${i}.method`)}
            />
            <TextField
              id={fieldId(`consents.${i}.withdrawnOn`)}
              label="Withdrawn on"
              type="date"
              value={c.withdrawnOn}
              error={errors[`consents.${i}.withdrawnOn`]}
              onChange={(e) => setConsent(i, { withdrawnOn: e.target.value })}
              onBlur={() => onBlur(`consents.${i}.withdrawnOn`)}
            />
            <button
              type="button"
              className="button button--quiet consent-row__remove"
              onClick={() =>
                set(
                  'consents',
                  form.consents.filter((_, j) => j !== i),
                )
              }
            >
              Remove consent {i + 1}
            </button>
          </div>
        ))}
        <button
          type="button"
          className="button button--secondary"
          onClick={() => set('consents', [...form.consents, emptyConsent()])}
        >
          Add a consent
        </button>
      </Section>

      {withEquality ? (
        <Section title="Equality monitoring (optional)">
          <p className="field__hint">
            Special category data: only coordinators, team leaders and administrators see it.
          </p>
          <div className="form-grid">
            {(
              [
                ['ageBand', 'Age band', ageBands.options],
                ['gender', 'Gender', genders.options],
                ['ethnicity', 'Ethnic group', ethnicities.options],
                ['disability', 'Disabled', disabilityAnswers.options],
                ['sexualOrientation', 'Sexual orientation', sexualOrientations.options],
                ['religion', 'Religion or belief', religions.options],
              ] as const
            ).map(([key, label, options]) => (
              <SelectField
                key={key}
                id={fieldId(`equality.${key}`)}
                label={label}
                options={options}
                placeholder="Not asked"
                value={form.equality[key]}
                error={errors[`equality.${key}`]}
                onChange={(e) => setEquality(key, e.target.value)}
              />
            ))}
          </div>
        </Section>
      ) : null}

      <Section title="Anything else">
        <TextAreaField
          id={fieldId('notes')}
          label="Notes"
          value={form.notes}
          error={errors.notes}
          onChange={(e) => set('notes', e.target.value)}
          onBlur={() => onBlur('notes')}
        />
      </Section>
    </>
  );
}
