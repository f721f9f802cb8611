import { referrerLabels, stageOutcomeLabels } from '../domain/cases';
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
  type ConsentRecord,
} from '../domain/customer';
import {
  groupFamilyLabels,
  groupKindLabels,
  memberRoleLabels,
  selectionMethodLabels,
} from '../domain/groups';
import {
  activityKindLabels,
  activityStatusLabels,
  attendanceStatusLabels,
  venueKindLabels,
} from '../domain/meetings';
import { audienceLabels } from '../domain/board-packs';
import { complianceLabels } from '../domain/self-assessment';
import { skillLevelLabels } from '../domain/training';
import { caseStatusLabels, decisionOutcomeLabels } from '../rules/case-lifecycle';
import { roleLabels } from '../rules/permissions';
import { managementResponseLabels, recommendationStatusLabels } from '../rules/recommendations';
import { expenseHistoryFields } from './expense-fields';
import { privacyRequestKindLabels, type PrivacyRequestKind } from '../domain/privacy';
import { grantHistoryFields } from './grant-fields';
import { reviewHistoryFields } from './review-fields';
import { communityHistoryFields } from './community-fields';
import { listOf, plain, words, type EntityWords, type FieldWords, type ValueWords } from './words';

const hidden: FieldWords = { hidden: true };
const f = (label: string, value?: ValueWords): FieldWords => (value ? { label, value } : { label });
const date = words.date();

/** Each consent by what it is for, when given and how, or when withdrawn: never a bare count. */
const consentWords: ValueWords = (v) => {
  const list = listOf(v) as ConsentRecord[] | null;
  if (!list) return plain(v);
  if (list.length === 0) return 'None recorded';
  return list
    .map((c) => {
      const what = consentPurposes.labels[c.purpose] ?? plain(c.purpose);
      if (c.withdrawnOn) return `${what} (withdrawn ${date(c.withdrawnOn, {})})`;
      const how = consentMethods.labels[c.method]?.toLowerCase() ?? plain(c.method);
      return `${what} (given ${date(c.givenOn, {})}, ${how})`;
    })
    .join('; ');
};

/** A skills audit's answers: "Chairing meetings: confident". */
const skillLevelsWords: ValueWords = (v) => {
  const list = listOf(v) as { skill: string; level: string }[] | null;
  if (!list) return plain(v);
  if (list.length === 0) return '(none)';
  return list
    .map(
      (s) =>
        `${skillOptions.labels[s.skill as keyof typeof skillOptions.labels] ?? plain(s.skill)}: ${(skillLevelLabels[s.level as keyof typeof skillLevelLabels] ?? plain(s.level)).toLowerCase()}`,
    )
    .join('; ');
};

const panelAvailability = {
  unknown: 'Not asked yet',
  available: 'Available',
  unavailable: 'Not available',
};

const noteKindLabels = { note: 'Note', correspondence: 'Correspondence' };
const directionLabels = { in: 'Received', out: 'Sent' };

/** The system's own columns, never shown as a change. */
const system = { search_rowid: hidden, last_activity_at: hidden };

