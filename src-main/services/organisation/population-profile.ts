import {
  emptyCounts,
  profileCategories,
  type PopulationProfile,
  type ProfileCounts,
  type ProfilePreview,
} from '../../../src-shared/domain/population-profile';
import { readProfileSheet } from '../../../src-shared/rules/population-profile';
import type { AppContext, CallContext } from '../context';
import { writing } from '../context';
import { parseSheet } from '../customer-import/parse-sheet';
import { saveSetting } from '../settings';

/** Held as one setting, so every change to it is in the change log like any record. */
const KEY = 'organisation.populationProfile';

interface Stored {
  counts: ProfileCounts;
  source: string | null;
}

export async function getPopulationProfile(ctx: AppContext): Promise<PopulationProfile> {
  const row = await ctx.db
    .selectFrom('settings')
    .select(['value', 'updated_at'])
    .where('id', '=', KEY)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row) return { counts: emptyCounts(), source: null, updatedAt: null };
  const stored = JSON.parse(row.value) as Stored;
  const counts = emptyCounts();
  for (const c of profileCategories) counts[c] = { ...(stored.counts?.[c] ?? {}) };
  return { counts, source: stored.source ?? null, updatedAt: row.updated_at };
}

/** Reads a spreadsheet and says what saving it would hold; nothing is saved. */
export async function previewPopulationProfile(
  ctx: AppContext,
  input: { fileName: string; contentBase64: string },
): Promise<ProfilePreview> {
  const sheet = await parseSheet(input.fileName, Buffer.from(input.contentBase64, 'base64'));
  const held = await getPopulationProfile(ctx);
  return readProfileSheet(input.fileName, sheet, held.counts);
}

/** Saves the whole profile (as typed, or as an import's preview gave it). */
export async function savePopulationProfile(
  ctx: CallContext,
  input: { counts: ProfileCounts; source?: string | null },
): Promise<PopulationProfile> {
  // Groups with no count are left out, so an emptied field reads as "not held", not as 0.
  const counts = emptyCounts();
  for (const c of profileCategories)
    for (const [code, n] of Object.entries(input.counts[c])) counts[c][code] = n;
  const stored: Stored = { counts, source: input.source ?? null };
  await writing(ctx, (w) => saveSetting(w, KEY, stored));
  return getPopulationProfile(ctx);
}
