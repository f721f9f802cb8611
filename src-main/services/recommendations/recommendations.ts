import { sql, type RawBuilder } from 'kysely';
import type { z } from 'zod';
import type {
  progressInput,
  recommendationInput,
  recommendationUpdateInput,
  stepDoneInput,
  stepInput,
  trackerFilterInput,
} from '../../../src-shared/domain/recommendations';
import type {
  Recommendation,
  RecommendationDetail,
  TrackerPage,
} from '../../../src-shared/domain/recommendations';
import type { ServiceArea } from '../../../src-shared/domain/customer';
import { ApiError } from '../../../src-shared/errors';
import {
  checkStatusChange,
  isOverdue,
  managementResponses,
  recommendationReadPermission,
  recommendationStatuses,
  type ManagementResponse,
  type RecommendationSource,
  type RecommendationStatus,
} from '../../../src-shared/rules/recommendations';
import { londonDate } from '../../../src-shared/rules/working-days';
import { allowed, demand, writing, type AppContext, type CallContext } from '../context';
import type { Writer } from '../../changes/writer';

/*
 * One tracker for recommendations from every source. A source is named by
 * type and id; complaint cases are the first, scrutiny reviews join later by
 * adding their label lookup below.
 */

function today(ctx: AppContext): string {
  return londonDate(ctx.clock.now());
}

async function sourceLabel(
  ctx: AppContext,
  type: RecommendationSource,
  id: string,
): Promise<string> {
  if (type === 'complaint_case') {
    const row = await ctx.db
      .selectFrom('complaint_cases')
      .select('reference')
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (!row) throw ApiError.notFound('The complaint case');
    return row.reference;
  }
  const review = await ctx.db
    .selectFrom('reviews')
    .select('reference')
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!review) throw ApiError.notFound('The review');
  return review.reference;
}

/** Only those who may open a case may change what it recommends. */
function demandSourceAccess(ctx: CallContext, type: RecommendationSource): void {
  if (type === 'complaint_case') demand(ctx, 'cases.write');
}

type RecRow = {
  id: string;
  updated_at: string;
  reference: string;
  source_type: string;
  source_id: string;
  text: string;
  service_area: string;
  management_response: string | null;
  response_reason: string | null;
  owner: string | null;
  due_date: string | null;
  status: string;
  systemic: number;
  evidence: string | null;
  completed_on: string | null;
  case_reference: string | null;
  review_reference: string | null;
};

function toRecommendation(r: RecRow, now: string): Recommendation {
  const status = r.status as RecommendationStatus;
  const response = r.management_response as ManagementResponse | null;
  return {
    id: r.id,
    updatedAt: r.updated_at,
    reference: r.reference,
    sourceType: r.source_type as RecommendationSource,
    sourceId: r.source_id,
    sourceLabel: r.case_reference ?? r.review_reference ?? r.source_type,
    text: r.text,
    serviceArea: r.service_area as ServiceArea,
    managementResponse: response,
    responseReason: r.response_reason,
    owner: r.owner,
    dueDate: r.due_date,
    status,
    overdue: isOverdue(status, response, r.due_date, now),
    systemic: r.systemic === 1,
    evidence: r.evidence,
    completedOn: r.completed_on,
  };
}

function base(ctx: AppContext) {
  return ctx.db
    .selectFrom('recommendations as r')
    .leftJoin('complaint_cases as k', (j) =>
      j.onRef('k.id', '=', 'r.source_id').on('r.source_type', '=', 'complaint_case'),
    )
    .leftJoin('reviews as v', (j) =>
      j.onRef('v.id', '=', 'r.source_id').on('r.source_type', '=', 'scrutiny_review'),
    )
    .where('r.deleted_at', 'is', null);
}

/** Counting needs no join: every filter is on the recommendation itself. */
function countBase(ctx: AppContext) {
  return ctx.db.selectFrom('recommendations as r').where('r.deleted_at', 'is', null);
}

