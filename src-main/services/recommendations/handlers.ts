import type { recommendationsApi } from '../../../src-shared/api/recommendations';
import type { HandlersFor } from '../context';
import { exportTracker } from './export';
import {
  addProgress,
  addRecommendation,
  addStep,
  getRecommendation,
  markStep,
  trackRecommendations,
  updateRecommendation,
} from './recommendations';

export const recommendationsHandlers: HandlersFor<typeof recommendationsApi> = {
  'recommendations.list': trackRecommendations,
  'recommendations.get': getRecommendation,
  'recommendations.add': addRecommendation,
  'recommendations.update': updateRecommendation,
  'recommendations.addStep': addStep,
  'recommendations.markStep': markStep,
  'recommendations.addProgress': addProgress,
  'recommendations.exportXlsx': exportTracker,
};
