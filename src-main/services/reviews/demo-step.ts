import type { ReviewDetail, ReviewKind } from '../../../src-shared/domain/reviews';
import type { ServiceArea } from '../../../src-shared/domain/customer';
import { addCalendarDays, londonDate } from '../../../src-shared/rules/working-days';
import type { DemoStep } from '../demo';
import { allowed, requireActor, type CallContext } from '../context';
import { saveConsultation } from './consultation';
import { addEvidence, addFinding } from './evidence';
import { savePolicy } from './policies';
import { commissionReview, moveStage } from './reviews';
import { addTeamMember } from './team';

/*
 * A year's scrutiny as a coordinator would find it: a Scrutiny Panel review
 * reported to the Board, a Customer Service Investigators project part-way
 * through its evidence, a policy consultation running on the task & finish
 * group, and the policy register with one customer-facing policy heading to
 * the Board unconsulted. Dates count back from today, so the demo always
 * reads as current.
 */

async function commission(
  ctx: CallContext,
  today: string,
  r: {
    kind: ReviewKind;
    title: string;
    question: string;
    serviceArea: ServiceArea;
    startedDaysAgo: number;
    weeksAllowed: number;
  },
): Promise<ReviewDetail> {
  const startedOn = addCalendarDays(today, -r.startedDaysAgo);
  return commissionReview(ctx, {
    kind: r.kind,
    title: r.title,
    commissionedBy: r.kind === 'policy_consultation' ? 'board' : 'business_manager',
    commissionerName: r.kind === 'policy_consultation' ? null : 'Sam Patel',
    commissionerService: r.kind === 'policy_consultation' ? null : 'Repairs and maintenance',
    commissionedOn: addCalendarDays(startedOn, -14),
    question: r.question,
    serviceArea: r.serviceArea,
    landlordIds: [],
    deadline: addCalendarDays(startedOn, r.weeksAllowed * 7),
    startedOn,
    leadOfficerId: requireActor(ctx).id,
  });
}

/** Moves a review on through its stages, a week apart, `count` times. */
async function advance(
  ctx: CallContext,
  review: ReviewDetail,
  count: number,
): Promise<ReviewDetail> {
  let r = review;
  for (let i = 0; i < count && r.nextStage; i += 1)
    r = await moveStage(ctx, {
      reviewId: r.id,
      next: r.nextStage.code,
      onDate: addCalendarDays(r.startedOn, 7 * (i + 1)),
      reason: null,
    });
  return r;
}

/** The team, from the members of the group its kind draws on. */
async function team(ctx: CallContext, review: ReviewDetail, size: number): Promise<void> {
  if (!review.teamGroup) return;
  const members = await ctx.db
    .selectFrom('group_memberships')
    .select(['customer_id', 'joined_on'])
    .where('group_id', '=', review.teamGroup.id)
    .where('left_on', 'is', null)
    .where('deleted_at', 'is', null)
    .where('joined_on', '<=', review.startedOn)
    .orderBy('joined_on')
    .limit(size)
    .execute();
  for (const [i, m] of members.entries())
    await addTeamMember(ctx, {
      reviewId: review.id,
      customerId: m.customer_id,
      role: i === 0 ? 'customer_lead' : 'member',
      joinedOn: review.startedOn,
    });
}

export const reviewsDemoStep: DemoStep = async (ctx) => {
  // Commissioning is a coordinator's work: a demo loaded by an officer has none.
  if (!allowed(ctx, 'reviews.write')) return {};
  const today = londonDate(ctx.clock.now());

  const panel = await commission(ctx, today, {
    kind: 'scrutiny_panel_review',
    title: 'Damp and mould: from first report to a dry home',
    question: 'Do we put damp and mould right within the timescales we promise?',
    serviceArea: 'repairs',
    startedDaysAgo: 120,
    weeksAllowed: 16,
  });
  await team(ctx, panel, 4);
  await addFinding(ctx, {
    reviewId: panel.id,
    heading: 'Inspections are quick, repairs are not',
    text: 'Most homes were inspected within ten working days, but the follow-on work waited weeks for a second trade.',
  });
  await advance(ctx, panel, 10);

  const csi = await commission(ctx, today, {
    kind: 'csi_project',
    title: 'How quickly are empty homes re-let?',
    question: 'Are empty homes repaired and re-let within the 20 days we promise?',
    serviceArea: 'repairs',
    startedDaysAgo: 38,
    weeksAllowed: 8,
  });
  await team(ctx, csi, 3);
  const progressed = await advance(ctx, csi, 1);
  await addEvidence(ctx, {
    reviewId: progressed.id,
    kind: 'interview',
    title: 'Voids team leader',
    onDate: addCalendarDays(progressed.startedOn, 9),
    notes: 'Walked through the void process from keys in to keys out.',
    askedOn: null,
    dueOn: null,
    answeredOn: null,
    file: null,
  });
  await addEvidence(ctx, {
    reviewId: progressed.id,
    kind: 'data_request',
    title: 'Void turnaround times, last 12 months',
    onDate: addCalendarDays(progressed.startedOn, 10),
    notes: null,
    askedOn: addCalendarDays(progressed.startedOn, 10),
    dueOn: addCalendarDays(progressed.startedOn, 17),
    answeredOn: addCalendarDays(progressed.startedOn, 24),
    file: null,
  });

  const policies = [
    ['Lettings', 'tenancy_lettings', 70, true],
    ['Rent arrears', 'rents_income', 42, true],
    ['Anti-social behaviour', 'anti_social_behaviour', 150, true],
    ['Treasury management', null, 42, false],
  ] as const;
  let list = [] as Awaited<ReturnType<typeof savePolicy>>;
  for (const [name, serviceArea, boardInDays, customerFacing] of policies)
    list = await savePolicy(ctx, {
      name,
      serviceArea,
      ownerName: null,
      customerFacing,
      boardDate: addCalendarDays(today, boardInDays),
      lastApprovedOn: addCalendarDays(today, boardInDays - 3 * 365),
      notes: null,
    });
  const lettings = list.find((p) => p.name === 'Lettings')!;
  const consultation = await commission(ctx, today, {
    kind: 'policy_consultation',
    title: 'Lettings policy',
    question: 'Is the lettings policy clear and fair to applicants?',
    serviceArea: 'tenancy_lettings',
    startedDaysAgo: 21,
    weeksAllowed: 8,
  });
  await saveConsultation(ctx, {
    reviewId: consultation.id,
    policyName: 'Lettings',
    policyId: lettings.id,
    boardDate: lettings.boardDate,
    commentOpens: addCalendarDays(consultation.startedOn, 2),
    commentCloses: addCalendarDays(consultation.startedOn, 16),
    feedbackSentOn: null,
  });
  await advance(ctx, consultation, 1);

  return { reviews: 3, policies: policies.length };
};