const customers: EntityWords = {
  ...system,
  erased_at: f('Erased', words.dateTime()),
  external_ref: f('Customer reference'),
  first_name: f('First name'),
  last_name: f('Last name'),
  preferred_name: f('Preferred name'),
  email: f('Email'),
  phone: f('Other phone'),
  mobile: f('Mobile'),
  address_line1: f('Address line 1'),
  address_line2: f('Address line 2'),
  town: f('Town'),
  postcode: f('Postcode'),
  landlord_id: f('Landlord', words.ref('landlord', 'another landlord')),
  area_id: f('Area', words.ref('area', 'another area')),
  neighbourhood_id: f('Neighbourhood', words.ref('neighbourhood', 'another neighbourhood')),
  tenure: f('Tenure', words.code(tenures.labels)),
  date_of_birth: f('Date of birth', date),
  contact_methods: f('How they like to be contacted', words.codes(contactMethods.labels)),
  digital_access: f('Digital access', words.code(digitalAccessLevels.labels)),
  support_needs: f('Support needs', words.codes(supportNeeds.labels)),
  support_notes: f('Support notes'),
  availability: f('Availability', words.codes(availabilityOptions.labels)),
  interests: f('Interests', words.codes(serviceAreas.labels)),
  skills: f('Skills', words.codes(skillOptions.labels)),
  recruitment_source: f('How they were recruited', words.code(recruitmentSources.labels)),
  status: f('Status', words.code(customerStatuses.labels)),
  is_board_member: f('Board member', words.flag('No')),
  code_of_conduct_signed_on: f('Code of Conduct signed on', date),
  consents: f('Consent', consentWords),
  notes: f('Notes'),
  equality_age_band: f('Age band', words.code(ageBands.labels)),
  equality_gender: f('Gender', words.code(genders.labels)),
  equality_ethnicity: f('Ethnic group', words.code(ethnicities.labels)),
  equality_disability: f('Disabled', words.code(disabilityAnswers.labels)),
  equality_sexual_orientation: f('Sexual orientation', words.code(sexualOrientations.labels)),
  equality_religion: f('Religion or belief', words.code(religions.labels)),
};

const groups: EntityWords = {
  name: f('Name'),
  family: f('Family', words.code(groupFamilyLabels)),
  kind: f('Kind of group', words.code(groupKindLabels)),
  landlord_id: f('Landlord', words.ref('landlord', 'another landlord')),
  area_id: f('Area', words.ref('area', 'another area')),
  target_meetings_per_year: f(
    'Meetings a year (target)',
    words.count('meeting a year', 'meetings a year'),
  ),
  cadence_note: f('How often it meets'),
  commitment: f('Commitment'),
  description: f('Description'),
  starts_on: f('Starts on', date),
  ends_on: f('Ends on', date),
  min_tenants_per_partner: f('Tenants needed from each partner landlord', words.count('tenant')),
  exclude_board_members: f('Board members may not join', words.flag('No')),
  min_age: f('Youngest age', words.count('year old', 'years old')),
  max_age: f('Oldest age', words.count('year old', 'years old')),
};

const groupMemberships: EntityWords = {
  group_id: f('Group', words.ref('group', 'a group')),
  customer_id: f('Member', words.ref('customer', 'a customer')),
  role: f('Role', words.code(memberRoleLabels)),
  joined_on: f('Joined on', date),
  left_on: f('Left on', date),
  selection_method: f('How they were chosen', words.code(selectionMethodLabels)),
  selection_notes: f('Selection notes'),
  role_description_agreed_on: f('Role description agreed on', date),
  code_of_conduct_signed_on: f('Code of Conduct signed on', date),
  override_reason: f('Why the rule was set aside'),
};

const activities: EntityWords = {
  kind: f('Kind of activity', words.code(activityKindLabels)),
  title: f('Title'),
  status: f('Status', words.code(activityStatusLabels)),
  group_id: f('Group', words.ref('group', 'a group')),
  course_id: f('Course', words.ref('course', 'a course')),
  starts_at: f('Starts', words.dateTime()),
  ends_at: f('Ends', words.dateTime()),
  venue_kind: f('Where', words.code(venueKindLabels)),
  venue_name: f('Venue'),
  venue_address: f('Venue address'),
  agenda: f('Agenda'),
  notes: f('Notes'),
};

const activityActions: EntityWords = {
  activity_id: hidden,
  description: f('Action'),
  owner: f('Owner'),
  due_on: f('Due on', date),
  done_on: f('Done on', date),
};

const attendance: EntityWords = {
  activity_id: hidden,
  customer_id: f('Customer', words.ref('customer', 'a customer')),
  staff_id: f('Staff', words.ref('staff', 'a member of staff')),
  is_member: f('Member of the group', words.flag('No')),
  status: f('Attendance', words.code(attendanceStatusLabels)),
  minutes_given: f('Time given', words.count('minute')),
  satisfaction_opportunity: f('Satisfaction with the opportunity', words.score(5)),
  satisfaction_involvement: f('Satisfaction with how they were involved', words.score(5)),
  satisfaction_comment: f('Comment'),
};

