import { addOutcome, consultationFeedback, removeOutcome, saveConsultation } from './consultation';
import type { reviewsApi } from '../../../src-shared/api/reviews';
import type { HandlersFor } from '../context';
import { assuranceMatrix, requirementOptions, setTags } from './assurance';
import { addEvidence, addFinding, readEvidenceFile, recordAnswer, removeFinding } from './evidence';
import { exceptionReport } from './exceptions';
import { exportExceptionReport } from './exception-export';
import { addCheckin, addPlanEntry, commissioningPlan } from './commissioning-plan';
import { addComment, commentSummary, importSurvey, previewSurvey, updateComment } from './comments';
import { addContact, auditSheet, mysteryShop, saveAuditItem } from './fieldwork';
import { addYouSaidWeDid, listYouSaidWeDid } from './you-said-we-did';
import { reviewFigures } from './figures';
import { listPolicies, policiesDue, removePolicy, savePolicy } from './policies';
import { addFrameworkVersion } from './reference-data';
import { reviewReport } from './report';
import {
  commissionReview,
  getReview,
  listReviews,
  moveStage,
  saveReportTemplate,
  tagsOf,
} from './reviews';
import { reviewSettings, saveTemplate, saveYearTargets } from './settings';
import { addOfficer, addTeamMember, removeTeamMember, teamCandidates } from './team';

export const reviewsHandlers: HandlersFor<typeof reviewsApi> = {
  'reviews.list': listReviews,
  'reviews.get': getReview,
  'reviews.commission': commissionReview,
  'reviews.moveStage': moveStage,
  'reviews.teamCandidates': teamCandidates,
  'reviews.addTeamMember': addTeamMember,
  'reviews.removeTeamMember': removeTeamMember,
  'reviews.addOfficer': addOfficer,
  'reviews.addEvidence': addEvidence,
  'reviews.recordAnswer': recordAnswer,
  'reviews.readEvidenceFile': readEvidenceFile,
  'reviews.addFinding': addFinding,
  'reviews.removeFinding': removeFinding,
  'reviews.saveReportTemplate': saveReportTemplate,
  'reviews.saveConsultation': saveConsultation,
  'reviews.addOutcome': addOutcome,
  'reviews.removeOutcome': removeOutcome,
  'reviews.consultationFeedback': consultationFeedback,
  'reviews.report': reviewReport,
  'reviews.exceptionReport': exceptionReport,
  'reviews.exceptionReportXlsx': exportExceptionReport,
  'reviews.figures': reviewFigures,
  'reviews.policiesDue': (ctx) => policiesDue(ctx),
  'policies.list': (ctx) => listPolicies(ctx),
  'policies.save': savePolicy,
  'policies.remove': removePolicy,
  'reviews.settings': reviewSettings,
  'reviews.saveTemplate': saveTemplate,
  'reviews.saveTargets': saveYearTargets,
  'reviews.auditSheet': auditSheet,
  'reviews.saveAuditItem': saveAuditItem,
  'reviews.mysteryShop': mysteryShop,
  'reviews.addContact': addContact,
  'reviews.comments': commentSummary,
  'reviews.addComment': addComment,
  'reviews.updateComment': updateComment,
  'reviews.previewSurvey': previewSurvey,
  'reviews.importSurvey': importSurvey,
  'youSaidWeDid.list': listYouSaidWeDid,
  'youSaidWeDid.add': addYouSaidWeDid,
  'commissioningPlan.get': commissioningPlan,
  'commissioningPlan.add': addPlanEntry,
  'commissioningPlan.addCheckin': addCheckin,
  'assurance.requirements': async (ctx) => requirementOptions(ctx),
  'assurance.setTags': setTags,
  'assurance.tagsFor': async (ctx, input) =>
    Object.fromEntries(await tagsOf(ctx, input.entityType, input.entityIds)),
  'assurance.matrix': assuranceMatrix,
  'assurance.addFramework': async (ctx, input) => addFrameworkVersion(ctx, input.content),
};
