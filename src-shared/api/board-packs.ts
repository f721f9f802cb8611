import { z } from 'zod';
import { method } from '../contract';
import { idSchema } from '../domain/common';
import {
  commentaryInput,
  kpiTargetSaveInput,
  kpiTargetsInput,
  packCreateInput,
  packExportInput,
  packUpdateInput,
  type BoardPack,
  type BoardPackSummary,
  type KpiTarget,
  type PackChanges,
  type PackFigures,
} from '../domain/board-packs';
import type { JobStarted } from '../domain/jobs';

const byId = z.object({ id: idSchema });

export const boardPacksApi = {
  'boardPacks.list': method(z.object({}), 'boardPacks.read').returns<BoardPackSummary[]>(),
  'boardPacks.get': method(byId, 'boardPacks.read').returns<BoardPack>(),
  'boardPacks.create': method(packCreateInput, 'boardPacks.write').returns<BoardPack>(),
  'boardPacks.update': method(packUpdateInput, 'boardPacks.write').returns<BoardPack>(),
  'boardPacks.saveCommentary': method(commentaryInput, 'boardPacks.write').returns<BoardPack>(),
  /** The figures as the pack shows them: live for a draft, as reported for a finalised pack. */
  'boardPacks.figures': method(byId, 'boardPacks.read').returns<PackFigures>(),
  /** Freezes the figures and commentary as reported. */
  'boardPacks.finalise': method(byId, 'boardPacks.write').returns<BoardPack>(),
  /** What moved since a finalised pack was reported. */
  'boardPacks.changes': method(byId, 'boardPacks.read').returns<PackChanges>(),
  /** Builds the PDF and workbook as a job; the files are read with `jobs.file`. */
  'boardPacks.startExport': method(packExportInput, 'boardPacks.read').returns<JobStarted>(),
  'boardPacks.targets': method(kpiTargetsInput, 'boardPacks.read').returns<KpiTarget[]>(),
  'boardPacks.saveTarget': method(kpiTargetSaveInput, 'settings.write').returns<KpiTarget[]>(),
} as const;
