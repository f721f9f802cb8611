import type { ProfilePreview } from '../../../src-shared/domain/population-profile';
import { readProfileSheet } from '../../../src-shared/rules/population-profile';
import type { AppContext } from '../context';
import { parseSheet } from '../customer-import/parse-sheet';
import { getPopulationProfile } from './population-profile';

/** Reads a spreadsheet and says what saving it would hold; nothing is saved. */
export async function previewPopulationProfile(
  ctx: AppContext,
  input: { fileName: string; contentBase64: string },
): Promise<ProfilePreview> {
  const sheet = await parseSheet(input.fileName, Buffer.from(input.contentBase64, 'base64'));
  const held = await getPopulationProfile(ctx);
  return readProfileSheet(input.fileName, sheet, held.counts);
}
