/*
 * The Framework's rule: every customer-facing policy is consulted on before
 * it goes to the Board. A consultation counts for a policy's coming approval
 * only if it started after the policy was last approved: the one held for
 * the version the Board signed off last time says nothing about this one.
 */

export type PolicyConsultationState = 'finished' | 'in_progress' | 'none';

export interface ConsultationOfPolicy {
  reviewId: string;
  startedOn: string;
  completedOn: string | null;
}

export interface PolicyStanding<C extends ConsultationOfPolicy> {
  state: PolicyConsultationState;
  /** The consultation that decides the state: the finished one, else the latest running. */
  consultation: C | null;
}

export function policyStanding<C extends ConsultationOfPolicy>(
  lastApprovedOn: string | null,
  consultations: readonly C[],
): PolicyStanding<C> {
  const current = consultations
    .filter((c) => !lastApprovedOn || c.startedOn > lastApprovedOn)
    .sort((a, b) => b.startedOn.localeCompare(a.startedOn));
  const finished = current.find((c) => c.completedOn !== null);
  if (finished) return { state: 'finished', consultation: finished };
  if (current.length > 0) return { state: 'in_progress', consultation: current[0]! };
  return { state: 'none', consultation: null };
}

/** A customer-facing policy with a Board date still to come whose consultation is not finished. */
export function dueWithoutConsultation(
  policy: { customerFacing: boolean; boardDate: string | null },
  state: PolicyConsultationState,
  today: string,
): boolean {
  return (
    policy.customerFacing &&
    policy.boardDate !== null &&
    policy.boardDate >= today &&
    state !== 'finished'
  );
}
