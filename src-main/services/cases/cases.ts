import type { z } from 'zod';
import { sql, type RawBuilder } from 'kysely';
import type {
  caseListInput,
  caseUpdateInput,
  ombudsmanResultInput,
  referralInput,
  transitionInput,
} from '../../../src-shared/domain/cases';
import type { CaseDashboard, CaseDetail, CaseSummary } from '../../../src-shared/domain/cases';
import { ApiError } from '../../../src-shared/errors';
import { serviceAreas } from '../../../src-shared/domain/customer';
import {
  caseStatuses,
  checkTransition,
  offeredMoves,
  type CaseFacts,
  type CaseStatus,
} from '../../../src-shared/rules/case-lifecycle';
import { ombudsmanWindow } from '../../../src-shared/rules/ombudsman';
import { panelDeadlines, type PanelStandards } from '../../../src-shared/rules/panel-standards';
import {
  bankHolidayListNotice,
  type BankHolidayCalendar,
} from '../../../src-shared/rules/bank-holidays';
import { addCalendarDays, londonDate, readableDate } from '../../../src-shared/rules/working-days';
import { dayNotice } from '../../../src-shared/rules/scheduling-days';
import type { Page } from '../../../src-shared/domain/common';
import { allowed, demand, writing, type CallContext } from '../context';
import type { Writer } from '../../changes/writer';
import { bankHolidays } from '../reference/bank-holidays';
import { caseStandards, ombudsmanContact, panelStandardsOf } from './settings';
import {
  caseDatesOf,
  codeCheckOf,
  detailCoreOf,
  nextDueOf,
  summaryOf,
  type CaseRow,
} from './case-rows';
import { listAttachments, listNotes } from './evidence';
import { listPanel } from './panel';
import { submissionNotice } from './self-assessment';

type Referral = z.output<typeof referralInput>;

export function today(ctx: CallContext): string {
  return londonDate(ctx.clock.now());
}

function stageColumns(input: Referral) {
  return {
    referred_on: input.referredOn,
    referred_by: input.referredBy,
    referrer_name: input.referrerName,
    complainant_customer_id: input.complainantCustomerId,
    complainant_name: input.complainantName,
    complainant_address_line1: input.complainantAddressLine1,
    complainant_address_line2: input.complainantAddressLine2,
    complainant_town: input.complainantTown,
    complainant_postcode: input.complainantPostcode,
    complainant_contact: input.complainantContact,
    landlord_id: input.landlordId,
    area_id: input.areaId,
    service_area: input.serviceArea,
    subject: input.subject,
    outcome_sought: input.outcomeSought,
    stage1_received: input.stage1.received,
    stage1_acknowledged: input.stage1.acknowledged,
    stage1_responded: input.stage1.responded,
    stage1_extension_days: input.stage1.extensionDays,
    stage1_outcome: input.stage1.outcome,
    stage2_received: input.stage2.received,
    stage2_acknowledged: input.stage2.acknowledged,
    stage2_responded: input.stage2.responded,
    stage2_extension_days: input.stage2.extensionDays,
    stage2_outcome: input.stage2.outcome,
    stage2_different_handler:
      input.stage2DifferentHandler === null ? null : input.stage2DifferentHandler ? 1 : 0,
  };
}

function checkReferral(ctx: CallContext, input: Referral): void {
  const fields: { path: string; message: string }[] = [];
  if (input.referredOn > today(ctx))
    fields.push({ path: 'referredOn', message: 'The referral date cannot be in the future.' });
  if (
    input.stage2.received &&
    input.stage1.received &&
    input.stage2.received < input.stage1.received
  ) {
    fields.push({
      path: 'stage2.received',
      message: 'Escalation to stage 2 cannot come before the stage 1 complaint was received.',
    });
  }
  fields.push(...stageDateProblems(1, input.stage1, today(ctx)));
  fields.push(...stageDateProblems(2, input.stage2, today(ctx)));
  if (fields.length)
    throw ApiError.invalid('Check the referral: some dates do not fit together.', fields);
}

/**
 * A stage's dates are facts already past: an acknowledgement before the
 * complaint, or an answer before its acknowledgement, would make the Code
 * check report a deadline "met" that was never tested.
 */