const complaintCases: EntityWords = {
  // Worked out from the dates and the panel's standards each time they change.
  next_due: hidden,
  next_due_label: hidden,
  reference: f('Reference'),
  status: f('Status', words.code(caseStatusLabels)),
  referred_on: f('Referred on', date),
  referred_by: f('Referred by', words.code(referrerLabels)),
  referrer_name: f('Referrer'),
  complainant_customer_id: f('Complainant on the register', words.ref('customer', 'a customer')),
  complainant_name: f('Complainant'),
  complainant_address_line1: f('Address'),
  complainant_address_line2: f('Address line 2'),
  complainant_town: f('Town'),
  complainant_postcode: f('Postcode'),
  complainant_contact: f('Contact'),
  landlord_id: f('Landlord', words.ref('landlord', 'another landlord')),
  area_id: f('Area', words.ref('area', 'another area')),
  service_area: f('Service area', words.code(serviceAreas.labels)),
  subject: f('What it is about'),
  outcome_sought: f('Outcome sought'),
  stage1_received: f('Stage 1 received', date),
  stage1_acknowledged: f('Stage 1 acknowledged', date),
  stage1_responded: f('Stage 1 answered', date),
  stage1_extension_days: f('Stage 1 extension', words.count('working day', 'working days', 'None')),
  stage1_outcome: f('Stage 1 outcome', words.code(stageOutcomeLabels)),
  stage2_received: f('Stage 2 requested', date),
  stage2_acknowledged: f('Stage 2 acknowledged', date),
  stage2_responded: f('Final response', date),
  stage2_extension_days: f('Stage 2 extension', words.count('working day', 'working days', 'None')),
  stage2_outcome: f('Stage 2 outcome', words.code(stageOutcomeLabels)),
  stage2_different_handler: f('Stage 2 by a different person', words.flag('Not known')),
  eligible: f('Eligible', words.flag('Not decided')),
  accepted_on: f('Accepted on', date),
  declined_on: f('Declined on', date),
  hearing_date: f('Hearing date', date),
  heard_on: f('Heard on', date),
  decision_on: f('Decision on', date),
  decision_outcome: f('Decision', words.code(decisionOutcomeLabels)),
  findings: f('Findings'),
  ombudsman_referred_on: f('Referred to the Ombudsman on', date),
  ombudsman_result: f('Ombudsman’s result'),
  withdrawn_on: f('Withdrawn on', date),
  closed_on: f('Closed on', date),
};

const recommendations: EntityWords = {
  reference: f('Reference'),
  source_type: hidden,
  source_id: hidden,
  text: f('Recommendation'),
  service_area: f('Service area', words.code(serviceAreas.labels)),
  management_response: f('Management response', words.code(managementResponseLabels)),
  response_reason: f('Reason for the response'),
  owner: f('Owner'),
  due_date: f('Due date', date),
  status: f('Status', words.code(recommendationStatusLabels)),
  systemic: f('Could recur elsewhere', words.flag('No')),
  evidence: f('Evidence of completion'),
  completed_on: f('Completed on', date),
};

const fileFields: EntityWords = {
  file_name: f('File'),
  mime_type: hidden,
  content_hash: hidden,
  size_bytes: f('Size', words.bytes()),
  description: f('Description'),
};

const provisionFields: EntityWords = {
  year: f('Year'),
  provision: f('Provision of the Code'),
};

/**
 * Every logged entity's fields in the screens' words: the history view,
 * whatever the record, speaks as its screen does.
 */
