/**
 * Filling the team's letter templates so the result reads as a person wrote
 * it. A value typed or chosen elsewhere (a service label "Damp and mould", a
 * subject that ends with a full stop) is fitted to the sentence it lands in:
 * mid-sentence it starts in lower case, at a sentence start in capitals, and
 * its closing full stop gives way to the template's own punctuation or to the
 * rest of the sentence. Names are left exactly as recorded.
 */

/** Placeholders whose values are phrases that sit inside a sentence. */
export const phrasePlaceholders = ['subject', 'serviceArea', 'decisionOutcome'] as const;

export interface FillOptions {
  /** Which placeholders hold phrases (case fitted to the sentence). */
  phrases?: readonly string[];
  /** Words that keep their capital wherever they fall (landlords, places, people). */
  properNouns?: readonly string[];
}

const placeholder = /\{\{\s*(\w+)\s*\}\}/g;

/** Whether text written so far ends where a new sentence begins. */
function atSentenceStart(before: string): boolean {
  const line = before.slice(before.lastIndexOf('\n') + 1);
  if (line.trim() === '') return true;
  return /[.!?]["'’”)]*\s+$/.test(line);
}

function firstWord(value: string): string {
  return /^[\p{L}\p{N}'’-]+/u.exec(value)?.[0] ?? '';
}

/** An acronym ("ASB"), "I", or a word the caller names as proper keeps its capital. */
function keepsCapital(value: string, properNouns: readonly string[]): boolean {
  const word = firstWord(value);
  if (word.length === 0) return true;
  if (word === 'I' || word.startsWith("I'") || word.startsWith('I’')) return true;
  if (word.length > 1 && word === word.toUpperCase()) return true;
  const lower = value.toLowerCase();
  return properNouns.some((n) => {
    const noun = n.trim().toLowerCase();
    return (
      noun !== '' && lower.startsWith(noun) && !/[\p{L}\p{N}]/u.test(lower.charAt(noun.length))
    );
  });
}

function fitCase(value: string, sentenceStart: boolean, properNouns: readonly string[]): string {
  const first = value.charAt(0);
  if (sentenceStart) return first.toUpperCase() + value.slice(1);
  if (keepsCapital(value, properNouns)) return value;
  return first.toLowerCase() + value.slice(1);
}

/**
 * A value's closing full stop is dropped when the template goes on with its
 * own punctuation or with more of the same sentence; a question or
 * exclamation mark is kept and the template's full stop after it dropped.
 */
function fitEnd(value: string, after: string): { value: string; dropNext: boolean } {
  const next = after.replace(/^[ \t]+/, '');
  const ending = /([.!?…]+)$/.exec(value)?.[1] ?? '';
  if (!ending || next === '' || next.startsWith('\n')) return { value, dropNext: false };
  if (next.startsWith('.')) {
    // "…fix the cause." + "." reads once; "…was it?" + "." keeps the question mark.
    if (/[!?]/.test(ending)) return { value, dropNext: true };
    return { value: value.replace(/[.…]+$/, ''), dropNext: false };
  }
  if (/^[,;:]/.test(next) || /^\p{Ll}/u.test(next)) {
    return { value: value.replace(/[.]+$/, ''), dropNext: false };
  }
  return { value, dropNext: false };
}

/**
 * Fills {{placeholders}}; an unknown one is left visible so the team can see
 * the typo. Values are trimmed and fitted to their sentence.
 */
export function fillTemplate(
  template: string,
  values: Partial<Record<string, string>>,
  options: FillOptions = {},
): string {
  const phrases = new Set(options.phrases ?? phrasePlaceholders);
  const properNouns = options.properNouns ?? [];
  let out = '';
  let last = 0;
  let dropDot = false;
  for (const match of template.matchAll(placeholder)) {
    const at = match.index;
    let literal = template.slice(last, at);
    if (dropDot) literal = literal.replace(/^\./, '');
    dropDot = false;
    out += literal;
    last = at + match[0].length;
    const raw = values[match[1]!];
    if (raw === undefined) {
      out += match[0];
      continue;
    }
    let value = raw.trim();
    if (value === '') continue;
    if (phrases.has(match[1]!)) value = fitCase(value, atSentenceStart(out), properNouns);
    const fitted = fitEnd(value, template.slice(last));
    out += fitted.value;
    dropDot = fitted.dropNext;
  }
  let tail = template.slice(last);
  if (dropDot) tail = tail.replace(/^\./, '');
  return out + tail;
}
