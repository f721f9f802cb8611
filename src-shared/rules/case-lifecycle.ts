/**
 * The life of a complaint panel case. Every move is checked here, so the
 * screen offers only legal moves and the main process refuses the rest with
 * a message that says why.
 */
import { readableDate } from './working-days';

export const caseStatuses = [
  'referred',
  'eligibility_checked',
  'accepted',
  'declined',
  'panel_convened',
  'hearing_scheduled',
  'heard',
  'decision_issued',
  'monitoring',
  'closed',
  'referred_to_ombudsman',
  'withdrawn',
] as const;
export type CaseStatus = (typeof caseStatuses)[number];

export const caseStatusLabels: Record<CaseStatus, string> = {
  referred: 'Referred',
  eligibility_checked: 'Eligibility checked',
  accepted: 'Accepted',
  declined: 'Declined',
  panel_convened: 'Panel convened',
  hearing_scheduled: 'Hearing scheduled',
  heard: 'Heard',
  decision_issued: 'Decision issued',
  monitoring: 'Recommendations monitored',
  closed: 'Closed',
  referred_to_ombudsman: 'Referred to the Housing Ombudsman',
  withdrawn: 'Withdrawn',
};

export const decisionOutcomes = ['upheld', 'partly_upheld', 'not_upheld'] as const;
export type DecisionOutcome = (typeof decisionOutcomes)[number];
export const decisionOutcomeLabels: Record<DecisionOutcome, string> = {
  upheld: 'Upheld',
  partly_upheld: 'Partly upheld',
  not_upheld: 'Not upheld',
};

/** What a move may carry; each move says which of these it needs. */
export interface TransitionInput {
  to: CaseStatus;
  date: string;
  reason?: string | null;
  eligible?: boolean | null;
  hearingDate?: string | null;
  decisionOutcome?: DecisionOutcome | null;
  findings?: string | null;
}

/** Facts about the case that some moves depend on. */
export interface CaseFacts {
  status: CaseStatus;
  eligible: boolean | null;
  assignedMembers: number;
  quorum: number;
  openRecommendations: number;
  today: string;
  /** The date of the latest step so far (the referral at least); steps are recorded in order. */
  lastStepOn?: string | null;
  /** The hearing date on the record (the latest scheduling of it). */
  hearingDate?: string | null;
  /**
   * The latest step other than scheduling the hearing. A hearing moved on
   * the record to the day it was actually held may be recorded after that
   * day, so "Heard" is held to the hearing date instead of the move's date.
   */
  lastStepBeforeHearingOn?: string | null;
}

export type Refusal = { ok: false; message: string; field?: keyof TransitionInput };
export type Allowed = { ok: true };

const terminal: ReadonlySet<CaseStatus> = new Set(['closed', 'withdrawn']);

/** The forward path; withdrawal and referral to the Ombudsman are handled separately. */
const forward: Record<CaseStatus, readonly CaseStatus[]> = {
  referred: ['eligibility_checked'],
  eligibility_checked: ['accepted', 'declined'],
  accepted: ['panel_convened'],
  declined: ['closed'],
  panel_convened: ['hearing_scheduled'],
  hearing_scheduled: ['heard', 'hearing_scheduled'],
  heard: ['decision_issued'],
  decision_issued: ['monitoring', 'closed'],
  monitoring: ['closed'],
  closed: [],
  referred_to_ombudsman: ['closed'],
  withdrawn: [],
};

/** Every move the case could make from its status, before checking the details. */
export function movesFrom(status: CaseStatus): CaseStatus[] {
  if (terminal.has(status)) return [];
  const moves = [...forward[status]];
  if (status !== 'referred_to_ombudsman') moves.push('referred_to_ombudsman');
  moves.push('withdrawn');
  return moves;
}

function needText(value: string | null | undefined): boolean {
  return typeof value === 'string' && value.trim().length > 0;
}

