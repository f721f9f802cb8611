import { serviceAreas } from '../../../src-shared/domain/customer';
import type { ActivityKind } from '../../../src-shared/domain/meetings';
import { addCalendarDays, londonDate } from '../../../src-shared/rules/working-days';
import { writing } from '../context';
import { refreshAllLastActivity } from '../groups/last-activity';
import { seededRandom } from './customer-generator';
import type { DemoStep } from './index';

/*
 * Years of history behind the demo organisation, sized from the register so
 * that any size of demo looks like the same landlord after the same years:
 * per year, one activity for every 25 customers (about 25 people at each),
 * and one complaint panel case for every 25 customers, each with about one
 * recommendation. At 50,000 customers over ten years that is 20,000
 * activities, about 500,000 attendance rows, 20,000 cases and 20,000
 * recommendations, and about 200 groups (neighbourhood committees and task
 * and finish groups that came and went). Every row goes through the write
 * path, so the change log is as long as real use would make it.
 */

const HISTORY_GROUPS = 180;
const CUSTOMERS_PER_ACTIVITY_A_YEAR = 25;
const CUSTOMERS_PER_CASE_A_YEAR = 25;

const venues = [
  ['Thornaby Community Centre', 'Thornaby Road, Stockton-on-Tees TS17 8AA'],
  ['Hartlepool Civic Centre', 'Victoria Road, Hartlepool TS24 8AY'],
  ['Middlesbrough office', 'Northshore, Stockton-on-Tees TS18 2NB'],
  ['Grangetown Community Hub', 'Birchington Avenue, Grangetown TS6 7LJ'],
  ['Owton Manor Library', 'Wynyard Road, Hartlepool TS25 3LB'],
] as const;

const reviewTopics = [
  'Damp and mould response',
  'Void standard',
  'Anti-social behaviour case handling',
  'Service charge statements',
  'Grounds maintenance',
  'Repairs appointments',
  'Complaints learning',
  'Estate inspections',
  'Communal cleaning',
  'Lettings and allocations',
];

const recommendationTexts = [
  'Confirm every repair appointment in writing the day before',
  'Publish the service standard on the website and in the newsletter',
  'Train front-line staff on the Complaint Handling Code',
  'Report progress on open actions to the Customer Council each quarter',
  'Check a sample of closed cases each month for quality',
];

const owners = [
  'Head of Repairs',
  'Head of Customer Experience',
  'Head of Neighbourhoods',
  'Head of Income',
  'Head of Building Safety',
  'Head of Lettings',
  'Director of Housing',
  'Complaints Manager',
];

