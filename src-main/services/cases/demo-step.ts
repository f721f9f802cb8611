import type { CaseStatus } from '../../../src-shared/rules/case-lifecycle';
import {
  addCalendarDays,
  addWorkingDays,
  londonDate,
} from '../../../src-shared/rules/working-days';
import type { DemoStep } from '../demo';
import { writing } from '../context';
import { nextDueOf } from './case-rows';
import { bankHolidays } from '../reference/bank-holidays';
import { saveSetting } from '../settings';
import { LETTER_SIGNATORY_KEY, caseStandards, letterSignatory, panelStandardsOf } from './settings';

const subjects = [
  ['repairs', 'Damp and mould in the bedroom not fixed after three visits'],
  ['anti_social_behaviour', 'Noise nuisance reports not acted on for six months'],
  ['rents_income', 'Service charge increase not explained'],
  ['estates_neighbourhoods', 'Communal garden not maintained as promised'],
  ['repairs', 'Boiler broken for two weeks in winter with no temporary heating'],
  ['customer_service', 'Calls not returned after a stage 1 response'],
  ['building_safety', 'Fire door in the block left broken'],
  ['tenancy_lettings', 'Transfer request lost'],
] as const;

/** Made-up complainants with homes in the demo's towns: a case reads as real casework. */
const complainants = [
  { name: 'Janet Wilkinson', address: '14 Cumberland Road', postcode: 'TS5 6JA' },
  { name: 'Darren Pickering', address: '7 Oxbridge Lane', postcode: 'TS18 4AW' },
  { name: 'Samina Akhtar', address: 'Flat 3, 22 Parliament Road', postcode: 'TS1 4JQ' },
  { name: 'Keith Robson', address: '41 Hartburn Avenue', postcode: 'TS18 5DF' },
  { name: 'Lorraine Haddock', address: '9 Brierton Lane', postcode: 'TS25 4BY' },
  { name: 'Michael Dunne', address: '56 Westbourne Grove', postcode: 'TS3 6EF' },
  { name: 'Chloe Atkinson', address: 'Flat 12, Melrose House', postcode: 'TS17 6RB' },
  { name: 'Peter and Ann Stainsby', address: '3 Redcar Lane', postcode: 'TS10 2JR' },
] as const;

/** Where each demo case has got to, with the days since referral. */
const journeys: { status: CaseStatus; referredDaysAgo: number }[] = [
  { status: 'referred', referredDaysAgo: 2 },
  { status: 'referred', referredDaysAgo: 12 },
  { status: 'accepted', referredDaysAgo: 20 },
  { status: 'hearing_scheduled', referredDaysAgo: 30 },
  { status: 'heard', referredDaysAgo: 45 },
  { status: 'monitoring', referredDaysAgo: 90 },
  { status: 'closed', referredDaysAgo: 200 },
  { status: 'declined', referredDaysAgo: 60 },
];

