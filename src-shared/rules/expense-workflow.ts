import type { ClaimAction, ClaimStatus } from '../domain/expenses';
import type { Role } from './permissions';

/** Each move: from which states, to which, and who may make it. */
export const claimMoves: Record<ClaimAction, { from: readonly ClaimStatus[]; to: ClaimStatus }> = {
  submit: { from: ['draft'], to: 'submitted' },
  query: { from: ['submitted'], to: 'queried' },
  resubmit: { from: ['queried'], to: 'submitted' },
  approve: { from: ['submitted'], to: 'approved' },
  reject: { from: ['submitted', 'queried'], to: 'rejected' },
};

const decidingRoles: readonly Role[] = ['team_leader', 'administrator'];
const decisions: readonly ClaimAction[] = ['query', 'approve', 'reject'];

/** Only drafts and queried claims take changes to their lines. */
export function claimEditable(status: ClaimStatus): boolean {
  return status === 'draft' || status === 'queried';
}

/**
 * Why this person may not make this move now, in words, or null when they
 * may. Whoever entered or submitted a claim never decides it.
 */
export function moveRefusal(
  action: ClaimAction,
  status: ClaimStatus,
  actor: { id: string; role: Role },
  claim: { enteredBy: string; submitters: readonly string[] },
): string | null {
  const move = claimMoves[action];
  if (!move.from.includes(status)) return refusalFor(action, status);
  if (decisions.includes(action)) {
    if (!decidingRoles.includes(actor.role))
      return 'Only a team leader or an administrator can approve, query or reject a claim.';
    if (actor.id === claim.enteredBy || claim.submitters.includes(actor.id))
      return 'You entered or submitted this claim, so someone else must decide it.';
  }
  return null;
}

function refusalFor(action: ClaimAction, status: ClaimStatus): string {
  if (status === 'paid') return 'This claim has been paid: it cannot change.';
  if (status === 'rejected')
    return 'This claim was rejected: start a new claim if costs are still owed.';
  if (status === 'approved')
    return 'This claim is approved and waiting to be paid: it cannot change.';
  switch (action) {
    case 'submit':
      return 'Only a draft can be submitted.';
    case 'resubmit':
      return 'Only a queried claim can be answered and resubmitted.';
    default:
      return status === 'draft'
        ? 'This claim has not been submitted yet.'
        : 'This claim is waiting for the submitter to answer a question.';
  }
}
