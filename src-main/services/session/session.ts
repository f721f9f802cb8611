import type { SessionState } from '../../../src-shared/api/foundation';
import type { Staff } from '../../../src-shared/domain/staff';
import { ApiError } from '../../../src-shared/errors';
import type { AppContext, CallContext } from '../context';
import { anyStaff, getStaff } from '../staff/staff';

export const APP_VERSION = '0.1.0';

/**
 * Who is signed in, per client session: each window of the desktop app and
 * each browser on the host has its own, so one person switching profile never
 * changes who another is. Held in memory only: after a restart everyone
 * chooses their profile again.
 */
export type SignedInSessions = Map<string, string>;

/** The session of the command line, the tests and any caller that names none. */
export const LOCAL_SESSION = 'local';

export async function signedInStaff(ctx: AppContext, session: string): Promise<Staff | null> {
  const staffId = ctx.sessions.get(session);
  if (!staffId) return null;
  const staff = await getStaff(ctx, staffId);
  return staff?.active ? staff : null;
}

export async function signIn(ctx: CallContext, staffId: string): Promise<void> {
  const staff = await getStaff(ctx, staffId);
  if (!staff) throw ApiError.notFound('That staff profile');
  if (!staff.active)
    throw ApiError.forbidden(`${staff.name}'s profile is switched off. Ask an administrator.`);
  ctx.sessions.set(ctx.session, staffId);
}

export async function signOut(ctx: CallContext): Promise<void> {
  ctx.sessions.delete(ctx.session);
}

export async function sessionState(ctx: CallContext): Promise<SessionState> {
  const staff = ctx.actor;
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