const columns = [
  'r.id',
  'r.updated_at',
  'r.reference',
  'r.source_type',
  'r.source_id',
  'r.text',
  'r.service_area',
  'r.management_response',
  'r.response_reason',
  'r.owner',
  'r.due_date',
  'r.status',
  'r.systemic',
  'r.evidence',
  'r.completed_on',
  'k.reference as case_reference',
  'v.reference as review_reference',
] as const;

type Filter = z.output<typeof trackerFilterInput>;

/** Overdue is derived, so the filter restates the rule in SQL: open or in progress, not rejected, due before today. */
function applyFilter(
  q: ReturnType<typeof countBase>,
  f: Filter,
  now: string,
): ReturnType<typeof countBase> {
  let out = q;
  if (f.sourceType) out = out.where('r.source_type', '=', f.sourceType);
  if (f.sourceId) out = out.where('r.source_id', '=', f.sourceId);
  if (f.owner) out = out.where('r.owner', '=', f.owner);
  // Literal, so SQLite can use the partial index of systemic recommendations.
  if (f.systemicOnly) out = out.where(sql<boolean>`r.systemic = 1`);
  const overdue = f.overdueOnly || f.status === 'overdue';
  if (f.status && f.status !== 'overdue') out = out.where('r.status', '=', f.status);
  if (overdue) {
    // Literal values, so SQLite can use the partial index of open recommendations by due date.
    out = out
      .where(sql<boolean>`r.status in ('open', 'in_progress')`)
      .where('r.due_date', '<', now)
      .where((eb) =>
        eb.or([
          eb('r.management_response', 'is', null),
          eb('r.management_response', '!=', 'rejected'),
        ]),
      );
  }
  return out;
}

/** A position in the lifecycle, so sorting by status or response follows the work, not the alphabet. */
function rank(column: string, codes: readonly string[]) {
  return sql.raw(
    `case ${column} ${codes.map((c, i) => `when '${c}' then ${i}`).join(' ')} else ${codes.length} end`,
  );
}

type OrderTerm = [column: string | RawBuilder<unknown>, direction: 'asc' | 'desc'];

/**
 * A reference is its source's (zero-padded, so it sorts as text) and then
 * R1, R2 … R10: the number after "/R" is sorted as a number, so R10 comes
 * after R9 and not after R1.
 */
function byReference(dir: 'asc' | 'desc'): OrderTerm[] {
  return [
    [sql`substr(r.reference, 1, instr(r.reference, '/R'))`, dir],
    [sql`cast(substr(r.reference, instr(r.reference, '/R') + 2) as integer)`, dir],
    ['r.reference', dir],
  ];
}

/** Empty values last whichever way; ties by due date, then reference, so a page is stable. */
function orderTerms(f: Filter): OrderTerm[] {
  const dir = f.direction === 'desc' ? 'desc' : 'asc';
  const byDue: OrderTerm[] = [
    [sql`r.due_date is null`, 'asc'],
    ['r.due_date', 'asc'],
    ...byReference('asc'),
  ];
  switch (f.sort ?? 'due') {
    case 'reference':
      return byReference(dir);
    case 'owner':
      return [[sql`r.owner is null`, 'asc'], [sql`r.owner collate nocase`, dir], ...byDue];
    case 'response':
      return [[rank('r.management_response', managementResponses), dir], ...byDue];
    case 'status':
      return [[rank('r.status', recommendationStatuses), dir], ...byDue];
    case 'due':
      return [[sql`r.due_date is null`, 'asc'], ['r.due_date', dir], ...byReference(dir)];
  }
}

/** The tracker's query for a filter, as this person may see it, sorted as the filter says. */
function matching(ctx: CallContext, f: Filter, now: string) {
  // Officers may see the tracker but not recommendations from cases they may not open.
  const canSeeCases = allowed(ctx, recommendationReadPermission.complaint_case);
  let q = applyFilter(
    base(ctx) as unknown as ReturnType<typeof countBase>,
    f,
    now,
  ) as unknown as ReturnType<typeof base>;
  let counted = applyFilter(countBase(ctx), f, now);
  if (!canSeeCases) {
    q = q.where('r.source_type', '!=', 'complaint_case');
    counted = counted.where('r.source_type', '!=', 'complaint_case');
  }
  const rows = orderTerms(f).reduce(
    (acc, [column, dir]) => acc.orderBy(column as never, dir),
    q.select(columns),
  );
  return { rows, counted };
}

