import type { z } from 'zod';
import type {
  Building,
  BuildingSummary,
  CommunityVisit,
  DispersedCommunity,
  buildingEngagementInput,
  buildingInput,
  buildingResidentInput,
  buildingReviewInput,
  communityVisitInput,
  communityVisitKinds,
  dispersedFlagInput,
  engagementKinds,
} from '../../../src-shared/domain/community';
import { displayName } from '../../../src-shared/domain/customer';
import { ApiError } from '../../../src-shared/errors';
import { noneInLastTwelveMonths } from '../../../src-shared/rules/annual-contact';
import { londonDate } from '../../../src-shared/rules/working-days';
import { allowed, writing, type CallContext } from '../context';
import {
  recommendationReadPermission,
  type RecommendationSource,
} from '../../../src-shared/rules/recommendations';

/** A recommendation is shown only to those who may read its source (a complaint case's are closed). */
function maySee(ctx: CallContext, sourceType: string): boolean {
  const permission = recommendationReadPermission[sourceType as RecommendationSource];
  return permission
    ? allowed(ctx, permission)
    : allowed(ctx, recommendationReadPermission.complaint_case);
}

// ---------------------------------------------------------------------------
// Dispersed communities: small or scattered stock, each visited at least once a year.

/** Flagged areas and neighbourhoods, those with no visit or roadshow in 12 months first. */
export async function listDispersed(ctx: CallContext): Promise<DispersedCommunity[]> {
  const today = londonDate(ctx.clock.now());
  const rows = await ctx.db
    .selectFrom('dispersed_communities as d')
    .leftJoin('areas as a', (j) =>
      j.onRef('a.id', '=', 'd.place_id').on('d.place_kind', '=', 'area'),
    )
    .leftJoin('neighbourhoods as n', (j) =>
      j.onRef('n.id', '=', 'd.place_id').on('d.place_kind', '=', 'neighbourhood'),
    )
    .leftJoin('areas as na', 'na.id', 'n.area_id')
    .select([
      'd.id',
      'd.place_kind',
      'd.place_id',
      'd.homes',
      'd.note',
      'a.name as area_name',
      'n.name as neighbourhood_name',
      'na.name as parent_area',
    ])
    .select((eb) =>
      eb
        .selectFrom('community_visits as v')
        .select((v) => v.fn.max('v.on_date').as('last'))
        .whereRef('v.community_id', '=', 'd.id')
        .where('v.deleted_at', 'is', null)
        .as('last_visit'),
    )
    .where('d.deleted_at', 'is', null)
    .execute();
  return rows
    .map((r) => ({
      id: r.id,
      placeKind: r.place_kind as 'area' | 'neighbourhood',
      placeId: r.place_id,
      name: r.neighbourhood_name ?? r.area_name ?? 'A place no longer in the settings',
      areaName: r.place_kind === 'neighbourhood' ? r.parent_area : null,
      homes: r.homes,
      note: r.note,
      lastVisitOn: r.last_visit ?? null,
      noneInYear: noneInLastTwelveMonths(r.last_visit ?? null, today),
    }))
    .sort((a, b) =>
      a.noneInYear !== b.noneInYear ? (a.noneInYear ? -1 : 1) : a.name.localeCompare(b.name),
    );
}

