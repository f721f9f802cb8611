import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type {
  ApplicantKind,
  ApplicationStatus,
  ApplicationSummary,
  DecisionMethod,
  GrantApplication,
  GrantDocumentKind,
  GrantFund,
  GrantPaymentMethod,
  applicationInput,
  documentInput,
} from '../../../src-shared/domain/grants';
import { applicantKindLabels } from '../../../src-shared/domain/grants';
import { ApiError } from '../../../src-shared/errors';
import {
  checkEligibility,
  type EligibilityCheck,
} from '../../../src-shared/rules/grant-eligibility';
import { evaluationState } from '../../../src-shared/rules/grant-evaluation';
import { applicationScore } from '../../../src-shared/rules/grant-scoring';
import { londonDate } from '../../../src-shared/rules/working-days';
import type { DB } from '../../db/schema';
import type { GrantApplicationRow } from '../../db/schema/grants';
import { readStoredContent, storeContent } from '../files/file-store';
import { writing, type AppContext, type CallContext } from '../context';
import { roundCriteria, roundRow } from './rounds';

/** Kinds of file a grant case takes: documents and spend evidence, and photos of the project. */
const FILE_TYPES =
  /^(image\/(jpeg|png|heic|heif|webp)|application\/pdf|application\/vnd\.openxmlformats-officedocument\.(wordprocessingml\.document|spreadsheetml\.sheet)|application\/msword|text\/plain)$/;

export async function applicationRow(db: Kysely<DB>, id: string): Promise<GrantApplicationRow> {
  const row = await db
    .selectFrom('grant_applications')
    .selectAll()
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw ApiError.notFound('The application');
  return row;
}

const PREFIX: Record<GrantFund, string> = { community_fund: 'CF', participatory_budget: 'PB' };

async function nextReference(db: Kysely<DB>, fund: GrantFund, receivedOn: string): Promise<string> {
  const prefix = `${PREFIX[fund]}-${receivedOn.slice(0, 4)}-`;
  const last = await db
    .selectFrom('grant_applications')
    .select((eb) => eb.fn.max('reference').as('ref'))
    .where('reference', 'like', `${prefix}%`)
    .executeTakeFirst();
  const n = last?.ref ? Number(String(last.ref).slice(prefix.length)) + 1 : 1;
  return `${prefix}${String(n).padStart(3, '0')}`;
}

export async function listApplications(
  ctx: AppContext,
  filter: {
    roundId: string | null;
    status: ApplicationStatus | null;
    evaluation: 'outstanding' | 'overdue' | null;
  },
): Promise<ApplicationSummary[]> {
  const today = londonDate(ctx.clock.now());
  let q = ctx.db
    .selectFrom('grant_applications as a')
    .innerJoin('grant_rounds as r', 'r.id', 'a.round_id')
    .leftJoin('areas as ar', 'ar.id', 'a.area_id')
    .leftJoin('grant_priorities as p', 'p.id', 'a.priority_id')
    .select([
      'a.id',
      'a.reference',
      'a.round_id',
      'r.name as round_name',
      'a.applicant_name',
      'a.applicant_kind',
      'a.project_title',
      'ar.name as area_name',
      'p.name as priority_name',
      'a.amount_pence',
      'a.received_on',
      'a.status',
      'a.award_pence',
      'a.evaluation_due_on',
      'a.paid_pence',
      'a.evaluated_on',
    ])
    .where('a.deleted_at', 'is', null);
  if (filter.roundId) q = q.where('a.round_id', '=', filter.roundId);
  if (filter.status) q = q.where('a.status', '=', filter.status);
  if (filter.evaluation) {
    q = q
      .where('a.decision', '=', 'awarded')
      .where('a.evaluation_due_on', 'is not', null)
      .where('a.evaluated_on', 'is', null);
    if (filter.evaluation === 'overdue') q = q.where('a.evaluation_due_on', '<', today);
  }
  const rows = await q
    .orderBy(filter.evaluation ? 'a.evaluation_due_on' : 'a.reference')
    .limit(1000)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    reference: r.reference,
    roundId: r.round_id,
    roundName: r.round_name,
    applicantName: r.applicant_name,
    applicantKind: r.applicant_kind as ApplicantKind,
    projectTitle: r.project_title,
    areaName: r.area_name,
    priorityName: r.priority_name,
    amountPence: r.amount_pence,
    receivedOn: r.received_on,
    status: r.status as ApplicationStatus,
    awardPence: r.award_pence,
    paidPence: r.paid_pence,
    evaluationDueOn: r.evaluation_due_on,
    evaluationReceived: r.evaluated_on !== null,
  }));
}