export async function trackRecommendations(ctx: CallContext, f: Filter): Promise<TrackerPage> {
  const now = today(ctx);
  const { rows: q, counted } = matching(ctx, f, now);
  const [rows, total, owners] = await Promise.all([
    q.limit(f.limit).offset(f.offset).execute(),
    counted.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ownerList(ctx),
  ]);
  return {
    rows: rows.map((r) => toRecommendation(r, now)),
    total: Number(total.n),
    owners,
  };
}

/**
 * The owner filter's choices. Home asks for one-row pages only for their
 * totals, so the list is kept until the database changes: this connection's
 * change count and SQLite's data version (which moves when another
 * connection, such as the command line, commits) say when it may be stale.
 */
const ownerCache = new WeakMap<object, { version: string; owners: string[] }>();

async function ownerList(ctx: AppContext): Promise<string[]> {
  const stamp = await sql<{ changes: number; version: number }>`
    SELECT total_changes() AS changes, (SELECT data_version FROM pragma_data_version) AS version
  `.execute(ctx.db);
  const version = `${stamp.rows[0]!.changes}:${stamp.rows[0]!.version}`;
  const cached = ownerCache.get(ctx.raw);
  if (cached?.version === version) return cached.owners;
  const owners = (
    await ctx.db
      .selectFrom('recommendations')
      .select('owner')
      .distinct()
      .where('owner', 'is not', null)
      .where('deleted_at', 'is', null)
      .orderBy('owner')
      .execute()
  ).map((o) => o.owner as string);
  ownerCache.set(ctx.raw, { version, owners });
  return owners;
}

/**
 * Every recommendation the filter matches (its paging ignored), in one
 * query: page after page would sort the whole tracker again for each.
 */
export async function allMatching(ctx: CallContext, f: Filter): Promise<Recommendation[]> {
  const now = today(ctx);
  const rows = await matching(ctx, f, now).rows.execute();
  return rows.map((r) => toRecommendation(r, now));
}

export async function getRecommendation(
  ctx: CallContext,
  input: { id: string },
): Promise<RecommendationDetail> {
  const row = await base(ctx).select(columns).where('r.id', '=', input.id).executeTakeFirst();
  if (!row) throw ApiError.notFound('The recommendation');
  demand(ctx, recommendationReadPermission[row.source_type as RecommendationSource]);
  const [steps, updates] = await Promise.all([
    ctx.db
      .selectFrom('recommendation_steps')
      .select(['id', 'text', 'due_date', 'done_on'])
      .where('recommendation_id', '=', input.id)
      .where('deleted_at', 'is', null)
      .orderBy('created_at')
      .execute(),
    ctx.db
      .selectFrom('recommendation_updates as u')
      .leftJoin('staff as s', 's.id', 'u.updated_by')
      .select(['u.id', 'u.on_date', 'u.note', 's.name'])
      .where('u.recommendation_id', '=', input.id)
      .where('u.deleted_at', 'is', null)
      .orderBy('u.on_date', 'desc')
      .execute(),
  ]);
  return {
    ...toRecommendation(row, today(ctx)),
    steps: steps.map((s) => ({ id: s.id, text: s.text, dueDate: s.due_date, doneOn: s.done_on })),
    updates: updates.map((u) => ({ id: u.id, onDate: u.on_date, note: u.note, byName: u.name })),
  };
}

function checkResponse(response: ManagementResponse | null, reason: string | null): void {
  if ((response === 'rejected' || response === 'partly_accepted') && !reason) {
    throw ApiError.invalid(
      'Give management’s reason for rejecting or only partly accepting the recommendation.',
      [{ path: 'responseReason', message: 'Give the reason.' }],
    );
  }
}

async function nextReference(w: Writer, label: string): Promise<string> {
  const rows = await w.trx
    .selectFrom('recommendations')
    .select('reference')
    .where('reference', 'like', `${label}/R%`)
    .execute();
  const max = rows.reduce(
    (m, r) => Math.max(m, Number(r.reference.slice(label.length + 2)) || 0),
    0,
  );
  return `${label}/R${max + 1}`;
}