export async function setDispersedFlag(
  ctx: CallContext,
  input: z.output<typeof dispersedFlagInput>,
): Promise<DispersedCommunity[]> {
  const table = input.placeKind === 'area' ? 'areas' : 'neighbourhoods';
  const place = await ctx.db
    .selectFrom(table)
    .select('id')
    .where('id', '=', input.placeId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!place)
    throw ApiError.notFound(input.placeKind === 'area' ? 'The area' : 'The neighbourhood');
  await writing(ctx, async (w) => {
    const existing = await w.trx
      .selectFrom('dispersed_communities')
      .select('id')
      .where('place_kind', '=', input.placeKind)
      .where('place_id', '=', input.placeId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (!input.dispersed) {
      if (existing) await w.remove('dispersed_communities', existing.id);
      return;
    }
    const values = { homes: input.homes, note: input.note };
    if (existing) await w.update('dispersed_communities', existing.id, values);
    else
      await w.create('dispersed_communities', {
        place_kind: input.placeKind,
        place_id: input.placeId,
        ...values,
      });
  });
  return listDispersed(ctx);
}

export async function listCommunityVisits(
  ctx: CallContext,
  communityId?: string,
): Promise<CommunityVisit[]> {
  let q = ctx.db
    .selectFrom('community_visits')
    .selectAll()
    .where('deleted_at', 'is', null)
    .orderBy('on_date', 'desc');
  if (communityId) q = q.where('community_id', '=', communityId);
  const rows = await q.limit(500).execute();
  return rows.map((r) => ({
    id: r.id,
    communityId: r.community_id,
    onDate: r.on_date,
    kind: r.kind as (typeof communityVisitKinds)[number],
    venue: r.venue,
    peopleMet: r.people_met,
    customersSaid: r.customers_said,
    feedbackGiven: r.feedback_given,
  }));
}

export async function recordCommunityVisit(
  ctx: CallContext,
  input: z.output<typeof communityVisitInput>,
): Promise<CommunityVisit[]> {
  const community = await ctx.db
    .selectFrom('dispersed_communities')
    .select('id')
    .where('id', '=', input.communityId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!community) throw ApiError.notFound('The dispersed community');
  if (input.onDate > londonDate(ctx.clock.now()))
    throw ApiError.invalid('A visit is recorded once it has happened.', [
      { path: 'onDate', message: 'This date is in the future.' },
    ]);
  await writing(ctx, (w) =>
    w.create('community_visits', {
      community_id: input.communityId,
      on_date: input.onDate,
      kind: input.kind,
      venue: input.venue,
      people_met: input.peopleMet,
      customers_said: input.customersSaid,
      feedback_given: input.feedbackGiven,
    }),
  );
  return listCommunityVisits(ctx, input.communityId);
}

// ---------------------------------------------------------------------------
// Higher-risk buildings: residents involved, engagement, and the recommendations they review.

export async function listBuildings(ctx: CallContext): Promise<BuildingSummary[]> {
  const today = londonDate(ctx.clock.now());
  const rows = await ctx.db
    .selectFrom('buildings as b')
    .leftJoin('landlords as l', 'l.id', 'b.landlord_id')
    .select([
      'b.id',
      'b.name',
      'b.address',
      'b.postcode',
      'b.height_metres',
      'b.storeys',
      'l.name as landlord_name',
    ])
    .select((eb) => [
      eb
        .selectFrom('building_residents as r')
        .select((r) => r.fn.countAll<number>().as('n'))
        .whereRef('r.building_id', '=', 'b.id')
        .where('r.deleted_at', 'is', null)
        .where((w) => w.or([w('r.left_on', 'is', null), w('r.left_on', '>', today)]))
        .as('residents'),
      eb
        .selectFrom('building_engagements as e')
        .select((e) => e.fn.max('e.on_date').as('last'))
        .whereRef('e.building_id', '=', 'b.id')
        .where('e.deleted_at', 'is', null)
        .as('last_engagement'),
      eb
        .selectFrom('building_reviews as v')
        .select((v) => v.fn.max('v.reviewed_on').as('last'))
        .whereRef('v.building_id', '=', 'b.id')
        .where('v.deleted_at', 'is', null)
        .as('last_review'),
    ])
    .where('b.deleted_at', 'is', null)
    .execute();
  return rows
    .map((r) => {
      // Residents reviewing a recommendation is engagement too.
      const last =
        [r.last_engagement, r.last_review]
          .filter((d): d is string => !!d)
          .sort()
          .pop() ?? null;
      return {
        id: r.id,
        name: r.name,
        address: r.address,
        postcode: r.postcode,
        landlordName: r.landlord_name,
        heightMetres: r.height_metres,
        storeys: r.storeys,
        residentsInvolved: Number(r.residents ?? 0),
        lastEngagementOn: last,
        noneInYear: noneInLastTwelveMonths(last, today),
      };
    })
    .sort((a, b) =>
      a.noneInYear !== b.noneInYear ? (a.noneInYear ? -1 : 1) : a.name.localeCompare(b.name),
    );
}

export async function getBuilding(ctx: CallContext, id: string): Promise<Building> {
  const row = await ctx.db
    .selectFrom('buildings')
    .selectAll()
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw ApiError.notFound('The building');
  const summary = (await listBuildings(ctx)).find((b) => b.id === id)!;
  const today = londonDate(ctx.clock.now());
  const residents = await ctx.db
    .selectFrom('building_residents as r')
    .innerJoin('customers as c', 'c.id', 'r.customer_id')
    .select([
      'r.id',
      'r.customer_id',
      'r.since_on',
      'c.first_name',
      'c.last_name',
      'c.preferred_name',
    ])
    .where('r.building_id', '=', id)
    .where('r.deleted_at', 'is', null)
    .where((w) => w.or([w('r.left_on', 'is', null), w('r.left_on', '>', today)]))
    .orderBy('c.last_name')
    .execute();
  const engagements = await ctx.db
    .selectFrom('building_engagements')
    .selectAll()
    .where('building_id', '=', id)
    .where('deleted_at', 'is', null)
    .orderBy('on_date', 'desc')
    .execute();
  const reviews = await ctx.db
    .selectFrom('building_reviews as v')
    .innerJoin('recommendations as r', 'r.id', 'v.recommendation_id')
    .select([
      'v.id',
      'v.recommendation_id',
      'v.reviewed_on',
      'v.comments',
      'r.reference',
      'r.text',
      'r.status',
      'r.source_type',
    ])
    .where('v.building_id', '=', id)
    .where('v.deleted_at', 'is', null)
    .orderBy('v.reviewed_on', 'desc')
    .execute();
  return {
    ...summary,
    landlordId: row.landlord_id,
    areaId: row.area_id,
    notes: row.notes,
    updatedAt: row.updated_at,
    residents: residents.map((r) => ({
      id: r.id,
      customerId: r.customer_id,
      name: displayName({
        firstName: r.first_name,
        lastName: r.last_name,
        preferredName: r.preferred_name,
      }),
      sinceOn: r.since_on,
    })),
    engagements: engagements.map((e) => ({
      id: e.id,
      onDate: e.on_date,
      kind: e.kind as (typeof engagementKinds)[number],
      summary: e.summary,
      residentsTakingPart: e.residents_taking_part,
    })),
    reviews: reviews
      .filter((v) => maySee(ctx, v.source_type))
      .map((v) => ({
        id: v.id,
        recommendationId: v.recommendation_id,
        reference: v.reference,
        text: v.text,
        status: v.status,
        reviewedOn: v.reviewed_on,
        comments: v.comments,
      })),
  };
}

export async function saveBuilding(
  ctx: CallContext,
  input: z.output<typeof buildingInput>,
): Promise<Building> {
  const values = {
    name: input.name,
    address: input.address,
    postcode: input.postcode,
    landlord_id: input.landlordId,
    area_id: input.areaId,
    height_metres: input.heightMetres,
    storeys: input.storeys,
    notes: input.notes,
  };
  const id = await writing(ctx, async (w) => {
    if (!input.id) return w.create('buildings', values);
    await w.update('buildings', input.id, values, { expectedUpdatedAt: input.expectedUpdatedAt });
    return input.id;
  });
  return getBuilding(ctx, id);
}

async function requireBuilding(ctx: CallContext, id: string) {
  const b = await ctx.db
    .selectFrom('buildings')
    .select('id')
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!b) throw ApiError.notFound('The building');
}

