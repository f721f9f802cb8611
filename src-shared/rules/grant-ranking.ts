import { formatPounds } from './expense-money';

/**
 * The order applications are funded in, by the panel's scores or the public
 * vote, and which of them the money reaches. Funded in order while the money
 * lasts; one that no longer fits is passed over for the next that does, so
 * the round's money is not left unspent for want of one large project.
 */
export interface RankInput {
  applicationId: string;
  reference: string;
  projectTitle: string;
  amountPence: number;
  receivedOn: string;
  /** The panel's total, or the votes cast. */
  result: number;
}

export interface RankedApplication extends RankInput {
  rank: number;
  /** Level with the one above on the result: settled by the tie rule. */
  tiedOnResult: boolean;
  fundable: boolean;
  note: string;
}

/** Said on screen wherever a ranking is shown, so nobody has to guess how a tie was broken. */
export const TIE_RULE =
  'Where two projects have the same result, the one asking for less money ranks first, so the budget reaches more projects; if they ask for the same, the one received first ranks first.';

export function rankApplications(
  inputs: readonly RankInput[],
  availablePence: number,
): RankedApplication[] {
  const sorted = [...inputs].sort(
    (a, b) =>
      b.result - a.result ||
      a.amountPence - b.amountPence ||
      a.receivedOn.localeCompare(b.receivedOn) ||
      a.reference.localeCompare(b.reference),
  );
  let left = availablePence;
  return sorted.map((a, i) => {
    const previous = sorted[i - 1];
    const next = sorted[i + 1];
    const tiedOnResult =
      (previous !== undefined && previous.result === a.result) ||
      (next !== undefined && next.result === a.result);
    const fits = a.result > 0 && a.amountPence <= left;
    if (fits) left -= a.amountPence;
    const note =
      a.result <= 0
        ? 'Not scored or voted for yet.'
        : fits
          ? `Within the money: ${formatPounds(left)} left after it.`
          : `Does not fit the ${formatPounds(left)} left.`;
    return { ...a, rank: i + 1, tiedOnResult, fundable: fits, note };
  });
}