/** Checks one move against the status and the facts; a refusal names what is missing. */
export function checkTransition(facts: CaseFacts, input: TransitionInput): Allowed | Refusal {
  const from = facts.status;
  const to = input.to;
  if (terminal.has(from)) {
    return {
      ok: false,
      message: `This case is ${caseStatusLabels[from].toLowerCase()}: nothing more can happen to it.`,
    };
  }
  if (!movesFrom(from).includes(to)) {
    const legal = movesFrom(from).map((s) => caseStatusLabels[s].toLowerCase());
    return {
      ok: false,
      message: `A case that is ${caseStatusLabels[from].toLowerCase()} cannot move to "${caseStatusLabels[to].toLowerCase()}". From here it can move to: ${legal.join(', ')}.`,
    };
  }
  if (input.date > facts.today) {
    return { ok: false, field: 'date', message: 'The date of this step cannot be in the future.' };
  }
  const floor =
    to === 'heard' && facts.hearingDate
      ? (facts.lastStepBeforeHearingOn ?? facts.lastStepOn)
      : facts.lastStepOn;
  if (floor && input.date < floor) {
    return {
      ok: false,
      field: 'date',
      message: `The date of this step cannot be before the last step, on ${readableDate(floor)}.`,
    };
  }
  switch (to) {
    case 'eligibility_checked':
      if (input.eligible === null || input.eligible === undefined) {
        return {
          ok: false,
          field: 'eligible',
          message: 'Say whether the case is eligible for the panel.',
        };
      }
      return { ok: true };
    case 'accepted':
      if (facts.eligible === false) {
        return {
          ok: false,
          message:
            'The eligibility check found this case not eligible: decline it with a reason instead.',
        };
      }
      return { ok: true };
    case 'declined':
    case 'withdrawn':
      if (!needText(input.reason)) {
        return {
          ok: false,
          field: 'reason',
          message: `Give the reason the case is ${to === 'declined' ? 'declined' : 'withdrawn'}.`,
        };
      }
      return { ok: true };
    case 'panel_convened':
      if (facts.assignedMembers < facts.quorum) {
        return {
          ok: false,
          message: `The panel needs at least ${facts.quorum} members to be convened; ${facts.assignedMembers} ${facts.assignedMembers === 1 ? 'is' : 'are'} assigned.`,
        };
      }
      return { ok: true };
    case 'hearing_scheduled':
      if (!input.hearingDate)
        return { ok: false, field: 'hearingDate', message: 'Give the date of the hearing.' };
      return { ok: true };
    case 'heard':
      if (facts.hearingDate && input.date < facts.hearingDate) {
        return {
          ok: false,
          field: 'date',
          message: `The hearing is scheduled for ${readableDate(facts.hearingDate)}, so it cannot have been held on ${readableDate(input.date)}. If it was held on another day, move the hearing first: record "Hearing scheduled" again with the day it was held.`,
        };
      }
      if (facts.assignedMembers < facts.quorum) {
        return {
          ok: false,
          message: `A hearing needs a quorum of ${facts.quorum}; ${facts.assignedMembers} assigned.`,
        };
      }
      return { ok: true };
    case 'decision_issued':
      if (!input.decisionOutcome) {
        return {
          ok: false,
          field: 'decisionOutcome',
          message: 'Choose the decision: upheld, partly upheld or not upheld.',
        };
      }
      if (!needText(input.findings))
        return { ok: false, field: 'findings', message: 'Write the panel’s findings.' };
      return { ok: true };
    case 'monitoring':
      if (facts.openRecommendations === 0) {
        return {
          ok: false,
          message: 'There are no open recommendations to monitor: close the case instead.',
        };
      }
      return { ok: true };
    case 'closed':
      if (facts.openRecommendations > 0) {
        return {
          ok: false,
          message: `${facts.openRecommendations} recommendation${facts.openRecommendations === 1 ? ' is' : 's are'} still open: record them as implemented, verified or rejected before closing.`,
        };
      }
      return { ok: true };
    case 'referred_to_ombudsman':
      return { ok: true };
    default:
      return { ok: true };
  }
}

/** Moves to offer on screen: legal from here, whatever details they still need. */
export function offeredMoves(facts: CaseFacts): CaseStatus[] {
  return movesFrom(facts.status).filter((to) => {
    const probe = checkTransition(facts, {
      to,
      date: facts.today,
      reason: 'x',
      eligible: true,
      hearingDate: facts.today,
      decisionOutcome: 'upheld',
      findings: 'x',
    });
    return probe.ok;
  });
}