export async function addBuildingResident(
  ctx: CallContext,
  input: z.output<typeof buildingResidentInput>,
): Promise<Building> {
  await requireBuilding(ctx, input.buildingId);
  const already = await ctx.db
    .selectFrom('building_residents')
    .select('id')
    .where('building_id', '=', input.buildingId)
    .where('customer_id', '=', input.customerId)
    .where('deleted_at', 'is', null)
    .where('left_on', 'is', null)
    .executeTakeFirst();
  if (already)
    throw ApiError.invalid('This customer is already involved for this building.', [
      { path: 'customerId', message: 'Already listed.' },
    ]);
  await writing(ctx, (w) =>
    w.create('building_residents', {
      building_id: input.buildingId,
      customer_id: input.customerId,
      since_on: input.sinceOn,
      left_on: null,
    }),
  );
  return getBuilding(ctx, input.buildingId);
}

export async function removeBuildingResident(
  ctx: CallContext,
  id: string,
  leftOn: string,
): Promise<Building> {
  const row = await ctx.db
    .selectFrom('building_residents')
    .select(['building_id'])
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw ApiError.notFound('The resident');
  await writing(ctx, (w) => w.update('building_residents', id, { left_on: leftOn }));
  return getBuilding(ctx, row.building_id);
}

export async function recordBuildingEngagement(
  ctx: CallContext,
  input: z.output<typeof buildingEngagementInput>,
): Promise<Building> {
  await requireBuilding(ctx, input.buildingId);
  await writing(ctx, (w) =>
    w.create('building_engagements', {
      building_id: input.buildingId,
      on_date: input.onDate,
      kind: input.kind,
      summary: input.summary,
      residents_taking_part: input.residentsTakingPart,
    }),
  );
  return getBuilding(ctx, input.buildingId);
}

export async function recordBuildingReview(
  ctx: CallContext,
  input: z.output<typeof buildingReviewInput>,
): Promise<Building> {
  await requireBuilding(ctx, input.buildingId);
  const rec = await ctx.db
    .selectFrom('recommendations')
    .select(['id', 'source_type'])
    .where('id', '=', input.recommendationId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!rec || !maySee(ctx, rec.source_type))
    throw ApiError.invalid('That recommendation is not in the tracker.', [
      { path: 'recommendationId', message: 'Choose a recommendation from the tracker.' },
    ]);
  await writing(ctx, (w) =>
    w.create('building_reviews', {
      building_id: input.buildingId,
      recommendation_id: input.recommendationId,
      reviewed_on: input.reviewedOn,
      comments: input.comments,
    }),
  );
  return getBuilding(ctx, input.buildingId);
}