export const historyFields: Record<string, EntityWords> = {
  ...reviewHistoryFields,
  ...expenseHistoryFields,
  ...grantHistoryFields,
  ...communityHistoryFields,
  customers,
  groups,
  group_memberships: groupMemberships,
  activities,
  activity_actions: activityActions,
  attendance,
  complaint_cases: complaintCases,
  case_transitions: {
    case_id: hidden,
    from_status: f('From', words.code(caseStatusLabels)),
    to_status: f('To', words.code(caseStatusLabels)),
    on_date: f('On', date),
    reason: f('Reason'),
  },
  case_panel_members: {
    case_id: hidden,
    customer_id: f('Panel member', words.ref('customer', 'a panel member')),
    assigned_on: f('Assigned on', date),
    availability: f('Availability', words.code(panelAvailability)),
    availability_note: f('Availability note'),
    accepted_warning: f('Why they may sit anyway'),
  },
  case_declarations: {
    case_id: hidden,
    customer_id: f('Panel member', words.ref('customer', 'a panel member')),
    relation: f('Relation to the complainant'),
    prior_involvement: f('Earlier involvement'),
  },
  case_notes: {
    case_id: hidden,
    kind: f('Kind', words.code(noteKindLabels)),
    on_date: f('On', date),
    direction: f('Sent or received', words.code(directionLabels)),
    correspondent: f('With'),
    body: f('Note'),
  },
  case_attachments: { case_id: hidden, ...fileFields },
  recommendations,
  recommendation_steps: {
    recommendation_id: hidden,
    text: f('Step'),
    due_date: f('Due date', date),
    done_on: f('Done on', date),
  },
  recommendation_updates: {
    recommendation_id: hidden,
    on_date: f('On', date),
    note: f('Progress'),
  },
  code_self_assessments: {
    ...provisionFields,
    complies: f('Compliance', words.code(complianceLabels)),
    evidence: f('Evidence'),
    linked_case_ids: f('Cases given as evidence', words.idCount('case')),
    panel_comments: f('Panel’s comments'),
  },
  self_assessment_documents: { ...provisionFields, ...fileFields },
  self_assessment_figures: {
    ...provisionFields,
    label: f('Figure'),
    value: f('Value'),
    period: f('Period'),
  },
  complaint_period_figures: {
    period_start: f('Period from', date),
    period_end: f('Period to', date),
    exhausted_internal: f(
      'Complaints that finished the internal process',
      words.count('complaint'),
    ),
  },
  training_courses: { name: f('Name'), description: f('Description'), provider: f('Provider') },
  skills_audits: {
    customer_id: f('Customer', words.ref('customer', 'a customer')),
    audited_on: f('Audited on', date),
    skills: f('Skills', skillLevelsWords),
    notes: f('Notes'),
  },
  staff: {
    name: f('Name'),
    role: f('Role', words.code(roleLabels)),
    email: f('Email'),
    active: f('Active', words.flag('No')),
    // Only ever the word for what happened: the passphrase and its hash are never logged.
    passphrase: f('Passphrase', words.code({ none: 'Not set', set: 'Set', reset: 'Reset' })),
  },
  settings: { value: f('Value') },
  board_packs: {
    title: f('Title'),
    audience: f('Audience', words.code(audienceLabels)),
    period_spec: f('Period'),
    period_from: f('Period from', date),
    period_to: f('Period to', date),
    sections: f('Sections', words.idCount('section')),
    commentary: f('Commentary'),
    finalised_at: f('Finalised', words.dateTime()),
    finalised_by: f('Finalised by', words.ref('staff', 'another member of staff')),
    frozen_figures: hidden,
  },
  kpi_targets: {
    year: f('Year'),
    kpi: f('Measure'),
    target: f('Target'),
  },
  landlords: {
    name: f('Name'),
    short_name: f('Short name'),
    is_partner: f('Partner landlord', words.flag('No')),
    homes: f('Homes', words.count('home')),
    sort_order: hidden,
  },
  areas: {
    landlord_id: f('Landlord', words.ref('landlord', 'another landlord')),
    name: f('Name'),
    population: f('Tenants in the area', words.count('tenant')),
  },
  neighbourhoods: {
    area_id: f('Area', words.ref('area', 'another area')),
    name: f('Name'),
  },
  privacy_requests: {
    kind: f('Request', (v) => privacyRequestKindLabels[v as PrivacyRequestKind] ?? plain(v)),
    customer_id: f('Customer', words.ref('customer', 'another customer')),
    received_on: f('Received', date),
    due_on: f('Due', date),
    completed_on: f('Completed', date),
    note: f('Note'),
  },
  person_redirects: {
    new_id: f('Merged into', words.ref('customer', 'another customer')),
  },
};

export function historyFieldsFor(entity: string): EntityWords {
  return historyFields[entity] ?? {};
}
