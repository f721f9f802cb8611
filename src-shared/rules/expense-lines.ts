import {
  expenseCategoryLabels,
  type ExpenseCategory,
  type ExpensePolicy,
  type Vehicle,
} from '../domain/expenses';
import { formatMiles, formatPounds, formatRate, roundPence } from './expense-money';
import { taxYearOf } from './tax-year';

/** What one line pays and why, in words a volunteer understands. */
export interface LineResult {
  claimedPence: number;
  allowedPence: number;
  explanation: string;
  /** Car or van miles this line adds to the tax year's count (tenths), for the next line. */
  bandTenths: number;
}

export interface LineFacts {
  category: ExpenseCategory;
  /** Tenths of a mile (mileage lines). */
  milesTenths: number | null;
  vehicle: Vehicle | null;
  passengers: number;
  amountPence: number | null;
}

/** Pence for some tenths of a mile at a rate in pence a mile, rounded once. */
function milesCost(tenths: number, ratePence: number): number {
  return roundPence(tenths * ratePence, 10);
}

function milesWord(tenths: number): string {
  return tenths === 10 ? '1 mile' : `${formatMiles(tenths)} miles`;
}

/**
 * A car or van line, with the car or van miles already counted this tax
 * year (this customer's earlier lines and what they declared from other
 * organisations). Miles up to the band are at the first rate, the rest at
 * the second: a line that crosses the band is split.
 */
function carMiles(
  tenths: number,
  priorTenths: number,
  policy: ExpensePolicy,
): { pence: number; words: string } {
  const bandTenths = policy.carBandMiles * 10;
  const left = Math.max(0, bandTenths - priorTenths);
  const first = Math.min(tenths, left);
  const after = tenths - first;
  const band = `${policy.carBandMiles.toLocaleString('en-GB')} miles`;
  if (after === 0) {
    const pence = milesCost(first, policy.carFirstPence);
    return {
      pence,
      words: `${milesWord(first)} × ${formatRate(policy.carFirstPence)} = ${formatPounds(pence)}`,
    };
  }
  if (first === 0) {
    const pence = milesCost(after, policy.carAfterPence);
    return {
      pence,
      words: `${milesWord(after)} × ${formatRate(policy.carAfterPence)} = ${formatPounds(pence)}, because you have already claimed ${band} by car this tax year`,
    };
  }
  const a = milesCost(first, policy.carFirstPence);
  const b = milesCost(after, policy.carAfterPence);
  return {
    pence: a + b,
    words: `your first ${milesWord(first)} at ${formatRate(policy.carFirstPence)} (${formatPounds(a)}), then ${formatMiles(after)} at ${formatRate(policy.carAfterPence)} (${formatPounds(b)}), because this takes you past ${band} this tax year: ${formatPounds(a + b)}`,
  };
}

export function workOutLine(
  line: LineFacts,
  policy: ExpensePolicy,
  priorCarTenths: number,
): LineResult {
  if (line.category === 'mileage') {
    const tenths = line.milesTenths ?? 0;
    const vehicle = line.vehicle ?? 'car';
    let pence: number;
    let words: string;
    if (vehicle === 'car') {
      ({ pence, words } = carMiles(tenths, priorCarTenths, policy));
    } else {
      const rate = vehicle === 'motorcycle' ? policy.motorcyclePence : policy.bicyclePence;
      pence = milesCost(tenths, rate);
      words = `${milesWord(tenths)} × ${formatRate(rate)} = ${formatPounds(pence)}`;
    }
    if (vehicle === 'car' && line.passengers > 0) {
      const extra = milesCost(tenths * line.passengers, policy.passengerPence);
      const who = line.passengers === 1 ? '1 passenger' : `${line.passengers} passengers`;
      words += `; plus ${who} × ${milesWord(tenths)} × ${formatRate(policy.passengerPence)} = ${formatPounds(extra)}; in all ${formatPounds(pence + extra)}`;
      pence += extra;
    }
    return {
      claimedPence: pence,
      allowedPence: pence,
      explanation: words,
      bandTenths: vehicle === 'car' ? tenths : 0,
    };
  }
  const claimed = line.amountPence ?? 0;
  const cap = policy.categories[line.category].capPence;
  if (cap !== null && claimed > cap) {
    const label = expenseCategoryLabels[line.category].toLowerCase();
    return {
      claimedPence: claimed,
      allowedPence: cap,
      explanation: `over the ${formatPounds(cap)} ${label} limit: ${formatPounds(cap)} allowed of ${formatPounds(claimed)} claimed`,
      bandTenths: 0,
    };
  }
  return {
    claimedPence: claimed,
    allowedPence: claimed,
    explanation: `${formatPounds(claimed)} as spent`,
    bandTenths: 0,
  };
}

export interface DatedLine extends LineFacts {
  on: string;
}

/**
 * One customer's lines in date order (earlier entries first on the same
 * day), each worked out by the policy in force on its own date. Car miles
 * are counted per tax year, starting from what the customer declared from
 * other organisations for that year.
 */
export function workOutLines(
  lines: readonly DatedLine[],
  policyOn: (isoDate: string) => ExpensePolicy,
  declaredTenths: (taxYearStart: number) => number,
): LineResult[] {
  let year: number | null = null;
  let counted = 0;
  return lines.map((line) => {
    const lineYear = taxYearOf(line.on).startYear;
    if (lineYear !== year) {
      year = lineYear;
      counted = declaredTenths(lineYear);
    }
    const result = workOutLine(line, policyOn(line.on), counted);
    counted += result.bandTenths;
    return result;
  });
}
