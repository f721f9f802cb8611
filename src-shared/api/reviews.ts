import { z } from 'zod';
import { method } from '../contract';
import { idSchema, isoDateSchema } from '../domain/common';
import {
  commissionInput,
  consultationInput,
  evidenceAnswerInput,
  evidenceInput,
  exceptionReportInput,
  figuresInput,
  findingInput,
  findingRemoveInput,
  outcomeInput,
  outcomeRemoveInput,
  frameworkFileInput,
  kindTemplateInput,
  officerInput,
  periodInput,
  reportTemplateInput,
  reviewListInput,
  stageMoveInput,
  tagEntityTypes,
  tagInput,
  targetsInput,
  teamMemberInput,
  teamRemoveInput,
  auditItemInput,
  checkinInput,
  commentInput,
  commentUpdateInput,
  contactInput,
  planInput,
  surveyImportInput,
  youSaidWeDidInput,
  type AuditSheet,
  type CommentSummary,
  type CommissioningPlan,
  type MysteryShop,
  type SurveyPreview,
  type YouSaidWeDid,
  type AssuranceMatrix,
  type ExceptionReport,
  type FrameworkVersion,
  type PoliciesDue,
  type PolicyEntry,
  policyInput,
  type RequirementOption,
  type ReviewDetail,
  type ReviewFigures,
  type ReviewSettings,
  type ReviewSummary,
  type TeamCandidate,
} from '../domain/reviews';
import type { GeneratedFile } from './cases';

const byId = z.object({ id: idSchema });
const byReview = z.object({ reviewId: idSchema });

export const reviewsApi = {
  'reviews.list': method(reviewListInput, 'reviews.read').returns<ReviewSummary[]>(),
  'reviews.get': method(byId, 'reviews.read').returns<ReviewDetail>(),
  'reviews.commission': method(commissionInput, 'reviews.write').returns<ReviewDetail>(),
  'reviews.moveStage': method(stageMoveInput, 'reviews.write').returns<ReviewDetail>(),
  'reviews.teamCandidates': method(byReview, 'reviews.read').returns<{
    groupName: string | null;
    candidates: TeamCandidate[];
  }>(),
  'reviews.addTeamMember': method(teamMemberInput, 'reviews.write').returns<ReviewDetail>(),
  'reviews.removeTeamMember': method(teamRemoveInput, 'reviews.write').returns<ReviewDetail>(),
  'reviews.addOfficer': method(officerInput, 'reviews.write').returns<ReviewDetail>(),
  'reviews.addEvidence': method(evidenceInput, 'reviews.evidence').returns<ReviewDetail>(),
  'reviews.recordAnswer': method(evidenceAnswerInput, 'reviews.evidence').returns<ReviewDetail>(),
  'reviews.readEvidenceFile': method(byId, 'reviews.read').returns<GeneratedFile>(),
  'reviews.addFinding': method(findingInput, 'reviews.evidence').returns<ReviewDetail>(),
  'reviews.removeFinding': method(findingRemoveInput, 'reviews.write').returns<ReviewDetail>(),
  'reviews.saveReportTemplate': method(
    reportTemplateInput,
    'reviews.write',
  ).returns<ReviewDetail>(),
  'reviews.saveConsultation': method(consultationInput, 'reviews.write').returns<ReviewDetail>(),
  'reviews.addOutcome': method(outcomeInput, 'reviews.write').returns<ReviewDetail>(),
  'reviews.removeOutcome': method(outcomeRemoveInput, 'reviews.write').returns<ReviewDetail>(),
  'reviews.consultationFeedback': method(byReview, 'reviews.read').returns<GeneratedFile>(),
  'reviews.report': method(byReview, 'reviews.read').returns<GeneratedFile>(),
  'reviews.exceptionReport': method(
    exceptionReportInput,
    'reviews.read',
  ).returns<ExceptionReport>(),
  'reviews.exceptionReportXlsx': method(
    exceptionReportInput,
    'reviews.read',
  ).returns<GeneratedFile>(),
  'reviews.figures': method(figuresInput, 'reviews.read').returns<ReviewFigures>(),
  'reviews.policiesDue': method(z.object({}).strict(), 'reviews.read').returns<PoliciesDue[]>(),
  'policies.list': method(z.object({}).strict(), 'reviews.read').returns<PolicyEntry[]>(),
  'policies.save': method(policyInput, 'reviews.write').returns<PolicyEntry[]>(),
  'policies.remove': method(z.object({ id: idSchema }).strict(), 'reviews.write').returns<
    PolicyEntry[]
  >(),
  'reviews.settings': method(figuresInput, 'reviews.read').returns<ReviewSettings>(),
  'reviews.saveTemplate': method(kindTemplateInput, 'reviews.settings').returns<ReviewSettings>(),
  'reviews.saveTargets': method(targetsInput, 'reviews.settings').returns<ReviewSettings>(),
  'reviews.auditSheet': method(byReview, 'reviews.read').returns<AuditSheet>(),
  'reviews.saveAuditItem': method(auditItemInput, 'reviews.evidence').returns<AuditSheet>(),
  'reviews.mysteryShop': method(byReview, 'reviews.read').returns<MysteryShop>(),
  'reviews.addContact': method(contactInput, 'reviews.evidence').returns<MysteryShop>(),
  'reviews.comments': method(byReview, 'reviews.read').returns<CommentSummary>(),
  'reviews.addComment': method(commentInput, 'reviews.evidence').returns<CommentSummary>(),
  'reviews.updateComment': method(commentUpdateInput, 'reviews.evidence').returns<CommentSummary>(),
  'reviews.previewSurvey': method(surveyImportInput, 'reviews.evidence').returns<SurveyPreview>(),
  'reviews.importSurvey': method(surveyImportInput, 'reviews.evidence').returns<CommentSummary>(),
  'youSaidWeDid.list': method(
    z.object({
      from: isoDateSchema.nullable().optional(),
      to: isoDateSchema.nullable().optional(),
    }),
    'reviews.read',
  ).returns<YouSaidWeDid[]>(),
  'youSaidWeDid.add': method(youSaidWeDidInput, 'reviews.write').returns<YouSaidWeDid[]>(),
  'commissioningPlan.get': method(figuresInput, 'reviews.read').returns<CommissioningPlan>(),
  'commissioningPlan.add': method(planInput, 'reviews.write').returns<CommissioningPlan>(),
  'commissioningPlan.addCheckin': method(
    checkinInput,
    'reviews.write',
  ).returns<CommissioningPlan>(),
  'assurance.requirements': method(z.object({}).strict(), 'assurance.read').returns<
    RequirementOption[]
  >(),
  'assurance.setTags': method(tagInput, 'assurance.tag').returns<{ codes: string[] }>(),
  'assurance.tagsFor': method(
    z.object({ entityType: z.enum(tagEntityTypes), entityIds: z.array(idSchema).max(1000) }),
    'assurance.read',
  ).returns<Record<string, string[]>>(),
  'assurance.matrix': method(periodInput, 'assurance.read').returns<AssuranceMatrix>(),
  'assurance.addFramework': method(frameworkFileInput, 'reviews.settings').returns<
    FrameworkVersion[]
  >(),
} as const;
