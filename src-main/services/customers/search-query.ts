import { isPostcodeOutward, normalisePostcode } from '../../../src-shared/rules/uk-formats';

/**
 * Turns what someone typed in the search box into an FTS5 query: every word
 * must match the start of a word in the record, in any column. Punctuation
 * never reaches FTS5 as syntax, so `O'Neill`, `jo@example.org` or a stray
 * quote cannot make the query fail. A whole postcode typed without its space
 * is searched as the postcode, and a postcode district (`TS1`) as that
 * district alone, not TS17 too.
 *
 * Returns null when there is nothing to search for.
 */
export function ftsQuery(typed: string): string | null {
  if (isPostcodeOutward(typed.trim())) return `postcode : "${typed.trim().toLowerCase()}"`;
  const postcode = normalisePostcode(typed);
  const text = postcode ?? typed;
  const words = text
    .normalize('NFKC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .slice(0, 8);
  if (words.length === 0) return null;
  return words.map((w) => `"${w}"*`).join(' ');
}

/** Fewer letters than this are a name prefix, not a full-text query (see searchPlan). */
export const MIN_FTS_LENGTH = 3;

export type SearchPlan =
  | { kind: 'fts'; match: string }
  | { kind: 'name'; prefix: string }
  | { kind: 'phone'; digits: string };

/**
 * How to search for what was typed. Most searches are full-text; two kinds
 * are not, because full-text search answers them slowly and no better:
 *
 * - a first keystroke or two ("s", "jo") would match a prefix of nearly every
 *   word in the register and rank them all; it is taken as the start of a
 *   first name or surname, in name order, from the name indexes;
 * - digits (three or more, with any spaces, dashes, brackets or a +44) are a
 *   phone number or the start of one, matched against the phone and mobile
 *   numbers with their spaces taken out, so "07700900" finds "07700 900123".
 */
export function searchPlan(typed: string): SearchPlan | null {
  const trimmed = typed.trim();
  if (/^\+?[\d\s()-]+$/.test(trimmed)) {
    let digits = trimmed.replace(/\D/g, '');
    if (trimmed.startsWith('+44')) digits = `0${digits.slice(2)}`;
    if (digits.length >= MIN_FTS_LENGTH) return { kind: 'phone', digits };
  }
  const match = ftsQuery(typed);
  if (match === null) return null;
  const letters = typed.normalize('NFKC').replace(/[^\p{L}\p{N}]+/gu, '');
  if (letters.length < MIN_FTS_LENGTH && !isPostcodeOutward(trimmed))
    return { kind: 'name', prefix: letters.toLowerCase() };
  return { kind: 'fts', match };
}
