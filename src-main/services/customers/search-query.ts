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
