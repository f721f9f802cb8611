import { z } from 'zod';
import { idSchema, optionalText } from './common';

export const complianceAnswers = ['yes', 'partly', 'no'] as const;
export type ComplianceAnswer = (typeof complianceAnswers)[number];
export const complianceLabels: Record<ComplianceAnswer, string> = {
  yes: 'Complies',
  partly: 'Partly complies',
  no: 'Does not comply',
};

const year = z.number().int().min(2020, { error: 'Choose a year from 2020.' }).max(2100);

export const selfAssessmentYearInput = z.object({ year });
export const selfAssessmentEntryInput = z.object({
  year,
  provision: z.string().regex(/^\d+(\.\d+)*$/, { error: 'Choose a provision of the Code.' }),
  complies: z
    .enum(complianceAnswers)
    .nullable()
    .optional()
    .transform((v) => v ?? null),
  evidence: optionalText(4000),
  linkedCaseIds: z.array(idSchema).max(50).default([]),
  panelComments: optionalText(4000),
});
export const selfAssessmentExportInput = z.object({ year, format: z.enum(['pdf', 'xlsx']) });

export interface SelfAssessmentRow {
  provision: string;
  section: string;
  sectionTitle: string;
  requirement: string;
  complies: ComplianceAnswer | null;
  evidence: string | null;
  linkedCaseIds: string[];
  panelComments: string | null;
  updatedAt: string | null;
}

export interface SelfAssessment {
  year: number;
  codeTitle: string;
  codeVersion: string;
  due: string;
  reminder: { level: 'none' | 'upcoming' | 'urgent' | 'passed'; daysLeft: number; message: string };
  rows: SelfAssessmentRow[];
  answered: number;
}
