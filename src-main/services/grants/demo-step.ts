import type { ApplicantKind, GrantFund } from '../../../src-shared/domain/grants';
import { addCalendarDays, londonDate } from '../../../src-shared/rules/working-days';
import type { DemoStep } from '../demo';
import { writing } from '../context';
import { attachDocument, runEligibilityCheck, saveApplication } from './applications';
import { decide } from './decisions';
import { saveEvaluation } from './evaluations';
import { panelMembers, saveScores } from './panel';
import { recordPayment } from './payments';
import { listPriorities } from './priorities';
import { roundRanking } from './ranking';
import { closeDecisions, getRound, saveRound } from './rounds';
import { saveTally } from './votes';

function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const PRIORITIES = [
  [
    'Tackling loneliness and isolation',
    'Bringing neighbours together, especially older people living alone.',
  ],
  ['Activities for young people', 'Things to do, learn and lead for ages 10 to 24.'],
  ['Safer, greener neighbourhoods', 'Clean-ups, gardens and places people are proud of.'],
  ['Health and wellbeing', 'Getting active, eating well and feeling well.'],
  ['Money and digital skills', 'Budgeting, getting online and saving on bills.'],
] as const;

const PROJECTS: {
  title: string;
  applicant: string;
  kind: ApplicantKind;
  priority: number;
  summary: string;
}[] = [
  {
    title: 'Friday lunch club',
    applicant: 'Thornaby Friends Together',
    kind: 'community_group',
    priority: 0,
    summary: 'A hot lunch and a chat every Friday at the community centre for older residents.',
  },
  {
    title: 'Estate garden beds',
    applicant: 'Beechwood Tenants and Residents Association',
    kind: 'resident_association',
    priority: 2,
    summary: 'Raised beds and tools so residents can grow food together on the green.',
  },
  {
    title: 'Holiday football camp',
    applicant: 'Grangetown Youth Voice',
    kind: 'community_group',
    priority: 1,
    summary: 'A week of coached football and healthy lunches in the summer holidays.',
  },
  {
    title: 'Walking group kit',
    applicant: 'Hartlepool Neighbourhood Committee',
    kind: 'neighbourhood_committee',
    priority: 3,
    summary: 'Maps, high-visibility vests and a first aid kit for the weekly walk.',
  },
  {
    title: 'Get online sessions',
    applicant: 'Redcar Digital Buddies',
    kind: 'community_group',
    priority: 4,
    summary: 'Six weekly sessions helping residents use email, video calls and online banking.',
  },
  {
    title: 'Alley clean-up day',
    applicant: 'Jane Peacock',
    kind: 'individual',
    priority: 2,
    summary: 'Skips, gloves and litter pickers for a clean-up of the back alleys.',
  },
  {
    title: 'Cook and eat well course',
    applicant: 'Stockton Family Kitchen',
    kind: 'community_group',
    priority: 3,
    summary: 'An eight-week cookery course on a budget for families.',
  },
  {
    title: 'Youth film club',
    applicant: 'Middlesbrough Young Voices',
    kind: 'community_group',
    priority: 1,
    summary: 'Young people make short films about their area and show them at an evening event.',
  },
  {
    title: 'Coffee morning for carers',
    applicant: 'Billingham Carers Circle',
    kind: 'community_group',
    priority: 0,
    summary: 'A monthly coffee morning and guest speakers for unpaid carers.',
  },
  {
    title: 'Bus trip to the coast',
    applicant: 'Eston Over 60s',
    kind: 'community_group',
    priority: 0,
    summary: 'A summer outing to Saltburn for residents who rarely get out.',
  },
];

const QUOTE = Buffer.from('Quote: materials and hire, as listed by the supplier.').toString(
  'base64',
);

/**
 * A year and a half of the fund: the Board's priorities; two Community Fund
 * rounds decided, paid and (mostly) evaluated, with one evaluation overdue;
 * the latest Community Fund round closed and half scored by the panel; a
 * participatory budget decided by vote, whose unspent money carries to the
 * autumn vote, which is open now.
 */
