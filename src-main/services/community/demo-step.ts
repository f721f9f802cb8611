import type { Skill } from '../../../src-shared/domain/customer';
import { addCalendarDays, londonDate } from '../../../src-shared/rules/working-days';
import { defaultRhythm, rhythmPlan } from '../../../src-shared/rules/engagement-rhythm';
import type { DemoStep } from '../demo';
import { writing } from '../context';
import { recordSent, saveMailingList } from './mailing-lists';
import { saveMenuEntry } from './menu';
import {
  recordBuildingEngagement,
  saveBuilding,
  addBuildingResident,
  setDispersedFlag,
  recordCommunityVisit,
} from './reach';
import { defaultTaraCriteria, saveTara, saveTaraCriterion, saveTaraVisit } from './taras';

const demoNotes: Record<string, string> = {
  open_day: 'Open Day at the Riverside Stadium: agenda set by the Customer Council.',
  update_video: 'What the Scrutiny Panel found on repairs.',
  newsletter: 'Quarterly newsletter.',
};

const menu: Record<string, { skills: Skill[]; training: string; join: string }> = {
  'Customer Council': {
    skills: ['chairing', 'data_analysis', 'public_speaking'],
    training:
      'Induction on governance and reading performance reports; mentoring by a current member.',
    join: 'Skills review and interview; places are filled as terms end. Ask the Customer Involvement Team.',
  },
  'Scrutiny Panel': {
    skills: ['report_writing', 'data_analysis', 'interviewing'],
    training: 'Scrutiny skills course at the Talent School; site visits with service managers.',
    join: 'Skills review and interview, then the Code of Conduct and a role description.',
  },
  'Customer Voice': {
    skills: [],
    training: 'Talent School courses on request.',
    join: 'Sign up at any roadshow, Open Day or by phone: no experience needed.',
  },
  'Customer Service Investigators': {
    skills: ['mystery_shopping', 'interviewing', 'report_writing'],
    training: 'Mystery shopping and interviewing skills before each project.',
    join: 'Join the Customer Voice and say you are interested in investigating a service.',
  },
  'Neighbourhood Auditors': {
    skills: ['inspection'],
    training: 'Estate inspection training with a neighbourhood officer.',
    join: 'Join the Customer Voice; commissions are offered to those in the area.',
  },
};

/**
 * Keeping in touch and the neighbourhood work, so the screens open on
 * something: two mailing lists (one already sent as last quarter's
 * newsletter), the rhythm partly delivered, the menu's words for the main
 * groups, four associations at different stages (one overdue for its
 * visit), dispersed communities (one with no visit this year) and
 * higher-risk buildings (one with no engagement).
 */
