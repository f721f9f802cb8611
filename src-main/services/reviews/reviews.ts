import type { z } from 'zod';
import type {
  commissionInput,
  reportTemplateInput,
  reviewListInput,
  stageMoveInput,
} from '../../../src-shared/domain/reviews';
import type {
  Commissioner,
  EvidenceKind,
  ReviewDetail,
  ReviewKind,
  ReviewSummary,
  TeamRole,
} from '../../../src-shared/domain/reviews';
import type { ServiceArea } from '../../../src-shared/domain/customer';
import { ApiError } from '../../../src-shared/errors';
import {
  checkStageMove,
  isFinalStage,
  stageLabel,
  type Stage,
} from '../../../src-shared/rules/review-stages';
import { weekCount } from '../../../src-shared/rules/review-weeks';
import { londonDate, workingDaysBetween } from '../../../src-shared/rules/working-days';
import { bankHolidays } from '../reference/bank-holidays';
import { writing, type AppContext, type CallContext } from '../context';
import type { Writer } from '../../changes/writer';
import { mayRecordEvidence, requireReview } from './access';
import { consultationOf } from './consultation-detail';
import { templateFor, reviewTemplates } from './templates';

export function todayOf(ctx: AppContext): string {
  return londonDate(ctx.clock.now());
}

function fullName(r: { first_name: string; last_name: string; preferred_name: string | null }) {
  return `${r.preferred_name ?? r.first_name} ${r.last_name}`;
}

/** The group a kind's team comes from: by the template's group name. */
export async function teamGroupFor(ctx: AppContext, groupName: string) {
  return (
    (await ctx.db
      .selectFrom('groups')
      .select(['id', 'name'])
      .where('deleted_at', 'is', null)
      .where('name', '=', groupName)
      .executeTakeFirst()) ?? null
  );
}

async function nextReference(w: Writer, prefix: string, year: string): Promise<string> {
  const stem = `${prefix}-${year}-`;
  const rows = await w.trx
    .selectFrom('reviews')
    .select('reference')
    .where('reference', 'like', `${stem}%`)
    .execute();
  const max = rows.reduce((m, r) => Math.max(m, Number(r.reference.slice(stem.length)) || 0), 0);
  return `${stem}${String(max + 1).padStart(3, '0')}`;
}

export async function commissionReview(
  ctx: CallContext,
  input: z.output<typeof commissionInput>,
): Promise<ReviewDetail> {
  const template = await templateFor(ctx, input.kind);
  const officer = await ctx.db
    .selectFrom('staff')
    .select(['id', 'active'])
    .where('id', '=', input.leadOfficerId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!officer || !officer.active)
    throw ApiError.invalid('Choose a current staff profile as the lead officer.', [
      { path: 'leadOfficerId', message: 'Choose the lead officer.' },
    ]);
  const group = await teamGroupFor(ctx, template.teamGroup);
  const id = await writing(ctx, async (w) => {
    const commissionId = await w.create('review_commissions', {
      kind: input.kind,
      commissioned_by: input.commissionedBy,
      commissioner_name: input.commissionerName,
      commissioner_service: input.commissionerService,
      commissioned_on: input.commissionedOn,
      question: input.question,
      service_area: input.serviceArea,
      landlord_ids: JSON.stringify(input.landlordIds),
      deadline: input.deadline,
    });
    const first = template.stages[0]!;
    const reviewId = await w.create('reviews', {
      reference: await nextReference(w, template.prefix, input.startedOn.slice(0, 4)),
      commission_id: commissionId,
      kind: input.kind,
      title: input.title,
      service_area: input.serviceArea,
      stages: JSON.stringify(template.stages),
      stage: first.code,
      started_on: input.startedOn,
      deadline: input.deadline,
      completed_on: null,
      lead_officer_id: input.leadOfficerId,
      team_group_id: group?.id ?? null,
      report_intro: template.report.intro,
      report_closing: template.report.closing,
      policy_name: null,
      board_date: null,
      comment_opens: null,
      comment_closes: null,
      feedback_sent_on: null,
    });
    await w.create('review_stage_moves', {
      review_id: reviewId,
      from_stage: null,
      to_stage: first.code,
      on_date: input.startedOn,
      reason: null,
    });
    return reviewId;
  });
  return getReview(ctx, { id });
}

type ReviewRow = Awaited<ReturnType<typeof requireReview>>;

