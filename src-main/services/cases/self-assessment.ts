import type { z } from 'zod';
import type {
  selfAssessmentEntryInput,
  selfAssessmentSubmittedInput,
} from '../../../src-shared/domain/self-assessment';
import type {
  ComplianceAnswer,
  LinkedCase,
  SelfAssessment,
  SelfAssessmentDocument,
  SelfAssessmentFigure,
  SubmissionNotice,
} from '../../../src-shared/domain/self-assessment';
import { ApiError } from '../../../src-shared/errors';
import {
  submissionNeedsAttention,
  submissionReminder,
} from '../../../src-shared/rules/code-provisions';
import { londonDate } from '../../../src-shared/rules/working-days';
import { writing, type AppContext, type CallContext } from '../context';
import { readSetting, saveSetting } from '../settings';
import { codeProvisions } from './code-provisions';

/*
 * The annual self-assessment against the Code: one answer per provision per
 * year, with its evidence, and the date the year's assessment was sent.
 */

/** Year → the date the team marked that year's self-assessment as sent. */
const SUBMITTED_KEY = 'cases.selfAssessmentSubmitted';

async function submittedDates(ctx: AppContext): Promise<Record<string, string>> {
  return readSetting<Record<string, string>>(ctx, SUBMITTED_KEY, {});
}

function groupByProvision<T>(rows: (T & { provision: string })[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const { provision, ...rest } of rows) {
    const list = out.get(provision) ?? [];
    list.push(rest as unknown as T);
    out.set(provision, list);
  }
  return out;
}

export async function selfAssessmentDocuments(
  ctx: AppContext,
  year: number,
): Promise<Map<string, SelfAssessmentDocument[]>> {
  const rows = await ctx.db
    .selectFrom('self_assessment_documents')
    .select([
      'id',
      'provision',
      'file_name as fileName',
      'mime_type as mimeType',
      'size_bytes as sizeBytes',
      'description',
      'created_at as createdAt',
    ])
    .where('year', '=', year)
    .where('deleted_at', 'is', null)
    .orderBy('created_at')
    .execute();
  return groupByProvision<SelfAssessmentDocument>(rows);
}

export async function selfAssessmentFigures(
  ctx: AppContext,
  year: number,
): Promise<Map<string, SelfAssessmentFigure[]>> {
  const rows = await ctx.db
    .selectFrom('self_assessment_figures')
    .select(['id', 'provision', 'label', 'value', 'period'])
    .where('year', '=', year)
    .where('deleted_at', 'is', null)
    .orderBy('created_at')
    .execute();
  return groupByProvision<SelfAssessmentFigure>(rows);
}

async function linkedCases(ctx: AppContext, ids: string[]): Promise<Map<string, LinkedCase>> {
  if (!ids.length) return new Map();
  const rows = await ctx.db
    .selectFrom('complaint_cases')
    .select(['id', 'reference', 'subject'])
    .where('id', 'in', ids)
    .where('deleted_at', 'is', null)
    .execute();
  return new Map(rows.map((r) => [r.id, r]));
}

export async function selfAssessment(
  ctx: AppContext,
  input: { year?: number | undefined },
): Promise<SelfAssessment> {
  const code = codeProvisions(ctx);
  const today = londonDate(ctx.clock.now());
  const currentYear = Number(today.slice(0, 4));
  const year = input.year ?? currentYear;
  const [rows, documents, figures, submitted] = await Promise.all([
    ctx.db
      .selectFrom('code_self_assessments')
      .select([
        'provision',
        'complies',
        'evidence',
        'linked_case_ids',
        'panel_comments',
        'updated_at',
      ])
      .where('year', '=', year)
      .where('deleted_at', 'is', null)
      .execute(),
    selfAssessmentDocuments(ctx, year),
    selfAssessmentFigures(ctx, year),
    submittedDates(ctx),
  ]);
  const byProvision = new Map(rows.map((r) => [r.provision, r]));
  const caseIds = rows.flatMap((r) => JSON.parse(r.linked_case_ids) as string[]);
  const cases = await linkedCases(ctx, [...new Set(caseIds)]);
  const out = code.provisions.map((p) => {
    const r = byProvision.get(p.number);
    const ids = r ? (JSON.parse(r.linked_case_ids) as string[]) : [];
    return {
      provision: p.number,
      section: p.section,
      sectionTitle: p.sectionTitle,
      requirement: p.requirement,
      complies: (r?.complies as ComplianceAnswer | null) ?? null,
      evidence: r?.evidence ?? null,
      linkedCaseIds: ids,
      linkedCases: ids.flatMap((id) => cases.get(id) ?? []),
      documents: documents.get(p.number) ?? [],
      figures: figures.get(p.number) ?? [],
      panelComments: r?.panel_comments ?? null,
      updatedAt: r?.updated_at ?? null,
    };
  });
  const answered = out.filter((r) => r.complies !== null).length;
  const submittedOn = submitted[String(year)] ?? null;
  const reminder = submissionReminder(year, today, {
    monthDay: code.submissionDeadline,
    submittedOn,
    toAssess: out.length - answered,
  });
  return {
    year,
    currentYear,
    codeTitle: code.title,
    codeVersion: code.version,
    due: reminder.due,
    submittedOn,
    reminder,
    rows: out,
    answered,
  };
}

