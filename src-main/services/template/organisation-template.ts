import template from '../../../resources/default-template.json';
import type { Writer } from '../../changes/writer';
import { saveSetting } from '../settings';

/** Ids the template gave to its landlords and areas, by their keys and names, for later steps. */
export interface TemplateIds {
  landlords: Map<string, string>;
  areas: Map<string, string>;
}

/** Thirteen's structure, from resources/default-template.json: data, not code. */
export async function applyOrganisationTemplate(w: Writer): Promise<TemplateIds> {
  const ids: TemplateIds = { landlords: new Map(), areas: new Map() };
  await saveSetting(w, 'organisation.name', template.organisation);
  let order = 0;
  for (const l of template.landlords) {
    const id = await w.create('landlords', {
      name: l.name,
      short_name: l.shortName,
      is_partner: l.isPartner ? 1 : 0,
      homes: l.homes,
      sort_order: order++,
    });
    ids.landlords.set(l.key, id);
  }
  for (const a of template.areas) {
    const areaId = await w.create('areas', {
      landlord_id: ids.landlords.get(a.landlord) ?? null,
      name: a.name,
      population: a.population,
    });
    ids.areas.set(a.name, areaId);
    for (const n of a.neighbourhoods)
      await w.create('neighbourhoods', { area_id: areaId, name: n });
  }
  return ids;
}