export async function addRecommendation(
  ctx: CallContext,
  input: z.output<typeof recommendationInput>,
): Promise<RecommendationDetail> {
  demandSourceAccess(ctx, input.sourceType);
  const label = await sourceLabel(ctx, input.sourceType, input.sourceId);
  checkResponse(input.managementResponse, input.responseReason);
  const id = await writing(ctx, async (w) =>
    w.create('recommendations', {
      reference: await nextReference(w, label),
      source_type: input.sourceType,
      source_id: input.sourceId,
      text: input.text,
      service_area: input.serviceArea,
      management_response: input.managementResponse,
      response_reason: input.responseReason,
      owner: input.owner,
      due_date: input.dueDate,
      status: 'open',
      systemic: input.systemic ? 1 : 0,
      evidence: null,
      completed_on: null,
    }),
  );
  return getRecommendation(ctx, { id });
}

async function loadRec(ctx: CallContext, id: string) {
  const row = await ctx.db
    .selectFrom('recommendations')
    .selectAll()
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw ApiError.notFound('The recommendation');
  demandSourceAccess(ctx, row.source_type as RecommendationSource);
  return row;
}

export async function updateRecommendation(
  ctx: CallContext,
  input: z.output<typeof recommendationUpdateInput>,
): Promise<RecommendationDetail> {
  const row = await loadRec(ctx, input.id);
  checkResponse(input.managementResponse, input.responseReason);
  const verdict = checkStatusChange(input.status, input.managementResponse, input.evidence);
  if (!verdict.ok && input.status !== row.status)
    throw ApiError.invalid(verdict.message ?? 'This status change is not allowed.', [
      { path: 'status', message: verdict.message ?? '' },
    ]);
  const done = input.status === 'implemented' || input.status === 'verified';
  await writing(ctx, (w) =>
    w.update(
      'recommendations',
      input.id,
      {
        text: input.text,
        service_area: input.serviceArea,
        management_response: input.managementResponse,
        response_reason: input.responseReason,
        owner: input.owner,
        due_date: input.dueDate,
        status: input.status,
        systemic: input.systemic ? 1 : 0,
        evidence: input.evidence,
        completed_on: done ? (row.completed_on ?? today(ctx)) : null,
      },
      { expectedUpdatedAt: input.expectedUpdatedAt },
    ),
  );
  return getRecommendation(ctx, { id: input.id });
}

export async function addStep(
  ctx: CallContext,
  input: z.output<typeof stepInput>,
): Promise<RecommendationDetail> {
  await loadRec(ctx, input.recommendationId);
  await writing(ctx, (w) =>
    w.create('recommendation_steps', {
      recommendation_id: input.recommendationId,
      text: input.text,
      due_date: input.dueDate,
      done_on: null,
    }),
  );
  return getRecommendation(ctx, { id: input.recommendationId });
}

export async function markStep(
  ctx: CallContext,
  input: z.output<typeof stepDoneInput>,
): Promise<RecommendationDetail> {
  const step = await ctx.db
    .selectFrom('recommendation_steps')
    .select('recommendation_id')
    .where('id', '=', input.id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!step) throw ApiError.notFound('The action step');
  await loadRec(ctx, step.recommendation_id);
  await writing(ctx, (w) => w.update('recommendation_steps', input.id, { done_on: input.doneOn }));
  return getRecommendation(ctx, { id: step.recommendation_id });
}

export async function addProgress(
  ctx: CallContext,
  input: z.output<typeof progressInput>,
): Promise<RecommendationDetail> {
  await loadRec(ctx, input.recommendationId);
  if (input.onDate > today(ctx))
    throw ApiError.invalid('A progress update cannot be dated in the future.', [
      { path: 'onDate', message: 'Use today or earlier.' },
    ]);
  await writing(ctx, (w) =>
    w.create('recommendation_updates', {
      recommendation_id: input.recommendationId,
      on_date: input.onDate,
      note: input.note,
    }),
  );
  return getRecommendation(ctx, { id: input.recommendationId });
}
