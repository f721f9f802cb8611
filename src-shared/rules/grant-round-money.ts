/**
 * A round's money: its own budget, what the fund's previous round left
 * unspent (carried over, as the Strategy asks), what was awarded and paid,
 * and what this round leaves for the next. What a round leaves is known only
 * once its decisions are all made; until then it carries nothing on.
 */
export interface RoundMoneyInput {
  id: string;
  fund: string;
  opensOn: string;
  budgetPence: number;
  awardedPence: number;
  paidPence: number;
  decided: boolean;
  carryOver: boolean;
}

export interface RoundMoney {
  budgetPence: number;
  carriedInPence: number;
  availablePence: number;
  awardedPence: number;
  paidPence: number;
  /** Awarded but not yet paid. */
  owedPence: number;
  /** Available but not awarded. */
  unawardedPence: number;
  /** What goes to the fund's next round: set once the round is decided. */
  carriedOutPence: number | null;
}

/** Every round's money, carrying each fund's unspent money forward in order of opening. */
export function roundMoney(rounds: readonly RoundMoneyInput[]): Map<string, RoundMoney> {
  const out = new Map<string, RoundMoney>();
  const carry = new Map<string, number>();
  const ordered = [...rounds].sort(
    (a, b) => a.opensOn.localeCompare(b.opensOn) || a.id.localeCompare(b.id),
  );
  for (const r of ordered) {
    const carriedIn = carry.get(r.fund) ?? 0;
    const available = r.budgetPence + carriedIn;
    const unawarded = available - r.awardedPence;
    const carriedOut = r.decided ? (r.carryOver ? Math.max(0, unawarded) : 0) : null;
    carry.set(r.fund, carriedOut ?? 0);
    out.set(r.id, {
      budgetPence: r.budgetPence,
      carriedInPence: carriedIn,
      availablePence: available,
      awardedPence: r.awardedPence,
      paidPence: r.paidPence,
      owedPence: r.awardedPence - r.paidPence,
      unawardedPence: unawarded,
      carriedOutPence: carriedOut,
    });
  }
  return out;
}
