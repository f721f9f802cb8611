import {
  ageBands,
  availabilityOptions,
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
} from '../../../../src-shared/domain/customer';

/** Column names in the change log, as the form names them. */
export const customerHistoryLabels: Record<string, string> = {
  external_ref: 'Customer reference',
  first_name: 'First name',
  last_name: 'Last name',
  preferred_name: 'Preferred name',
  email: 'Email',
  phone: 'Other phone',
  mobile: 'Mobile',
  address_line1: 'Address line 1',
  address_line2: 'Address line 2',
  town: 'Town',
  postcode: 'Postcode',
  landlord_id: 'Landlord',
  area_id: 'Area',
  neighbourhood_id: 'Neighbourhood',
  tenure: 'Tenure',
  date_of_birth: 'Date of birth',
  contact_methods: 'How they like to be contacted',
  digital_access: 'Digital access',
  support_needs: 'Support needs',
  support_notes: 'Support notes',
  availability: 'Availability',
  interests: 'Interests',
  skills: 'Skills',
  recruitment_source: 'How they were recruited',
  status: 'Status',
  is_board_member: 'Board member',
  code_of_conduct_signed_on: 'Code of Conduct signed on',
  consents: 'Consent',
  notes: 'Notes',
  last_activity_at: 'Last activity',
  equality_age_band: 'Age band',
  equality_gender: 'Gender',
  equality_ethnicity: 'Ethnic group',
  equality_disability: 'Disabled',
  equality_sexual_orientation: 'Sexual orientation',
  equality_religion: 'Religion or belief',
};

const codeLabels: Record<string, Record<string, string>> = {
  tenure: tenures.labels,
  status: customerStatuses.labels,
  digital_access: digitalAccessLevels.labels,
  recruitment_source: recruitmentSources.labels,
  contact_methods: contactMethods.labels,
  support_needs: supportNeeds.labels,
  availability: availabilityOptions.labels,
  interests: serviceAreas.labels,
  skills: skillOptions.labels,
  equality_age_band: ageBands.labels,
  equality_gender: genders.labels,
  equality_ethnicity: ethnicities.labels,
  equality_disability: disabilityAnswers.labels,
  equality_sexual_orientation: sexualOrientations.labels,
  equality_religion: religions.labels,
};

function parseList(value: unknown): unknown[] | null {
  if (typeof value !== 'string' || !value.startsWith('[')) return null;
  try {
    const parsed: unknown = JSON.parse(value);
    return Array.isArray(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

/**
 * A stored value as the form words it: codes as their labels, the JSON
 * lists as a list, consent as a count. Undefined leaves the value as it is.
 */
export function customerHistoryValue(field: string, value: unknown): string | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  if (field === 'is_board_member') return value === 1 || value === true ? 'Yes' : 'No';
  const list = parseList(value);
  if (field === 'consents' && list)
    return list.length === 1 ? '1 consent' : `${list.length} consents`;
  const labels = codeLabels[field];
  if (!labels) return undefined;
  if (list)
    return list.length
      ? list.map((code) => labels[String(code)] ?? String(code)).join(', ')
      : '(none)';
  return labels[String(value)];
}
