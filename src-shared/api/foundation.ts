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
import { signInInput, staffCreateInput, staffUpdateInput } from '../domain/staff';
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
  'session.signIn': method(signInInput, null).returns<SessionState>(),
  'session.signOut': method(none, null).returns<SessionState>(),

  'staff.list': method(none, null).returns<Staff[]>(),
  /** Open to anyone only while no profile exists; then administrators only. */
  'staff.create': method(staffCreateInput, null).returns<Staff>(),
  'staff.update': method(staffUpdateInput, 'staff.manage').returns<Staff>(),

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
