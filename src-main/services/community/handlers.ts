import type { communityApi } from '../../../src-shared/api/community';
import type { HandlersFor } from '../context';
import { startJob } from '../jobs/jobs';
import { buildMailingList } from './mailing-build';
import { exportMailingList, MAILING_EXPORT_STEPS } from './mailing-export';
import {
  customerCommunications,
  deleteMailingList,
  getMailingList,
  listCommunications,
  listMailingLists,
  recordSent,
  saveMailingList,
} from './mailing-lists';
import { exportMenu, MENU_EXPORT_STEPS, menuOpportunities, saveMenuEntry } from './menu';
import {
  addBuildingResident,
  getBuilding,
  listBuildings,
  listCommunityVisits,
  listDispersed,
  recordBuildingEngagement,
  recordBuildingReview,
  recordCommunityVisit,
  removeBuildingResident,
  saveBuilding,
  setDispersedFlag,
} from './reach';
import { recordDelivery, rhythmHome, rhythmItems, rhythmPlanFor, saveRhythmItems } from './rhythm';
import {
  getTara,
  listTaras,
  saveTara,
  saveTaraCriteria,
  saveTaraCriterion,
  saveTaraVisit,
  taraCriteria,
  taraEvidence,
} from './taras';

export const communityHandlers: HandlersFor<typeof communityApi> = {
  'mailing.lists': (ctx) => listMailingLists(ctx),
  'mailing.list': (ctx, input) => getMailingList(ctx, input.id),
  'mailing.saveList': (ctx, input) => saveMailingList(ctx, input),
  'mailing.deleteList': async (ctx, input) => {
    await deleteMailingList(ctx, input.id);
    return null;
  },
  'mailing.build': (ctx, input) => buildMailingList(ctx, input.filters),
  'mailing.startExport': async (ctx, input) => {
    const list = await getMailingList(ctx, input.id);
    const jobId = startJob(
      ctx,
      { kind: 'mailing-list', title: `Mailing list: ${list.name}`, steps: MAILING_EXPORT_STEPS },
      (job) => exportMailingList(ctx, job, input.id),
    );
    return { jobId };
  },
  'mailing.recordSent': (ctx, input) => recordSent(ctx, input),
  'mailing.communications': (ctx) => listCommunications(ctx),
  'mailing.customerCommunications': (ctx, input) => customerCommunications(ctx, input.customerId),

  'rhythm.plan': (ctx) => rhythmPlanFor(ctx),
  'rhythm.home': (ctx) => rhythmHome(ctx),
  'rhythm.items': (ctx) => rhythmItems(ctx),
  'rhythm.saveItems': (ctx, input) => saveRhythmItems(ctx, input),
  'rhythm.recordDelivery': (ctx, input) => recordDelivery(ctx, input),

  'menu.opportunities': (ctx) => menuOpportunities(ctx),
  'menu.saveEntry': (ctx, input) => saveMenuEntry(ctx, input),
  'menu.startExport': async (ctx) => {
    const jobId = startJob(
      ctx,
      { kind: 'involvement-menu', title: 'Ways to get involved', steps: MENU_EXPORT_STEPS },
      (job) => exportMenu(ctx, job),
    );
    return { jobId };
  },

  'taras.list': (ctx) => listTaras(ctx),
  'taras.get': (ctx, input) => getTara(ctx, input.id),
  'taras.save': (ctx, input) => saveTara(ctx, input),
  'taras.saveCriterion': (ctx, input) => saveTaraCriterion(ctx, input),
  'taras.evidence': (ctx, input) => taraEvidence(ctx, input.taraId, input.key),
  'taras.saveVisit': (ctx, input) => saveTaraVisit(ctx, input),
  'taras.criteria': (ctx) => taraCriteria(ctx),
  'taras.saveCriteria': (ctx, input) => saveTaraCriteria(ctx, input),

  'dispersed.list': (ctx) => listDispersed(ctx),
  'dispersed.setFlag': (ctx, input) => setDispersedFlag(ctx, input),
  'dispersed.visits': (ctx, input) => listCommunityVisits(ctx, input.communityId),
  'dispersed.recordVisit': (ctx, input) => recordCommunityVisit(ctx, input),

  'buildings.list': (ctx) => listBuildings(ctx),
  'buildings.get': (ctx, input) => getBuilding(ctx, input.id),
  'buildings.save': (ctx, input) => saveBuilding(ctx, input),
  'buildings.addResident': (ctx, input) => addBuildingResident(ctx, input),
  'buildings.removeResident': (ctx, input) => removeBuildingResident(ctx, input.id, input.leftOn),
  'buildings.recordEngagement': (ctx, input) => recordBuildingEngagement(ctx, input),
  'buildings.recordReview': (ctx, input) => recordBuildingReview(ctx, input),
};
