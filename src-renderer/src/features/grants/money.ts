import { parsePounds } from '../../../../src-shared/rules/expense-money';

/** Pence as the pounds a form shows: `40000` → `400.00`. */
export function poundsText(pence: number | null | undefined): string {
  return pence === null || pence === undefined ? '' : (pence / 100).toFixed(2);
}

/** What was typed as pence, or -1 so the contract names the field when it is not money. */
export function penceOf(text: string): number {
  return parsePounds(text.replace(/,/g, '')) ?? -1;
}