export async function getApplication(ctx: AppContext, id: string): Promise<GrantApplication> {
  const today = londonDate(ctx.clock.now());
  const a = await applicationRow(ctx.db, id);
  const round = await roundRow(ctx.db, a.round_id);
  const [area, priority, documents, payments, evaluation, tallies, criteria, scores] =
    await Promise.all([
      a.area_id
        ? ctx.db.selectFrom('areas').select('name').where('id', '=', a.area_id).executeTakeFirst()
        : undefined,
      a.priority_id
        ? ctx.db
            .selectFrom('grant_priorities')
            .select('name')
            .where('id', '=', a.priority_id)
            .executeTakeFirst()
        : undefined,
      ctx.db
        .selectFrom('grant_documents')
        .select(['id', 'kind', 'description', 'file_name', 'mime_type', 'size_bytes', 'created_at'])
        .where('application_id', '=', id)
        .where('deleted_at', 'is', null)
        .orderBy('created_at')
        .execute(),
      ctx.db
        .selectFrom('grant_payments')
        .select(['id', 'paid_on', 'amount_pence', 'method', 'reference', 'note'])
        .where('application_id', '=', id)
        .where('deleted_at', 'is', null)
        .orderBy('paid_on')
        .execute(),
      ctx.db
        .selectFrom('grant_evaluations')
        .select(['received_on', 'delivered', 'people_reached', 'spent_pence', 'learning'])
        .where('application_id', '=', id)
        .where('deleted_at', 'is', null)
        .executeTakeFirst(),
      ctx.db
        .selectFrom('grant_vote_tallies')
        .select(['id', 'place', 'votes'])
        .where('application_id', '=', id)
        .where('deleted_at', 'is', null)
        .orderBy('place')
        .execute(),
      roundCriteria(ctx.db, a.round_id),
      ctx.db
        .selectFrom('grant_scores')
        .select(['application_id', 'criterion_id', 'customer_id', 'score'])
        .where('application_id', '=', id)
        .where('deleted_at', 'is', null)
        .execute(),
    ]);
  const paid = payments.reduce((s, p) => s + p.amount_pence, 0);
  const method = round.decision_method as DecisionMethod;
  const score =
    method === 'panel'
      ? applicationScore(
          criteria,
          scores.map((s) => ({
            ...s,
            applicationId: s.application_id,
            criterionId: s.criterion_id,
            customerId: s.customer_id,
          })),
        )
      : null;
  return {
    id: a.id,
    updatedAt: a.updated_at,
    reference: a.reference,
    roundId: a.round_id,
    roundName: round.name,
    fund: round.fund as GrantFund,
    decisionMethod: method,
    applicantName: a.applicant_name,
    applicantKind: a.applicant_kind as ApplicantKind,
    contactCustomerId: a.contact_customer_id,
    contactName: a.contact_name,
    contactPhone: a.contact_phone,
    contactEmail: a.contact_email,
    contactAddressLine1: a.contact_address_line1,
    contactPostcode: a.contact_postcode,
    projectTitle: a.project_title,
    projectSummary: a.project_summary,
    outcomes: a.outcomes,
    areaId: a.area_id,
    areaName: area?.name ?? null,
    priorityId: a.priority_id,
    priorityName: priority?.name ?? null,
    amountPence: a.amount_pence,
    peopleExpected: a.people_expected,
    startsOn: a.starts_on,
    endsOn: a.ends_on,
    receivedOn: a.received_on,
    status: a.status as ApplicationStatus,
    eligibility: a.eligibility ? (JSON.parse(a.eligibility) as EligibilityCheck) : null,
    checkedOn: a.checked_on,
    decision: a.decision as 'awarded' | 'declined' | null,
    decidedOn: a.decided_on,
    awardPence: a.award_pence,
    conditions: a.conditions,
    decisionReason: a.decision_reason,
    evaluationDueOn: a.evaluation_due_on,
    reminderSentOn: a.reminder_sent_on,
    paidPence: paid,
    evaluationReceived: evaluation !== undefined,
    evaluationState:
      a.decision === 'awarded'
        ? evaluationState(a.evaluation_due_on, evaluation !== undefined, today)
        : null,
    documents: documents.map((d) => ({
      id: d.id,
      kind: d.kind as GrantDocumentKind,
      description: d.description,
      fileName: d.file_name,
      mimeType: d.mime_type,
      sizeBytes: d.size_bytes,
      addedAt: d.created_at,
    })),
    payments: payments.map((p) => ({
      id: p.id,
      paidOn: p.paid_on,
      amountPence: p.amount_pence,
      method: p.method as GrantPaymentMethod,
      reference: p.reference,
      note: p.note,
    })),
    evaluation: evaluation
      ? {
          receivedOn: evaluation.received_on,
          delivered: evaluation.delivered,
          peopleReached: evaluation.people_reached,
          spentPence: evaluation.spent_pence,
          learning: evaluation.learning,
        }
      : null,
    scoreTotal: score ? { total: score.total, max: score.max, members: score.members } : null,
    tallies,
  };
}

