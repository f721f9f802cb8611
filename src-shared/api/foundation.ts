import { z } from 'zod';
import { method } from '../contract';
import type { Organisation } from '../domain/organisation';
import {
  areaInput,
  landlordInput,
  neighbourhoodInput,
  organisationNameInput,
} from '../domain/organisation';
import type { DemoCounts } from '../domain/demo';
import type { Staff } from '../domain/staff';
import { staffCreateInput, staffUpdateInput } from '../domain/staff';
import {
  idleMinutesInput,
  resetPassphraseInput,
  setPassphraseInput,
  signInInput,
  unlockInput,
  type SignInProfile,
} from '../domain/sign-in';
import { historyInput, type HistoryEntry } from '../domain/history';

const none = z.object({}).strict();

export interface SessionState {
  staff: Staff | null;
  /** No staff profile exists yet: the first-run screen shows. */
  firstRun: boolean;
  /** No customers and no landlords: offer the demo data or the template. */
  databaseEmpty: boolean;
  organisationName: string | null;
  deviceId: string;
  appVersion: string;
  /**
   * The window was left idle: its data is hidden until the signed-in person
   * types their passphrase again. Only the lock screen's calls are answered.
   */
  locked: boolean;
  /** Minutes of no use before a window locks (the organisation's setting). */
  idleMinutes: number;
}

/** The backend's clock: the app's one "now", read by the window for every default and "today". */
export interface ClockReading {
  /** ISO instant, UTC. */
  now: string;
  /** The date in Europe/London, `YYYY-MM-DD`. */
  today: string;
}

/** What the background integrity check has found (see src-main/db/integrity.ts). */
export interface DatabaseHealthReading {
  state: 'checking' | 'ok' | 'damaged';
  /** What the user should be told, when there is something to tell. */
  message: string | null;
}

export const foundationApi = {
  'clock.now': method(none, null).returns<ClockReading>(),
  'session.state': method(none, null).returns<SessionState>(),
  /** The profiles to choose from, and whether each has its passphrase yet. */
  'session.profiles': method(none, null).returns<SignInProfile[]>(),
  'session.signIn': method(signInInput, null).returns<SessionState>(),
  /** First use, or after a reset: the profile chooses its passphrase and is signed in. */
  'session.setPassphrase': method(setPassphraseInput, null).returns<SessionState>(),
  'session.unlock': method(unlockInput, null).returns<SessionState>(),
  /** The person is at the keyboard: keeps the window from locking. */
  'session.activity': method(none, null).returns<{ locked: boolean }>(),
  'session.signOut': method(none, null).returns<SessionState>(),
  'session.setIdleMinutes': method(idleMinutesInput, 'organisation.write').returns<{
    minutes: number;
  }>(),

  'staff.list': method(none, null).returns<Staff[]>(),
  /** Open to anyone only while no profile exists; then administrators only. */
  'staff.create': method(staffCreateInput, null).returns<Staff>(),
  'staff.update': method(staffUpdateInput, 'staff.manage').returns<Staff>(),
  /** The colleague chooses a new passphrase at their next sign-in; nobody ever reads one. */
  'staff.resetPassphrase': method(resetPassphraseInput, 'staff.resetPassphrase').returns<{
    reset: true;
  }>(),

  'organisation.get': method(none, 'organisation.read').returns<Organisation>(),
  'organisation.rename': method(
    organisationNameInput,
    'organisation.write',
  ).returns<Organisation>(),
  'organisation.saveLandlord': method(landlordInput, 'organisation.write').returns<Organisation>(),
  'organisation.saveArea': method(areaInput, 'organisation.write').returns<Organisation>(),
  'organisation.saveNeighbourhood': method(
    neighbourhoodInput,
    'organisation.write',
  ).returns<Organisation>(),
  'organisation.applyTemplate': method(none, 'organisation.write').returns<Organisation>(),

  'history.forRecord': method(historyInput, 'history.read').returns<HistoryEntry[]>(),

  'demo.load': method(
    z.object({
      customers: z.number().int().min(0).max(500_000).default(300),
      seed: z.number().int().default(13),
      years: z.number().int().min(0).max(30).default(0),
    }),
    'demo.load',
  ).returns<DemoCounts>(),

  'system.backup': method(none, 'backup.run').returns<{ path: string }>(),
  'system.health': method(none, null).returns<DatabaseHealthReading>(),
} as const;