/**
 * The reminder the cases dashboard shows: this year's once it starts (1
 * August); before then, last year's if the team began it here and never
 * marked it submitted (a year never started in the app is not nagged about).
 */
export async function submissionNotice(ctx: AppContext): Promise<SubmissionNotice | null> {
  const thisYear = Number(londonDate(ctx.clock.now()).slice(0, 4));
  const current = await selfAssessment(ctx, { year: thisYear });
  if (submissionNeedsAttention(current.reminder)) return { year: thisYear, ...current.reminder };
  const last = await selfAssessment(ctx, { year: thisYear - 1 });
  if (last.answered > 0 && submissionNeedsAttention(last.reminder))
    return { year: thisYear - 1, ...last.reminder };
  return null;
}

async function requireCasesExist(ctx: AppContext, ids: string[]): Promise<void> {
  const found = await linkedCases(ctx, ids);
  if (found.size < new Set(ids).size)
    throw ApiError.invalid('One of the linked cases no longer exists.', [
      { path: 'linkedCaseIds', message: 'Remove the case that no longer exists.' },
    ]);
}

export function requireProvision(ctx: AppContext, provision: string): void {
  if (!codeProvisions(ctx).provisions.some((p) => p.number === provision)) {
    throw ApiError.invalid(`Provision ${provision} is not in the Code the app holds.`, [
      { path: 'provision', message: 'Unknown provision.' },
    ]);
  }
}

export async function saveSelfAssessmentEntry(
  ctx: CallContext,
  input: z.output<typeof selfAssessmentEntryInput>,
): Promise<SelfAssessment> {
  requireProvision(ctx, input.provision);
  await requireCasesExist(ctx, input.linkedCaseIds);
  await writing(ctx, async (w) => {
    const existing = await w.trx
      .selectFrom('code_self_assessments')
      .select('id')
      .where('year', '=', input.year)
      .where('provision', '=', input.provision)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    const values = {
      complies: input.complies,
      evidence: input.evidence,
      linked_case_ids: JSON.stringify([...new Set(input.linkedCaseIds)]),
      panel_comments: input.panelComments,
    };
    if (existing) await w.update('code_self_assessments', existing.id, values);
    else
      await w.create('code_self_assessments', {
        year: input.year,
        provision: input.provision,
        ...values,
      });
  });
  return selfAssessment(ctx, { year: input.year });
}

export async function markSubmitted(
  ctx: CallContext,
  input: z.output<typeof selfAssessmentSubmittedInput>,
): Promise<SelfAssessment> {
  const today = londonDate(ctx.clock.now());
  if (input.submittedOn && input.submittedOn > today)
    throw ApiError.invalid('The submission date cannot be in the future.', [
      { path: 'submittedOn', message: 'Enter the date it was sent, today or earlier.' },
    ]);
  if (input.submittedOn && !input.confirmUnassessed) {
    const current = await selfAssessment(ctx, { year: input.year });
    const open = current.rows.filter((r) => r.complies === null);
    if (open.length) {
      const list = open
        .slice(0, 5)
        .map((r) => r.provision)
        .join(', ');
      throw ApiError.invalid(
        `${open.length} of ${current.rows.length} provisions are not assessed yet (${list}${open.length > 5 ? ' and more' : ''}). Confirm that it was submitted as it is, or assess them first.`,
        [
          {
            path: 'confirmUnassessed',
            message: 'Confirm the submission with provisions unassessed.',
          },
        ],
      );
    }
  }
  const dates = { ...(await submittedDates(ctx)) };
  if (input.submittedOn) dates[String(input.year)] = input.submittedOn;
  else delete dates[String(input.year)];
  await writing(ctx, (w) => saveSetting(w, SUBMITTED_KEY, dates));
  return selfAssessment(ctx, { year: input.year });
}
