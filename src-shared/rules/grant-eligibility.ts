import { formatPounds } from './expense-money';

/**
 * Whether an application can go before the panel or the vote, with a reason
 * for each test so the officer can tell the applicant exactly what to change.
 * The tests are the round's published criteria: who may apply, where, how
 * much, by when, and that the project meets a priority the Board agreed.
 */
export interface EligibilityRound {
  opensOn: string;
  closesOn: string;
  minAwardPence: number;
  maxAwardPence: number;
  applicantKinds: readonly string[];
  /** Empty: every area may apply. */
  areaIds: readonly string[];
  /** The priorities the round's criteria are linked to; empty: any agreed priority. */
  priorityIds: readonly string[];
}

export interface EligibilityApplication {
  receivedOn: string;
  applicantKind: string;
  applicantKindLabel: string;
  areaId: string | null;
  areaName: string | null;
  priorityId: string | null;
  /** Whether the priority is one the Board agreed and has not retired. */
  priorityAgreed: boolean;
  amountPence: number;
  outcomes: string;
  contactReachable: boolean;
  startsOn: string | null;
  endsOn: string | null;
  supportingDocuments: number;
}

export type EligibilityTest =
  | 'on_time'
  | 'applicant'
  | 'area'
  | 'amount'
  | 'priority'
  | 'outcomes'
  | 'contact'
  | 'dates'
  | 'documents';

export interface EligibilityReason {
  test: EligibilityTest;
  passed: boolean;
  message: string;
}

export interface EligibilityCheck {
  eligible: boolean;
  reasons: EligibilityReason[];
}

/** Above this amount a quote, budget or constitution must come with the application. */
export const DOCUMENTS_NEEDED_ABOVE_PENCE = 50_000;

export function checkEligibility(
  round: EligibilityRound,
  a: EligibilityApplication,
): EligibilityCheck {
  const reasons: EligibilityReason[] = [];
  const add = (test: EligibilityTest, passed: boolean, yes: string, no: string) =>
    reasons.push({ test, passed, message: passed ? yes : no });

  add(
    'on_time',
    a.receivedOn >= round.opensOn && a.receivedOn <= round.closesOn,
    'Received while the round was open.',
    a.receivedOn < round.opensOn
      ? `Received on ${a.receivedOn}, before the round opened on ${round.opensOn}.`
      : `Received on ${a.receivedOn}, after the round closed on ${round.closesOn}.`,
  );
  add(
    'applicant',
    round.applicantKinds.includes(a.applicantKind),
    `${a.applicantKindLabel}: may apply to this round.`,
    `${a.applicantKindLabel}: this round is not open to this kind of applicant.`,
  );
  add(
    'area',
    round.areaIds.length === 0 || (a.areaId !== null && round.areaIds.includes(a.areaId)),
    round.areaIds.length === 0
      ? 'The round is open to every area.'
      : `${a.areaName ?? 'The area'} is one of the round’s areas.`,
    a.areaId === null
      ? 'The round is for named areas only, and the application gives no area.'
      : `${a.areaName ?? 'This area'} is not one of the round’s areas.`,
  );
  const amountOk = a.amountPence >= round.minAwardPence && a.amountPence <= round.maxAwardPence;
  add(
    'amount',
    amountOk,
    `${formatPounds(a.amountPence)} is within the round’s ${formatPounds(round.minAwardPence)} to ${formatPounds(round.maxAwardPence)}.`,
    a.amountPence > round.maxAwardPence
      ? `${formatPounds(a.amountPence)} is more than the round’s largest award of ${formatPounds(round.maxAwardPence)}.`
      : `${formatPounds(a.amountPence)} is less than the round’s smallest award of ${formatPounds(round.minAwardPence)}.`,
  );
  const priorityOk =
    a.priorityId !== null &&
    a.priorityAgreed &&
    (round.priorityIds.length === 0 || round.priorityIds.includes(a.priorityId));
  add(
    'priority',
    priorityOk,
    'The project meets a priority the Board agreed for this round.',
    a.priorityId === null
      ? 'The application does not say which of the Board’s priorities it meets.'
      : !a.priorityAgreed
        ? 'The priority named is not one the Board currently agrees.'
        : 'The priority named is not one of this round’s criteria.',
  );
  add(
    'outcomes',
    a.outcomes.trim().length >= 20,
    'It says what the project will achieve.',
    'It does not say clearly what the project will achieve (a sentence or more).',
  );
  add(
    'contact',
    a.contactReachable,
    'There is a way to reach the contact.',
    'There is no phone, email or address for the contact.',
  );
  const datesOk = !a.startsOn || !a.endsOn || a.startsOn <= a.endsOn;
  add('dates', datesOk, 'The project’s dates are in order.', 'The project ends before it starts.');
  const needsDocs = a.amountPence > DOCUMENTS_NEEDED_ABOVE_PENCE;
  add(
    'documents',
    !needsDocs || a.supportingDocuments > 0,
    needsDocs
      ? 'Supporting documents are attached.'
      : `No supporting documents are needed up to ${formatPounds(DOCUMENTS_NEEDED_ABOVE_PENCE)}.`,
    `Asks for more than ${formatPounds(DOCUMENTS_NEEDED_ABOVE_PENCE)}, so needs a supporting document (a quote, budget or constitution).`,
  );
  return { eligible: reasons.every((r) => r.passed), reasons };
}
