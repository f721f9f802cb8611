import { z } from 'zod';
import { idSchema } from './common';

/** One field's change, or a whole record's creation/deletion, as the history view shows it. */
export interface HistoryEntry {
  at: string;
  actorId: string;
  actorName: string;
  op: 'create' | 'update' | 'delete' | 'restore';
  field: string | null;
  before: unknown;
  after: unknown;
  reason: string | null;
}

export const historyInput = z.object({
  entity: z.string().min(1).max(60),
  id: idSchema,
});
