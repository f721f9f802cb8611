import {
  emptyCounts,
  profileCategories,
  type PopulationProfile,
  type ProfileCounts,
} from '../../../src-shared/domain/population-profile';
import type { AppContext, CallContext } from '../context';
import { writing } from '../context';
import { saveSetting } from '../settings';

/*
 * Read by the board pack's figures worker too: the spreadsheet reading
 * (exceljs) lives in population-profile-import.ts so that worker never loads it.
 */

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
