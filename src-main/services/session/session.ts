import type { SessionState } from '../../../src-shared/api/foundation';
import { DEFAULT_IDLE_MINUTES, type SignInProfile } from '../../../src-shared/domain/sign-in';
import type { Staff } from '../../../src-shared/domain/staff';
import { ApiError } from '../../../src-shared/errors';
import type { AppContext, CallContext } from '../context';
import { readSetting, saveSetting } from '../settings';
import { writing } from '../context';
import { anyStaff, getStaff, listStaff, systemStaffId } from '../staff/staff';
import { checkPassphrase, choosePassphrase, profilesWithPassphrase } from './credentials';

export const APP_VERSION = '0.1.0';

/** One signed-in window or browser. */
export interface SignedIn {
  staffId: string;
  /** When the person last used the window, by the app's clock (ms). */
  lastActiveAt: number;
  /** Left idle too long: only the lock screen's calls are answered until the passphrase is typed. */
  locked: boolean;
}

/**
 * Who is signed in, per client session: each window of the desktop app and
 * each browser on the host has its own, so one person switching profile never
 * changes who another is. Held in memory only: after a restart everyone
 * signs in again.
 */
export type SignedInSessions = Map<string, SignedIn>;

/**
 * The session of the command line, the tests and any caller that names none.
 * It has no window to leave unattended, so it never locks; signing in to it
 * still asks for the passphrase.
 */
export const LOCAL_SESSION = 'local';

export const IDLE_MINUTES_SETTING = 'session.idle_minutes';

/** What a locked window may still call: the lock screen's own needs. */
const OPEN_WHILE_LOCKED: ReadonlySet<string> = new Set([
  'clock.now',
  'system.health',
  'session.state',
  'session.unlock',
  'session.activity',
  'session.signOut',
  'session.signIn',
  'session.profiles',
  'session.setPassphrase',
]);

export const LOCKED_MESSAGE =
  'Involvement Desk locked itself after a time with no use. Type your passphrase to go on.';

export async function signedInStaff(ctx: AppContext, session: string): Promise<Staff | null> {
  const signedIn = ctx.sessions.get(session);
  if (!signedIn) return null;
  const staff = await getStaff(ctx, signedIn.staffId);
  return staff?.active ? staff : null;
}

export async function idleMinutes(ctx: AppContext): Promise<number> {
  return readSetting(ctx, IDLE_MINUTES_SETTING, DEFAULT_IDLE_MINUTES);
}

/** Whether the session has been left idle past the organisation's limit; once locked it stays so. */
export async function isLocked(ctx: AppContext, session: string): Promise<boolean> {
  const signedIn = ctx.sessions.get(session);
  if (!signedIn || session === LOCAL_SESSION) return false;
  if (signedIn.locked) return true;
  const idleMs = (await idleMinutes(ctx)) * 60_000;
  if (ctx.clock.now().getTime() - signedIn.lastActiveAt >= idleMs) signedIn.locked = true;
  return signedIn.locked;
}

/** Refuses every call of a locked window but the lock screen's. */
export async function refuseWhileLocked(
  ctx: AppContext,
  session: string,
  method: string,
): Promise<void> {
  if (OPEN_WHILE_LOCKED.has(method)) return;
  if (await isLocked(ctx, session)) throw new ApiError('unauthenticated', LOCKED_MESSAGE);
}

async function signInProfile(ctx: CallContext, staffId: string): Promise<Staff> {
  const staff = await getStaff(ctx, staffId);
  if (!staff || staffId === (await systemStaffId(ctx)))
    throw ApiError.notFound('That staff profile');
  if (!staff.active)
    throw ApiError.forbidden(`${staff.name}'s profile is switched off. Ask an administrator.`);
  return staff;
}

function start(ctx: CallContext, staffId: string): void {
  ctx.sessions.set(ctx.session, {
    staffId,
    lastActiveAt: ctx.clock.now().getTime(),
    locked: false,
  });
}

export async function signIn(ctx: CallContext, staffId: string, passphrase: string): Promise<void> {
  const staff = await signInProfile(ctx, staffId);
  await checkPassphrase(ctx, staff.id, passphrase, staff.name);
  start(ctx, staff.id);
}

/** First use or after a reset: the profile chooses its passphrase, and is signed in with it. */
export async function setPassphrase(
  ctx: CallContext,
  staffId: string,
  passphrase: string,
): Promise<void> {
  const staff = await signInProfile(ctx, staffId);
  await choosePassphrase(ctx, staff.id, passphrase);
  start(ctx, staff.id);
}

/** The person signed in to a locked window types their passphrase again; the session goes on. */
export async function unlock(ctx: CallContext, passphrase: string): Promise<void> {
  const signedIn = ctx.sessions.get(ctx.session);
  const staff = signedIn ? await getStaff(ctx, signedIn.staffId) : null;
  if (!signedIn || !staff?.active)
    throw new ApiError(
      'unauthenticated',
      'Nobody is signed in to this window. Choose your profile.',
    );
  await checkPassphrase(ctx, staff.id, passphrase, staff.name);
  signedIn.locked = false;
  signedIn.lastActiveAt = ctx.clock.now().getTime();
}

/** The person used the window. A locked window stays locked: only the passphrase opens it. */
export async function recordActivity(ctx: CallContext): Promise<{ locked: boolean }> {
  const signedIn = ctx.sessions.get(ctx.session);
  if (!signedIn) return { locked: false };
  if (await isLocked(ctx, ctx.session)) return { locked: true };
  signedIn.lastActiveAt = ctx.clock.now().getTime();
  return { locked: false };
}

export async function signOut(ctx: CallContext): Promise<void> {
  ctx.sessions.delete(ctx.session);
}

export async function setIdleMinutes(
  ctx: CallContext,
  minutes: number,
): Promise<{ minutes: number }> {
  await writing(ctx, (w) => saveSetting(w, IDLE_MINUTES_SETTING, minutes));
  return { minutes };
}

export async function signInProfiles(ctx: AppContext): Promise<SignInProfile[]> {
  const [staff, withPassphrase] = await Promise.all([listStaff(ctx), profilesWithPassphrase(ctx)]);
  return staff
    .filter((s) => s.active)
    .map((s) => ({
      id: s.id,
      name: s.name,
      role: s.role,
      passphraseSet: withPassphrase.has(s.id),
    }));
}

/** The session as it is now: after a sign-in, as the profile just signed in. */
export async function sessionState(ctx: CallContext): Promise<SessionState> {
  const locked = await isLocked(ctx, ctx.session);
  const staff = ctx.sessions.has(ctx.session) ? await signedInStaff(ctx, ctx.session) : null;
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
    // A locked window is not told the organisation's name or anything else of its data.
    organisationName: !locked && name ? (JSON.parse(name.value) as string) : null,
    deviceId: ctx.deviceId,
    appVersion: APP_VERSION,
    locked,
    idleMinutes: await idleMinutes(ctx),
  };
}
