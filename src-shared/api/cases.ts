import { z } from 'zod';
import { method } from '../contract';
import { idSchema, isoDateSchema, type Page } from '../domain/common';
import {
  assignMemberInput,
  attachInput,
  availabilityInput,
  caseDocumentInput,
  caseListInput,
  caseUpdateInput,
  declarationInput,
  noteInput,
  ombudsmanResultInput,
  referralInput,
  removeAssignmentInput,
  transitionInput,
  type CaseAttachment,
  type CaseDashboard,
  type CaseDetail,
  type CaseNote,
  type CaseSummary,
  type HearingEntry,
  type MemberCandidate,
  type PanelAssignment,
} from '../domain/cases';
import {
  letterSignatoryInput,
  ombudsmanContactInput,
  referenceFileInput,
  standardsInput,
  templatesInput,
  type CaseTemplates,
  type LetterSignatory,
} from '../domain/case-settings';
import {
  selfAssessmentAttachInput,
  selfAssessmentEntryInput,
  selfAssessmentExportInput,
  selfAssessmentFigureInput,
  selfAssessmentSubmittedInput,
  selfAssessmentYearInput,
  type SelfAssessment,
} from '../domain/self-assessment';
import type { CaseFigures } from '../domain/case-figures';
import type { BankHolidayListNotice } from '../rules/bank-holidays';
import type { OmbudsmanContact } from '../rules/ombudsman';

const byId = z.object({ id: idSchema });

export interface CaseSettings {
  standards: z.output<typeof standardsInput>;
  templates: CaseTemplates;
  ombudsmanContact: OmbudsmanContact;
  /** Who signs decision letters; null until the team names someone. */
  signatory: LetterSignatory | null;
  bankHolidays: {
    firstYear: number;
    lastYear: number;
    count: number;
    /** Set from some months before the list runs out. */
    notice: BankHolidayListNotice | null;
  };
  code: { title: string; version: string; count: number };
  panelGroupName: string | null;
}

export interface GeneratedFile {
  fileName: string;
  mimeType: string;
  contentBase64: string;
}

export const periodInput = z
  .object({ from: isoDateSchema, to: isoDateSchema })
  .refine((p) => p.from <= p.to, {
    error: 'The period must end on or after its start.',
    path: ['to'],
  });

export const casesApi = {
  /** Everyone sees that cases exist and when they are due; only coordinators up see whose and what. */
  'cases.dashboard': method(z.object({}).strict(), 'cases.list').returns<CaseDashboard>(),
  'cases.list': method(caseListInput, 'cases.list').returns<Page<CaseSummary>>(),
  'cases.get': method(byId, 'cases.read').returns<CaseDetail>(),
  'cases.refer': method(referralInput, 'cases.write').returns<CaseDetail>(),
  'cases.update': method(caseUpdateInput, 'cases.write').returns<CaseDetail>(),
  'cases.transition': method(transitionInput, 'cases.write').returns<CaseDetail>(),
  'cases.recordOmbudsmanResult': method(ombudsmanResultInput, 'cases.write').returns<CaseDetail>(),
  /** Panel hearings in a period, for the Calendar. */
  'cases.hearings': method(periodInput, 'cases.list').returns<HearingEntry[]>(),
  /** Whether a day chosen for a hearing or meeting is a weekend or bank holiday: a warning, never a refusal. */
  'calendar.dayNotice': method(z.object({ date: isoDateSchema }), 'meetings.read').returns<{
    notice: string | null;
  }>(),

  'cases.panelCandidates': method(z.object({ caseId: idSchema }), 'cases.read').returns<{
    fromGroup: boolean;
    candidates: MemberCandidate[];
  }>(),
  'cases.assignMember': method(assignMemberInput, 'cases.write').returns<PanelAssignment[]>(),
  'cases.declareInterest': method(declarationInput, 'cases.write').returns<PanelAssignment[]>(),
  'cases.setAvailability': method(availabilityInput, 'cases.write').returns<PanelAssignment[]>(),
  'cases.removeMember': method(removeAssignmentInput, 'cases.write').returns<PanelAssignment[]>(),

  'cases.addNote': method(noteInput, 'cases.write').returns<CaseNote[]>(),
  'cases.attach': method(attachInput, 'cases.write').returns<CaseAttachment[]>(),
  'cases.readAttachment': method(byId, 'cases.read').returns<GeneratedFile>(),
  'cases.document': method(caseDocumentInput, 'cases.export').returns<GeneratedFile>(),

  'cases.settings': method(z.object({}).strict(), 'cases.read').returns<CaseSettings>(),
  'cases.saveStandards': method(standardsInput, 'settings.write').returns<CaseSettings>(),
  'cases.saveTemplates': method(templatesInput, 'cases.write').returns<CaseSettings>(),
  /** Letters carry these details, so only team leaders up may change them. */
  'cases.saveOmbudsmanContact': method(
    ombudsmanContactInput,
    'settings.write',
  ).returns<CaseSettings>(),
  'cases.saveLetterSignatory': method(letterSignatoryInput, 'cases.write').returns<CaseSettings>(),
  'cases.replaceReferenceFile': method(
    referenceFileInput,
    'settings.write',
  ).returns<CaseSettings>(),

  'cases.figures': method(periodInput, 'cases.read').returns<CaseFigures>(),
  'cases.savePeriodFigure': method(
    z.object({
      from: isoDateSchema,
      to: isoDateSchema,
      exhaustedInternal: z
        .number({ error: 'Enter a number.' })
        .int()
        .min(0, { error: 'Cannot be negative.' }),
    }),
    'cases.write',
  ).returns<CaseFigures>(),

  'selfAssessment.get': method(selfAssessmentYearInput, 'cases.read').returns<SelfAssessment>(),
  'selfAssessment.save': method(selfAssessmentEntryInput, 'cases.write').returns<SelfAssessment>(),
  'selfAssessment.export': method(
    selfAssessmentExportInput,
    'cases.export',
  ).returns<GeneratedFile>(),
  'selfAssessment.markSubmitted': method(
    selfAssessmentSubmittedInput,
    'cases.write',
  ).returns<SelfAssessment>(),
  'selfAssessment.attach': method(
    selfAssessmentAttachInput,
    'cases.write',
  ).returns<SelfAssessment>(),
  'selfAssessment.readDocument': method(byId, 'cases.read').returns<GeneratedFile>(),
  'selfAssessment.removeDocument': method(byId, 'cases.write').returns<SelfAssessment>(),
  'selfAssessment.addFigure': method(
    selfAssessmentFigureInput,
    'cases.write',
  ).returns<SelfAssessment>(),
  'selfAssessment.removeFigure': method(byId, 'cases.write').returns<SelfAssessment>(),
} as const;
