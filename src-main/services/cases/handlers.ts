import type { casesApi } from '../../../src-shared/api/cases';
import type { HandlersFor } from '../context';
import {
  caseSettings,
  replaceReferenceFile,
  saveLetterSignatory,
  saveOmbudsmanContact,
  saveStandards,
  saveTemplates,
} from './case-settings';
import {
  caseDashboard,
  getCase,
  listCases,
  recordOmbudsmanResult,
  referCase,
  transitionCase,
  updateCase,
} from './cases';
import { caseDocument, exportSelfAssessment } from './documents';
import { dayNoticeFor, listHearings } from './hearings';
import { addNote, attachFile, readAttachment } from './evidence';
import { caseFigures, savePeriodFigure } from './figures';
import {
  assignMember,
  declareInterest,
  panelCandidates,
  removeMember,
  setAvailability,
} from './panel';
import { markSubmitted, saveSelfAssessmentEntry, selfAssessment } from './self-assessment';
import {
  addSelfAssessmentFigure,
  attachSelfAssessmentDocument,
  readSelfAssessmentDocument,
  removeSelfAssessmentDocument,
  removeSelfAssessmentFigure,
} from './self-assessment-evidence';

export const casesHandlers: HandlersFor<typeof casesApi> = {
  'cases.dashboard': (ctx) => caseDashboard(ctx),
  'cases.list': listCases,
  'cases.get': getCase,
  'cases.refer': referCase,
  'cases.update': updateCase,
  'cases.transition': transitionCase,
  'cases.recordOmbudsmanResult': recordOmbudsmanResult,
  'cases.hearings': listHearings,
  'calendar.dayNotice': async (ctx, input) => dayNoticeFor(ctx, input),
  'cases.panelCandidates': panelCandidates,
  'cases.assignMember': assignMember,
  'cases.declareInterest': declareInterest,
  'cases.setAvailability': setAvailability,
  'cases.removeMember': removeMember,
  'cases.addNote': addNote,
  'cases.attach': attachFile,
  'cases.readAttachment': readAttachment,
  'cases.document': caseDocument,
  'cases.settings': (ctx) => caseSettings(ctx),
  'cases.saveStandards': saveStandards,
  'cases.saveTemplates': saveTemplates,
  'cases.saveOmbudsmanContact': saveOmbudsmanContact,
  'cases.saveLetterSignatory': saveLetterSignatory,
  'cases.replaceReferenceFile': replaceReferenceFile,
  'cases.figures': caseFigures,
  'cases.savePeriodFigure': savePeriodFigure,
  'selfAssessment.get': selfAssessment,
  'selfAssessment.save': saveSelfAssessmentEntry,
  'selfAssessment.export': exportSelfAssessment,
  'selfAssessment.markSubmitted': markSubmitted,
  'selfAssessment.attach': attachSelfAssessmentDocument,
  'selfAssessment.readDocument': readSelfAssessmentDocument,
  'selfAssessment.removeDocument': removeSelfAssessmentDocument,
  'selfAssessment.addFigure': addSelfAssessmentFigure,
  'selfAssessment.removeFigure': removeSelfAssessmentFigure,
};
