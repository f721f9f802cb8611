import {
  communicationKindLabels,
  communityVisitKindLabels,
  engagementKindLabels,
  mailingPurposeLabels,
} from '../domain/community';
import { skillOptions } from '../domain/customer';
import { mailingChannelLabels } from '../rules/mailing-eligibility';
import { words, type EntityWords, type FieldWords, type ValueWords } from './words';

const hidden: FieldWords = { hidden: true };
const f = (label: string, value?: ValueWords): FieldWords => (value ? { label, value } : { label });
const date = words.date();
const customer = words.ref('customer', 'another customer');
const flag = words.flag();

/** The words for every logged field of keeping in touch and the neighbourhood work. */
export const communityHistoryFields: Record<string, EntityWords> = {
  mailing_lists: {
    name: f('Name'),
    purpose: f('For', words.code(mailingPurposeLabels)),
    filters: f('Who it goes to, and how'),
    notes: f('Notes'),
  },
  communications: {
    title: f('What was sent'),
    kind: f('Kind', words.code(communicationKindLabels)),
    sent_on: f('Sent on', date),
    mailing_list_id: hidden,
    list_name: f('Mailing list'),
    recipient_count: f('Recipients', words.count('customer')),
  },
  communication_recipients: {
    communication_id: hidden,
    customer_id: f('Customer', customer),
    channel: f('Sent by', words.code(mailingChannelLabels)),
  },
  rhythm_deliveries: {
    rhythm_key: f('Item of the plan'),
    delivered_on: f('Delivered on', date),
    note: f('Note'),
    communication_id: hidden,
  },
  menu_entries: {
    group_id: f('Group', words.ref('group', 'another group')),
    listed: f('On the menu', flag),
    skills: f('Skills used', words.codes(skillOptions.labels)),
    training_offered: f('Training offered'),
    how_to_join: f('How to join'),
  },
  taras: {
    name: f('Name'),
    area_id: f('Area', words.ref('area', 'another area')),
    neighbourhood_id: f('Neighbourhood', words.ref('neighbourhood', 'another neighbourhood')),
    chair_customer_id: f('Chair', customer),
    chair_name: f('Chair (not on the register)'),
    secretary_customer_id: f('Secretary', customer),
    secretary_name: f('Secretary (not on the register)'),
    treasurer_customer_id: f('Treasurer', customer),
    treasurer_name: f('Treasurer (not on the register)'),
    constitution_adopted_on: f('Constitution adopted', date),
    agm_on: f('Last AGM', date),
    accounts_on: f('Last accounts', date),
    insurance_until: f('Insured until', date),
    recognised_from: f('Recognised from', date),
    recognised_to: f('Recognised to', date),
    notes: f('Notes'),
  },
  tara_criteria: {
    tara_id: hidden,
    criterion_key: f('Criterion'),
    met: f('Met', flag),
    note: f('Note'),
    checked_on: f('Checked on', date),
    file_name: f('Evidence'),
    mime_type: hidden,
    content_hash: hidden,
    size_bytes: f('Size', words.bytes()),
  },
  tara_visits: {
    tara_id: hidden,
    scheduled_on: f('Planned for', date),
    held_on: f('Held on', date),
    findings: f('Findings'),
    support_agreed: f('Support agreed'),
    follow_up: f('Follow-up actions'),
    follow_up_due_on: f('Follow-up due', date),
  },
  dispersed_communities: {
    place_kind: f('Kind of place', words.code({ area: 'Area', neighbourhood: 'Neighbourhood' })),
    place_id: hidden,
    homes: f('Homes', words.count('home')),
    note: f('Note'),
  },
  community_visits: {
    community_id: hidden,
    on_date: f('On', date),
    kind: f('Kind', words.code(communityVisitKindLabels)),
    venue: f('Where'),
    people_met: f('People met', words.count('person', 'people')),
    customers_said: f('What customers said'),
    feedback_given: f('Feedback given'),
  },
  buildings: {
    name: f('Name'),
    address: f('Address'),
    postcode: f('Postcode'),
    landlord_id: f('Landlord', words.ref('landlord', 'another landlord')),
    area_id: f('Area', words.ref('area', 'another area')),
    height_metres: f('Height (metres)'),
    storeys: f('Storeys', words.count('storey')),
    notes: f('Notes'),
  },
  building_residents: {
    building_id: hidden,
    customer_id: f('Resident', customer),
    since_on: f('Involved since', date),
    left_on: f('Stopped on', date),
  },
  building_engagements: {
    building_id: hidden,
    on_date: f('On', date),
    kind: f('Kind', words.code(engagementKindLabels)),
    summary: f('What happened'),
    residents_taking_part: f('Residents taking part', words.count('resident')),
  },
  building_reviews: {
    building_id: hidden,
    recommendation_id: hidden,
    reviewed_on: f('Reviewed on', date),
    comments: f('Comments'),
  },
};
