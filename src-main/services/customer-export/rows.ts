import type { Selectable } from 'kysely';
import type { CustomersTable } from '../../db/schema/customers';
import type { CallContext } from '../context';

export type ExportRow = Selectable<CustomersTable> & {
  landlord_name: string | null;
  area_name: string | null;
  neighbourhood_name: string | null;
};

/** Keeps each `IN (...)` well under SQLite's limit on bound values. */
const CHUNK = 500;

/** Whole customer rows with their places' names, in the order of `ids`. */
export async function loadExportRows(
  ctx: CallContext,
  ids: readonly string[],
): Promise<ExportRow[]> {
  const byId = new Map<string, ExportRow>();
  for (let start = 0; start < ids.length; start += CHUNK) {
    const rows = await ctx.db
      .selectFrom('customers as c')
      .leftJoin('landlords as l', 'l.id', 'c.landlord_id')
      .leftJoin('areas as a', 'a.id', 'c.area_id')
      .leftJoin('neighbourhoods as n', 'n.id', 'c.neighbourhood_id')
      .selectAll('c')
      .select(['l.name as landlord_name', 'a.name as area_name', 'n.name as neighbourhood_name'])
      .where('c.id', 'in', ids.slice(start, start + CHUNK))
      .execute();
    for (const row of rows) byId.set(row.id, row);
  }
  return ids.map((id) => byId.get(id)).filter((r): r is ExportRow => r !== undefined);
}
