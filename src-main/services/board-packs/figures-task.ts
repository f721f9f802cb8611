import { fixedClock } from '../../../src-shared/clock';
import type { PackFigures } from '../../../src-shared/domain/board-packs';
import type { Staff } from '../../../src-shared/domain/staff';
import { DeviceClock } from '../../changes/device-clock';
import { openReadOnlyDatabase } from '../../db/read-only';
import type { CallContext } from '../context';
import type { TaskProgress } from '../jobs/cpu-tasks';
import { encodeJson, forPreview } from './figures-json';
import { packChangesHere } from './changes';
import { workOutFigures, type PackRequest } from './figures';
import { packFiguresHere } from './packs';

/** What the worker needs to answer as the backend would: the file, the moment and who asked. */
export interface FiguresSource {
  dbPath: string;
  dataDir: string;
  deviceId: string;
  /** The backend's clock when the work was asked for: the figures' "today". */
  now: string;
  actor: Staff | null;
  session: string;
}

export type FiguresQuestion =
  | { kind: 'pack'; id: string; preview: boolean }
  | { kind: 'request'; request: PackRequest }
  | { kind: 'changes'; id: string };

export interface FiguresTaskInput {
  source: FiguresSource;
  question: FiguresQuestion;
}

/**
 * Works out a pack's figures in a worker thread, on its own read-only
 * connection to the same file, so the backend's thread never waits for the
 * seconds this takes at ten years of data. The answer goes back as JSON
 * bytes: the PDF and workbook workers read them as they are, and the
 * backend decodes only what a screen needs.
 */
export async function answerFiguresQuestion(
  input: FiguresTaskInput,
  progress: TaskProgress,
): Promise<Uint8Array> {
  const { source, question } = input;
  const opened = openReadOnlyDatabase(source.dbPath);
  try {
    const ctx: CallContext = {
      db: opened.db,
      raw: opened.raw,
      dbPath: source.dbPath,
      dataDir: source.dataDir,
      clock: fixedClock(source.now),
      deviceId: source.deviceId,
      deviceClock: new DeviceClock(source.deviceId, null),
      sessions: new Map(),
      actor: source.actor,
      session: source.session,
    };
    switch (question.kind) {
      case 'pack': {
        const f: PackFigures = await packFiguresHere(ctx, question.id, progress);
        return encodeJson(question.preview ? forPreview(f) : f);
      }
      case 'request':
        return encodeJson(await workOutFigures(ctx, question.request, progress));
      case 'changes':
        return encodeJson(await packChangesHere(ctx, question.id));
    }
  } finally {
    await opened.close();
  }
}
