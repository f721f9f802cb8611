import type { populationProfileApi } from '../../../src-shared/api/population-profile';
import type { HandlersFor } from '../context';
import { getPopulationProfile, savePopulationProfile } from './population-profile';
import { previewPopulationProfile } from './population-profile-import';

export const populationProfileHandlers: HandlersFor<typeof populationProfileApi> = {
  'organisation.populationProfile': (ctx) => getPopulationProfile(ctx),
  'organisation.previewPopulationProfile': (ctx, input) => previewPopulationProfile(ctx, input),
  'organisation.savePopulationProfile': (ctx, input) => savePopulationProfile(ctx, input),
};
