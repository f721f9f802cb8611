import { insertCustomer } from '../customers/register';
import { writing } from '../context';
import type { DemoStep } from './index';
import { demoCustomer, seededRandom, type Placement } from './customer-generator';

/**
 * The demo's customers, spread over the template's landlords and areas in
 * proportion to each area's tenants. All in one transaction through the one
 * write path, so every demo customer has its history like any other.
 */
export const demoCustomersStep: DemoStep = async (ctx, ids, options) => {
  if (options.customers === 0) return { customers: 0 };
  const random = seededRandom(options.seed);
  const landlordKeys = new Map([...ids.landlords].map(([key, id]) => [id, key]));
  const areas = await ctx.db
    .selectFrom('areas')
    .select(['id', 'name', 'landlord_id', 'population'])
    .where('deleted_at', 'is', null)
    .where('landlord_id', 'is not', null)
    .orderBy('name')
    .execute();
  const hoods = await ctx.db
    .selectFrom('neighbourhoods')
    .select(['id', 'name', 'area_id'])
    .where('deleted_at', 'is', null)
    .orderBy('name')
    .execute();
  const places: (Placement & { weight: number })[] = areas.map((a) => ({
    landlordKey: landlordKeys.get(a.landlord_id!) ?? 'demo',
    landlordId: a.landlord_id!,
    areaId: a.id,
    areaName: a.name,
    neighbourhoods: hoods.filter((h) => h.area_id === a.id),
    weight: a.population ?? 100,
  }));
  if (places.length === 0) return { customers: 0 };
  const totalWeight = places.reduce((sum, p) => sum + p.weight, 0);

  const today = ctx.clock.now();
  await writing(ctx, async (w) => {
    for (let i = 0; i < options.customers; i++) {
      let r = random() * totalWeight;
      const place = places.find((p) => (r -= p.weight) < 0) ?? places[places.length - 1]!;
      await insertCustomer(w, demoCustomer(random, i, place, today));
    }
  });
  return { customers: options.customers };
};
