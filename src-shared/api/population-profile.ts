import { z } from 'zod';
import { method } from '../contract';
import {
  profilePreviewInput,
  profileSaveInput,
  type PopulationProfile,
  type ProfilePreview,
} from '../domain/population-profile';

export const populationProfileApi = {
  /** Population counts by group: no one's own answer, so anyone may read them. */
  'organisation.populationProfile': method(
    z.object({}),
    'organisation.read',
  ).returns<PopulationProfile>(),
  /** Reads a CSV or XLSX (category, group, count) and shows what would be saved, saving nothing. */
  'organisation.previewPopulationProfile': method(
    profilePreviewInput,
    'organisation.write',
  ).returns<ProfilePreview>(),
  'organisation.savePopulationProfile': method(
    profileSaveInput,
    'organisation.write',
  ).returns<PopulationProfile>(),
} as const;
