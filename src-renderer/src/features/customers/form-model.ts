import {
  customerInput,
  equalityFields,
  type ConsentMethod,
  type ConsentPurpose,
  type Customer,
  type CustomerInput,
  type EqualityData,
} from '../../../../src-shared/domain/customer';
import { dateOfBirthProblem } from '../../../../src-shared/rules/customer-age';

/** One consent row as the form holds it: strings, '' for empty. */
export interface ConsentRow {
  purpose: ConsentPurpose | '';
  givenOn: string;
  method: ConsentMethod | '';
  withdrawnOn: string;
  note: string;
}

/**
 * What the form holds: exactly what was typed, so a failed save or a
 * validation message never changes it. Converted to the contract's input
 * only when checked or saved.
 */
export interface CustomerForm {
  externalRef: string;
  firstName: string;
  lastName: string;
  preferredName: string;
  email: string;
  phone: string;
  mobile: string;
  addressLine1: string;
  addressLine2: string;
  town: string;
  postcode: string;
  landlordId: string;
  areaId: string;
  neighbourhoodId: string;
  tenure: string;
  dateOfBirth: string;
  contactMethods: string[];
  digitalAccess: string;
  supportNeeds: string[];
  supportNotes: string;
  availability: string[];
  interests: string[];
  skills: string[];
  recruitmentSource: string;
  status: string;
  isBoardMember: boolean;
  codeOfConductSignedOn: string;
  consents: ConsentRow[];
  /**
   * A new customer's consent to be on the register, asked as the walk-in
   * form asks it and recorded as given today; not part of an edit.
   */
  registerConsent: boolean;
  registerConsentMethod: ConsentMethod | '';
  notes: string;
  equality: Record<keyof EqualityData, string>;
}

const noEquality = Object.fromEntries(equalityFields.map((f) => [f, ''])) as Record<
  keyof EqualityData,
  string
>;

export function emptyForm(): CustomerForm {
  return {
    externalRef: '',
    firstName: '',
    lastName: '',
    preferredName: '',
    email: '',
    phone: '',
    mobile: '',
    addressLine1: '',
    addressLine2: '',
    town: '',
    postcode: '',
    landlordId: '',
    areaId: '',
    neighbourhoodId: '',
    tenure: '',
    dateOfBirth: '',
    contactMethods: [],
    digitalAccess: '',
    supportNeeds: [],
    supportNotes: '',
    availability: [],
    interests: [],
    skills: [],
    recruitmentSource: '',
    status: 'interested',
    isBoardMember: false,
    codeOfConductSignedOn: '',
    consents: [],
    registerConsent: false,
    registerConsentMethod: '',
    notes: '',
    equality: { ...noEquality },
  };
}

export function formFromCustomer(c: Customer): CustomerForm {
  const text = (v: string | null) => v ?? '';
  return {
    externalRef: text(c.externalRef),
    firstName: c.firstName,
    lastName: c.lastName,
    preferredName: text(c.preferredName),
    email: text(c.email),
    phone: text(c.phone),
    mobile: text(c.mobile),
    addressLine1: text(c.addressLine1),
    addressLine2: text(c.addressLine2),
    town: text(c.town),
    postcode: text(c.postcode),
    landlordId: text(c.landlordId),
    areaId: text(c.areaId),
    neighbourhoodId: text(c.neighbourhoodId),
    tenure: text(c.tenure),
    dateOfBirth: text(c.dateOfBirth),
    contactMethods: [...c.contactMethods],
    digitalAccess: text(c.digitalAccess),
    supportNeeds: [...c.supportNeeds],
    supportNotes: text(c.supportNotes),
    availability: [...c.availability],
    interests: [...c.interests],
    skills: [...c.skills],
    recruitmentSource: text(c.recruitmentSource),
    status: c.status,
    isBoardMember: c.isBoardMember,
    codeOfConductSignedOn: text(c.codeOfConductSignedOn),
    consents: c.consents.map((r) => ({
      purpose: r.purpose,
      givenOn: r.givenOn,
      method: r.method,
      withdrawnOn: text(r.withdrawnOn),
      note: text(r.note),
    })),
    registerConsent: false,
    registerConsentMethod: '',
    notes: text(c.notes),
    equality: c.equality
      ? (Object.fromEntries(equalityFields.map((f) => [f, c.equality![f] ?? ''])) as Record<
          keyof EqualityData,
          string
        >)
      : { ...noEquality },
  };
}

/** Whether the consent rows already say they agreed to be on the register. */
function hasRegisterConsent(consents: readonly ConsentRow[]): boolean {
  return consents.some((c) => c.purpose === 'register' && !c.withdrawnOn);
}

/**
 * The contract's input from the form; equality only when the user may write
 * it. Given `today`, a ticked register consent becomes a consent row given
 * today (unless one is entered below it already).
 */
export function toInput(form: CustomerForm, withEquality: boolean, today?: string): CustomerInput {
  const { equality, consents, registerConsent, registerConsentMethod, ...rest } = form;
  const rows = consents.map((c) => ({ ...c }));
  if (today && registerConsent && registerConsentMethod && !hasRegisterConsent(consents))
    rows.unshift({
      purpose: 'register',
      givenOn: today,
      method: registerConsentMethod,
      withdrawnOn: '',
      note: '',
    });
  return {
    ...rest,
    consents: rows,
    ...(withEquality ? { equality: { ...equality } } : {}),
  } as CustomerInput;
}

/** Only the fields that differ from the record as loaded: the edit sends nothing else. */
export function changedFields(
  before: CustomerForm,
  after: CustomerForm,
  withEquality: boolean,
): Partial<CustomerInput> {
  const a = toInput(before, withEquality) as Record<string, unknown>;
  const b = toInput(after, withEquality) as Record<string, unknown>;
  const patch: Record<string, unknown> = {};
  for (const key of Object.keys(b)) {
    if (JSON.stringify(a[key]) !== JSON.stringify(b[key])) patch[key] = b[key];
  }
  return patch as Partial<CustomerInput>;
}

/**
 * Field path → message, from the same schema the main process checks, plus
 * the age rule and, for a new customer, their consent to be on the register.
 */
export function validate(
  form: CustomerForm,
  withEquality: boolean,
  today: string,
  isNew = false,
): Record<string, string> {
  const errors: Record<string, string> = {};
  const result = customerInput.safeParse(toInput(form, withEquality, today));
  if (!result.success) {
    for (const issue of result.error.issues) {
      const path = issue.path.join('.');
      if (!(path in errors)) errors[path] = issue.message;
    }
  }
  if (!errors.dateOfBirth && form.dateOfBirth) {
    const problem = dateOfBirthProblem(form.dateOfBirth, today);
    if (problem) errors.dateOfBirth = problem;
  }
  // In the order of the form: consent comes after the details above it.
  if (isNew && !hasRegisterConsent(form.consents)) {
    if (!form.registerConsent)
      errors.registerConsent =
        'Ask whether they agree to us keeping their details: without it they cannot be added.';
    else if (!form.registerConsentMethod) errors.registerConsentMethod = 'Choose how they agreed.';
  }
  return errors;
}

/** The id of the control for a field path, so the error summary can jump to it. */
export function fieldId(path: string): string {
  return `customer-${path.replace(/\./g, '-')}`;
}