export const grantsDemoStep: DemoStep = async (ctx, ids, options) => {
  const rand = random(options.seed * 31 + 5);
  const today = londonDate(ctx.clock.now());
  const day = (n: number) => addCalendarDays(today, n);
  await writing(ctx, async (w) => {
    for (const [name, description] of PRIORITIES)
      await w.create('grant_priorities', {
        name,
        description,
        agreed_on: day(-500),
        retired_on: null,
      });
  });
  const priorities = await listPriorities(ctx);
  const priorityId = (i: number) => priorities.find((p) => p.name === PRIORITIES[i]![0])!.id;
  const areas = [...ids.areas.values()];
  const customers = await ctx.db
    .selectFrom('customers')
    .select(['id', 'first_name', 'last_name', 'phone', 'email', 'address_line1'])
    .where('deleted_at', 'is', null)
    .where('status', '=', 'active')
    .orderBy('id')
    .limit(400)
    .execute();
  if (customers.length === 0 || areas.length === 0) return {};
  let applications = 0;

  const criteria = [
    { name: 'Meets the Board’s priority for loneliness', priorityId: priorityId(0), maxScore: 5 },
    { name: 'Benefits young people', priorityId: priorityId(1), maxScore: 5 },
    { name: 'Improves the neighbourhood', priorityId: priorityId(2), maxScore: 5 },
    { name: 'Health, money or digital skills', priorityId: priorityId(3), maxScore: 5 },
    { name: 'Value for money and lasting benefit', priorityId: priorityId(4), maxScore: 5 },
  ].map((c) => ({ id: null, guidance: null, ...c }));

  async function round(
    fund: GrantFund,
    name: string,
    opens: number,
    closes: number,
    budget: number,
  ) {
    return saveRound(ctx, {
      id: null,
      fund,
      name,
      opensOn: day(opens),
      closesOn: day(closes),
      decisionBy: day(closes + 21),
      budgetPence: budget,
      minAwardPence: 10_000,
      maxAwardPence: 250_000,
      applicantKinds: [
        'community_group',
        'resident_association',
        'neighbourhood_committee',
        'individual',
      ],
      areaIds: [],
      decisionMethod: fund === 'community_fund' ? 'panel' : 'public_vote',
      panelGroupId: null,
      evaluationWeeks: 8,
      carryOver: true,
      criteria,
    });
  }

  async function apply(roundId: string, opens: number, n: number, offset: number) {
    const made: string[] = [];
    for (let i = 0; i < n; i++) {
      const p = PROJECTS[(i + offset) % PROJECTS.length]!;
      const contact = customers[Math.floor(rand() * customers.length)]!;
      const onRegister = i % 3 !== 2;
      const amount = (3 + Math.floor(rand() * 20)) * 5_000 + (i === n - 1 ? 300_000 : 0);
      const received = day(opens + 2 + i);
      const a = await saveApplication(ctx, {
        id: null,
        roundId,
        receivedOn: received,
        applicantKind: p.kind,
        applicantName: p.applicant,
        contactCustomerId: onRegister ? contact.id : null,
        contactName: onRegister ? `${contact.first_name} ${contact.last_name}` : 'Pat Organiser',
        contactPhone: onRegister ? null : '01642 000000',
        contactEmail: null,
        contactAddressLine1: null,
        contactPostcode: null,
        projectTitle: p.title,
        projectSummary: p.summary,
        outcomes: `About ${20 + i * 5} residents take part, and the group keeps going after the grant.`,
        areaId: areas[(i + offset) % areas.length]!,
        priorityId: priorityId(p.priority),
        amountPence: amount,
        peopleExpected: 20 + i * 5,
        startsOn: addCalendarDays(received, 40),
        endsOn: addCalendarDays(received, 100),
      });
      if (amount > 50_000 && i % 4 !== 1)
        await attachDocument(ctx, {
          applicationId: a.id,
          kind: 'supporting',
          description: 'Supplier’s quote',
          fileName: `quote-${a.reference}.txt`,
          mimeType: 'text/plain',
          contentBase64: QUOTE,
        });
      made.push(a.id);
      applications += 1;
    }
    return made;
  }

  async function score(roundId: string, appIds: string[], members: number) {
    const round = await getRound(ctx, roundId);
    const panel = (await panelMembers(ctx, roundId)).slice(0, members);
    for (const m of panel) {
      const scores: { applicationId: string; criterionId: string; score: number; comment: null }[] =
        [];
      for (const applicationId of appIds)
        for (const c of round.criteria)
          scores.push({
            applicationId,
            criterionId: c.id,
            score: Math.floor(rand() * 6),
            comment: null,
          });
      // A member conflicted on one application simply leaves it to the others.
      await saveScores(ctx, { roundId, customerId: m.customerId, scores }).catch(async () => {
        const { scoringSheet } = await import('./panel');
        const sheet = await scoringSheet(ctx, roundId, m.customerId);
        const free = new Set(
          sheet.rows.filter((r) => !r.refused && !r.warning).map((r) => r.applicationId),
        );
        await saveScores(ctx, {
          roundId,
          customerId: m.customerId,
          scores: scores.filter((s) => free.has(s.applicationId)),
        });
      });
    }
  }

  async function eligible(appIds: string[], on: string) {
    const out: string[] = [];
    for (const id of appIds)
      if ((await runEligibilityCheck(ctx, id, on)).status === 'eligible') out.push(id);
    return out;
  }

  async function decideAll(roundId: string, decidedOn: string, evaluate: 'all' | 'some') {
    const ranking = await roundRanking(ctx, roundId);
    let k = 0;
    for (const r of ranking.rows) {
      if (r.fundable) {
        const a = await decide(ctx, {
          applicationId: r.applicationId,
          decision: 'awarded',
          decidedOn,
          awardPence: r.amountPence,
          conditions: 'Send the evaluation with photos and receipts.',
          reason: null,
          evaluationDueOn: null,
        });
        const paidOn = addCalendarDays(decidedOn, 10);
        if (paidOn <= today)
          await recordPayment(ctx, {
            applicationId: a.id,
            paidOn,
            amountPence: a.awardPence!,
            method: 'bank_transfer',
            reference: `BACS ${a.reference}`,
            note: null,
          });
        k += 1;
        const due = a.evaluationDueOn!;
        const received = evaluate === 'all' ? k % 4 !== 0 : k % 2 === 0;
        if (received && due <= today)
          await saveEvaluation(ctx, {
            applicationId: a.id,
            receivedOn: addCalendarDays(due, -3),
            delivered: `${a.projectTitle} ran as planned.`,
            peopleReached: (a.peopleExpected ?? 20) + 4,
            spentPence: a.awardPence!,
            learning: 'More people came once word got round.',
          });
      } else {
        await decide(ctx, {
          applicationId: r.applicationId,
          decision: 'declined',
          decidedOn,
          awardPence: null,
          conditions: null,
          reason: 'Ranked below the projects the money reached.',
          evaluationDueOn: null,
        });
      }
    }
    await closeDecisions(ctx, roundId);
  }

  const cf1 = await round('community_fund', 'Community Fund, round 1', -480, -430, 300_000);
  await score(cf1.id, await eligible(await apply(cf1.id, -480, 8, 0), day(-428)), 3);
  await decideAll(cf1.id, day(-415), 'all');
  const cf2 = await round('community_fund', 'Community Fund, round 2', -300, -250, 300_000);
  await score(cf2.id, await eligible(await apply(cf2.id, -300, 8, 3), day(-248)), 3);
  await decideAll(cf2.id, day(-235), 'some');
  const cf3 = await round('community_fund', 'Community Fund, round 3', -60, -8, 300_000);
  await score(cf3.id, await eligible(await apply(cf3.id, -60, 7, 6), day(-6)), 2);

  const pb1 = await round(
    'participatory_budget',
    'Participatory budget, spring',
    -240,
    -200,
    250_000,
  );
  const pbEligible = await eligible(await apply(pb1.id, -240, 7, 2), day(-225));
  for (const [i, id] of pbEligible.entries()) {
    await saveTally(ctx, {
      applicationId: id,
      place: 'Thornaby roadshow',
      votes: 40 + ((i * 37) % 90),
    });
    await saveTally(ctx, { applicationId: id, place: 'Online', votes: 25 + ((i * 53) % 70) });
  }
  await decideAll(pb1.id, day(-190), 'all');
  const pb2 = await round('participatory_budget', 'Participatory budget, autumn', -20, 25, 250_000);
  const open = await apply(pb2.id, -20, 5, 5);
  await eligible(open.slice(0, 3), day(-2));
  return { grantApplications: applications };
};
