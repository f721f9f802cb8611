import { z } from 'zod';
import type { SubmissionReminder } from '../rules/code-provisions';
import { idSchema, isoDateSchema, optionalText, requiredText } from './common';

export const complianceAnswers = ['yes', 'partly', 'no'] as const;
export type ComplianceAnswer = (typeof complianceAnswers)[number];
export const complianceLabels: Record<ComplianceAnswer, string> = {
  yes: 'Complies',
  partly: 'Partly complies',
  no: 'Does not comply',
};

const year = z
  .number({ error: 'Choose a year.' })
  .int()
  .min(2020, { error: 'Choose a year from 2020.' })
  .max(2100, { error: 'Choose a year before 2100.' });
const provision = z.string().regex(/^\d+(\.\d+)*$/, { error: 'Choose a provision of the Code.' });

/** Without a year, the current one. */
export const selfAssessmentYearInput = z.object({ year: year.optional() });
export const selfAssessmentEntryInput = z.object({
  year,
  provision,
  complies: z
    .enum(complianceAnswers)
    .nullable()
    .optional()
    .transform((v) => v ?? null),
  evidence: optionalText(4000),
  linkedCaseIds: z
    .array(idSchema)
    .max(50, { error: 'Link at most 50 cases to one provision.' })
    .default([]),
  panelComments: optionalText(4000),
});
export const selfAssessmentExportInput = z.object({ year, format: z.enum(['pdf', 'xlsx']) });

export const selfAssessmentAttachInput = z.object({
  year,
  provision,
  fileName: requiredText('The file name', 255),
  mimeType: z.string().max(200).default('application/octet-stream'),
  description: optionalText(500),
  /** The file's bytes, base64. */
  contentBase64: z.string().min(1, { error: 'Choose a file to attach.' }),
});

export const selfAssessmentFigureInput = z.object({
  year,
  provision,
  label: requiredText('What the figure measures', 200),
  value: requiredText('The value', 60),
  period: requiredText('The period', 40),
});

export const selfAssessmentSubmittedInput = z.object({
  year,
  /** Null takes the mark back off. */
  submittedOn: isoDateSchema.nullable(),
  /**
   * Set once the coordinator has seen which provisions are still not
   * assessed and confirmed; without it such a submission is refused.
   */
  confirmUnassessed: z.boolean().optional().default(false),
});

export interface LinkedCase {
  id: string;
  reference: string;
  subject: string;
}

export interface SelfAssessmentDocument {
  id: string;
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  description: string | null;
  createdAt: string;
}

export interface SelfAssessmentFigure {
  id: string;
  label: string;
  value: string;
  period: string;
}

export interface SelfAssessmentRow {
  provision: string;
  section: string;
  sectionTitle: string;
  requirement: string;
  complies: ComplianceAnswer | null;
  evidence: string | null;
  linkedCaseIds: string[];
  linkedCases: LinkedCase[];
  documents: SelfAssessmentDocument[];
  figures: SelfAssessmentFigure[];
  panelComments: string | null;
  updatedAt: string | null;
}

export interface SelfAssessment {
  year: number;
  /** The year it is now, for choosing which years to offer. */
  currentYear: number;
  codeTitle: string;
  codeVersion: string;
  due: string;
  submittedOn: string | null;
  reminder: SubmissionReminder;
  rows: SelfAssessmentRow[];
  answered: number;
}

/** What the cases dashboard shows about the self-assessment. */
export interface SubmissionNotice extends SubmissionReminder {
  year: number;
}
