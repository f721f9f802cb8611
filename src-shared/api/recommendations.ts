import { z } from 'zod';
import { method } from '../contract';
import { idSchema } from '../domain/common';
import {
  progressInput,
  recommendationInput,
  recommendationUpdateInput,
  stepDoneInput,
  stepInput,
  trackerFilterInput,
  type RecommendationDetail,
  type TrackerPage,
} from '../domain/recommendations';
import type { GeneratedFile } from './cases';

export const recommendationsApi = {
  'recommendations.list': method(trackerFilterInput, 'recommendations.read').returns<TrackerPage>(),
  'recommendations.get': method(
    z.object({ id: idSchema }),
    'recommendations.read',
  ).returns<RecommendationDetail>(),
  'recommendations.add': method(
    recommendationInput,
    'recommendations.write',
  ).returns<RecommendationDetail>(),
  'recommendations.update': method(
    recommendationUpdateInput,
    'recommendations.write',
  ).returns<RecommendationDetail>(),
  'recommendations.addStep': method(
    stepInput,
    'recommendations.write',
  ).returns<RecommendationDetail>(),
  'recommendations.markStep': method(
    stepDoneInput,
    'recommendations.write',
  ).returns<RecommendationDetail>(),
  'recommendations.addProgress': method(
    progressInput,
    'recommendations.write',
  ).returns<RecommendationDetail>(),
  'recommendations.exportXlsx': method(
    trackerFilterInput,
    'recommendations.read',
  ).returns<GeneratedFile>(),
} as const;
