import type { SessionState } from '../../../src-shared/api/foundation';
import type { Staff } from '../../../src-shared/domain/staff';
import { ApiError } from '../../../src-shared/errors';
import type { AppContext } from '../context';
import { anyStaff, getStaff } from '../staff/staff';

const SIGNED_IN_KEY = 'signed_in_staff_id';

export const APP_VERSION = '0.1.0';

/** Who is using this install: remembered across restarts, like the last profile on a shared laptop. */
export async function signedInStaff(ctx: AppContext): Promise<Staff | null> {
  const row = await ctx.db
    .selectFrom('app_meta')
    .select('value')
    .where('key', '=', SIGNED_IN_KEY)
    .executeTakeFirst();
  if (!row) return null;
  const staff = await getStaff(ctx, row.value);
  return staff?.active ? staff : null;
}

export async function signIn(ctx: AppContext, staffId: string): Promise<void> {
  const staff = await getStaff(ctx, staffId);
  if (!staff) throw ApiError.notFound('That staff profile');
  if (!staff.active)
    throw ApiError.forbidden(`${staff.name}'s profile is switched off. Ask an administrator.`);
  await ctx.db
    .insertInto('app_meta')
    .values({ key: SIGNED_IN_KEY, value: staffId })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: staffId }))
    .execute();
}

export async function signOut(ctx: AppContext): Promise<void> {
  await ctx.db.deleteFrom('app_meta').where('key', '=', SIGNED_IN_KEY).execute();
}

export async function sessionState(ctx: AppContext): Promise<SessionState> {
  const staff = await signedInStaff(ctx);
  const anyLandlord = await ctx.db
    .selectFrom('landlords')
    .select('id')
    .where('deleted_at', 'is', null)
    .limit(1)
    .executeTakeFirst();
  const name = await ctx.db
    .selectFrom('settings')
    .select('value')
    .where('id', '=', 'organisation.name')
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return {
    staff,
    firstRun: !(await anyStaff(ctx)),
    databaseEmpty: !anyLandlord,
    organisationName: name ? (JSON.parse(name.value) as string) : null,
    deviceId: ctx.deviceId,
    appVersion: APP_VERSION,
  };
}