function summaryOf(
  r: ReviewRow & { lead_name: string | null },
  kindLabel: string,
  expected: Parameters<typeof weekCount>[2],
  today: string,
  calendar: ReturnType<typeof bankHolidays>,
): ReviewSummary {
  const stages = JSON.parse(r.stages) as Stage[];
  return {
    id: r.id,
    reference: r.reference,
    kind: r.kind as ReviewKind,
    kindLabel,
    title: r.title,
    serviceArea: r.service_area as ServiceArea,
    stage: r.stage,
    stageLabel: stageLabel(stages, r.stage),
    startedOn: r.started_on,
    deadline: r.deadline,
    completedOn: r.completed_on,
    leadOfficerName: r.lead_name,
    weeks: weekCount(r.started_on, r.completed_on ?? today, expected, calendar),
  };
}

export async function listReviews(
  ctx: CallContext,
  input: z.output<typeof reviewListInput>,
): Promise<ReviewSummary[]> {
  let q = ctx.db
    .selectFrom('reviews as r')
    .leftJoin('staff as s', 's.id', 'r.lead_officer_id')
    .selectAll('r')
    .select('s.name as lead_name')
    .where('r.deleted_at', 'is', null);
  if (input.kind) q = q.where('r.kind', '=', input.kind);
  if (input.state === 'open') q = q.where('r.completed_on', 'is', null);
  if (input.state === 'complete') q = q.where('r.completed_on', 'is not', null);
  const rows = await q.orderBy('r.started_on', 'desc').orderBy('r.reference').limit(500).execute();
  const templates = await reviewTemplates(ctx);
  const today = todayOf(ctx);
  const calendar = bankHolidays(ctx);
  return rows.map((r) => {
    const t = templates[r.kind as ReviewKind];
    return summaryOf(r, t.label, t.expected, today, calendar);
  });
}

export async function tagsOf(ctx: AppContext, entityType: string, entityIds: string[]) {
  if (!entityIds.length) return new Map<string, string[]>();
  const rows = await ctx.db
    .selectFrom('assurance_tags')
    .select(['entity_id', 'requirement_code'])
    .where('entity_type', '=', entityType)
    .where('entity_id', 'in', entityIds)
    .where('deleted_at', 'is', null)
    .orderBy('requirement_code')
    .execute();
  const out = new Map<string, string[]>();
  for (const r of rows) out.set(r.entity_id, [...(out.get(r.entity_id) ?? []), r.requirement_code]);
  return out;
}

