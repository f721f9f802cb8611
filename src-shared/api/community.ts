import { z } from 'zod';
import { method } from '../contract';
import { idSchema } from '../domain/common';
import {
  buildingEngagementInput,
  buildingInput,
  buildingResidentInput,
  buildingReviewInput,
  communityVisitInput,
  deliveryInput,
  dispersedFlagInput,
  mailingFiltersInput,
  mailingListInput,
  menuEntryInput,
  recordSentInput,
  rhythmInput,
  taraCriteriaInput,
  taraCriterionInput,
  taraInput,
  taraVisitInput,
  type Building,
  type BuildingSummary,
  type CommunicationSummary,
  type CommunityVisit,
  type CustomerCommunication,
  type DispersedCommunity,
  type MailingBuild,
  type MailingList,
  type MenuOpportunity,
  type RhythmHome,
  type RhythmItem,
  type RhythmPlanItem,
  type Tara,
  type TaraCriterion,
  type TaraSummary,
} from '../domain/community';
import type { JobStarted } from '../domain/jobs';
import type { FileResult } from './meetings';

const byId = z.object({ id: idSchema });

/** Keeping in touch, the involvement menu, TARAs, dispersed communities and higher-risk buildings. */
export const communityApi = {
  'mailing.lists': method(z.object({}), 'community.read').returns<MailingList[]>(),
  'mailing.list': method(byId, 'community.read').returns<MailingList>(),
  'mailing.saveList': method(mailingListInput, 'community.write').returns<MailingList>(),
  'mailing.deleteList': method(byId, 'community.write').returns<null>(),
  /** Builds a list from the register today: recipients, channels, and who is left out and why. */
  'mailing.build': method(
    z.object({ filters: mailingFiltersInput }),
    'community.read',
  ).returns<MailingBuild>(),
  /** The mail-merge workbook and CSV, and the address labels PDF for those who want post, as a job. */
  'mailing.startExport': method(byId, 'community.export').returns<JobStarted>(),
  /** Logs the mailing against every recipient the list reaches today. */
  'mailing.recordSent': method(recordSentInput, 'community.send').returns<CommunicationSummary>(),
  'mailing.communications': method(z.object({}), 'community.read').returns<
    CommunicationSummary[]
  >(),
  /** Everything sent to one customer: their record, and a subject access pack. */
  'mailing.customerCommunications': method(
    z.object({ customerId: idSchema }),
    'customers.read',
  ).returns<CustomerCommunication[]>(),

  'rhythm.plan': method(z.object({}), 'community.read').returns<RhythmPlanItem[]>(),
  'rhythm.home': method(z.object({}), 'community.read').returns<RhythmHome>(),
  'rhythm.items': method(z.object({}), 'community.read').returns<RhythmItem[]>(),
  'rhythm.saveItems': method(rhythmInput, 'community.settings').returns<RhythmItem[]>(),
  'rhythm.recordDelivery': method(deliveryInput, 'community.write').returns<RhythmPlanItem[]>(),

  'menu.opportunities': method(z.object({}), 'community.read').returns<MenuOpportunity[]>(),
  'menu.saveEntry': method(menuEntryInput, 'community.write').returns<MenuOpportunity[]>(),
  /** The menu as a printable PDF and a workbook, as a job. */
  'menu.startExport': method(z.object({}), 'community.read').returns<JobStarted>(),

  'taras.list': method(z.object({}), 'community.read').returns<TaraSummary[]>(),
  'taras.get': method(byId, 'community.read').returns<Tara>(),
  'taras.save': method(taraInput, 'community.write').returns<Tara>(),
  'taras.saveCriterion': method(taraCriterionInput, 'community.write').returns<Tara>(),
  'taras.evidence': method(
    z.object({ taraId: idSchema, key: z.string().min(1).max(40) }),
    'community.read',
  ).returns<FileResult>(),
  'taras.saveVisit': method(taraVisitInput, 'community.write').returns<Tara>(),
  'taras.criteria': method(z.object({}), 'community.read').returns<TaraCriterion[]>(),
  'taras.saveCriteria': method(taraCriteriaInput, 'community.settings').returns<TaraCriterion[]>(),

  'dispersed.list': method(z.object({}), 'community.read').returns<DispersedCommunity[]>(),
  'dispersed.setFlag': method(dispersedFlagInput, 'organisation.write').returns<
    DispersedCommunity[]
  >(),
  'dispersed.visits': method(
    z.object({ communityId: idSchema.optional() }),
    'community.read',
  ).returns<CommunityVisit[]>(),
  'dispersed.recordVisit': method(communityVisitInput, 'community.write').returns<
    CommunityVisit[]
  >(),

  'buildings.list': method(z.object({}), 'community.read').returns<BuildingSummary[]>(),
  'buildings.get': method(byId, 'community.read').returns<Building>(),
  'buildings.save': method(buildingInput, 'community.buildings').returns<Building>(),
  'buildings.addResident': method(buildingResidentInput, 'community.write').returns<Building>(),
  'buildings.removeResident': method(
    z.object({ id: idSchema, leftOn: z.iso.date() }),
    'community.write',
  ).returns<Building>(),
  'buildings.recordEngagement': method(
    buildingEngagementInput,
    'community.write',
  ).returns<Building>(),
  'buildings.recordReview': method(buildingReviewInput, 'community.write').returns<Building>(),
} as const;
