import { z } from 'zod';
import {
  defaultOmbudsmanContact,
  defaultOmbudsmanThresholds,
  type OmbudsmanContact,
} from '../../../src-shared/rules/ombudsman';
import {
  defaultPanelStandards,
  type PanelStandards,
} from '../../../src-shared/rules/panel-standards';
import type { AppContext } from '../context';
import { readSetting } from '../settings';
import {
  defaultTemplates,
  letterSignatoryInput,
  ombudsmanContactInput,
  type CaseTemplates,
  type LetterSignatory,
} from '../../../src-shared/domain/case-settings';

/*
 * The panel's service standards, quorum, Ombudsman warning thresholds and
 * contact details, and letter templates live in the core's settings table (one JSON value per key).
 */

export const CASE_SETTINGS_KEY = 'cases.standards';
export const CASE_TEMPLATES_KEY = 'cases.templates';
export const PANEL_GROUP_KEY = 'cases.panelGroupId';
export const OMBUDSMAN_CONTACT_KEY = 'cases.ombudsmanContact';
export const LETTER_SIGNATORY_KEY = 'cases.letterSignatory';

const standardsSchema = z.object({
  eligibilityDays: z.number().int().min(1).max(120),
  hearingDays: z.number().int().min(1).max(250),
  decisionDays: z.number().int().min(1).max(120),
  quorum: z.number().int().min(1).max(12),
  ombudsmanWarnDays: z.number().int().min(1).max(365),
  ombudsmanUrgentDays: z.number().int().min(0).max(365),
});
export type CaseStandards = z.output<typeof standardsSchema>;

export const defaultCaseStandards: CaseStandards = {
  ...defaultPanelStandards,
  ombudsmanWarnDays: defaultOmbudsmanThresholds.warnDays,
  ombudsmanUrgentDays: defaultOmbudsmanThresholds.urgentDays,
};

async function readJson(ctx: AppContext, key: string): Promise<unknown> {
  try {
    return await readSetting<unknown>(ctx, key, undefined);
  } catch {
    return undefined;
  }
}

export async function caseStandards(ctx: AppContext): Promise<CaseStandards> {
  const parsed = standardsSchema.safeParse({
    ...defaultCaseStandards,
    ...(((await readJson(ctx, CASE_SETTINGS_KEY)) as object) ?? {}),
  });
  return parsed.success ? parsed.data : defaultCaseStandards;
}

export function panelStandardsOf(s: CaseStandards): PanelStandards {
  return {
    eligibilityDays: s.eligibilityDays,
    hearingDays: s.hearingDays,
    decisionDays: s.decisionDays,
    quorum: s.quorum,
  };
}

export async function caseTemplates(ctx: AppContext): Promise<CaseTemplates> {
  const stored = (await readJson(ctx, CASE_TEMPLATES_KEY)) as Partial<CaseTemplates> | undefined;
  return { ...defaultTemplates, ...(stored ?? {}) };
}

export async function panelGroupSetting(ctx: AppContext): Promise<string | null> {
  const v = await readJson(ctx, PANEL_GROUP_KEY);
  return typeof v === 'string' ? v : null;
}

/** The Ombudsman's details as letters and the case page give them. */
export async function ombudsmanContact(ctx: AppContext): Promise<OmbudsmanContact> {
  const parsed = ombudsmanContactInput.safeParse(await readJson(ctx, OMBUDSMAN_CONTACT_KEY));
  return parsed.success ? parsed.data : defaultOmbudsmanContact;
}

/** Who signs decision letters; null until the team names someone. */
export async function letterSignatory(ctx: AppContext): Promise<LetterSignatory | null> {
  const parsed = letterSignatoryInput.safeParse(await readJson(ctx, LETTER_SIGNATORY_KEY));
  return parsed.success ? parsed.data : null;
}
