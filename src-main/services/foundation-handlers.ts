import { londonDate } from '../../src-shared/rules/working-days';
import type { foundationApi } from '../../src-shared/api/foundation';
import { recordHistory } from '../changes/history';
import { takeBackup } from './backups/backups';
import type { HandlersFor } from './context';
import { DAMAGED_MESSAGE, requireActor } from './context';
import { loadDemo } from './demo';
import {
  getOrganisation,
  renameOrganisation,
  saveArea,
  saveLandlord,
  saveNeighbourhood,
} from './organisation/organisation';
import { resetPassphrase } from './session/credentials';
import {
  recordActivity,
  sessionState,
  setIdleMinutes,
  setPassphrase,
  signIn,
  signInProfiles,
  signOut,
  unlock,
} from './session/session';
import { createStaff, listStaff, updateStaff } from './staff/staff';
import { applyDefaultTemplate } from './template';

export const foundationHandlers: HandlersFor<typeof foundationApi> = {
  'clock.now': async (ctx) => {
    const now = ctx.clock.now();
    return { now: now.toISOString(), today: londonDate(now) };
  },
  'session.state': (ctx) => sessionState(ctx),
  'session.profiles': (ctx) => signInProfiles(ctx),
  'session.signIn': async (ctx, input) => {
    await signIn(ctx, input.staffId, input.passphrase);
    return sessionState(ctx);
  },
  'session.setPassphrase': async (ctx, input) => {
    await setPassphrase(ctx, input.staffId, input.passphrase);
    return sessionState(ctx);
  },
  'session.unlock': async (ctx, input) => {
    await unlock(ctx, input.passphrase);
    return sessionState(ctx);
  },
  'session.activity': (ctx) => recordActivity(ctx),
  'session.setIdleMinutes': (ctx, input) => setIdleMinutes(ctx, input.minutes),
  'session.signOut': async (ctx) => {
    await signOut(ctx);
    return sessionState(ctx);
  },

  'staff.list': (ctx) => listStaff(ctx),
  'staff.create': (ctx, input) => createStaff(ctx, input),
  'staff.update': (ctx, input) => updateStaff(ctx, input),
  'staff.resetPassphrase': async (ctx, input) => {
    await resetPassphrase(ctx, input.staffId);
    return { reset: true as const };
  },

  'organisation.get': (ctx) => getOrganisation(ctx),
  'organisation.rename': (ctx, input) => renameOrganisation(ctx, input.name),
  'organisation.saveLandlord': (ctx, input) => saveLandlord(ctx, input),
  'organisation.saveArea': (ctx, input) => saveArea(ctx, input),
  'organisation.saveNeighbourhood': (ctx, input) => saveNeighbourhood(ctx, input),
  'organisation.applyTemplate': async (ctx) => {
    await applyDefaultTemplate(ctx);
    return getOrganisation(ctx);
  },

  'history.forRecord': (ctx, input) => recordHistory(ctx, input.entity, input.id),

  'demo.load': (ctx, input) => loadDemo(ctx, input),

  'system.backup': async (ctx) => {
    requireActor(ctx);
    // In its own worker, on its own connection: other calls go on being answered.
    const file = await takeBackup(ctx, 'manual', {
      signal: new AbortController().signal,
      progress: () => {},
    });
    return { path: file.path };
  },
  'system.health': async (ctx) => {
    const state = ctx.health?.state ?? 'ok';
    return { state, message: state === 'damaged' ? DAMAGED_MESSAGE : null };
  },
};