export const communityDemoStep: DemoStep = async (ctx) => {
  const today = londonDate(ctx.clock.now());
  const daysAgo = (n: number) => addCalendarDays(today, -n);

  await saveMailingList(ctx, {
    name: 'Newsletter: all involved customers',
    purpose: 'newsletter',
    filters: {
      groupId: null,
      interest: null,
      areaId: null,
      landlordId: null,
      channels: ['email', 'post'],
      includePaused: true,
    },
    notes:
      'The quarterly newsletter goes to every involved customer, by email or post as they asked.',
  });
  await saveMailingList(ctx, {
    name: 'Open Day invitation: letters only',
    purpose: 'open_day',
    filters: {
      groupId: null,
      interest: null,
      areaId: null,
      landlordId: null,
      channels: ['post'],
      includePaused: false,
    },
    notes: null,
  });
  // Sent to a group's members only, so a demo of any size logs a handful of recipients.
  const council = await ctx.db
    .selectFrom('groups')
    .select('id')
    .where('name', '=', 'Customer Council')
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  const councilMembers = council
    ? await ctx.db
        .selectFrom('group_memberships')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('group_id', '=', council.id)
        .where('left_on', 'is', null)
        .where('deleted_at', 'is', null)
        .executeTakeFirst()
    : undefined;
  // A demo without customers has nobody on the Council to have written to.
  if (council && Number(councilMembers?.n ?? 0) > 0) {
    const councilList = await saveMailingList(ctx, {
      name: 'Customer Council: Open Day invitation',
      purpose: 'open_day',
      filters: {
        groupId: council.id,
        interest: null,
        areaId: null,
        landlordId: null,
        channels: ['email', 'post'],
        includePaused: false,
      },
      notes: 'Each group’s customer lead presents at the Open Day.',
    });
    await recordSent(ctx, {
      listId: councilList.id,
      title: 'Invitation to help set the Open Day agenda',
      sentOn: daysAgo(70),
      rhythmKey: null,
    });
  }
  // Since the invitation went: one customer withdrew consent to contact, one now wants phone calls
  // only, one moved and the register lost their address; the lists say so.
  const changed = await ctx.db
    .selectFrom('customers')
    .select(['id', 'consents'])
    .where('deleted_at', 'is', null)
    .where('status', '=', 'active')
    .where('consents', 'like', '%"contact"%')
    .orderBy('first_name')
    .limit(3)
    .execute();
  await writing(ctx, async (w) => {
    const [withdrew, phoneOnly, moved] = changed;
    if (withdrew) {
      const consents = (
        JSON.parse(withdrew.consents) as { purpose: string; withdrawnOn: string | null }[]
      ).map((c) => (c.purpose === 'contact' ? { ...c, withdrawnOn: daysAgo(30) } : c));
      await w.update('customers', withdrew.id, { consents: JSON.stringify(consents) });
    }
    if (phoneOnly) await w.update('customers', phoneOnly.id, { contact_methods: '["phone"]' });
    if (moved)
      await w.update('customers', moved.id, {
        contact_methods: '["post"]',
        address_line1: null,
      });
  });

  // Every part of the plan that has ended was delivered, but for the last update video.
  await writing(ctx, async (w) => {
    for (const item of defaultRhythm) {
      const ended = rhythmPlan(item, [], today).filter((p) => p.to < today);
      for (const [i, p] of ended.entries()) {
        const isLastVideo = item.key === 'update_video' && i === ended.length - 1;
        if (isLastVideo) continue;
        await w.create('rhythm_deliveries', {
          rhythm_key: item.key,
          delivered_on: addCalendarDays(p.to, -20),
          note: demoNotes[item.key] ?? null,
          communication_id: null,
        });
      }
    }
  });

  const groups = await ctx.db
    .selectFrom('groups')
    .select(['id', 'name'])
    .where('deleted_at', 'is', null)
    .execute();
  for (const g of groups) {
    const entry = menu[g.name];
    if (entry)
      await saveMenuEntry(ctx, {
        groupId: g.id,
        listed: true,
        skills: entry.skills,
        trainingOffered: entry.training,
        howToJoin: entry.join,
      });
  }

  const places = await ctx.db
    .selectFrom('neighbourhoods as n')
    .innerJoin('areas as a', 'a.id', 'n.area_id')
    .select(['n.id', 'n.name', 'a.id as area_id', 'a.landlord_id'])
    .where('n.deleted_at', 'is', null)
    .orderBy('a.name')
    .orderBy('n.name')
    .execute();
  const place = (name: string) => places.find((p) => p.name === name) ?? places[0]!;
  const people = await ctx.db
    .selectFrom('customers')
    .select(['id', 'area_id'])
    .where('deleted_at', 'is', null)
    .where('status', '=', 'active')
    .orderBy('last_name')
    .limit(40)
    .execute();

  const taras = [
    { name: 'Berwick Hills Residents Association', at: 'Berwick Hills', met: 8, lastVisit: 200 },
    { name: 'Owton Manor Tenants and Residents', at: 'Owton Manor', met: 6, lastVisit: 420 },
    { name: 'Hardwick Community Association', at: 'Hardwick', met: 4, lastVisit: 90 },
    { name: 'Grangetown Residents Together', at: 'Grangetown', met: 2, lastVisit: null },
  ];
  for (const [i, t] of taras.entries()) {
    const p = place(t.at);
    const tara = await saveTara(ctx, {
      name: t.name,
      areaId: p.area_id,
      neighbourhoodId: p.id,
      chair: { customerId: people[i * 3]?.id ?? null, name: null },
      secretary: { customerId: people[i * 3 + 1]?.id ?? null, name: null },
      treasurer: { customerId: null, name: 'Ann Treasurer (not on the register)' },
      constitutionAdoptedOn: daysAgo(900 + i * 100),
      agmOn: daysAgo(100 + i * 80),
      accountsOn: daysAgo(100 + i * 80),
      insuranceUntil: addCalendarDays(today, 120 - i * 90),
      recognisedFrom: daysAgo(800 + i * 60),
      recognisedTo: addCalendarDays(today, 400),
      notes: null,
    });
    for (const c of defaultTaraCriteria.slice(0, t.met))
      await saveTaraCriterion(ctx, {
        taraId: tara.id,
        key: c.key,
        met: true,
        note: null,
        checkedOn: daysAgo(60),
        evidence: null,
      });
    if (t.lastVisit !== null)
      await saveTaraVisit(ctx, {
        taraId: tara.id,
        scheduledOn: daysAgo(t.lastVisit),
        heldOn: daysAgo(t.lastVisit),
        findings: 'Meets monthly with good attendance; the treasurer is new to the role.',
        supportAgreed: 'Treasurer training at the Talent School; help to renew the insurance.',
        followUp: 'Book the treasurer onto the next course; check the renewal.',
        followUpDueOn: daysAgo(t.lastVisit - 30),
      });
  }

  const dispersed = [
    {
      name: 'Whitby',
      homes: 14,
      visit: 300,
      said: 'Grass cutting is missed on the rear path; repairs are good.',
    },
    { name: 'Gateshead', homes: 22, visit: null, said: '' },
    { name: 'Shildon', homes: 11, visit: 500, said: 'Nobody knew who their housing officer was.' },
    {
      name: 'Sunderland',
      homes: 28,
      visit: 40,
      said: 'Happy with the new kitchens; parking is a worry.',
    },
  ];
  for (const d of dispersed) {
    const p = place(d.name);
    const list = await setDispersedFlag(ctx, {
      placeKind: 'neighbourhood',
      placeId: p.id,
      dispersed: true,
      homes: d.homes,
      note: 'Small patch outside the main areas.',
    });
    const community = list.find((c) => c.placeId === p.id)!;
    if (d.visit !== null)
      await recordCommunityVisit(ctx, {
        communityId: community.id,
        onDate: daysAgo(d.visit),
        kind: 'roadshow',
        venue: `${d.name} community centre`,
        peopleMet: 9,
        customersSaid: d.said,
        feedbackGiven:
          'Passed to the neighbourhood team; we wrote to everyone with what will change.',
      });
  }

  const buildings = [
    {
      name: 'Erimus Towers',
      address: 'Marton Road, Middlesbrough',
      storeys: 15,
      height: 44,
      at: 'Berwick Hills',
      engaged: 30,
    },
    {
      name: 'Tees View Court',
      address: 'Church Road, Stockton-on-Tees',
      storeys: 8,
      height: 24,
      at: 'Parkfield',
      engaged: 500,
    },
    {
      name: 'Headland Heights',
      address: 'Northgate, Hartlepool',
      storeys: 11,
      height: 33,
      at: 'Headland',
      engaged: null,
    },
  ];
  for (const [i, b] of buildings.entries()) {
    const p = place(b.at);
    const building = await saveBuilding(ctx, {
      name: b.name,
      address: b.address,
      postcode: null,
      landlordId: p.landlord_id,
      areaId: p.area_id,
      heightMetres: b.height,
      storeys: b.storeys,
      notes: null,
    });
    for (const c of people.slice(20 + i * 4, 22 + i * 4))
      await addBuildingResident(ctx, {
        buildingId: building.id,
        customerId: c.id,
        sinceOn: daysAgo(600),
      });
    if (b.engaged !== null)
      await recordBuildingEngagement(ctx, {
        buildingId: building.id,
        onDate: daysAgo(b.engaged),
        kind: 'residents_meeting',
        summary:
          'Fire safety walkabout and the building safety case explained; residents asked about the door closers.',
        residentsTakingPart: 7,
      });
  }
  return {};
};
