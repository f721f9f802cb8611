import type {
  Area,
  Landlord,
  Neighbourhood,
  Organisation,
} from '../../../src-shared/domain/organisation';
import { ApiError } from '../../../src-shared/errors';
import type { AppContext, CallContext } from '../context';
import { writing } from '../context';
import { readSetting, saveSetting } from '../settings';

export async function getOrganisation(ctx: AppContext): Promise<Organisation> {
  const [landlords, areas, neighbourhoods, name] = await Promise.all([
    ctx.db
      .selectFrom('landlords')
      .selectAll()
      .where('deleted_at', 'is', null)
      .orderBy('sort_order')
      .orderBy('name')
      .execute(),
    ctx.db
      .selectFrom('areas')
      .selectAll()
      .where('deleted_at', 'is', null)
      .orderBy('name')
      .execute(),
    ctx.db
      .selectFrom('neighbourhoods')
      .selectAll()
      .where('deleted_at', 'is', null)
      .orderBy('name')
      .execute(),
    readSetting<string | null>(ctx, 'organisation.name', null),
  ]);
  return {
    name: name ?? 'Your organisation',
    landlords: landlords.map((l): Landlord => ({
      id: l.id,
      name: l.name,
      shortName: l.short_name,
      isPartner: l.is_partner === 1,
      homes: l.homes,
    })),
    areas: areas.map((a): Area => ({
      id: a.id,
      landlordId: a.landlord_id,
      name: a.name,
      population: a.population,
    })),
    neighbourhoods: neighbourhoods.map((n): Neighbourhood => ({
      id: n.id,
      areaId: n.area_id,
      name: n.name,
    })),
  };
}

export async function renameOrganisation(ctx: CallContext, name: string): Promise<Organisation> {
  await writing(ctx, (w) => saveSetting(w, 'organisation.name', name));
  return getOrganisation(ctx);
}

export async function saveLandlord(
  ctx: CallContext,
  input: {
    id?: string;
    name: string;
    shortName: string | null;
    isPartner: boolean;
    homes: number | null;
  },
): Promise<Organisation> {
  await refuseDuplicateName(ctx, 'landlords', input.name, input.id);
  const values = {
    name: input.name,
    short_name: input.shortName,
    is_partner: input.isPartner ? 1 : 0,
    homes: input.homes,
  };
  await writing(ctx, async (w) => {
    if (input.id) await w.update('landlords', input.id, values);
    else await w.create('landlords', { ...values, sort_order: 0 });
  });
  return getOrganisation(ctx);
}

export async function saveArea(
  ctx: CallContext,
  input: { id?: string; landlordId: string | null; name: string; population: number | null },
): Promise<Organisation> {
  await refuseDuplicateName(ctx, 'areas', input.name, input.id);
  if (input.landlordId)
    await mustExist(ctx, 'landlords', input.landlordId, 'landlordId', 'That landlord');
  const values = { landlord_id: input.landlordId, name: input.name, population: input.population };
  await writing(ctx, async (w) => {
    if (input.id) await w.update('areas', input.id, values);
    else await w.create('areas', values);
  });
  return getOrganisation(ctx);
}

export async function saveNeighbourhood(
  ctx: CallContext,
  input: { id?: string; areaId: string; name: string },
): Promise<Organisation> {
  await mustExist(ctx, 'areas', input.areaId, 'areaId', 'That area');
  const values = { area_id: input.areaId, name: input.name };
  await writing(ctx, async (w) => {
    if (input.id) await w.update('neighbourhoods', input.id, values);
    else await w.create('neighbourhoods', values);
  });
  return getOrganisation(ctx);
}

async function refuseDuplicateName(
  ctx: AppContext,
  table: 'landlords' | 'areas',
  name: string,
  id?: string,
): Promise<void> {
  const clash = await ctx.db
    .selectFrom(table)
    .select('id')
    .where('deleted_at', 'is', null)
    .where((eb) => eb(eb.fn('lower', ['name']), '=', name.toLowerCase()))
    .executeTakeFirst();
  if (clash && clash.id !== id) {
    const kind = table === 'landlords' ? 'landlord' : 'area';
    throw ApiError.invalid(`There is already a ${kind} called ${name}.`, [
      { path: 'name', message: `Another ${kind} has this name.` },
    ]);
  }
}

async function mustExist(
  ctx: AppContext,
  table: 'landlords' | 'areas',
  id: string,
  path: string,
  what: string,
): Promise<void> {
  const row = await ctx.db
    .selectFrom(table)
    .select('id')
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row)
    throw ApiError.invalid(`${what} no longer exists.`, [
      { path, message: `${what} no longer exists.` },
    ]);
}