export const demoHistoryStep: DemoStep = async (ctx, _ids, options) => {
  const years = options.years ?? 0;
  if (years <= 0 || options.customers === 0) return {};
  const random = seededRandom(options.seed * 104_729 + years);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const now = ctx.clock.now();
  const today = londonDate(now);
  const firstDay = addCalendarDays(today, -Math.round(years * 365.25));
  const span = Math.round(years * 365.25);
  const dayOf = (offset: number) => addCalendarDays(firstDay, offset);

  const customers = (
    await ctx.db
      .selectFrom('customers')
      .select('id')
      .where('deleted_at', 'is', null)
      .orderBy('id')
      .execute()
  ).map((c) => c.id);
  const areas = await ctx.db
    .selectFrom('areas')
    .select(['id', 'name', 'landlord_id'])
    .where('deleted_at', 'is', null)
    .orderBy('name')
    .execute();
  const courses = (
    await ctx.db
      .selectFrom('training_courses')
      .select('id')
      .where('deleted_at', 'is', null)
      .orderBy('name')
      .execute()
  ).map((c) => c.id);
  if (customers.length === 0) return {};
  // A few people turn up to almost everything and most to very little: the
  // square pulls the picks towards the start of the (id-ordered) list.
  const someone = () => customers[Math.floor(random() ** 2 * customers.length)]!;

  const activitiesPerYear = Math.max(
    1,
    Math.round(customers.length / CUSTOMERS_PER_ACTIVITY_A_YEAR),
  );
  const casesPerYear = Math.max(1, Math.round(customers.length / CUSTOMERS_PER_CASE_A_YEAR));
  const counts = { groups: 0, memberships: 0, activities: 0, attendance: 0, cases: 0, recs: 0 };

  await writing(ctx, async (w) => {
    // Groups that came and went: neighbourhood committees for the whole span,
    // task and finish groups for a few months each.
    const groups: { id: string; name: string; from: number; to: number; members: string[] }[] = [];
    for (let g = 0; g < HISTORY_GROUPS; g++) {
      const committee = g % 3 !== 2;
      const area = areas.length ? areas[g % areas.length]! : null;
      const from = committee ? Math.floor(random() * span * 0.3) : Math.floor(random() * span);
      const to = committee
        ? span + 60
        : Math.min(span + 60, from + 90 + Math.floor(random() * 120));
      const name = committee
        ? `${area?.name ?? 'Estate'} neighbourhood committee ${Math.floor(g / 3) + 1}`
        : `Task and finish: ${pick(reviewTopics)} (${dayOf(from).slice(0, 4)}) ${g}`;
      const id = await w.create('groups', {
        name,
        family: committee ? 'neighbourhoods' : 'scrutiny',
        kind: committee ? 'committee' : 'task_and_finish',
        landlord_id: area?.landlord_id ?? null,
        area_id: committee ? (area?.id ?? null) : null,
        target_meetings_per_year: committee ? 6 : null,
        cadence_note: committee ? 'Every two months' : 'Three days',
        commitment: null,
        description: null,
        starts_on: committee ? null : dayOf(from),
        ends_on: committee ? null : dayOf(to),
        min_tenants_per_partner: null,
        exclude_board_members: 0,
        min_age: null,
        max_age: null,
      });
      counts.groups += 1;
      const members = new Set<string>();
      const size = 6 + Math.floor(random() * 10);
      while (members.size < Math.min(size, customers.length)) members.add(someone());
      const ended = to < span;
      for (const [i, customerId] of [...members].entries()) {
        await w.create('group_memberships', {
          group_id: id,
          customer_id: customerId,
          role: i === 0 ? 'chair' : i === 1 ? 'vice_chair' : 'member',
          joined_on: dayOf(from),
          left_on: ended ? dayOf(to) : null,
          selection_method: 'expression_of_interest',
          selection_notes: null,
          role_description_agreed_on: dayOf(from),
          code_of_conduct_signed_on: dayOf(from),
          override_reason: null,
        });
        counts.memberships += 1;
      }
      groups.push({ id, name, from, to, members: [...members] });
    }

    const total = activitiesPerYear * years;
    for (let i = 0; i < total; i++) {
      const roll = random();
      const kind: ActivityKind =
        roll < 0.7
          ? 'meeting'
          : roll < 0.85 && courses.length
            ? 'training_session'
            : pick(['roadshow', 'open_day', 'estate_walkabout', 'door_knocking', 'event'] as const);
      let offset = Math.floor(random() * span);
      let group: (typeof groups)[number] | null = null;
      if (kind === 'meeting') {
        group = groups[i % groups.length]!;
        if (offset < group.from || offset > group.to)
          offset = Math.min(span - 1, group.from + Math.floor(random() * (group.to - group.from)));
      }
      const day = dayOf(offset);
      const start = `${day}T17:30:00.000Z`;
      const minutes = kind === 'training_session' ? 180 : 120;
      const cancelled = random() < 0.05;
      const [venueName, venueAddress] = pick(venues);
      const id = await w.create('activities', {
        kind,
        title: group ? `${group.name}, ${day.slice(0, 7)}` : `${kind.replace(/_/g, ' ')} ${day}`,
        status: cancelled ? 'cancelled' : 'held',
        group_id: group?.id ?? null,
        course_id: kind === 'training_session' ? pick(courses) : null,
        starts_at: start,
        ends_at: new Date(Date.parse(start) + minutes * 60_000).toISOString(),
        venue_kind: 'community_centre',
        venue_name: venueName,
        venue_address: venueAddress,
        agenda: null,
        notes: null,
      });
      counts.activities += 1;
      if (cancelled) continue;
      const people = new Set<string>(group?.members ?? []);
      const size =
        kind === 'meeting'
          ? 10 + Math.floor(random() * 30)
          : kind === 'training_session'
            ? 5 + Math.floor(random() * 15)
            : 20 + Math.floor(random() * 40);
      while (people.size < Math.min(size, customers.length)) people.add(someone());
      for (const customerId of people) {
        const r = random();
        const status = r < 0.78 ? 'present' : r < 0.93 ? 'apologies' : 'absent';
        const scored = status === 'present' && random() < 0.3;
        await w.create('attendance', {
          activity_id: id,
          customer_id: customerId,
          staff_id: null,
          is_member: group?.members.includes(customerId) ? 1 : 0,
          status,
          minutes_given: status === 'present' ? minutes : null,
          satisfaction_opportunity: scored ? 3 + Math.floor(random() * 3) : null,
          satisfaction_involvement: scored ? 2 + Math.floor(random() * 4) : null,
          satisfaction_comment: null,
        });
        counts.attendance += 1;
      }
    }

    // Complaint panel cases: all but the last few weeks' are closed, each
    // decided one with a recommendation or two, most long since verified.
    const landlordIds = [...new Set(areas.map((a) => a.landlord_id).filter((l) => l !== null))];
    const caseTotal = casesPerYear * years;
    for (let i = 0; i < caseTotal; i++) {
      const offset = Math.floor((i / caseTotal) * span);
      const referredOn = dayOf(offset);
      const age = span - offset;
      const open = age < 60;
      const declined = !open && random() < 0.15;
      const serviceArea = pick(serviceAreas.codes);
      const reference = `DCP-${referredOn.slice(0, 4)}-H${String(i + 1).padStart(6, '0')}`;
      const heardOn = open || declined ? null : addCalendarDays(referredOn, 25);
      const nextDue = open ? addCalendarDays(referredOn, 20 + Math.floor(random() * 40)) : null;
      const id = await w.create('complaint_cases', {
        reference,
        status: open ? 'accepted' : declined ? 'declined' : 'closed',
        referred_on: referredOn,
        referred_by: random() < 0.8 ? 'complainant' : 'councillor',
        referrer_name: null,
        complainant_customer_id: random() < 0.3 ? someone() : null,
        complainant_name: `Complainant ${i + 1}`,
        complainant_address_line1: `${(i % 180) + 1} Station Road`,
        complainant_postcode: 'TS1 1AA',
        complainant_contact: null,
        landlord_id: landlordIds.length ? landlordIds[i % landlordIds.length]! : null,
        area_id: null,
        service_area: serviceArea,
        subject: `${pick(reviewTopics)} complaint`,
        outcome_sought: 'Put it right and an apology',
        stage1_extension_days: 0,
        stage2_extension_days: 0,
        eligible: declined ? 0 : 1,
        accepted_on: declined ? null : addCalendarDays(referredOn, 4),
        declined_on: declined ? addCalendarDays(referredOn, 3) : null,
        hearing_date: heardOn,
        heard_on: heardOn,
        decision_on: heardOn ? addCalendarDays(heardOn, 10) : null,
        decision_outcome: heardOn ? pick(['upheld', 'partly_upheld', 'not_upheld'] as const) : null,
        closed_on: open ? null : addCalendarDays(referredOn, 45),
        next_due: nextDue,
        next_due_label: open ? 'Hold the hearing' : null,
      });
      counts.cases += 1;
      if (!heardOn) continue;
      const recommendations = Math.floor(random() * 3.2);
      for (let n = 0; n < recommendations; n++) {
        const due = addCalendarDays(heardOn, 90 + Math.floor(random() * 180));
        const pastDue = due < today;
        const r = random();
        const status = !pastDue
          ? r < 0.6
            ? 'open'
            : 'in_progress'
          : r < 0.9
            ? 'verified'
            : r < 0.96
              ? 'implemented'
              : 'in_progress';
        const done = status === 'verified' || status === 'implemented';
        await w.create('recommendations', {
          reference: `${reference}/R${n + 1}`,
          source_type: 'complaint_case',
          source_id: id,
          text: pick(recommendationTexts),
          service_area: serviceArea,
          management_response: random() < 0.05 ? 'rejected' : 'accepted',
          response_reason: null,
          owner: pick(owners),
          due_date: due,
          status,
          systemic: random() < 0.1 ? 1 : 0,
          evidence: done ? 'Checked by the Scrutiny Panel' : null,
          completed_on: done ? addCalendarDays(due, -Math.floor(random() * 30)) : null,
        });
        counts.recs += 1;
      }
    }
    await refreshAllLastActivity(w);
  });
  return {
    groups: counts.groups,
    memberships: counts.memberships,
    activities: counts.activities,
    attendance: counts.attendance,
    complaintCases: counts.cases,
    recommendations: counts.recs,
  };
};