/** A handful of complaint panel cases at every stage, with recommendations, for the demo. */
export const casesDemoStep: DemoStep = async (ctx, ids) => {
  const today = londonDate(ctx.clock.now());
  const calendar = bankHolidays(ctx);
  const standards = panelStandardsOf(await caseStandards(ctx));
  const landlordIds = [...ids.landlords.values()];
  let recommendations = 0;
  const signatory = await letterSignatory(ctx);
  await writing(ctx, async (w) => {
    // Decision letters need a named signatory; the demo names one so its letters can be written.
    if (!signatory)
      await saveSetting(w, LETTER_SIGNATORY_KEY, {
        name: 'Sam Patel',
        jobTitle: 'Involvement Coordinator (Scrutiny and Complaints)',
        telephone: '01642 000 000',
        email: 'complaints.panel@example.org.uk',
      });
    for (const [i, journey] of journeys.entries()) {
      const [serviceArea, subject] = subjects[i % subjects.length]!;
      const referredOn = addCalendarDays(today, -journey.referredDaysAgo);
      const finalResponse = addWorkingDays(referredOn, -5, calendar);
      const stage2Received = addWorkingDays(finalResponse, -22, calendar);
      const stage1Responded = addWorkingDays(stage2Received, -3, calendar);
      const stage1Received = addWorkingDays(stage1Responded, -14, calendar);
      const reached = (s: CaseStatus) =>
        ['accepted', 'hearing_scheduled', 'heard', 'monitoring', 'closed'].indexOf(
          journey.status,
        ) >= ['accepted', 'hearing_scheduled', 'heard', 'monitoring', 'closed'].indexOf(s);
      const acceptedOn = reached('accepted') ? addWorkingDays(referredOn, 4, calendar) : null;
      const heardOn = reached('heard') ? addWorkingDays(acceptedOn!, 15, calendar) : null;
      const decided = journey.status === 'monitoring' || journey.status === 'closed';
      const row = {
        reference: `DCP-${referredOn.slice(0, 4)}-D${String(i + 1).padStart(3, '0')}`,
        status: journey.status,
        referred_on: referredOn,
        referred_by: i % 3 === 0 ? 'councillor' : 'complainant',
        referrer_name: i % 3 === 0 ? 'Cllr Pat Jones' : null,
        complainant_customer_id: null,
        complainant_name: complainants[i % complainants.length]!.name,
        complainant_address_line1: complainants[i % complainants.length]!.address,
        complainant_postcode: complainants[i % complainants.length]!.postcode,
        complainant_contact: null,
        landlord_id: landlordIds[i % landlordIds.length] ?? null,
        area_id: null,
        service_area: serviceArea,
        subject,
        outcome_sought: 'Put it right and an apology',
        stage1_received: stage1Received,
        stage1_acknowledged: addWorkingDays(stage1Received, i % 2 ? 7 : 3, calendar),
        stage1_responded: stage1Responded,
        stage1_extension_days: 0,
        stage1_outcome: 'not_upheld',
        stage2_received: stage2Received,
        stage2_acknowledged: addWorkingDays(stage2Received, 2, calendar),
        stage2_responded: finalResponse,
        stage2_extension_days: 0,
        stage2_outcome: 'partly_upheld',
        stage2_different_handler: i % 4 === 0 ? 0 : 1,
        eligible: journey.status === 'referred' ? null : journey.status === 'declined' ? 0 : 1,
        accepted_on: acceptedOn,
        declined_on: journey.status === 'declined' ? addWorkingDays(referredOn, 3, calendar) : null,
        // Hearings, like meetings, fall on working days.
        hearing_date: reached('hearing_scheduled')
          ? (heardOn ?? addWorkingDays(today, 5, calendar))
          : null,
        heard_on: heardOn,
        decision_on: decided ? addWorkingDays(heardOn!, 8, calendar) : null,
        decision_outcome: decided ? (i % 2 ? 'upheld' : 'partly_upheld') : null,
        findings: decided
          ? 'The landlord did not keep the resident informed and missed its own deadlines.'
          : null,
        ombudsman_referred_on: null,
        ombudsman_result: null,
        withdrawn_on: null,
        closed_on: journey.status === 'closed' ? addCalendarDays(today, -30) : null,
      };
      const id = await w.create('complaint_cases', {
        ...row,
        ...nextDueOf(row, standards, calendar),
      });
      await w.create('case_transitions', {
        case_id: id,
        from_status: null,
        to_status: 'referred',
        on_date: referredOn,
        reason: null,
      });
      if (journey.status !== 'referred') {
        await w.create('case_transitions', {
          case_id: id,
          from_status: 'referred',
          to_status: journey.status,
          on_date: acceptedOn ?? referredOn,
          reason: null,
        });
      }
      if (decided) {
        for (const [n, text] of [
          'Review how repair appointments are confirmed',
          'Train stage 2 handlers on the Complaint Handling Code',
        ].entries()) {
          recommendations += 1;
          await w.create('recommendations', {
            reference: `${row.reference}/R${n + 1}`,
            source_type: 'complaint_case',
            source_id: id,
            text,
            service_area: serviceArea,
            management_response: 'accepted',
            response_reason: null,
            owner: n ? 'Head of Customer Experience' : 'Head of Repairs',
            due_date: addCalendarDays(today, n ? 30 : -10),
            status: journey.status === 'closed' ? 'verified' : n ? 'in_progress' : 'open',
            systemic: n,
            evidence: journey.status === 'closed' ? 'Checked by the Scrutiny Panel' : null,
            completed_on: journey.status === 'closed' ? addCalendarDays(today, -40) : null,
          });
        }
      }
    }
  });
  return { complaintCases: journeys.length, recommendations };
};