function stageDateProblems(
  n: 1 | 2,
  stage: Referral['stage1'],
  now: string,
): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  const started = n === 1 ? 'the complaint was received' : 'the escalation was requested';
  const answer = n === 1 ? 'The answer' : 'The final response';
  for (const key of ['received', 'acknowledged', 'responded'] as const) {
    const date = stage[key];
    if (date && date > now)
      problems.push({ path: `stage${n}.${key}`, message: 'This date cannot be in the future.' });
  }
  if (stage.received && stage.acknowledged && stage.acknowledged < stage.received) {
    problems.push({
      path: `stage${n}.acknowledged`,
      message: `The acknowledgement cannot come before ${started}.`,
    });
  }
  if (stage.acknowledged && stage.responded && stage.responded < stage.acknowledged) {
    problems.push({
      path: `stage${n}.responded`,
      message: `${answer} cannot come before the acknowledgement.`,
    });
  } else if (stage.received && stage.responded && stage.responded < stage.received) {
    problems.push({
      path: `stage${n}.responded`,
      message: `${answer} cannot come before ${started}.`,
    });
  }
  return problems;
}

async function nextReference(w: Writer, referredOn: string): Promise<string> {
  const prefix = `DCP-${referredOn.slice(0, 4)}-`;
  const last = await w.trx
    .selectFrom('complaint_cases')
    .select('reference')
    // Only numbered references: the demo's "D001" ones sort after digits and are not counted.
    .where(sql<boolean>`reference glob ${`${prefix}[0-9]*`}`)
    .orderBy('reference', 'desc')
    .limit(1)
    .executeTakeFirst();
  const n = last ? Number(last.reference.slice(prefix.length)) + 1 : 1;
  return `${prefix}${String(n).padStart(4, '0')}`;
}

async function loadRow(ctx: Pick<CallContext, 'db'>, id: string): Promise<CaseRow> {
  const row = await ctx.db
    .selectFrom('complaint_cases')
    .selectAll()
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw ApiError.notFound('The case');
  return row;
}

/**
 * Keeps the stored next deadline in step with the case after a change. The
 * standards are read before the transaction: inside it, only `w.trx` may be used.
 */
async function refreshNextDue(
  w: Writer,
  id: string,
  standards: PanelStandards,
  calendar: BankHolidayCalendar,
): Promise<void> {
  const row = await w.trx
    .selectFrom('complaint_cases')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  const next = nextDueOf(row, standards, calendar);
  if (next.next_due !== row.next_due || next.next_due_label !== row.next_due_label)
    await w.update('complaint_cases', id, next);
}

export async function referCase(ctx: CallContext, input: Referral): Promise<CaseDetail> {
  checkReferral(ctx, input);
  const [standards, calendar] = [panelStandardsOf(await caseStandards(ctx)), bankHolidays(ctx)];
  const id = await writing(ctx, async (w) => {
    const reference = await nextReference(w, input.referredOn);
    const id = await w.create('complaint_cases', {
      reference,
      status: 'referred',
      ...stageColumns(input),
    });
    await w.create('case_transitions', {
      case_id: id,
      from_status: null,
      to_status: 'referred',
      on_date: input.referredOn,
      reason: null,
    });
    await refreshNextDue(w, id, standards, calendar);
    return id;
  });
  return getCase(ctx, { id });
}

export async function updateCase(
  ctx: CallContext,
  input: z.output<typeof caseUpdateInput>,
): Promise<CaseDetail> {
  checkReferral(ctx, input);
  await loadRow(ctx, input.id);
  const steps = await ctx.db
    .selectFrom('case_transitions')
    .select(['id', 'to_status', 'on_date'])
    .where('case_id', '=', input.id)
    .where('deleted_at', 'is', null)
    .orderBy('on_date')
    .execute();
  const firstStep = steps.find((s) => s.to_status !== 'referred');
  if (firstStep && input.referredOn > firstStep.on_date) {
    const message = `The referral cannot come after the case's first step, on ${readableDate(firstStep.on_date)}.`;
    throw ApiError.invalid(message, [{ path: 'referredOn', message }]);
  }
  const referral = steps.find((s) => s.to_status === 'referred');
  const [standards, calendar] = [panelStandardsOf(await caseStandards(ctx)), bankHolidays(ctx)];
  const reason = input.correctionReason ?? 'Referral details corrected';
  await writing(ctx, async (w) => {
    await w.update('complaint_cases', input.id, stageColumns(input), {
      expectedUpdatedAt: input.expectedUpdatedAt,
      reason,
    });
    // The timeline's first step is the referral: it moves with the corrected date.
    if (referral && referral.on_date !== input.referredOn)
      await w.update('case_transitions', referral.id, { on_date: input.referredOn }, { reason });
    await refreshNextDue(w, input.id, standards, calendar);
  });
  return getCase(ctx, { id: input.id });
}