function refuseUnlessOpen(a: GrantApplicationRow) {
  if (a.decision || a.status === 'withdrawn')
    throw ApiError.invalid(
      a.status === 'withdrawn'
        ? 'This application was withdrawn, so it cannot change.'
        : 'This application has been decided, so its details cannot change.',
    );
}

export async function saveApplication(
  ctx: CallContext,
  input: z.output<typeof applicationInput>,
): Promise<GrantApplication> {
  const round = await roundRow(ctx.db, input.roundId);
  if (round.decided_on)
    throw ApiError.invalid('This round’s decisions are closed: it takes no more applications.');
  if (input.startsOn && input.endsOn && input.endsOn < input.startsOn)
    throw ApiError.invalid('The project ends before it starts.', [
      { path: 'endsOn', message: 'Ends before it starts.' },
    ]);
  if (!input.contactCustomerId && !input.contactName)
    throw ApiError.invalid('Give the contact’s name, or choose them from the register.', [
      { path: 'contactName', message: 'The contact’s name is required.' },
    ]);
  let contact = {
    name: input.contactName ?? '',
    phone: input.contactPhone,
    email: input.contactEmail,
    line1: input.contactAddressLine1,
    postcode: input.contactPostcode,
  };
  if (input.contactCustomerId) {
    // A contact on the register is reached through the register: their details stay in one place.
    const c = await ctx.db
      .selectFrom('customers')
      .select([
        'first_name',
        'last_name',
        'preferred_name',
        'phone',
        'mobile',
        'email',
        'address_line1',
        'postcode',
      ])
      .where('id', '=', input.contactCustomerId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (!c)
      throw ApiError.invalid('The contact is not on the register.', [
        { path: 'contactCustomerId', message: 'Choose a customer on the register.' },
      ]);
    contact = {
      name: input.contactName || `${c.preferred_name ?? c.first_name} ${c.last_name}`,
      phone: input.contactPhone ?? c.mobile ?? c.phone,
      email: input.contactEmail ?? c.email,
      line1: input.contactAddressLine1 ?? c.address_line1,
      postcode: input.contactPostcode ?? c.postcode,
    };
  }
  const values = {
    round_id: input.roundId,
    received_on: input.receivedOn,
    applicant_kind: input.applicantKind,
    applicant_name: input.applicantName,
    contact_customer_id: input.contactCustomerId,
    contact_name: contact.name,
    contact_phone: contact.phone,
    contact_email: contact.email,
    contact_address_line1: contact.line1,
    contact_postcode: contact.postcode,
    project_title: input.projectTitle,
    project_summary: input.projectSummary,
    outcomes: input.outcomes,
    area_id: input.areaId,
    priority_id: input.priorityId,
    amount_pence: input.amountPence,
    people_expected: input.peopleExpected,
    starts_on: input.startsOn,
    ends_on: input.endsOn,
  };
  const id = await writing(ctx, async (w) => {
    if (input.id) {
      const existing = await applicationRow(w.trx, input.id);
      refuseUnlessOpen(existing);
      // A changed application is checked again before it goes to the panel or the vote.
      await w.update('grant_applications', input.id, {
        ...values,
        status: 'received',
        eligibility: null,
        checked_on: null,
      });
      return input.id;
    }
    return w.create('grant_applications', {
      ...values,
      reference: await nextReference(w.trx, round.fund as GrantFund, input.receivedOn),
      status: 'received',
      eligibility: null,
      checked_on: null,
      decision: null,
      decided_on: null,
      award_pence: null,
      conditions: null,
      decision_reason: null,
      evaluation_due_on: null,
      reminder_sent_on: null,
      paid_pence: 0,
      evaluated_on: null,
    });
  });
  return getApplication(ctx, id);
}

export async function withdrawApplication(
  ctx: CallContext,
  id: string,
  reason: string,
): Promise<GrantApplication> {
  const a = await applicationRow(ctx.db, id);
  refuseUnlessOpen(a);
  await writing(ctx, (w) =>
    w.update('grant_applications', id, { status: 'withdrawn' }, { reason }),
  );
  return getApplication(ctx, id);
}

/** `on`: the day the check is recorded as made; today unless the demo sets its history. */
export async function runEligibilityCheck(
  ctx: CallContext,
  id: string,
  on?: string,
): Promise<GrantApplication> {
  const a = await applicationRow(ctx.db, id);
  refuseUnlessOpen(a);
  const round = await roundRow(ctx.db, a.round_id);
  const today = londonDate(ctx.clock.now());
  const [criteria, priority, area, docs] = await Promise.all([
    roundCriteria(ctx.db, a.round_id),
    a.priority_id
      ? ctx.db
          .selectFrom('grant_priorities')
          .select(['retired_on', 'deleted_at'])
          .where('id', '=', a.priority_id)
          .executeTakeFirst()
      : undefined,
    a.area_id
      ? ctx.db.selectFrom('areas').select('name').where('id', '=', a.area_id).executeTakeFirst()
      : undefined,
    ctx.db
      .selectFrom('grant_documents')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('application_id', '=', id)
      .where('kind', '=', 'supporting')
      .where('deleted_at', 'is', null)
      .executeTakeFirstOrThrow(),
  ]);
  const check = checkEligibility(
    {
      opensOn: round.opens_on,
      closesOn: round.closes_on,
      minAwardPence: round.min_award_pence,
      maxAwardPence: round.max_award_pence,
      applicantKinds: JSON.parse(round.applicant_kinds) as string[],
      areaIds: JSON.parse(round.area_ids) as string[],
      priorityIds: criteria.map((c) => c.priorityId).filter((p): p is string => p !== null),
    },
    {
      receivedOn: a.received_on,
      applicantKind: a.applicant_kind,
      applicantKindLabel: applicantKindLabels[a.applicant_kind as ApplicantKind],
      areaId: a.area_id,
      areaName: area?.name ?? null,
      priorityId: a.priority_id,
      priorityAgreed:
        priority !== undefined &&
        priority.deleted_at === null &&
        (priority.retired_on === null || priority.retired_on > a.received_on),
      amountPence: a.amount_pence,
      outcomes: a.outcomes,
      contactReachable: Boolean(a.contact_phone || a.contact_email || a.contact_address_line1),
      startsOn: a.starts_on,
      endsOn: a.ends_on,
      supportingDocuments: Number(docs.n),
    },
  );
  await writing(ctx, (w) =>
    w.update('grant_applications', id, {
      status: check.eligible ? 'eligible' : 'ineligible',
      eligibility: JSON.stringify(check),
      checked_on: on ?? today,
    }),
  );
  return getApplication(ctx, id);
}

export async function attachDocument(
  ctx: CallContext,
  input: z.output<typeof documentInput>,
): Promise<GrantApplication> {
  const a = await applicationRow(ctx.db, input.applicationId);
  if (input.kind !== 'supporting' && a.decision !== 'awarded')
    throw ApiError.invalid('Photos and spend evidence come with the evaluation of an award.', [
      { path: 'kind', message: 'Only for an awarded project.' },
    ]);
  if (!FILE_TYPES.test(input.mimeType))
    throw ApiError.invalid(
      'Attach a photo (JPEG, PNG, HEIC), a PDF, a Word or Excel file, or plain text.',
      [{ path: 'mimeType', message: 'Not a file type the fund keeps.' }],
    );
  if (input.kind === 'photo' && !input.mimeType.startsWith('image/'))
    throw ApiError.invalid('A photo is an image file (JPEG, PNG, HEIC).', [
      { path: 'mimeType', message: 'Not a photo.' },
    ]);
  // Stored before the record that cites it: never inside the transaction.
  const stored = storeContent(ctx, input.contentBase64);
  await writing(ctx, (w) =>
    w.create('grant_documents', {
      application_id: input.applicationId,
      kind: input.kind,
      description: input.description,
      file_name: input.fileName,
      mime_type: input.mimeType,
      content_hash: stored.hash,
      size_bytes: stored.sizeBytes,
    }),
  );
  return getApplication(ctx, input.applicationId);
}

export async function removeDocument(ctx: CallContext, id: string): Promise<GrantApplication> {
  const d = await ctx.db
    .selectFrom('grant_documents')
    .select('application_id')
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!d) throw ApiError.notFound('The document');
  await writing(ctx, (w) => w.remove('grant_documents', id));
  return getApplication(ctx, d.application_id);
}

export async function documentFile(
  ctx: CallContext,
  id: string,
): Promise<{ fileName: string; mimeType: string; data: string }> {
  const d = await ctx.db
    .selectFrom('grant_documents')
    .select(['file_name', 'mime_type', 'content_hash'])
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!d) throw ApiError.notFound('The document');
  return {
    fileName: d.file_name,
    mimeType: d.mime_type,
    data: readStoredContent(ctx, d.content_hash, d.file_name),
  };
}
