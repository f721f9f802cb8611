/**
 * Text a spreadsheet would run as a formula when the file is opened, or
 * once it is saved as CSV and opened again: a value beginning with =, +, -
 * or @, or with a tab or carriage return ahead of one. A name, a note or a
 * survey comment typed by anyone could be such a value, so every cell of
 * text the app writes goes through here; the app's own formulas (totals)
 * are written as formulas, never as text, and are untouched.
 */
const RUNS_AS_FORMULA = /^[=+\-@\t\r]/;

/** The text as the spreadsheet should show it: a leading apostrophe keeps it text. */
export function spreadsheetText(value: string): string {
  return RUNS_AS_FORMULA.test(value) ? `'${value}` : value;
}