async function factsFor(ctx: CallContext, row: CaseRow): Promise<CaseFacts> {
  const standards = await caseStandards(ctx);
  const [members, open, steps, fixedSteps] = await Promise.all([
    ctx.db
      .selectFrom('case_panel_members')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('case_id', '=', row.id)
      .where('deleted_at', 'is', null)
      .executeTakeFirstOrThrow(),
    ctx.db
      .selectFrom('recommendations')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('source_type', '=', 'complaint_case')
      .where('source_id', '=', row.id)
      .where('deleted_at', 'is', null)
      .where('status', 'in', ['open', 'in_progress'])
      .where((eb) =>
        eb.or([eb('management_response', 'is', null), eb('management_response', '!=', 'rejected')]),
      )
      .executeTakeFirstOrThrow(),
    ctx.db
      .selectFrom('case_transitions')
      .select((eb) => eb.fn.max('on_date').as('last'))
      .where('case_id', '=', row.id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst(),
    ctx.db
      .selectFrom('case_transitions')
      .select((eb) => eb.fn.max('on_date').as('last'))
      .where('case_id', '=', row.id)
      .where('deleted_at', 'is', null)
      .where('to_status', '!=', 'hearing_scheduled')
      .executeTakeFirst(),
  ]);
  const lastStep = steps?.last ?? null;
  const lastFixed = fixedSteps?.last ?? null;
  return {
    status: row.status as CaseStatus,
    eligible: row.eligible === null ? null : row.eligible === 1,
    assignedMembers: Number(members.n),
    quorum: standards.quorum,
    openRecommendations: Number(open.n),
    today: today(ctx),
    lastStepOn: lastStep && lastStep > row.referred_on ? lastStep : row.referred_on,
    lastStepBeforeHearingOn: lastFixed && lastFixed > row.referred_on ? lastFixed : row.referred_on,
    hearingDate: row.hearing_date,
  };
}

export async function getCase(ctx: CallContext, input: { id: string }): Promise<CaseDetail> {
  demand(ctx, 'cases.read');
  const row = await loadRow(ctx, input.id);
  const [landlord, area, standards, facts, panel, notes, attachments, transitions, contact] =
    await Promise.all([
      row.landlord_id
        ? ctx.db
            .selectFrom('landlords')
            .select('name')
            .where('id', '=', row.landlord_id)
            .executeTakeFirst()
        : undefined,
      row.area_id
        ? ctx.db.selectFrom('areas').select('name').where('id', '=', row.area_id).executeTakeFirst()
        : undefined,
      caseStandards(ctx),
      factsFor(ctx, row),
      listPanel(ctx, row.id),
      listNotes(ctx, row.id),
      listAttachments(ctx, row.id),
      ctx.db
        .selectFrom('case_transitions as t')
        .leftJoin('staff as s', 's.id', 't.updated_by')
        .select([
          't.id',
          't.from_status',
          't.to_status',
          't.on_date',
          't.reason',
          's.name as by_name',
        ])
        .where('t.case_id', '=', row.id)
        .where('t.deleted_at', 'is', null)
        .orderBy('t.created_at')
        .orderBy('t.id')
        .execute(),
      ombudsmanContact(ctx),
    ]);
  const calendar = bankHolidays(ctx);
  const now = today(ctx);
  return {
    ...detailCoreOf(row, landlord?.name ?? null, area?.name ?? null),
    hearingDayNotice:
      row.hearing_date && !row.heard_on ? dayNotice(row.hearing_date, calendar) : null,
    codeCheck: codeCheckOf(row, now, calendar),
    ombudsman: ombudsmanWindow(row.stage2_responded, now, {
      warnDays: standards.ombudsmanWarnDays,
      urgentDays: standards.ombudsmanUrgentDays,
    }),
    ombudsmanContact: contact,
    deadlines: panelDeadlines(
      caseDatesOf(row),
      row.status as CaseStatus,
      panelStandardsOf(standards),
      now,
      calendar,
    ),
    moves: offeredMoves(facts),
    today: now,
    quorum: standards.quorum,
    panel,
    notes,
    attachments,
    transitions: transitions.map((t) => ({
      id: t.id,
      fromStatus: t.from_status as CaseStatus | null,
      toStatus: t.to_status as CaseStatus,
      onDate: t.on_date,
      reason: t.reason,
      byName: t.by_name,
    })),
  };
}

/** The columns each move sets, besides the status. */
function movePatch(input: z.output<typeof transitionInput>): Partial<CaseRow> {
  switch (input.to) {
    case 'eligibility_checked':
      return { eligible: input.eligible ? 1 : 0 };
    case 'accepted':
      return { accepted_on: input.date };
    case 'declined':
      return { declined_on: input.date };
    case 'hearing_scheduled':
      return { hearing_date: input.hearingDate };
    case 'heard':
      return { heard_on: input.date };
    case 'decision_issued':
      return {
        decision_on: input.date,
        decision_outcome: input.decisionOutcome,
        findings: input.findings,
      };
    case 'referred_to_ombudsman':
      return { ombudsman_referred_on: input.date, ombudsman_result: input.ombudsmanResult };
    case 'withdrawn':
      return { withdrawn_on: input.date };
    case 'closed':
      return { closed_on: input.date };
    default:
      return {};
  }
}

export async function transitionCase(
  ctx: CallContext,
  input: z.output<typeof transitionInput>,
): Promise<CaseDetail> {
  const row = await loadRow(ctx, input.id);
  const verdict = checkTransition(await factsFor(ctx, row), input);
  if (!verdict.ok) {
    throw ApiError.invalid(
      verdict.message,
      verdict.field ? [{ path: verdict.field, message: verdict.message }] : [],
    );
  }
  const [standards, calendar] = [panelStandardsOf(await caseStandards(ctx)), bankHolidays(ctx)];
  await writing(ctx, async (w) => {
    const reason = input.reason ?? input.findings ?? null;
    await w.update(
      'complaint_cases',
      input.id,
      { status: input.to, ...movePatch(input) },
      { expectedUpdatedAt: input.expectedUpdatedAt, reason },
    );
    await w.create('case_transitions', {
      case_id: input.id,
      from_status: row.status,
      to_status: input.to,
      on_date: input.date,
      reason,
    });
    await refreshNextDue(w, input.id, standards, calendar);
  });
  return getCase(ctx, { id: input.id });
}

export async function recordOmbudsmanResult(
  ctx: CallContext,
  input: z.output<typeof ombudsmanResultInput>,
): Promise<CaseDetail> {
  const row = await loadRow(ctx, input.id);
  if (!row.ombudsman_referred_on)
    throw ApiError.invalid('Record the referral to the Housing Ombudsman before its result.');
  await writing(ctx, (w) =>
    w.update('complaint_cases', input.id, { ombudsman_result: input.result }),
  );
  return getCase(ctx, { id: input.id });
}

function summaries(ctx: CallContext) {
  return ctx.db
    .selectFrom('complaint_cases as c')
    .leftJoin('landlords as l', 'l.id', 'c.landlord_id')
    .select([
      'c.id',
      'c.reference',
      'c.status',
      'c.referred_on',
      'c.complainant_name',
      'c.service_area',
      'l.name as landlord_name',
      'c.next_due',
      'c.next_due_label',
    ])
    .where('c.deleted_at', 'is', null);
}

export async function listCases(
  ctx: CallContext,
  input: z.output<typeof caseListInput>,
): Promise<Page<CaseSummary>> {
  const full = allowed(ctx, 'cases.read');
  let q = summaries(ctx);
  if (input.status) q = q.where('c.status', '=', input.status);
  if (input.search) {
    const term = `%${input.search}%`;
    q = full
      ? q.where((eb) =>
          eb.or([
            eb('c.reference', 'like', term),
            eb('c.complainant_name', 'like', term),
            eb('c.subject', 'like', term),
          ]),
        )
      : q.where('c.reference', 'like', term);
  }
  const [rows, total] = await Promise.all([
    caseOrder(input, full)
      .reduce((acc, [column, dir]) => acc.orderBy(column as never, dir), q)
      .limit(input.limit)
      .offset(input.offset)
      .execute(),
    q
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  const now = today(ctx);
  const calendar = bankHolidays(ctx);
  return {
    rows: rows.map((r) => summaryOf(r, now, full, calendar)),
    total: Number(total.n),
  };
}

type OrderTerm = [column: string | RawBuilder<unknown>, direction: 'asc' | 'desc'];

/** A position in a fixed list, so status and service sort as the screens name them. */
function rank(column: string, codes: readonly string[]): RawBuilder<unknown> {
  return sql.raw(
    `case ${column} ${codes.map((c, i) => `when '${c}' then ${i}`).join(' ')} else ${codes.length} end`,
  );
}

const servicesByLabel = [...serviceAreas.codes].sort((a, b) =>
  serviceAreas.labels[a].localeCompare(serviceAreas.labels[b], 'en-GB'),
);

/**
 * The order of the cases list. Those who may only see that a case exists
 * cannot sort by who or what it is about, which would reveal it.
 */
function caseOrder(input: z.output<typeof caseListInput>, full: boolean): OrderTerm[] {
  const dir = input.direction === 'desc' ? 'desc' : 'asc';
  const newest: OrderTerm[] = [
    ['c.referred_on', 'desc'],
    ['c.reference', 'desc'],
  ];
  const sort =
    !full && (input.sort === 'complainant' || input.sort === 'service') ? undefined : input.sort;
  switch (sort) {
    case undefined:
      return newest;
    case 'reference':
      return [['c.reference', dir]];
    case 'referred':
      return [
        ['c.referred_on', dir],
        ['c.reference', dir],
      ];
    case 'status':
      return [[rank('c.status', caseStatuses), dir], ...newest];
    case 'complainant':
      return [[sql`c.complainant_name collate nocase`, dir], ...newest];
    case 'service':
      return [
        [sql`c.service_area is null`, 'asc'],
        [rank('c.service_area', servicesByLabel), dir],
        ...newest,
      ];
    case 'due':
      return [[sql`c.next_due is null`, 'asc'], ['c.next_due', dir], ...newest];
  }
}

/** End of the current week (Sunday), in London. */
function weekEnd(date: string): string {
  const dow = new Date(`${date}T00:00:00Z`).getUTCDay();
  return addCalendarDays(date, dow === 0 ? 0 : 7 - dow);
}

export async function caseDashboard(ctx: CallContext): Promise<CaseDashboard> {
  const full = allowed(ctx, 'cases.read');
  const now = today(ctx);
  const weekEnds = weekEnd(now);
  const rows = await summaries(ctx)
    .where('c.next_due', 'is not', null)
    .where('c.next_due', '<=', weekEnds)
    .orderBy('c.next_due')
    .orderBy('c.reference')
    .execute();
  const calendar = bankHolidays(ctx);
  const all = rows.map((r) => summaryOf(r, now, full, calendar));
  return {
    today: now,
    weekEnds,
    overdue: all.filter((c) => c.overdue),
    dueThisWeek: all.filter((c) => !c.overdue),
    selfAssessment: await submissionNotice(ctx),
    bankHolidayList: bankHolidayListNotice(calendar, now),
    ombudsmanNearing: await ombudsmanNearing(ctx, now, full),
  };
}

/** A year earlier, by calendar; the exact window is then checked by the rule itself. */
function yearBefore(date: string): string {
  return `${Number(date.slice(0, 4)) - 1}${date.slice(4)}`.replace(/-02-29$/, '-02-28');
}

/**
 * Cases whose 12 months after the final response end within the warning
 * period and that have not gone to the Ombudsman: the resident may need
 * reminding of their route before it closes.
 */
async function ombudsmanNearing(
  ctx: CallContext,
  now: string,
  full: boolean,
): Promise<CaseDashboard['ombudsmanNearing']> {
  const standards = await caseStandards(ctx);
  const thresholds = {
    warnDays: standards.ombudsmanWarnDays,
    urgentDays: standards.ombudsmanUrgentDays,
  };
  const rows = await summaries(ctx)
    .select('c.stage2_responded')
    .where('c.ombudsman_referred_on', 'is', null)
    .where('c.stage2_responded', '>=', addCalendarDays(yearBefore(now), -1))
    .where('c.stage2_responded', '<=', addCalendarDays(yearBefore(now), thresholds.warnDays + 1))
    .orderBy('c.stage2_responded')
    .orderBy('c.reference')
    .execute();
  return rows.flatMap((r) => {
    const window = ombudsmanWindow(r.stage2_responded, now, thresholds);
    if (window.level !== 'warning' && window.level !== 'urgent') return [];
    return [
      {
        case: summaryOf(r, now, full, bankHolidays(ctx)),
        windowEnds: window.windowEnds!,
        daysLeft: window.daysLeft!,
        level: window.level,
      },
    ];
  });
}