export async function getReview(ctx: CallContext, input: { id: string }): Promise<ReviewDetail> {
  const r = await requireReview(ctx, input.id);
  const template = await templateFor(ctx, r.kind as ReviewKind);
  const today = todayOf(ctx);
  const calendar = bankHolidays(ctx);
  const [commission, lead, moves, officers, team, evidence, findings, group] = await Promise.all([
    ctx.db
      .selectFrom('review_commissions')
      .selectAll()
      .where('id', '=', r.commission_id)
      .executeTakeFirstOrThrow(),
    ctx.db
      .selectFrom('staff')
      .select('name')
      .where('id', '=', r.lead_officer_id)
      .executeTakeFirst(),
    ctx.db
      .selectFrom('review_stage_moves')
      .selectAll()
      .where('review_id', '=', r.id)
      .where('deleted_at', 'is', null)
      .orderBy('on_date')
      .orderBy('created_at')
      .execute(),
    ctx.db
      .selectFrom('review_officers as o')
      .innerJoin('staff as s', 's.id', 'o.staff_id')
      .select(['o.id', 'o.staff_id', 's.name'])
      .where('o.review_id', '=', r.id)
      .where('o.deleted_at', 'is', null)
      .orderBy('s.name')
      .execute(),
    ctx.db
      .selectFrom('review_team as t')
      .innerJoin('customers as c', 'c.id', 't.customer_id')
      .select([
        't.id',
        't.customer_id',
        't.role',
        't.joined_on',
        'c.first_name',
        'c.last_name',
        'c.preferred_name',
      ])
      .where('t.review_id', '=', r.id)
      .where('t.deleted_at', 'is', null)
      .orderBy('c.last_name')
      .execute(),
    ctx.db
      .selectFrom('review_evidence as e')
      .leftJoin('staff as s', 's.id', 'e.updated_by')
      .selectAll('e')
      .select('s.name as author')
      .where('e.review_id', '=', r.id)
      .where('e.deleted_at', 'is', null)
      .orderBy('e.on_date')
      .orderBy('e.created_at')
      .execute(),
    ctx.db
      .selectFrom('review_findings')
      .select(['id', 'position', 'heading', 'text'])
      .where('review_id', '=', r.id)
      .where('deleted_at', 'is', null)
      .orderBy('position')
      .execute(),
    r.team_group_id
      ? ctx.db
          .selectFrom('groups')
          .select(['id', 'name'])
          .where('id', '=', r.team_group_id)
          .executeTakeFirst()
      : Promise.resolve(undefined),
  ]);
  const landlordIds = JSON.parse(commission.landlord_ids) as string[];
  const landlords = landlordIds.length
    ? await ctx.db
        .selectFrom('landlords')
        .select('name')
        .where('id', 'in', landlordIds)
        .orderBy('sort_order')
        .execute()
    : [];
  const evidenceTags = await tagsOf(
    ctx,
    'review_evidence',
    evidence.map((e) => e.id),
  );
  const reviewTags = (await tagsOf(ctx, 'review', [r.id])).get(r.id) ?? [];
  const stages = JSON.parse(r.stages) as Stage[];
  const at = stages.findIndex((s) => s.code === r.stage);
  const done = isFinalStage(stages, r.stage);
  return {
    ...summaryOf(
      { ...r, lead_name: lead?.name ?? null },
      template.label,
      template.expected,
      today,
      calendar,
    ),
    updatedAt: r.updated_at,
    commission: {
      id: commission.id,
      commissionedBy: commission.commissioned_by as Commissioner,
      commissionerName: commission.commissioner_name,
      commissionerService: commission.commissioner_service,
      commissionedOn: commission.commissioned_on,
      question: commission.question,
      landlordNames: landlords.map((l) => l.name),
    },
    stages,
    moves: moves.map((m) => ({
      id: m.id,
      fromStage: m.from_stage,
      toStage: m.to_stage,
      toLabel: stageLabel(stages, m.to_stage),
      onDate: m.on_date,
      reason: m.reason,
    })),
    nextStage: done ? null : (stages[at + 1] ?? null),
    previousStage: done || at <= 0 ? null : stages[at - 1]!,
    leadOfficerId: r.lead_officer_id,
    officers: officers.map((o) => ({ id: o.id, staffId: o.staff_id, name: o.name })),
    teamGroup: group ?? null,
    team: team.map((t) => ({
      id: t.id,
      customerId: t.customer_id,
      name: fullName(t),
      role: t.role as TeamRole,
      joinedOn: t.joined_on,
    })),
    evidence: evidence.map((e) => {
      const answeredOrToday = e.answered_on ?? today;
      const late =
        e.due_on === null
          ? null
          : Math.max(0, workingDaysBetween(e.due_on, answeredOrToday, calendar));
      return {
        id: e.id,
        kind: e.kind as EvidenceKind,
        title: e.title,
        onDate: e.on_date,
        notes: e.notes,
        askedOn: e.asked_on,
        dueOn: e.due_on,
        answeredOn: e.answered_on,
        daysLate: late,
        fileName: e.file_name,
        sizeBytes: e.size_bytes,
        authorName: e.author,
        tags: evidenceTags.get(e.id) ?? [],
      };
    }),
    findings,
    reportTemplate: { intro: r.report_intro, closing: r.report_closing },
    consultation: await consultationOf(ctx, r),
    tags: reviewTags,
    canRecordEvidence: await mayRecordEvidence(ctx, r),
  };
}

export async function moveStage(
  ctx: CallContext,
  input: z.output<typeof stageMoveInput>,
): Promise<ReviewDetail> {
  const r = await requireReview(ctx, input.reviewId);
  const stages = JSON.parse(r.stages) as Stage[];
  const last = await ctx.db
    .selectFrom('review_stage_moves')
    .select((eb) => eb.fn.max('on_date').as('on'))
    .where('review_id', '=', r.id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  const verdict = checkStageMove({
    stages,
    current: r.stage,
    next: input.next,
    onDate: input.onDate,
    reason: input.reason,
    startedOn: r.started_on,
    lastMoveOn: (last?.on as string | null) ?? null,
    today: todayOf(ctx),
  });
  if (!verdict.ok)
    throw ApiError.invalid(verdict.message, [{ path: verdict.field, message: verdict.message }]);
  const completing = isFinalStage(stages, input.next);
  await writing(ctx, async (w) => {
    await w.create(
      'review_stage_moves',
      {
        review_id: r.id,
        from_stage: r.stage,
        to_stage: input.next,
        on_date: input.onDate,
        reason: input.reason,
      },
      { reason: input.reason },
    );
    await w.update(
      'reviews',
      r.id,
      { stage: input.next, completed_on: completing ? input.onDate : null },
      { reason: input.reason },
    );
  });
  return getReview(ctx, { id: r.id });
}

export async function saveReportTemplate(
  ctx: CallContext,
  input: z.output<typeof reportTemplateInput>,
): Promise<ReviewDetail> {
  await requireReview(ctx, input.reviewId);
  await writing(ctx, (w) =>
    w.update('reviews', input.reviewId, {
      report_intro: input.intro,
      report_closing: input.closing,
    }),
  );
  return getReview(ctx, { id: input.reviewId });
}
