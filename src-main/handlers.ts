import type { Api } from '../src-shared/api';
import type { HandlersFor } from './services/context';
import { foundationHandlers } from './services/foundation-handlers';
import { customersHandlers } from './services/customers/handlers';
import { customerTransferHandlers } from './services/customer-import/handlers';
import { groupsHandlers, meetingsHandlers, trainingHandlers } from './services/groups/handlers';
import { casesHandlers } from './services/cases/handlers';
import { recommendationsHandlers } from './services/recommendations/handlers';
import { reviewsHandlers } from './services/reviews/handlers';
import { jobsHandlers } from './services/jobs/handlers';
import { customerTransferJobsHandlers } from './services/customer-import/jobs';
import { boardPacksHandlers } from './services/board-packs/handlers';
import { expensesHandlers } from './services/expenses/handlers';
import { privacyHandlers } from './services/privacy/handlers';
import { backupsHandlers } from './services/backups/handlers';
import { syncHandlers } from './sync/handlers';
import { grantsHandlers } from './services/grants/handlers';
import { communityHandlers } from './services/community/handlers';
import { populationProfileHandlers } from './services/organisation/handlers';

/** Every contract method's implementation: the compiler refuses a missing one. */
export const handlers: HandlersFor<Api> = {
  ...foundationHandlers,
  ...customersHandlers,
  ...customerTransferHandlers,
  ...groupsHandlers,
  ...meetingsHandlers,
  ...trainingHandlers,
  ...casesHandlers,
  ...recommendationsHandlers,
  ...reviewsHandlers,
  ...jobsHandlers,
  ...customerTransferJobsHandlers,
  ...boardPacksHandlers,
  ...expensesHandlers,
  ...privacyHandlers,
  ...backupsHandlers,
  ...syncHandlers,
  ...grantsHandlers,
  ...communityHandlers,
  ...populationProfileHandlers,
};
