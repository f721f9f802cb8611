import type { RoundMoney } from '../../../../src-shared/rules/grant-round-money';
import { formatPence } from '../../components/format';

/** The round's figures, with the carry-over in and out said in words. */
export function RoundMoneyFacts({
  money,
  previous,
}: {
  money: RoundMoney;
  previous: string | null;
}) {
  return (
    <dl className="facts facts--columns grant-money">
      <div>
        <dt>Budget</dt>
        <dd>{formatPence(money.budgetPence)}</dd>
      </div>
      <div>
        <dt>Carried over in</dt>
        <dd>
          {formatPence(money.carriedInPence)}
          {previous ? ` (unspent from ${previous})` : ''}
        </dd>
      </div>
      <div>
        <dt>Available</dt>
        <dd>{formatPence(money.availablePence)}</dd>
      </div>
      <div>
        <dt>Awarded</dt>
        <dd>{formatPence(money.awardedPence)}</dd>
      </div>
      <div>
        <dt>Paid</dt>
        <dd>
          {formatPence(money.paidPence)} ({formatPence(money.owedPence)} still to pay)
        </dd>
      </div>
      <div>
        <dt>Not awarded</dt>
        <dd>{formatPence(money.unawardedPence)}</dd>
      </div>
      <div>
        <dt>Carries on to the next round</dt>
        <dd>
          {money.carriedOutPence === null
            ? 'Worked out when the round’s decisions are closed'
            : formatPence(money.carriedOutPence)}
        </dd>
      </div>
    </dl>
  );
}
