import { combineContracts, type InputOf, type ResultOf } from './contract';
import { foundationApi } from './api/foundation';
import { customersApi } from './api/customers';
import { customerTransferApi } from './api/customer-transfer';
import { groupsApi } from './api/groups';
import { meetingsApi } from './api/meetings';
import { trainingApi } from './api/training';
import { casesApi } from './api/cases';
import { recommendationsApi } from './api/recommendations';
import { reviewsApi } from './api/reviews';
import { jobsApi } from './api/jobs';
import { customerTransferJobsApi } from './api/customer-transfer-jobs';
import { boardPacksApi } from './api/board-packs';
import { expensesApi } from './api/expenses';
import { privacyApi } from './api/privacy';
import { backupsApi } from './api/backups';
import { syncApi } from './api/sync';
import { grantsApi } from './api/grants';
import { communityApi } from './api/community';
import { populationProfileApi } from './api/population-profile';

/**
 * THE contract between the renderer and the main process: every method's
 * name, input schema, permission and result. Each area keeps its own map in
 * src-shared/api/; a name used twice is refused when the maps are joined.
 */
export const api = combineContracts(
  foundationApi,
  customersApi,
  customerTransferApi,
  groupsApi,
  meetingsApi,
  trainingApi,
  casesApi,
  recommendationsApi,
  reviewsApi,
  jobsApi,
  customerTransferJobsApi,
  boardPacksApi,
  expensesApi,
  privacyApi,
  backupsApi,
  syncApi,
  grantsApi,
  communityApi,
  populationProfileApi,
);

export type Api = typeof api;
export type MethodName = keyof Api & string;
export type Input<M extends MethodName> = InputOf<Api[M]>;
export type Result<M extends MethodName> = ResultOf<Api[M]>;

export const methodNames = Object.keys(api) as MethodName[];
