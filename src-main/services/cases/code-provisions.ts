import bundledCode from '../../../resources/complaint-handling-code.json';
import {
  parseCodeProvisions,
  type CodeProvisions,
} from '../../../src-shared/rules/code-provisions';
import type { AppContext } from '../context';
import {
  loadReplacement,
  parseJsonText,
  refuseReplacement,
  saveReplacement,
} from '../reference/reference-file';

/* The Complaint Handling Code's provisions, as shipped or as the user replaced them. */

const CODE_FILE = 'complaint-handling-code.json';

const bundledProvisions = (() => {
  const r = parseCodeProvisions(bundledCode);
  if (!r.ok)
    throw new Error(`The bundled Complaint Handling Code file is not valid: ${r.errors.join(' ')}`);
  return r.code;
})();

export function codeProvisions(ctx: Pick<AppContext, 'dataDir'>): CodeProvisions {
  const replacement = loadReplacement(ctx, CODE_FILE, (data) => {
    const r = parseCodeProvisions(data);
    return r.ok ? r.code : null;
  });
  return replacement ?? bundledProvisions;
}

export function replaceCodeProvisions(
  ctx: Pick<AppContext, 'dataDir'>,
  text: string,
): { version: string; count: number } {
  const r = parseCodeProvisions(parseJsonText(text, 'Complaint Handling Code file'));
  if (!r.ok) refuseReplacement('The Code file has problems and was not loaded.', r.errors);
  saveReplacement(ctx, CODE_FILE, text);
  return { version: r.code.version, count: r.code.provisions.length };
}
