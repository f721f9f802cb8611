import { z } from 'zod';
import { fillTemplate as fillSentences } from '../rules/letter-text';

/** Letter templates the team edits: plain text with {{placeholders}}. */
export interface CaseTemplates {
  hearingPackIntro: string;
  decisionLetter: string;
}

export const templatePlaceholders = [
  'reference',
  'complainantName',
  'subject',
  'serviceArea',
  'landlordName',
  'hearingDate',
  'heardOn',
  'decisionOn',
  'decisionOutcome',
  'findings',
  'recommendations',
  'internalProcessEnded',
  'ombudsmanWindowEnds',
  'today',
] as const;

export const defaultTemplates: CaseTemplates = {
  hearingPackIntro:
    'This pack is for the Designated Complaints Panel hearing of case {{reference}} on {{hearingDate}}. ' +
    'The landlord’s internal complaints process ended on {{internalProcessEnded}}. The panel’s review is not a third stage of the complaints process.',
  decisionLetter:
    'Dear {{complainantName}},\n\n' +
    'The Designated Complaints Panel met on {{heardOn}} to review your complaint about {{subject}}.\n\n' +
    'Our decision: your complaint is {{decisionOutcome}}.\n\n' +
    'What we found:\n{{findings}}\n\n' +
    'What we have recommended to the landlord:\n{{recommendations}}\n\n' +
    'The panel is made up of tenants. Our review is not part of the landlord’s complaints procedure, and it does not change your right to go to the Housing Ombudsman.\n\n' +
    'Yours sincerely,',
};

/** Who signs the decision letters, and how the resident reaches them. */
export interface LetterSignatory {
  name: string;
  jobTitle: string;
  telephone: string;
  email: string;
}

export const letterSignatoryInput = z.object({
  name: z
    .string()
    .trim()
    .min(2, { error: 'Enter the name of the person who signs the letters.' })
    .max(120, { error: 'Keep the name under 120 characters.' }),
  jobTitle: z
    .string()
    .trim()
    .min(2, { error: 'Enter their job title, like Involvement Coordinator.' })
    .max(120, { error: 'Keep the job title under 120 characters.' }),
  telephone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 ()-]{6,20}$/, { error: 'Enter a telephone number, like 01642 000 000.' }),
  email: z.email({ error: 'Enter an email address, like panel@example.org.uk.' }),
});

export const standardsInput = z.object({
  eligibilityDays: z
    .number({ error: 'Enter a number of working days.' })
    .int()
    .min(1, { error: 'At least 1 working day.' })
    .max(120),
  hearingDays: z
    .number({ error: 'Enter a number of working days.' })
    .int()
    .min(1, { error: 'At least 1 working day.' })
    .max(250),
  decisionDays: z
    .number({ error: 'Enter a number of working days.' })
    .int()
    .min(1, { error: 'At least 1 working day.' })
    .max(120),
  quorum: z
    .number({ error: 'Enter the quorum.' })
    .int()
    .min(1, { error: 'The quorum is at least 1.' })
    .max(12, { error: 'A quorum above 12 is not plausible.' }),
  ombudsmanWarnDays: z.number().int().min(1).max(365),
  ombudsmanUrgentDays: z.number().int().min(0).max(365),
});

export const templatesInput = z.object({
  hearingPackIntro: z
    .string()
    .trim()
    .min(1, { error: 'The hearing pack introduction cannot be empty.' })
    .max(10_000),
  decisionLetter: z
    .string()
    .trim()
    .min(1, { error: 'The decision letter cannot be empty.' })
    .max(20_000),
});

export const ombudsmanContactInput = z.object({
  name: z
    .string()
    .trim()
    .min(1, { error: 'Enter the Ombudsman’s name as letters should show it.' })
    .max(200, { error: 'Keep the name under 200 characters.' }),
  address: z
    .string()
    .trim()
    .min(1, { error: 'Enter the postal address.' })
    .max(300, { error: 'Keep the address under 300 characters.' }),
  telephone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 ()-]{6,20}$/, { error: 'Enter a telephone number, like 0300 111 3000.' }),
  email: z.email({ error: 'Enter an email address, like info@housing-ombudsman.org.uk.' }),
  website: z
    .string()
    .trim()
    .min(4, { error: 'Enter the website address.' })
    .max(200, { error: 'Keep the website under 200 characters.' })
    .regex(/^[^\s]+\.[^\s]+$/, {
      error: 'Enter a website address, like www.housing-ombudsman.org.uk.',
    }),
});

export const referenceFileInput = z.object({
  kind: z.enum(['bank_holidays', 'complaint_code']),
  content: z
    .string()
    .min(2, { error: 'The file is empty.' })
    .max(5_000_000, { error: 'The file is too large.' }),
});

/**
 * Fills {{placeholders}} sentence by sentence (see rules/letter-text); an
 * unknown one is left visible so the team can see the typo.
 */
export function fillTemplate(
  template: string,
  values: Partial<Record<(typeof templatePlaceholders)[number], string>>,
  properNouns: readonly string[] = [],
): string {
  return fillSentences(template, values, { properNouns });
}
