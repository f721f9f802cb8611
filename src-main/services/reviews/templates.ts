import bundled from '../../../resources/review-templates.json';
import {
  reviewKinds,
  type KindTemplate,
  type ReviewKind,
  type ReviewTemplates,
} from '../../../src-shared/domain/reviews';
import type { Writer } from '../../changes/writer';
import type { AppContext } from '../context';
import { readSetting, saveSetting } from '../settings';

/*
 * Each kind of review's stages, checklist, expected length, target and
 * report wording: shipped in resources/review-templates.json, editable by
 * the team (kept as a setting, through the change log). A review copies its
 * stages and report wording when it starts.
 */

export const TEMPLATES_KEY = 'reviews.templates';
export const TARGETS_KEY = 'reviews.targets';

export const bundledTemplates = bundled.kinds as unknown as ReviewTemplates;

export async function reviewTemplates(ctx: AppContext): Promise<ReviewTemplates> {
  const saved = await readSetting<Partial<ReviewTemplates>>(ctx, TEMPLATES_KEY, {});
  const out = {} as ReviewTemplates;
  for (const kind of reviewKinds) out[kind] = saved[kind] ?? bundledTemplates[kind];
  return out;
}

export async function templateFor(ctx: AppContext, kind: ReviewKind): Promise<KindTemplate> {
  return (await reviewTemplates(ctx))[kind];
}

/** Reads a setting inside a write, through the write's transaction. */
async function readInWrite<T>(w: Writer, key: string, fallback: T): Promise<T> {
  const row = await w.trx
    .selectFrom('settings')
    .select('value')
    .where('id', '=', key)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return row ? (JSON.parse(row.value) as T) : fallback;
}

export async function saveKindTemplate(
  w: Writer,
  kind: ReviewKind,
  template: KindTemplate,
): Promise<void> {
  const saved = await readInWrite<Partial<ReviewTemplates>>(w, TEMPLATES_KEY, {});
  await saveSetting(w, TEMPLATES_KEY, { ...saved, [kind]: template });
}

/** Targets per year: a year without its own targets uses the templates' defaults. */
export async function targetsFor(
  ctx: AppContext,
  year: number,
): Promise<Record<ReviewKind, number | null>> {
  const all = await readSetting<Record<string, Partial<Record<ReviewKind, number | null>>>>(
    ctx,
    TARGETS_KEY,
    {},
  );
  const templates = await reviewTemplates(ctx);
  const own = all[String(year)] ?? {};
  const out = {} as Record<ReviewKind, number | null>;
  for (const kind of reviewKinds)
    out[kind] = kind in own ? (own[kind] ?? null) : templates[kind].targetPerYear;
  return out;
}

export async function saveTargets(
  w: Writer,
  year: number,
  targets: Partial<Record<ReviewKind, number | null>>,
): Promise<void> {
  const all = await readInWrite<Record<string, unknown>>(w, TARGETS_KEY, {});
  await saveSetting(w, TARGETS_KEY, { ...all, [String(year)]: targets });
}
