/**
 * Rows of a public vote's tally sheet, as imported from a CSV: one line per
 * project per place votes were cast (a roadshow, a community centre, online).
 * Every bad line is named with its line number, and nothing is saved until
 * every line is good.
 */
export interface VoteRow {
  line: number;
  reference: string;
  place: string;
  votes: number;
}

export interface VoteRowProblem {
  line: number;
  message: string;
}

const HEADERS = {
  reference: ['reference', 'application', 'ref', 'project reference'],
  place: ['place', 'where', 'venue', 'polling place'],
  votes: ['votes', 'vote', 'count'],
};

/** The columns a tally sheet needs, found by name, or the message saying which is missing. */
export function voteColumns(
  header: readonly string[],
): { reference: number; place: number; votes: number } | string {
  const find = (names: string[]) => header.findIndex((h) => names.includes(h.trim().toLowerCase()));
  const cols = {
    reference: find(HEADERS.reference),
    place: find(HEADERS.place),
    votes: find(HEADERS.votes),
  };
  const missing = Object.entries(cols)
    .filter(([, i]) => i < 0)
    .map(([k]) => k);
  return missing.length
    ? `The first line must name the columns: ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing (reference, place, votes).`
    : cols;
}

export function checkVoteRows(
  records: readonly (readonly string[])[],
  knownReferences: ReadonlySet<string>,
): { rows: VoteRow[]; problems: VoteRowProblem[] } {
  const problems: VoteRowProblem[] = [];
  const rows: VoteRow[] = [];
  const header = records[0];
  if (!header) return { rows, problems: [{ line: 1, message: 'The file has no lines.' }] };
  const cols = voteColumns(header);
  if (typeof cols === 'string') return { rows, problems: [{ line: 1, message: cols }] };
  const seen = new Map<string, number>();
  records.slice(1).forEach((record, i) => {
    const line = i + 2;
    if (record.every((c) => c.trim() === '')) return;
    const reference = (record[cols.reference] ?? '').trim().toUpperCase();
    const place = (record[cols.place] ?? '').trim();
    const votesText = (record[cols.votes] ?? '').trim();
    const wrong: string[] = [];
    if (!reference) wrong.push('no reference');
    else if (!knownReferences.has(reference))
      wrong.push(`${reference} is not an application in this round`);
    if (!place) wrong.push('no place');
    if (!/^\d+$/.test(votesText))
      wrong.push(votesText ? `“${votesText}” is not a whole number of votes` : 'no votes');
    const key = `${reference}|${place.toLowerCase()}`;
    if (!wrong.length && seen.has(key))
      wrong.push(`${reference} at ${place} is already on line ${seen.get(key)}`);
    if (wrong.length) {
      problems.push({ line, message: `Line ${line}: ${wrong.join('; ')}.` });
      return;
    }
    seen.set(key, line);
    rows.push({ line, reference, place, votes: Number(votesText) });
  });
  if (rows.length === 0 && problems.length === 0)
    problems.push({ line: 2, message: 'The file has a header but no votes.' });
  return { rows, problems };
}
