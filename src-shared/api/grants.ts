import { z } from 'zod';
import { method } from '../contract';
import { idSchema, isoDateSchema } from '../domain/common';
import {
  applicationInput,
  applicationStatuses,
  decisionInput,
  declarationInput,
  documentInput,
  evaluationInput,
  paymentInput,
  priorityInput,
  roundInput,
  scoreSheetInput,
  tallyInput,
  voteImportInput,
  type ApplicationSummary,
  type GrantApplication,
  type GrantFigures,
  type GrantPriority,
  type GrantRound,
  type GrantRoundSummary,
  type GrantsHome,
  type PanelMember,
  type RoundRanking,
  type ScoringSheet,
  type VoteImportResult,
} from '../domain/grants';
import type { FileResult } from './meetings';

const byId = z.object({ id: idSchema });

export const grantsApi = {
  'grants.priorities': method(z.object({}), 'grants.read').returns<GrantPriority[]>(),
  'grants.savePriority': method(priorityInput, 'grants.priorities').returns<GrantPriority[]>(),
  'grants.rounds': method(z.object({}), 'grants.read').returns<GrantRoundSummary[]>(),
  'grants.round': method(byId, 'grants.read').returns<GrantRound>(),
  'grants.saveRound': method(roundInput, 'grants.rounds').returns<GrantRound>(),
  /** Closes the round's decisions, so what it leaves unspent carries to the fund's next round. */
  'grants.closeDecisions': method(byId, 'grants.decide').returns<GrantRound>(),
  'grants.applications': method(
    z.object({
      roundId: idSchema.nullable().default(null),
      status: z.enum(applicationStatuses).nullable().default(null),
      evaluation: z.enum(['outstanding', 'overdue']).nullable().default(null),
    }),
    'grants.read',
  ).returns<ApplicationSummary[]>(),
  'grants.application': method(byId, 'grants.read').returns<GrantApplication>(),
  'grants.saveApplication': method(applicationInput, 'grants.write').returns<GrantApplication>(),
  'grants.withdraw': method(
    z.object({ id: idSchema, reason: z.string().trim().min(1, { error: 'Give a reason.' }) }),
    'grants.write',
  ).returns<GrantApplication>(),
  /** Checks the application against the round's criteria and records the result with its reasons. */
  'grants.checkEligibility': method(byId, 'grants.write').returns<GrantApplication>(),
  'grants.attachDocument': method(documentInput, 'grants.write').returns<GrantApplication>(),
  'grants.removeDocument': method(byId, 'grants.write').returns<GrantApplication>(),
  'grants.document': method(byId, 'grants.read').returns<FileResult>(),
  'grants.panelMembers': method(z.object({ roundId: idSchema }), 'grants.read').returns<
    PanelMember[]
  >(),
  'grants.scoringSheet': method(
    z.object({ roundId: idSchema, customerId: idSchema }),
    'grants.read',
  ).returns<ScoringSheet>(),
  'grants.declare': method(declarationInput, 'grants.write').returns<ScoringSheet>(),
  'grants.saveScores': method(scoreSheetInput, 'grants.write').returns<ScoringSheet>(),
  'grants.saveTally': method(tallyInput, 'grants.write').returns<GrantApplication>(),
  'grants.removeTally': method(byId, 'grants.write').returns<GrantApplication>(),
  /** Tallies from a CSV (reference, place, votes); every bad line is named and nothing is saved. */
  'grants.importVotes': method(voteImportInput, 'grants.write').returns<VoteImportResult>(),
  'grants.ranking': method(z.object({ roundId: idSchema }), 'grants.read').returns<RoundRanking>(),
  'grants.decide': method(decisionInput, 'grants.decide').returns<GrantApplication>(),
  /** The fund agreement for an award, as a PDF. */
  'grants.agreement': method(byId, 'grants.read').returns<FileResult>(),
  'grants.recordPayment': method(paymentInput, 'grants.pay').returns<GrantApplication>(),
  'grants.recordReminder': method(
    z.object({ id: idSchema, sentOn: isoDateSchema }),
    'grants.write',
  ).returns<GrantApplication>(),
  'grants.saveEvaluation': method(evaluationInput, 'grants.write').returns<GrantApplication>(),
  'grants.home': method(z.object({}), 'grants.read').returns<GrantsHome>(),
  /** Applications, awards and spend by round, area and priority, for a period of decisions; a board pack can use it. */
  'grants.figures': method(
    z.object({ from: isoDateSchema, to: isoDateSchema }),
    'grants.read',
  ).returns<GrantFigures>(),
} as const;
