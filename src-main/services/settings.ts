import type { Writer } from '../changes/writer';
import type { AppContext } from './context';

/** Settings are small JSON values keyed by name, written through the change log like any record. */
export async function readSetting<T>(ctx: AppContext, key: string, fallback: T): Promise<T> {
  const row = await ctx.db
    .selectFrom('settings')
    .select('value')
    .where('id', '=', key)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return row ? (JSON.parse(row.value) as T) : fallback;
}

export async function saveSetting(w: Writer, key: string, value: unknown): Promise<void> {
  const json = JSON.stringify(value);
  const existing = await w.trx
    .selectFrom('settings')
    .select('id')
    .where('id', '=', key)
    .executeTakeFirst();
  if (existing) await w.update('settings', key, { value: json });
  else await w.create('settings', { id: key, value: json });
}
