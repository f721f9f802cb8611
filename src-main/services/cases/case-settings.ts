import type { z } from 'zod';
import type { CaseSettings } from '../../../src-shared/api/cases';
import type {
  letterSignatoryInput,
  ombudsmanContactInput,
  referenceFileInput,
  standardsInput,
  templatesInput,
} from '../../../src-shared/domain/case-settings';
import { ApiError } from '../../../src-shared/errors';
import { bankHolidayListNotice } from '../../../src-shared/rules/bank-holidays';
import { londonDate } from '../../../src-shared/rules/working-days';
import { writing, type AppContext, type CallContext } from '../context';
import { saveSetting } from '../settings';
import { nextDueOf } from './case-rows';
import { panelGroupId } from './panel';
import { bankHolidays, replaceBankHolidays } from '../reference/bank-holidays';
import { codeProvisions, replaceCodeProvisions } from './code-provisions';
import {
  CASE_SETTINGS_KEY,
  CASE_TEMPLATES_KEY,
  LETTER_SIGNATORY_KEY,
  OMBUDSMAN_CONTACT_KEY,
  caseStandards,
  caseTemplates,
  letterSignatory,
  ombudsmanContact,
  panelStandardsOf,
} from './settings';

export async function caseSettings(ctx: AppContext): Promise<CaseSettings> {
  const [standards, templates, groupId, contact, signatory] = await Promise.all([
    caseStandards(ctx),
    caseTemplates(ctx),
    panelGroupId(ctx),
    ombudsmanContact(ctx),
    letterSignatory(ctx),
  ]);
  const group = groupId
    ? await ctx.db.selectFrom('groups').select('name').where('id', '=', groupId).executeTakeFirst()
    : undefined;
  const calendar = bankHolidays(ctx);
  const code = codeProvisions(ctx);
  return {
    standards,
    templates,
    ombudsmanContact: contact,
    signatory,
    bankHolidays: {
      firstYear: calendar.firstYear,
      lastYear: calendar.lastYear,
      count: calendar.dates.size,
      notice: bankHolidayListNotice(calendar, londonDate(ctx.clock.now())),
    },
    code: { title: code.title, version: code.version, count: code.provisions.length },
    panelGroupName: group?.name ?? null,
  };
}

/** New standards move every open case's deadline, so the stored next deadlines are recomputed. */
async function recomputeDeadlines(ctx: CallContext): Promise<void> {
  const standards = panelStandardsOf(await caseStandards(ctx));
  const calendar = bankHolidays(ctx);
  const rows = await ctx.db
    .selectFrom('complaint_cases')
    .select([
      'id',
      'status',
      'referred_on',
      'accepted_on',
      'declined_on',
      'hearing_date',
      'heard_on',
      'decision_on',
      'next_due',
      'next_due_label',
    ])
    .where('deleted_at', 'is', null)
    .where('status', 'not in', ['closed', 'withdrawn'])
    .execute();
  const changed = rows
    .map((r) => ({ id: r.id, before: r, after: nextDueOf(r, standards, calendar) }))
    .filter(
      (c) =>
        c.after.next_due !== c.before.next_due ||
        c.after.next_due_label !== c.before.next_due_label,
    );
  if (!changed.length) return;
  await writing(ctx, async (w) => {
    for (const c of changed)
      await w.update('complaint_cases', c.id, c.after, {
        reason: 'Panel service standards changed',
      });
  });
}

export async function saveStandards(
  ctx: CallContext,
  input: z.output<typeof standardsInput>,
): Promise<CaseSettings> {
  if (input.ombudsmanUrgentDays > input.ombudsmanWarnDays) {
    throw ApiError.invalid(
      'The urgent warning must come after the first warning (fewer days before the 12 months end).',
      [{ path: 'ombudsmanUrgentDays', message: 'Make this no more than the first warning.' }],
    );
  }
  await writing(ctx, (w) => saveSetting(w, CASE_SETTINGS_KEY, input));
  await recomputeDeadlines(ctx);
  return caseSettings(ctx);
}

export async function saveTemplates(
  ctx: CallContext,
  input: z.output<typeof templatesInput>,
): Promise<CaseSettings> {
  await writing(ctx, (w) => saveSetting(w, CASE_TEMPLATES_KEY, input));
  return caseSettings(ctx);
}

export async function saveOmbudsmanContact(
  ctx: CallContext,
  input: z.output<typeof ombudsmanContactInput>,
): Promise<CaseSettings> {
  await writing(ctx, (w) => saveSetting(w, OMBUDSMAN_CONTACT_KEY, input));
  return caseSettings(ctx);
}

export async function saveLetterSignatory(
  ctx: CallContext,
  input: z.output<typeof letterSignatoryInput>,
): Promise<CaseSettings> {
  await writing(ctx, (w) => saveSetting(w, LETTER_SIGNATORY_KEY, input));
  return caseSettings(ctx);
}

export async function replaceReferenceFile(
  ctx: CallContext,
  input: z.output<typeof referenceFileInput>,
): Promise<CaseSettings> {
  if (input.kind === 'bank_holidays') {
    replaceBankHolidays(ctx, input.content);
    await recomputeDeadlines(ctx);
  } else {
    replaceCodeProvisions(ctx, input.content);
  }
  return caseSettings(ctx);
}
