import type { grantsApi } from '../../../src-shared/api/grants';
import type { HandlersFor } from '../context';
import {
  attachDocument,
  documentFile,
  getApplication,
  listApplications,
  removeDocument,
  runEligibilityCheck,
  saveApplication,
  withdrawApplication,
} from './applications';
import { decide, fundAgreement } from './decisions';
import { grantsHome, recordReminder, saveEvaluation } from './evaluations';
import { grantFigures } from './figures';
import { declareInterest, panelMembers, saveScores, scoringSheet } from './panel';
import { recordPayment } from './payments';
import { listPriorities, savePriority } from './priorities';
import { roundRanking } from './ranking';
import { closeDecisions, getRound, listRounds, saveRound } from './rounds';
import { importVotes, removeTally, saveTally } from './votes';

export const grantsHandlers: HandlersFor<typeof grantsApi> = {
  'grants.priorities': (ctx) => listPriorities(ctx),
  'grants.savePriority': (ctx, input) => savePriority(ctx, input),
  'grants.rounds': (ctx) => listRounds(ctx),
  'grants.round': (ctx, input) => getRound(ctx, input.id),
  'grants.saveRound': (ctx, input) => saveRound(ctx, input),
  'grants.closeDecisions': (ctx, input) => closeDecisions(ctx, input.id),
  'grants.applications': (ctx, input) => listApplications(ctx, input),
  'grants.application': (ctx, input) => getApplication(ctx, input.id),
  'grants.saveApplication': (ctx, input) => saveApplication(ctx, input),
  'grants.withdraw': (ctx, input) => withdrawApplication(ctx, input.id, input.reason),
  'grants.checkEligibility': (ctx, input) => runEligibilityCheck(ctx, input.id),
  'grants.attachDocument': (ctx, input) => attachDocument(ctx, input),
  'grants.removeDocument': (ctx, input) => removeDocument(ctx, input.id),
  'grants.document': (ctx, input) => documentFile(ctx, input.id),
  'grants.panelMembers': (ctx, input) => panelMembers(ctx, input.roundId),
  'grants.scoringSheet': (ctx, input) => scoringSheet(ctx, input.roundId, input.customerId),
  'grants.declare': (ctx, input) => declareInterest(ctx, input),
  'grants.saveScores': (ctx, input) => saveScores(ctx, input),
  'grants.saveTally': (ctx, input) => saveTally(ctx, input),
  'grants.removeTally': (ctx, input) => removeTally(ctx, input.id),
  'grants.importVotes': (ctx, input) => importVotes(ctx, input),
  'grants.ranking': (ctx, input) => roundRanking(ctx, input.roundId),
  'grants.decide': (ctx, input) => decide(ctx, input),
  'grants.agreement': (ctx, input) => fundAgreement(ctx, input.id),
  'grants.recordPayment': (ctx, input) => recordPayment(ctx, input),
  'grants.recordReminder': (ctx, input) => recordReminder(ctx, input.id, input.sentOn),
  'grants.saveEvaluation': (ctx, input) => saveEvaluation(ctx, input),
  'grants.home': (ctx) => grantsHome(ctx),
  'grants.figures': (ctx, input) => grantFigures(ctx, input.from, input.to),
};
