import type { z } from 'zod';
import type { selfAssessmentEntryInput } from '../../../src-shared/domain/self-assessment';
import type { ComplianceAnswer, SelfAssessment } from '../../../src-shared/domain/self-assessment';
import { ApiError } from '../../../src-shared/errors';
import { submissionReminder } from '../../../src-shared/rules/code-provisions';
import { londonDate } from '../../../src-shared/rules/working-days';
import { writing, type AppContext, type CallContext } from '../context';
import { codeProvisions } from './reference-data';

/** The annual self-assessment against the Code: one answer per provision per year. */
export async function selfAssessment(
  ctx: AppContext,
  input: { year: number },
): Promise<SelfAssessment> {
  const code = codeProvisions(ctx);
  const rows = await ctx.db
    .selectFrom('code_self_assessments')
    .select([
      'provision',
      'complies',
      'evidence',
      'linked_case_ids',
      'panel_comments',
      'updated_at',
    ])
    .where('year', '=', input.year)
    .where('deleted_at', 'is', null)
    .execute();
  const byProvision = new Map(rows.map((r) => [r.provision, r]));
  const reminder = submissionReminder(
    input.year,
    londonDate(ctx.clock.now()),
    code.submissionDeadline,
  );
  const out = code.provisions.map((p) => {
    const r = byProvision.get(p.number);
    return {
      provision: p.number,
      section: p.section,
      sectionTitle: p.sectionTitle,
      requirement: p.requirement,
      complies: (r?.complies as ComplianceAnswer | null) ?? null,
      evidence: r?.evidence ?? null,
      linkedCaseIds: r ? (JSON.parse(r.linked_case_ids) as string[]) : [],
      panelComments: r?.panel_comments ?? null,
      updatedAt: r?.updated_at ?? null,
    };
  });
  return {
    year: input.year,
    codeTitle: code.title,
    codeVersion: code.version,
    due: reminder.due,
    reminder: { level: reminder.level, daysLeft: reminder.daysLeft, message: reminder.message },
    rows: out,
    answered: out.filter((r) => r.complies !== null).length,
  };
}

export async function saveSelfAssessmentEntry(
  ctx: CallContext,
  input: z.output<typeof selfAssessmentEntryInput>,
): Promise<SelfAssessment> {
  if (!codeProvisions(ctx).provisions.some((p) => p.number === input.provision)) {
    throw ApiError.invalid(`Provision ${input.provision} is not in the Code the app holds.`, [
      { path: 'provision', message: 'Unknown provision.' },
    ]);
  }
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
      linked_case_ids: JSON.stringify(input.linkedCaseIds),
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
