import type { TaskProgress } from '../jobs/cpu-tasks';
import { withReadOnlyContext, type ReadSource } from '../jobs/read-only-context';
import { packChangesHere } from './changes';
import { workOutFigures, type PackRequest } from './figures';
import { encodeJson, forPreview } from './figures-json';
import { packFiguresHere } from './packs';

export type FiguresQuestion =
  | { kind: 'pack'; id: string; preview: boolean }
  | { kind: 'request'; request: PackRequest }
  | { kind: 'changes'; id: string };

export interface FiguresTaskInput {
  source: ReadSource;
  question: FiguresQuestion;
}

/**
 * Works out a pack's figures in a worker thread, on its own read-only
 * connection to the same file, so the backend's thread never waits for the
 * seconds this takes at ten years of data. The answer goes back as JSON
 * bytes: the PDF and workbook workers read them as they are, and the
 * backend decodes only what a screen needs.
 */
export function answerFiguresQuestion(
  input: FiguresTaskInput,
  progress: TaskProgress,
): Promise<Uint8Array> {
  const { question } = input;
  return withReadOnlyContext(input.source, async (ctx) => {
    switch (question.kind) {
      case 'pack': {
        const f = await packFiguresHere(ctx, question.id, progress);
        return encodeJson(question.preview ? forPreview(f) : f);
      }
      case 'request':
        return encodeJson(await workOutFigures(ctx, question.request, progress));
      case 'changes':
        return encodeJson(await packChangesHere(ctx, question.id));
    }
  });
}
